// shell_syntax: the part of bash's grammar a learner's terminal needs.
//
// Splits a command line into commands joined by `;`, `&&`, `||`, each with
// its words (quotes and backslashes removed as bash does), leading VAR=value
// assignments (`DOCKER_BUILDKIT=0 docker build .`), an output redirection
// (`> FILE`, `>> FILE`) and a here-document (`<<EOF`, `<<'EOF'`, `<<-EOF`).
// `#` at the start of a word begins a comment. Pipes, `$(...)`, globs and
// variable expansion are not modelled: the parser reports them so the
// terminal can say so plainly instead of doing something bash would not.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::cli {

struct Redirection {
    enum class Kind { Write, Append };
    Kind kind = Kind::Write;
    std::string target;
};

struct HereDocument {
    std::string delimiter;   // "EOF" (quotes removed)
    bool quoted = false;     // <<'EOF': no expansion in the body
    bool stripTabs = false;  // <<-EOF
    std::string body;        // every body line with its '\n'
};

struct SimpleCommand {
    std::vector<std::pair<std::string, std::string>> assignments;   // VAR=value prefixes
    std::vector<std::string> words;
    std::optional<Redirection> output;
    std::optional<HereDocument> hereDoc;
};

struct CommandList {
    struct Item {
        SimpleCommand command;
        std::string connector;   // how it joins the NEXT item: ";", "&&", "||" or "" (last)
    };
    std::vector<Item> items;
    // bash's own words for a syntax error, e.g.
    // "bash: syntax error near unexpected token `&&'"; empty when fine.
    std::string error;
    // A bash feature the simulator does not model ("pipes (|)", "$(...)"):
    // set instead of `error` when the line is valid bash we cannot run.
    std::string unsupported;
};

// The heredoc a first line opens, if any: its delimiter and whether tabs
// are stripped. Lines after it belong to the body until a line equal to the
// delimiter (after tab stripping for <<-).
struct HeredocStart {
    std::string delimiter;
    bool stripTabs = false;
};
std::optional<HeredocStart> findHeredocStart(std::string_view firstLine);

// Parses a complete command: the first line, and for a heredoc the body
// lines and the terminator line, all joined by '\n'.
CommandList parseCommandLine(std::string_view text);

// Quotes a word for display the way bash's `printf %q` would need it
// (only when it contains spaces or special characters).
std::string shellQuote(std::string_view word);

}  // namespace layerlab::cli
