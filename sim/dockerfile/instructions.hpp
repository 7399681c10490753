// AST node -> typed instruction (BuildKit instructions.ParseInstruction),
// with BuildKit's validation and wording.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/internal.hpp"

namespace layerlab::dockerfile::detail {

// Parses NODE into OUT, a default-constructed Command where the caller keeps
// it (a stage's list): a Command returned by value and moved there cost a
// move of its variant and strings per instruction. Returns the error, if
// any; OUT is then partly filled and must be dropped.
// ARG_BUFFER holds the node's argument views while it is parsed; the caller
// passes the same vector for every instruction, so none allocates its own.
// KEYWORD is keywordOf(node.value), which the caller has already worked out.
std::optional<Diagnostic> parseInstruction(const Node& node, Keyword keyword, std::vector<std::string_view>& argBuffer,
                                           Command& out);

// handleJSONArgs: JSON form keeps the array, shell form joins the words.
std::vector<std::string> handleJsonArgs(const std::vector<std::string_view>& args, bool json);

}   // namespace layerlab::dockerfile::detail
