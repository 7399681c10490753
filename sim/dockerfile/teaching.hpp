// LayerLab's teaching hints, added on top of BuildKit's real result (never
// instead of it). Today: inline comments. A Dockerfile has no inline
// comments; '#' starts a comment only at the start of a line, so
// `FROM node # base image` gives FROM four more arguments. Each hint says what
// Docker really does with the line, why, and how to fix it (English + Korean).
#pragma once
#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::detail {

void addTeaching(const Node& root, char escapeToken, ParseResult& result);

// The low-level parser stopped on `line` (e.g. `ENV A=1 # comment`): explain
// an inline comment there, if any, on the error itself.
void explainParserError(const std::string& line, char escapeToken, Diagnostic& error);

}   // namespace layerlab::dockerfile::detail
