// name_filter: `docker ps --filter name=PATTERN`. The daemon matches each
// value with Go's regexp.MatchString against the name with its leading '/'
// (daemon/list.go, filters.Args.Match); an invalid pattern matches nothing
// and is not an error. This is a hand-written matcher for a documented
// subset of Go's RE2 syntax, run as an NFA simulation (time linear in the
// name, never backtracking), so a learner's pattern can neither crash the
// model nor make it slow; std::regex is never given learner input.
//
// Modelled: literal characters, `.`, `^` and `$` (start and end of the
// name), `[...]` with ranges and `^` negation, `\d \w \s \D \W \S`,
// escaped punctuation (`\.`), `\t \n \r \f \v \a`, `*` `+` `?` (and their
// lazy forms, which match the same names), `{n}` `{n,}` `{n,m}` up to
// {100}, `|`, `(...)` and `(?:...)`.
// Not modelled (valid Go syntax; reported as Unsupported with the
// construct so the caller can say so): flags `(?i)`, named groups
// `(?P<name>...)`, `\b \B \A \z`, `\pN`, `\x..`, octal escapes, `\Q...\E`,
// POSIX classes `[[:alpha:]]`, counts above 100.
#pragma once
#include <string>
#include <string_view>

namespace layerlab::engine::containers {

struct GoRegexpResult {
    enum class Kind { Match, NoMatch, Invalid, Unsupported } kind = Kind::NoMatch;
    std::string construct;   // Unsupported: the piece of the pattern not modelled, e.g. "(?i"
};

// regexp.MatchString(pattern, text): does the pattern match anywhere in text?
GoRegexpResult goRegexpMatch(std::string_view pattern, std::string_view text);

}   // namespace layerlab::engine::containers
