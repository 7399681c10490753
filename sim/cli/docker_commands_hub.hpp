// docker_commands_hub: the specs (Use, Short, aliases, flags, as Docker CLI
// 28.2's --help prints them) of sharing images and managing containers:
// login, logout, push, search, update, events; and the run/create flags this
// part models (--restart, --memory, --cpus). docker_commands.cpp's table
// appends these.
#pragma once
#include <vector>

#include "sim/cli/flags.hpp"

namespace layerlab::cli {

void hubCommands(std::vector<CommandSpec>& table);

}   // namespace layerlab::cli
