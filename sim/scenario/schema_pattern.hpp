// schema_pattern: the JSON Schema "pattern" keyword without std::regex.
// Patterns come from LayerLab's own schema, but the strings they are matched
// against come from lesson and scenario files a learner can import, so the
// matcher must not throw, recurse or backtrack on them. It understands the
// small ECMAScript subset the schema uses: ^ and $ anchors, literal
// characters (\ escapes one), '.', bracket classes with ranges and a leading
// '^', and the quantifiers ? * + {m} {m,} {m,n} on a single atom. Matching
// walks the set of reachable positions atom by atom: no backtracking, time
// linear in the text for a given pattern.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace layerlab::scenario {

// "" when `pattern` is inside the subset, else why not (for the schema loader).
std::string patternProblem(std::string_view pattern);

// As ECMAScript's RegExp.test: somewhere in `text` unless anchored.
// nullopt when the pattern is outside the subset.
std::optional<bool> patternSearch(std::string_view pattern, std::string_view text);

}   // namespace layerlab::scenario
