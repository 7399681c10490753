// Go's path/filepath.Match (Unix flavour), byte for byte in behaviour.
//
// Docker validates every .dockerignore pattern with it, and BuildKit expands
// COPY/ADD source wildcards with it, so LayerLab needs the real rules:
//   '*'  any run of non-'/' characters      '?'  one non-'/' character (a UTF-8 rune)
//   '[' ['^'] { c | '\'c | lo '-' hi } ']'  a character class (must be non-empty)
//   '\'c the character c                    anything else matches itself
// The only error is ErrBadPattern ("syntax error in pattern"); like Go, a
// malformed pattern is reported even when the name could never match.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::fs {

inline constexpr std::string_view kErrBadPattern = "syntax error in pattern";

// true/false as filepath.Match, or nullopt for ErrBadPattern.
std::optional<bool> goMatch(std::string_view pattern, std::string_view name);

// True when `pattern` has any of Go's glob metacharacters (`*?[\`).
bool hasGlobMeta(std::string_view pattern);

// filepath.Glob over a tree: every path (files, directories, symlinks) whose
// components match the pattern's components, in sorted order; a pattern
// without metacharacters yields itself if it exists. The pattern is
// normalized first ("/app/*.js" -> "app/*.js"). nullopt on a bad pattern.
std::optional<std::vector<std::string>> globTree(const FileTree& tree, std::string_view pattern);

}   // namespace layerlab::fs
