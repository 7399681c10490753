// docker_commands_network: the specs (Use, Short, aliases, flags, as Docker
// CLI 28.2's --help prints them) of the network group (ls, create, rm,
// inspect, connect, disconnect, prune) and the run/create flags that put a
// container on a network (--network, --network-alias and their hidden older
// spellings --net, --net-alias). docker_commands.cpp's table appends these.
#pragma once
#include <vector>

#include "sim/cli/flags.hpp"

namespace layerlab::cli {

void networkCommands(std::vector<CommandSpec>& table);

}   // namespace layerlab::cli
