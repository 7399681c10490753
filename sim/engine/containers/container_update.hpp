// container_update: `docker update` (restart policy, memory, CPUs).
//
// The CLI prints each container as it was named, the daemon's refusals are
// collected per container ("Error response from daemon: No such container:
// x") and the command exits 1 if any failed, as docker/cli's runUpdate does.
// The new values show in `docker inspect` (HostConfig.RestartPolicy, Memory,
// MemorySwap, NanoCpus). Limits are recorded, not enforced (see state.hpp).
// A container started with -m has a memory+swap limit of twice that; raising
// -m past it without --memory-swap is refused, as moby's UpdateContainer
// does ("Memory limit should be smaller than already set memoryswap limit").
// Docker 20.10 refused it even without any limit set; whether Docker 28 still
// does is unconfirmed, so LayerLab refuses only past a limit that is set.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

// The simulated host's CPUs (what --cpus may not exceed).
inline constexpr int kHostCpus = 4;

struct UpdateOptions {
    std::vector<std::string> containers;
    int flagCount = 0;   // cmd.Flags().NFlag(): none is an error
    std::optional<std::string> restart;   // --restart, raw
    std::optional<int64_t> memoryBytes;   // -m / --memory, parsed
    std::optional<int64_t> memorySwapBytes;   // --memory-swap, parsed (-1 = unlimited)
    std::optional<int64_t> nanoCpus;   // --cpus, parsed
};
ContainerOutcome updateContainers(State& state, const UpdateOptions& options);

// The daemon's resource checks shared with run/create: "Minimum memory limit
// allowed is 6MB", "Range of CPUs is from 0.01 to 4.00, as there are only 4
// CPUs available". "" when fine.
std::string checkResources(int64_t memoryBytes, int64_t nanoCpus);

}   // namespace layerlab::engine
