// AST node -> typed instruction (BuildKit instructions.ParseInstruction),
// with BuildKit's validation and wording.
#pragma once
#include <optional>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::detail {

struct ParsedInstruction {
    std::optional<Command> command;   // set on success
    std::optional<Diagnostic> error;
};
ParsedInstruction parseInstruction(const Node& node);

// handleJSONArgs: JSON form keeps the array, shell form joins the words.
std::vector<std::string> handleJsonArgs(const std::vector<std::string_view>& args, bool json);

}   // namespace layerlab::dockerfile::detail
