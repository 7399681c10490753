// The Dockerfile front end's public API (what the builder, the CLI, lessons
// and the window use). Layered like BuildKit's own:
//   bytes -> logical lines (continuations, comments, directives, heredocs)
//         -> Node AST with source ranges (dump() = BuildKit's AST dump)
//         -> typed instructions (std::variant) -> stages.
// Learner input never throws: parseDockerfile returns {result, warnings, error}.
// Words inside instructions are kept raw (unexpanded): the builder expands
// $VARS at dispatch time with shell::processWord, as BuildKit does.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace layerlab::dockerfile {

// 1-based lines and columns; column 0 means "unknown column".
struct SourceRange {
    int startLine = 0;
    int startColumn = 0;
    int endLine = 0;
    int endColumn = 0;
};

struct Diagnostic {
    enum class Severity { Error, Warning, Hint };
    // Where BuildKit reports it: the low-level parser, instructions.Parse
    // (both "dockerfile parse error on line N: ..."), or dispatch/conversion
    // (EXPOSE ports: "Dockerfile:N: invalid containerPort: #").
    enum class Origin { Parser, Instruction, Dispatch, Check, Teaching };
    Severity severity = Severity::Error;
    Origin origin = Origin::Instruction;
    std::string code;   // stable id: "unknown-instruction", "JSONArgsRecommended", "inline-comment", ...
    std::string message;   // Docker's/BuildKit's own wording, e.g. "unknown instruction: RUNN (did you mean RUN?)"
    SourceRange range;
    std::string explainEn;   // teaching text (why, and how to fix); may be empty
    std::string explainKo;   // the same in Korean
    // Errors: "dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)"
    // Warnings: "JSONArgsRecommended: JSON arguments recommended for CMD ... (line 11)"
    std::string formatted() const;

    // ---- named factories (diagnostics.cpp); message texts are BuildKit's ----
    // low-level parser
    static Diagnostic fileWithNoInstructions(int line);
    static Diagnostic lineTooLong(int line);
    static Diagnostic duplicateDirective(const std::string& name, int line);
    static Diagnostic invalidEscapeToken(const std::string& value, int line);
    static Diagnostic unterminatedHeredoc(SourceRange range);
    static Diagnostic jsonNotStringArray(SourceRange range);
    static Diagnostic mustHaveTwoArguments(const std::string& command,
                                           SourceRange range);   // "ENV must have two arguments"
    static Diagnostic missingEquals(const std::string& word, SourceRange range);
    // instructions.Parse
    static Diagnostic unknownInstruction(const std::string& word, const std::string& suggestion, SourceRange range);
    static Diagnostic fromArguments(SourceRange range);
    static Diagnostic invalidStageName(const std::string& name, SourceRange range);
    static Diagnostic atLeastOneArgument(const std::string& command, SourceRange range);
    static Diagnostic exactlyOneArgument(const std::string& command, SourceRange range);
    static Diagnostic noDestination(const std::string& command, SourceRange range);
    static Diagnostic heredocNotAllowed(const std::string& command, const std::string& option, SourceRange range);
    static Diagnostic blankNames(const std::string& command, SourceRange range);
    static Diagnostic unknownFlag(const std::string& flagName, const std::string& suggestion, SourceRange range);
    static Diagnostic duplicateFlag(const std::string& flagName, SourceRange range);
    static Diagnostic missingFlagValue(const std::string& flagName, SourceRange range);
    static Diagnostic expectingBoolean(const std::string& flagName, const std::string& value, SourceRange range);
    static Diagnostic onbuildChaining(SourceRange range);
    static Diagnostic onbuildTrigger(const std::string& instruction, SourceRange range);
    static Diagnostic volumeEmpty(SourceRange range);
    static Diagnostic notJson(const std::string& command, SourceRange range);
    static Diagnostic noBuildStage(SourceRange range);
    static Diagnostic instructionError(const std::string& code, const std::string& message, SourceRange range);
    // dispatch-time validation BuildKit does before running anything
    static Diagnostic invalidPort(const std::string& message, SourceRange range);
    // BuildKit checks (warnings), names as in BuildKit's linter
    // (By value: the rule and the message, made for the warning, are moved in.)
    static Diagnostic check(std::string rule, std::string message, SourceRange range);
    // teaching hints (LayerLab's own; always on top of the real result)
    static Diagnostic teaching(const std::string& code, const std::string& message, SourceRange range,
                               const std::string& en, const std::string& ko);
};

struct Heredoc {
    std::string name;   // "EOF"
    std::string content;   // body, each line with its newline
    bool expand = true;   // false when the name was quoted
    bool chomp = false;   // <<-
    int fileDescriptor = 0;
};

// ---- the AST (BuildKit parser.Node) ----
struct Node {
    // User-provided, not "= default": emplace_back() value-initializes, which for
    // an implicit constructor first zeroes all 184 bytes (a `rep stos` per node,
    // 5% of the typed parse); this one runs only the member initializers.
    Node() {}
    std::string value;   // keyword as written, or an argument
    std::vector<std::string> flags;   // "--from=build"
    std::vector<Node> next;   // argument chain, flattened in order
    std::vector<Node> children;   // root: instructions; ONBUILD arg: the nested instruction
    bool json = false;   // arguments came from a JSON array
    std::string original;   // the logical line as written (continuations joined)
    std::vector<Heredoc> heredocs;
    SourceRange range;
};
std::string dump(const Node& node);   // BuildKit's AST dump (no trailing newline)

