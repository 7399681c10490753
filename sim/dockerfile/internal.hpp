// Internals of the Dockerfile front end shared between its .cpp files (not
// for other modules). Each function mirrors one BuildKit helper; the comment
// names it so the two can be compared.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/go_quote.hpp"

namespace layerlab::dockerfile {

namespace detail {

// The 18 instruction keywords, lower-case, alphabetical (command/command.go).
const std::vector<std::string_view>& instructionNames();

// The instruction a keyword names: strings.ToLower(keyword) compared with
// instructionNames(), without making the lower-case string (keyword.cpp).
enum class Keyword {
    Unknown,
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir
};
Keyword keywordOf(std::string_view written);

// util/suggest.WrapError: the closest option at edit distance < 3, in the
// user's case when caseSensitive is false; "" when none (suggest.cpp).
std::string suggest(std::string_view value, const std::vector<std::string_view>& options, bool caseSensitive);

// parser.splitCommand + extractBuilderFlags (line_parsers.cpp).
struct SplitLine {   // keyword and rest are views into the line split
    std::string_view keyword;   // as written
    std::vector<std::string> flags;
    std::string_view rest;   // flags removed, trimmed
};
SplitLine splitCommand(std::string_view line);

// parser.parseJSON: strict JSON array of strings (json_args.cpp).
enum class JsonArray { NotJson, Strings, NotStrings };
JsonArray parseJsonArray(std::string_view rest, std::vector<std::string>& out);

// parser.newNodeFromLine: one logical line to an instruction node. On error
// returns false and sets *error to a parser Diagnostic (range filled later).
// DEPTH: how many ONBUILDs enclose this line (limits::kOnbuildNesting).
bool nodeFromLine(std::string_view line, char escapeToken, Node& node, Diagnostic& error, int depth = 0);

// parser.ParseHeredoc / heredocsFromLine (heredoc.cpp).
std::optional<Heredoc> parseHeredocWord(std::string_view word);
std::vector<Heredoc> heredocsFromLine(std::string_view line);
bool canContainHeredoc(const Node& node);
std::string chompHeredocContent(std::string_view content);

// Everything parser.Parse returns, plus directive values.
struct AstParse {
    std::optional<Node> root;
    char escapeToken = '\\';
    std::string syntax;
    std::string check;
    int checkLine = 0;
    std::vector<Diagnostic> warnings;
    std::optional<Diagnostic> error;
    std::string errorLine;   // the logical line a line-level error came from
    SourceRange range;   // the root's: first and last instruction lines
};
AstParse parseAstDetailed(std::string_view bytes);
// The same parse, handing each instruction node to onInstruction as soon as
// it is complete instead of keeping a tree (root stays empty). The node is
// reused for the next instruction: move from it or copy what you need.
AstParse parseAstEach(std::string_view bytes, const std::function<void(Node&)>& onInstruction);

// goQuote appended to out (quote.cpp): the AST dump quotes every argument,
// and a string per argument was a malloc per token.
void appendGoQuote(std::string& out, std::string_view s);

// Stable sort by start line. Diagnostics are usually in order already, and
// stable_sort would still move each one (five strings) about (diagnostics.cpp).
void sortByLine(std::vector<Diagnostic>& diagnostics);

// instructions.nodeArgs: the flattened argument list of an instruction node.
std::vector<std::string> nodeArgs(const Node& node);
std::vector<std::string_view> nodeArgViews(const Node& node);   // same, as views into node
void appendArgViews(const Node& node, std::vector<std::string_view>& out);   // same, appended to out

}   // namespace detail
}   // namespace layerlab::dockerfile
