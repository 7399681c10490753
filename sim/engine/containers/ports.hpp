// ports: `-p`, `-P`, `--expose`, host port allocation and the PORTS column.
//
// Parsing follows go-connections/nat ParsePortSpec (the CLI side of `-p`);
// allocation follows the daemon at start: explicit host ports must be free
// (another up container holding the same host port and protocol, on the same
// or a wildcard address, is a conflict with libnetwork's words), and ports
// without a host port get the lowest free port of the ephemeral range
// 32768-60999, as the port allocator hands them out on a fresh daemon. EXPOSE
// alone publishes nothing; -P publishes exactly the exposed ports.
#pragma once
#include <string>
#include <vector>

#include "sim/engine/state.hpp"

namespace layerlab::engine::containers {

inline constexpr int kEphemeralFirst = 32768;
inline constexpr int kEphemeralLast = 60999;

// -p values. Each binding keeps hostIp "" when none was given and hostPort 0
// for "-p 80". Published container ports are also exposed (as the CLI adds
// them to ExposedPorts). error: the CLI's text, e.g. "invalid hostPort: abc".
struct PublishSpecs {
    std::vector<PortBinding> bindings;
    std::vector<std::string> exposed;   // "80/tcp"
    std::string error;
};
PublishSpecs parsePublishSpecs(const std::vector<std::string>& specs);

// --expose values ("80", "8080/udp", "8000-8002"); appends "80/tcp" keys.
// Returns "" or the CLI's error.
std::string parseExposeSpecs(const std::vector<std::string>& specs, std::vector<std::string>& exposed);

// "80/tcp" keys sorted as Docker sorts them (by port, then protocol), unique.
void sortPortKeys(std::vector<std::string>& keys);

// The bindings a start of `c` makes, against every other up container in
// `state`. conflict is libnetwork's "Bind for 0.0.0.0:3000 failed: port is
// already allocated" (without the endpoint wrapper) when one is taken.
struct PortAllocation {
    std::vector<PortBinding> bindings;
    std::string conflict;
};
PortAllocation allocatePorts(const State& state, const Container& c);

// The PORTS column (docker/cli formatter DisplayablePorts): "0.0.0.0:3000->80/tcp",
// exposed-only "80/tcp", consecutive ports grouped. Empty unless the container is up.
std::string displayPorts(const Container& c);

}   // namespace layerlab::engine::containers
