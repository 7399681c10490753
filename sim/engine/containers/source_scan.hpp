// source_scan: a tolerant, regex-level reader of small JavaScript and Python
// programs, enough for the simulated processes to find their port, start-up
// lines and answers. It is NOT a parser of either language: it understands
// string/number literals, template literals with ${name}, `+` concatenation,
// `a || b`, process.env.X / os.environ.get('X', d), names bound once to such
// values, and finds calls by name with balanced brackets. Anything else is
// "unknown", and callers say so to the learner instead of guessing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::engine::containers::scan {

enum class Lang { JavaScript, Python };

// The source with comments blanked out (same length, newlines kept), so
// offsets stay valid and commented-out code is never read.
std::string stripComments(std::string_view src, Lang lang);

// Index just past the bracket closing the one at `open` ('(' '[' '{'),
// skipping strings; npos when unbalanced.
size_t matchBracket(std::string_view src, size_t open);

// Splits the text between brackets at top-level commas.
std::vector<std::string> splitArgs(std::string_view inner);

std::string trim(std::string_view s);

// A call site: `name(` ... `)`; args is the raw text between the brackets.
struct Call {
    size_t begin = 0;   // offset of the name
    size_t open = 0;   // offset of '('
    size_t end = 0;   // offset just past ')'
    std::string args;
};
// Every call of `dotted` ("console.log", "app.listen", "print") as a whole
// word (not "xconsole.log"), in source order.
std::vector<Call> findCalls(std::string_view src, std::string_view dotted);

// Evaluation of the small expression language above.
struct Scope {
    std::map<std::string, std::string> values;   // name -> evaluated value
    std::vector<std::string> env;   // "KEY=value"
    Lang lang = Lang::JavaScript;
};
std::optional<std::string> evaluate(std::string_view expr, const Scope& scope);

// Collects `const|let|var NAME = expr` (JS) or `NAME = expr` at line start
// (Python) whose value evaluates, in order (later bindings see earlier ones).
void collectBindings(std::string_view src, Scope& scope);

// A JS object/array literal as JSON text (res.json({...})): keys quoted,
// strings double-quoted; nullopt when it holds anything else.
std::optional<std::string> jsLiteralToJson(std::string_view expr, const Scope& scope);

// Python print(...) arguments joined as print does (sep=' '), or nullopt.
std::optional<std::string> pythonPrint(std::string_view args, const Scope& scope, bool* flush);

}   // namespace layerlab::engine::containers::scan
