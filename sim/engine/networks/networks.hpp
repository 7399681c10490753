// networks: Docker's networks, the part a course needs: the predefined
// bridge, host and none, user-defined bridge networks, which containers are
// on which network, and who can reach whom by name.
//
// The model:
//   - Every engine has `bridge` (the default, docker0, 172.17.0.0/16),
//     `host` (the host's own network stack) and `none` (no network). They
//     are not stored in the State; their IDs are derived from the seed, so
//     the same session shows the same IDs.
//   - `docker network create NAME` makes a user-defined bridge network
//     (State::networks) with the next free subnet of Docker's default pools
//     (172.18.0.0/16, 172.19.0.0/16, ... then 192.168.0.0/20, ...).
//   - A container joins its networks at create (--network, default bridge)
//     and with `docker network connect`. Its address on each network is
//     given when it starts (the lowest free one after the gateway) and
//     released when it stops, as Docker does.
//   - Name resolution: on a user-defined network Docker's embedded DNS
//     answers a running container's name, its short ID and its aliases for
//     the containers on the same network. The default bridge has no such
//     DNS: names do not resolve there, only addresses work.
//   - An endpoint exists while its container runs: `network rm` refuses a
//     network with running containers on it ("has active endpoints"), and
//     `network prune` keeps those.
//
// Simplifications, said to the learner in `docker network --help`: no
// packets are routed (curl between containers asks the simulated program
// directly), addresses and MAC addresses are computed, not allocated by a
// real IPAM, and drivers other than bridge/host/null (overlay, macvlan,
// ipvlan) are not modelled.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine::networks {

// bridge, host, none: the networks Docker makes itself and never removes.
bool isPredefined(std::string_view name);

// "172.18.0.2": four decimal bytes. "172.18.0.0/16": an address and a
// prefix length from 8 to 30 (what Docker's pools hand out fits).
bool validAddress(const std::string& ip);
bool validSubnet(const std::string& subnet);

// Every network: the predefined three and the user-defined ones, by name.
std::vector<Network> allNetworks(const State& state);

// The daemon's FindNetwork: exact ID, exact name, then a unique ID prefix.
// error is the daemon's text without "Error response from daemon: ".
struct Found {
    std::optional<Network> network;
    std::string error;   // "network foo not found", "network 4 is ambiguous (2 matches found based on ID prefix)"
    bool clientSide = false;   // "" is refused by the client, before any daemon: no "Error response" prefix
    // The error line as the CLI prints it.
    std::string shown() const { return (clientSide ? "" : "Error response from daemon: ") + error + "\n"; }
};
Found findNetwork(const State& state, std::string_view ref);

// run/create --network MODE (--net) and --network-alias: the container's
// NetworkMode and its first endpoint. Returns the daemon's error ("" = fine)
// and adds Docker's warnings ("Published ports are discarded ...").
std::string attachAtCreate(const State& state, Container& c, const std::string& mode,
                           const std::vector<std::string>& aliases, std::vector<std::string>& warnings);

// At start: an address on each network that gives them (bridge drivers).
// Returns the daemon's error when a network the container is on was removed.
std::string assignAddresses(const State& state, Container& c);
// At stop: the addresses go back to their networks.
void releaseAddresses(Container& c);

// The address a container's programs see as their own (first network's),
// "" when it has none (none, host, or not running).
std::string primaryAddress(const Container& c);
// Deterministic MAC address of an address: 02:42 and the four bytes, as
// Docker's bridge driver made them before 25.0.
std::string macFor(const std::string& ip);
// The endpoint's ID: stable for the container, the network and its start.
std::string endpointId(const Container& c, const Network& n);

// What a program in container `from` reaches when it asks for `host`: a
// running container on a network they share, found by name, short ID or
// alias (user-defined networks only) or by its address (any bridge
// network). target is null when nothing answers; why says why, for a hint.
struct Reach {
    const Container* target = nullptr;
    bool resolved = false;   // the name resolved (an address always does)
    Hint why;   // en and ko; empty when it answered
};
Reach reachFrom(const State& state, const Container& from, const std::string& host);

// `docker network create`
struct CreateNetworkOptions {
    std::string name;
    std::string driver = "bridge";   // -d
    bool internal = false;   // --internal
    std::vector<std::string> labels;   // --label KEY=VALUE
};
ContainerOutcome createNetwork(State& state, const CreateNetworkOptions& o);
// `docker network ls [-q] [--no-trunc] [--format F]`
struct ListNetworksOptions {
    bool quiet = false;
    bool noTrunc = false;
    std::string format;
};
ContainerOutcome listNetworks(const State& state, const ListNetworksOptions& o);
// `docker network inspect NETWORK...`
ContainerOutcome inspectNetworks(const State& state, const std::vector<std::string>& refs);
// `docker network rm [-f] NETWORK...`
ContainerOutcome removeNetworks(State& state, const std::vector<std::string>& refs, bool force);
// `docker network prune` (the confirmation is the CLI's business)
ContainerOutcome pruneNetworks(State& state);
// `docker network connect [--alias A] NETWORK CONTAINER`
ContainerOutcome connectNetwork(State& state, const std::string& network, const std::string& container,
                                const std::vector<std::string>& aliases);
// `docker network disconnect [-f] NETWORK CONTAINER`
ContainerOutcome disconnectNetwork(State& state, const std::string& network, const std::string& container, bool force);

}   // namespace layerlab::engine::networks

namespace layerlab::engine::networks {

// `curl ARGS` run by a program inside container `from` (docker exec): the
// URL's host is resolved as the container's own resolver would (localhost
// is the container itself; with --network host, the host), and the
// program of the container it reaches answers on its own port (no -p needed
// between containers). Errors are curl 7.88's: (6) for a name that does
// not resolve, (7) when nothing listens there.
ContainerOutcome curlFrom(const State& state, const Container& from, const std::vector<std::string>& args);

// A --network host container whose program listens on `port` of the host:
// what curl http://localhost:PORT on the host reaches when no published port
// answers. nullopt when none does.
std::optional<ContainerOutcome> answerOnHostNetwork(const State& state, int port, const std::string& path);

}   // namespace layerlab::engine::networks
