// docker_commands_everyday: the specs (Use, Short, aliases, flags, as Docker
// CLI 28.2's --help prints them) of the everyday commands around a
// container's writable layer and images as files: diff, commit, cp, export,
// import, save, load, rename, port, top, wait, stats, and the volume group.
// docker_commands.cpp's table appends these.
#pragma once
#include <vector>

#include "sim/cli/flags.hpp"

namespace layerlab::cli {

void everydayCommands(std::vector<CommandSpec>& table);

}   // namespace layerlab::cli
