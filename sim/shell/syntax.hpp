// syntax: the POSIX sh grammar LayerLab's one shell model reads (both the
// learner's host bash and the /bin/sh that runs a Dockerfile RUN).
//
//   list      := and_or ((';' | '&' | newline) and_or)*
//   and_or    := pipeline (('&&' | '||') pipeline)*
//   pipeline  := ['!'] command ('|' command)*
//   command   := if | for | while | until | '{' list '}' | '(' list ')' | simple
//   simple    := (VAR=value | word | redirection)+
//
//   command   += case | NAME '(' ')' compound      (and bash's `function NAME`)
//   case      := 'case' word 'in' (['('] word ('|' word)* ')' list [';;'])* 'esac'
//
// Words keep their quoting as segments so that expansion (expand.cpp) can
// tell "$VAR" from $VAR; `$(...)`, backticks and `${...}` stay raw text inside
// a segment and are expanded when the command runs, as sh does. Heredoc
// bodies are read after the line that opened them.
//
// `cmd &` runs cmd to its end before the next command, with no job line: the
// model has no processes running side by side, and a `[1] 12345` that `kill
// %1` or `jobs` could not act on would teach something false. (Non-interactive
// sh and bash print nothing for `&` either; interactive bash prints the job
// line, the one difference on the learner's host terminal.)
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::shell {

// The shells LayerLab models. They differ where the real ones differ: error
// texts, `echo` escapes, `[[ ]]`.
enum class Flavour {
    Bash,   // the learner's host terminal (GNU bash 5.2, GNU coreutils, UTF-8 locale)
    Dash,   // /bin/sh in Debian/Ubuntu images (dash 0.5, GNU coreutils, C locale)
    Ash,   // /bin/sh in Alpine and busybox images (busybox ash and applets)
};

struct Segment {
    std::string text;
    char quote = 0;   // 0 (unquoted), '\'' (literal) or '"'
};
// One shell word before expansion. In '"' and unquoted text, '\x01' stands
// for an escaped '$' and '\x02' for an escaped '`' (they expand to nothing).
using RawWord = std::vector<Segment>;

struct Redirect {
    int fd = 1;
    std::string op;   // ">", ">>", "<", ">&", "&>", "<<"
    RawWord target;
    std::string heredoc;   // body for "<<"
    bool heredocExpand = true;
};

struct Node {
    enum class Kind { Simple, Pipeline, AndOr, List, If, For, While, Group, Subshell, Case, Function };
    Kind kind = Kind::Simple;
    int line = 1;
    // Simple
    std::vector<RawWord> words;
    std::vector<Redirect> redirects;
    // Pipeline: kids are the commands. AndOr: kids joined by ops ("&&", "||").
    // List: kids in order. If: kids = cond, then, [cond, then]..., [else].
    // For: name, items (hasIn false: "$@"), kids[0] = body. While: kids =
    // cond, body; until = true for `until`. Group/Subshell: kids[0] = list.
    // Case: items[0] = the word, patterns[i] the patterns of arm i, kids[i]
    // its list. Function: name, kids[0] = the body (a compound command).
    std::vector<Node> kids;
    std::vector<std::string> ops;
    bool negate = false;
    std::string name;
    std::vector<RawWord> items;
    bool until = false;
    std::vector<std::vector<RawWord>> patterns;
};

struct ParseResult {
    enum class Status { Ok, Incomplete, Error };
    Status status = Status::Ok;
    Node list;   // Kind::List
    std::string error;   // the shell's own words, without a trailing newline
};

// Parses a whole script. Incomplete: the text ends inside a heredoc, after
// `&&`/`||`/`|`, or inside if/for/while/{ (an interactive shell then asks for
// more lines with "> "). An unterminated quote is an Error, as `bash -c` says.
ParseResult parse(std::string_view script, Flavour flavour);

// The literal words of the first simple command (quotes removed, nothing
// expanded): enough to know that a line is `docker ...` before running it.
std::vector<std::string> firstCommandWords(std::string_view line);

// Quotes a word for display the way bash's `printf %q` would need it
// (only when it contains spaces or special characters).
std::string shellQuote(std::string_view word);

}   // namespace layerlab::shell
