// BuildKit's shell lexer (frontend/dockerfile/shell/lex.go): quote removal,
// escapes and $VAR / ${VAR...} expansion, with optional word splitting.
// The public entry points are shell::processWord/processWords in
// dockerfile.hpp; the parser itself uses the raw modes for heredoc names.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::shell {

struct LexOptions {
    char escapeToken = '\\';
    bool rawQuotes = false;   // keep the quote characters
    bool rawEscapes = false;   // keep the escape characters
    bool skipUnsetEnv = false;   // leave $UNSET untouched
    bool skipProcessQuotes = false;   // treat quotes as ordinary characters
};

struct LexResult {
    bool ok = true;
    std::string word;   // ProcessWord
    std::vector<std::string> words;   // ProcessWords
    std::string error;   // "failed to process \"...\": ..."
    std::vector<std::string> unmatched;   // names looked up but not set (for UndefinedVar checks)
};

LexResult lex(std::string_view word, const Env& env, const LexOptions& options);

// ${v#pat} ${v%pat} ${v/pat/rep}: shell patterns (* ? and \-escapes), matched
// like the Go regular expressions BuildKit builds from them.
struct PatternResult {
    bool ok = true;
    std::string value;
    std::string error;
};
PatternResult trimPrefix(std::string_view pattern, std::string_view value, bool greedy);
PatternResult trimSuffix(std::string_view pattern, std::string_view value, bool greedy);
PatternResult replace(std::string_view pattern, std::string_view value, std::string_view replacement, bool all);

}   // namespace layerlab::dockerfile::shell
