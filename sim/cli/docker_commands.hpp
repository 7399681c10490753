// docker_commands: the command specs (Use, Short, aliases, flags) of every
// docker command LayerLab parses, as Docker CLI 28 declares them.
// Paths: "run", "ps", "container ls", "image ls", "images", "build" (buildx),
// "legacy build" (DOCKER_BUILDKIT=0), ...
#pragma once
#include <string_view>
#include <vector>

#include "sim/cli/flags.hpp"

namespace layerlab::cli {

const std::vector<CommandSpec>& dockerCommandSpecs();
const CommandSpec* findCommandSpec(std::string_view path);

}   // namespace layerlab::cli
