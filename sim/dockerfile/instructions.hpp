// AST node -> typed instruction (BuildKit instructions.ParseInstruction),
// with BuildKit's validation and wording.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::detail {

struct ParsedInstruction {
    std::optional<Command> command;   // set on success
    std::optional<Diagnostic> error;
};
// ARG_BUFFER holds the node's argument views while it is parsed; the caller
// passes the same vector for every instruction, so none allocates its own.
ParsedInstruction parseInstruction(const Node& node, std::vector<std::string_view>& argBuffer);

// handleJSONArgs: JSON form keeps the array, shell form joins the words.
std::vector<std::string> handleJsonArgs(const std::vector<std::string_view>& args, bool json);

}   // namespace layerlab::dockerfile::detail