// ---- typed instructions (BuildKit instructions.*Command) ----
struct KeyValue {
    std::string key;
    std::string value;
};   // raw, unexpanded
struct FromInstruction {
    std::string image;
    std::string stageName;
    std::string platform;
};
struct RunInstruction {
    std::vector<std::string> args;   // JSON form: the array; shell form: one element, the command text
    bool shellForm = true;
    std::vector<std::string> mounts;   // raw --mount values
    std::string network;   // --network
    std::string security;   // --security
    std::vector<Heredoc> heredocs;
};
struct CopyInstruction {   // COPY and ADD
    bool isAdd = false;
    std::vector<std::string> sources;   // raw; heredoc sources are "<<EOF"
    std::string destination;
    std::string from;   // --from
    std::string chown, chmod;   // --chown, --chmod
    bool link = false;   // --link
    std::vector<std::string> excludes;   // --exclude
    std::string checksum;   // ADD --checksum
    bool keepGitDir = false;   // ADD --keep-git-dir
    std::vector<Heredoc> heredocs;
};
struct WorkdirInstruction {
    std::string path;
};
struct EnvInstruction {
    std::vector<KeyValue> pairs;
};
struct ArgInstruction {
    struct Arg {
        std::string name;
        std::optional<std::string> defaultValue;
    };
    std::vector<Arg> args;
};
struct LabelInstruction {
    std::vector<KeyValue> pairs;
};
struct ExposeInstruction {
    std::vector<std::string> ports;
};   // raw, e.g. "80", "53/udp", "$PORT"
struct CmdInstruction {
    std::vector<std::string> args;
    bool shellForm = true;
};
struct EntrypointInstruction {
    std::vector<std::string> args;
    bool shellForm = true;
};
struct UserInstruction {
    std::string user;
};
struct VolumeInstruction {
    std::vector<std::string> paths;
};
struct ShellInstruction {
    std::vector<std::string> shell;
};
struct StopsignalInstruction {
    std::string signal;
};
struct HealthcheckInstruction {
    std::string type;   // "CMD", "NONE"
    std::vector<std::string> test;   // CMD args
    bool shellForm = true;
    std::vector<std::string> flags;   // raw --interval=... etc.
};
struct MaintainerInstruction {
    std::string name;
};
struct OnbuildInstruction {
    std::string expression;
};   // the nested instruction's text

// Each instruction struct is default-initialized in place by the parser
// (instructions.cpp make<T>), not zeroed first: every scalar member must have
// its own initializer (`bool x = false;`), or it starts indeterminate.
using Instruction =
    std::variant<FromInstruction, RunInstruction, CopyInstruction, WorkdirInstruction, EnvInstruction, ArgInstruction,
                 LabelInstruction, ExposeInstruction, CmdInstruction, EntrypointInstruction, UserInstruction,
                 VolumeInstruction, ShellInstruction, StopsignalInstruction, HealthcheckInstruction,
                 MaintainerInstruction, OnbuildInstruction>;

struct Command {
    Command() {}   // user-provided for the reason given at Node()
    Instruction instruction;
    std::string keyword;   // upper-case: "RUN"
    std::string original;   // the source text of the logical line, e.g. "RUN npm install"
    SourceRange range;
};

struct Stage {
    std::string name;   // lower-cased AS name, "" if none
    std::string baseImage;   // raw FROM image (may contain $ARG)
    std::string platform;
    int index = 0;   // 0-based
    Command from;   // the FROM command itself
    std::vector<Command> commands;   // after FROM, in order
};

struct Dockerfile {
    Node ast;
    char escapeToken = '\\';
    std::string syntax;   // "# syntax=" value, if any
    std::vector<ArgInstruction::Arg> metaArgs;   // ARGs before the first FROM
    std::vector<Stage> stages;
};

struct ParseResult {
    std::optional<Dockerfile> dockerfile;   // set when there is no error
    std::vector<Diagnostic> warnings;   // BuildKit-like checks + teaching hints
    std::optional<Diagnostic> error;   // the first error, Docker's wording and location
    bool ok() const { return !error.has_value(); }
};

// Parses bytes exactly as BuildKit does (BOM, CRLF, directives, heredocs),
// then builds typed instructions and stages with BuildKit's validation.
ParseResult parseDockerfile(std::string_view bytes);

// Only the AST (BuildKit parser.Parse): for `layerlab parse --dump` and the
// conformance corpus. Errors carry BuildKit's message and line.
struct AstResult {
    std::optional<Node> root;
    std::vector<Diagnostic> warnings;
    std::optional<Diagnostic> error;
};
AstResult parseAst(std::string_view bytes);

// "80", "53/udp", "8000-8010/tcp": BuildKit's EXPOSE port check (dispatch
// time, after $VAR expansion). Returns the error text, e.g.
// "invalid containerPort: #", or std::nullopt when the spec is valid.
std::optional<std::string> validatePortSpec(std::string_view spec);

// ---- shell word expansion (BuildKit frontend/dockerfile/shell) ----
namespace shell {
struct Env {
    std::vector<KeyValue> vars;   // later entries win
    const std::string* lookup(std::string_view name) const;
};
struct Expansion {
    bool ok = true;
    std::string value;   // processWord
    std::vector<std::string> words;   // processWords
    std::string error;
};
Expansion processWord(std::string_view word, const Env& env, char escapeToken = '\\');
Expansion processWords(std::string_view word, const Env& env, char escapeToken = '\\');
}   // namespace shell

}   // namespace layerlab::dockerfile
