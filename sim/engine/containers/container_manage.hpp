// container_manage: `docker rename`, `docker port`, `docker top`,
// `docker wait` and `docker stats --no-stream` over the container model.
// Texts checked against Engine 20.10 with the Docker 28.2 client
// (tests/data/real_docker/everyday.txt).
//
// Simplified, and said so to the learner where it shows:
//   - top lists the one simulated process, PID 1 in the container (the CMD);
//     its host PID is derived from the container ID, not a real kernel's.
//   - wait on a container that never ends by itself would block a real
//     terminal until someone stops it; LayerLab cannot block, so it says so.
//   - stats shows the model's numbers (no real CPU or memory is measured).
#pragma once
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

// `docker rename CONTAINER NEW_NAME`
ContainerOutcome renameContainer(State& state, const std::string& container, const std::string& newName);

// `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`
ContainerOutcome containerPorts(const State& state, const std::string& container, const std::string& privatePort);

// `docker top CONTAINER [ps OPTIONS]` (ps options are not modelled; the CLI
// refuses them before this is called).
ContainerOutcome containerTop(const State& state, const std::string& container);

// `docker wait CONTAINER...`: each exit code, after the container ends (a
// program that ends by itself moves the virtual clock to its end).
ContainerOutcome waitContainers(State& state, const std::vector<std::string>& containers);

// `docker stats --no-stream [-a] [CONTAINER...]`
struct StatsOptions {
    std::vector<std::string> containers;
    bool all = false;   // -a
    bool noTrunc = false;
};
ContainerOutcome containerStats(const State& state, const StatsOptions& options);

}   // namespace layerlab::engine
