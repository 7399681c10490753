// docker_cli_network: parsed flags -> the engine calls of the network group
// (sim/engine/networks): ls, create, rm, inspect, connect, disconnect,
// prune (with its confirmation question), and `docker network` alone.
#pragma once
#include "sim/cli/docker_cli_internal.hpp"

namespace layerlab::cli::detail {

Outcome cmdNetworkLs(engine::State&, const Invocation&);
Outcome cmdNetworkCreate(engine::State&, const Invocation&);
Outcome cmdNetworkRm(engine::State&, const Invocation&);
Outcome cmdNetworkInspect(engine::State&, const Invocation&);
Outcome cmdNetworkConnect(engine::State&, const Invocation&);
Outcome cmdNetworkDisconnect(engine::State&, const Invocation&);
Outcome cmdNetworkPrune(engine::State&, const Invocation&);
// `docker network` with no sub-command, or --help: Docker's list and what
// LayerLab simplifies.
std::string networkGroupHelp();

}   // namespace layerlab::cli::detail
