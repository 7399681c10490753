// networks: the network model and the `docker network` commands (see the header).
#include "sim/engine/networks/networks.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/row_format.hpp"
#include "sim/fs/sha256.hpp"
#include "sim/json_text.hpp"
#include "sim/korean.hpp"

namespace layerlab::engine::networks {
namespace {

using Json = nlohmann::ordered_json;
using containers::isUp;

const std::string kDaemon = "Error response from daemon: ";

// The predefined networks exist from the daemon's start, an hour before the
// default session clock (their Created time in inspect).
constexpr int64_t kDaemonStartMs = 1767603600000 - 3600000;

ContainerOutcome fail(const std::string& err) {
    ContainerOutcome o;
    o.err = err;
    o.exitCode = 1;
    return o;
}

// An IPv4 address as a number and back.
uint32_t parseIp(const std::string& s) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (std::sscanf(s.c_str(), "%u.%u.%u.%u", &a, &b, &c, &d) != 4) return 0;
    return (a << 24) | (b << 16) | (c << 8) | d;
}

std::string ipText(uint32_t v) {
    return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 255) + "." + std::to_string((v >> 8) & 255) +
           "." + std::to_string(v & 255);
}

int prefixLength(const std::string& subnet) {
    size_t slash = subnet.find('/');
    return slash == std::string::npos ? 32 : std::atoi(subnet.c_str() + slash + 1);
}

// Docker's default address pools: 172.17.0.0/16 ... 172.31.0.0/16 (the first
// is the default bridge's), then 192.168.0.0/16 cut into /20s.
std::vector<std::string> defaultPools() {
    std::vector<std::string> pools;
    for (int b = 17; b <= 31; ++b) pools.push_back("172." + std::to_string(b) + ".0.0/16");
    for (int c = 0; c < 256; c += 16) pools.push_back("192.168." + std::to_string(c) + ".0/20");
    return pools;
}

Network predefined(const State& state, const std::string& name) {
    Network n;
    n.name = name;
    n.id = fs::sha256Hex("layerlab/network/" + name + "/" + std::to_string(state.seed));
    n.driver = name == "none" ? "null" : name;
    n.createdMs = kDaemonStartMs;
    if (name == "bridge") {
        n.subnet = "172.17.0.0/16";
        n.gateway = "172.17.0.1";
    }
    return n;
}

bool givesAddresses(const Network& n) { return n.driver == "bridge"; }

// The containers whose endpoint on `name` is active (they run).
std::vector<const Container*> activeOn(const State& state, const std::string& name) {
    std::vector<const Container*> out;
    for (const Container& c : state.containers) {
        if (!isUp(c)) continue;
        for (const Endpoint& e : c.networks)
            if (e.network == name) out.push_back(&c);
    }
    return out;
}

const Endpoint* endpointOn(const Container& c, const std::string& name) {
    for (const Endpoint& e : c.networks)
        if (e.network == name) return &e;
    return nullptr;
}

// The DNS names Docker's resolver answers for a container on a user network.
bool answersTo(const Container& c, const Endpoint& e, const std::string& host) {
    if (host == c.name || host == c.id.substr(0, 12)) return true;
    return std::find(e.aliases.begin(), e.aliases.end(), host) != e.aliases.end();
}

Json ipamJson(const Network& n) {
    Json ipam;
    ipam["Driver"] = "default";
    ipam["Options"] = n.name == "bridge" || isPredefined(n.name) ? Json(nullptr) : Json::object();
    ipam["Config"] = Json::array();
    if (!n.subnet.empty()) ipam["Config"].push_back({{"Subnet", n.subnet}, {"Gateway", n.gateway}});
    return ipam;
}

// docker network inspect's document (api/types/network.Inspect, Docker 28's field order).
Json networkJson(const State& state, const Network& n) {
    Json j;
    j["Name"] = n.name;
    j["Id"] = n.id;
    j["Created"] = format::rfc3339Nano(n.createdMs);
    j["Scope"] = "local";
    j["Driver"] = n.driver;
    j["EnableIPv4"] = true;
    j["EnableIPv6"] = false;
    j["IPAM"] = ipamJson(n);
    j["Internal"] = false;
    j["Attachable"] = false;
    j["Ingress"] = false;
    j["ConfigFrom"] = {{"Network", ""}};
    j["ConfigOnly"] = false;
    Json members = Json::object();
    // Go marshals a map with its keys sorted: the containers by ID
    std::vector<const Container*> active = activeOn(state, n.name);
    std::sort(active.begin(), active.end(), [](const Container* a, const Container* b) { return a->id < b->id; });
    for (const Container* c : active) {
        const Endpoint* e = endpointOn(*c, n.name);
        const bool addressed = givesAddresses(n) && !e->ipAddress.empty();
        members[c->id] = {{"Name", c->name},
                          {"EndpointID", endpointId(*c, n)},
                          {"MacAddress", addressed ? macFor(e->ipAddress) : ""},
                          {"IPv4Address", addressed ? e->ipAddress + "/" + std::to_string(prefixLength(n.subnet)) : ""},
                          {"IPv6Address", ""}};
    }
    j["Containers"] = members;
    Json options = Json::object();
    if (n.name == "bridge") {
        options["com.docker.network.bridge.default_bridge"] = "true";
        options["com.docker.network.bridge.enable_icc"] = "true";
        options["com.docker.network.bridge.enable_ip_masquerade"] = "true";
        options["com.docker.network.bridge.host_binding_ipv4"] = "0.0.0.0";
        options["com.docker.network.bridge.name"] = "docker0";
        options["com.docker.network.driver.mtu"] = "1500";
    }
    j["Options"] = options;
    Json labels = Json::object();
    for (const auto& [k, v] : n.labels) labels[k] = v;
    j["Labels"] = labels;
    return j;
}

// Finds the container for connect/disconnect, or says Docker's words.
const Container* containerFor(const State& state, const std::string& ref, ContainerOutcome& out) {
    containers::Lookup l = containers::findContainer(state, ref);
    if (l.index < 0) {
        out.err = kDaemon + l.error + "\n";
        out.exitCode = 1;
        return nullptr;
    }
    return &state.containers[static_cast<size_t>(l.index)];
}

// The lowest free address after the gateway on `n` for container `c`.
std::string freeAddress(const State& state, const Network& n, const Container& self) {
    const uint32_t base = parseIp(n.subnet.substr(0, n.subnet.find('/')));
    if (!validSubnet(n.subnet)) return "";
    const int len = prefixLength(n.subnet);
    const uint32_t size = 1u << (32 - len);
    std::vector<std::string> taken;
    for (const Container* c : activeOn(state, n.name))
        if (c->id != self.id)
            if (const Endpoint* e = endpointOn(*c, n.name)) taken.push_back(e->ipAddress);
    for (uint32_t host = 2; host + 1 < size; ++host) {
        const std::string ip = ipText(base + host);
        if (ip != n.gateway && std::find(taken.begin(), taken.end(), ip) == taken.end()) return ip;
    }
    return "";
}

}   // namespace

bool validAddress(const std::string& ip) {
    int parts = 0;
    size_t i = 0;
    while (i <= ip.size()) {
        size_t dot = ip.find('.', i);
        const std::string part = ip.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
        if (part.empty() || part.size() > 3 || part.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(part) > 255)
            return false;
        ++parts;
        if (dot == std::string::npos) break;
        i = dot + 1;
    }
    return parts == 4;
}

bool validSubnet(const std::string& subnet) {
    const size_t slash = subnet.find('/');
    if (slash == std::string::npos || !validAddress(subnet.substr(0, slash))) return false;
    const std::string len = subnet.substr(slash + 1);
    if (len.empty() || len.size() > 2 || len.find_first_not_of("0123456789") != std::string::npos) return false;
    return std::stoi(len) >= 8 && std::stoi(len) <= 30;
}

bool isPredefined(std::string_view name) { return name == "bridge" || name == "host" || name == "none"; }

std::vector<Network> allNetworks(const State& state) {
    std::vector<Network> out;
    for (const char* name : {"bridge", "host", "none"}) out.push_back(predefined(state, name));
    for (const auto& [name, n] : state.networks) out.push_back(n);
    std::sort(out.begin(), out.end(), [](const Network& a, const Network& b) { return a.name < b.name; });
    return out;
}

Found findNetwork(const State& state, std::string_view ref) {
    Found f;
    const std::vector<Network> all = allNetworks(state);
    for (const Network& n : all)
        if (n.id == ref) f.network = n;
    if (!f.network)
        for (const Network& n : all)
            if (n.name == ref) f.network = n;
    if (!f.network && !ref.empty()) {
        std::vector<const Network*> prefixed;
        for (const Network& n : all)
            if (n.id.compare(0, ref.size(), ref) == 0) prefixed.push_back(&n);
        if (prefixed.size() == 1) f.network = *prefixed.front();
        else if (prefixed.size() > 1)
            f.error = "network " + std::string(ref) + " is ambiguous (" + std::to_string(prefixed.size()) +
                      " matches found based on ID prefix)";
    }
    if (ref.empty()) {
        // the API client's own check (docker/cli 28, observed)
        f.error = "invalid network name or ID: value is empty";
        f.clientSide = true;
    }
    if (!f.network && f.error.empty()) f.error = "network " + std::string(ref) + " not found";
    return f;
}

std::string attachAtCreate(const State& state, Container& c, const std::string& modeIn,
                           const std::vector<std::string>& aliases, std::vector<std::string>& warnings) {
    std::string mode = modeIn.empty() ? "bridge" : modeIn;
    if (mode.rfind("container:", 0) == 0)
        return "layerlab: --network container:NAME (sharing another container's network) is not modelled";
    // "default" is the daemon's default network: the bridge on Linux. A name
    // that is no network is kept as typed: the daemon creates the container
    // and refuses to start it ("network X not found", checked on Engine 20.10).
    Found f = findNetwork(state, mode == "default" ? "bridge" : mode);
    const std::string name = f.network ? f.network->name : mode;
    if (name == "host" && (!c.ports.empty() || c.publishAll)) {
        warnings.push_back("Published ports are discarded when using host network mode");
        c.ports.clear();
        c.publishAll = false;
    }
    c.networkMode = mode;
    c.networks = {Endpoint{name, aliases, ""}};
    return "";
}

std::string assignAddresses(const State& state, Container& c) {
    for (Endpoint& e : c.networks) {
        Found f = findNetwork(state, e.network);
        if (!f.network) return "network " + e.network + " not found";
        e.ipAddress = givesAddresses(*f.network) ? freeAddress(state, *f.network, c) : "";
    }
    return "";
}

void releaseAddresses(Container& c) {
    for (Endpoint& e : c.networks) e.ipAddress.clear();
}

std::string primaryAddress(const Container& c) {
    if (!isUp(c)) return "";
    for (const Endpoint& e : c.networks)
        if (!e.ipAddress.empty()) return e.ipAddress;
    return "";
}

std::string macFor(const std::string& ip) {
    const uint32_t v = parseIp(ip);
    char buf[32];
    std::snprintf(buf, sizeof buf, "02:42:%02x:%02x:%02x:%02x", v >> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255);
    return buf;
}

std::string endpointId(const Container& c, const Network& n) {
    return fs::sha256Hex("layerlab/endpoint/" + c.id + "/" + n.id + "/" + std::to_string(c.startedMs));
}

Reach reachFrom(const State& state, const Container& from, const std::string& host) {
    Reach r;
    const std::string me = "'" + from.name + "'";
    if (from.networks.empty()) {
        r.why = {me + " is on no network: it was disconnected from all of them (docker network connect puts it back).",
                 ko::with(me, ko::Particle::EunNeun) +
                     " 어느 네트워크에도 없습니다. 모든 네트워크에서 연결이 끊겼습니다(docker network connect로 다시 "
                     "연결합니다)."};
        return r;
    }
    if (from.networkMode == "none") {
        r.why = {me + " runs with --network none: it has no network at all, only its own loopback.",
                 ko::with(me, ko::Particle::EunNeun) +
                     " --network none으로 실행되어 네트워크가 전혀 없습니다. 자기 루프백만 있습니다."};
        return r;
    }
    const bool isAddress = validAddress(host);
    for (const Endpoint& mine : from.networks) {
        Found f = findNetwork(state, mine.network);
        if (!f.network || !givesAddresses(*f.network)) continue;
        const bool userDefined = !isPredefined(f.network->name);
        for (const Container* other : activeOn(state, mine.network)) {
            const Endpoint* theirs = endpointOn(*other, mine.network);
            if (isAddress ? theirs->ipAddress == host : (userDefined && answersTo(*other, *theirs, host))) {
                r.target = other;
                r.resolved = true;
                return r;
            }
        }
    }
    if (isAddress) {
        r.resolved = true;
        r.why = {"No running container on the networks of " + me + " has the address " + host + ".",
                 me + "의 네트워크에 주소가 " + host + "인 실행 중인 컨테이너가 없습니다."};
        return r;
    }
    // Why the name did not resolve: the default bridge has no DNS, or the
    // other container is elsewhere, or not running.
    const Container* named = nullptr;
    for (const Container& c : state.containers)
        if (c.name == host) named = &c;
    bool onlyDefault = true;
    for (const Endpoint& mine : from.networks) onlyDefault = onlyDefault && isPredefined(mine.network);
    const std::string it = "'" + host + "'";
    if (from.networkMode == "host")
        r.why = {me + " uses the host's network (--network host): the host has no DNS for container names.",
                 ko::with(me, ko::Particle::EunNeun) +
                     " 호스트의 네트워크를 씁니다(--network host). 호스트에는 컨테이너 이름을 위한 DNS가 없습니다."};
    else if (onlyDefault)
        r.why = {me + " is on the default bridge network, which has no DNS for container names. Put both "
                      "containers on a user-defined network (docker network create NAME, then --network NAME) "
                      "and the name resolves.",
                 ko::with(me, ko::Particle::EunNeun) +
                     " 기본 bridge 네트워크에 있고, 여기에는 컨테이너 이름을 위한 DNS가 없습니다. 두 컨테이너를 "
                     "사용자 정의 네트워크에 두면(docker network create 이름, 그다음 --network 이름) 이름이 "
                     "풀립니다."};
    else if (named && !isUp(*named))
        r.why = {it + " is not running: Docker's DNS answers only for running containers.",
                 ko::with(it, ko::Particle::EunNeun) +
                     " 실행 중이 아닙니다. Docker의 DNS는 실행 중인 컨테이너만 알려 줍니다."};
    else if (named)
        r.why = {it + " is not on any network that " + me + " is on (docker network connect puts it there).",
                 ko::with(it, ko::Particle::EunNeun) + " " + ko::with(me, ko::Particle::IGa) +
                     " 있는 네트워크 어디에도 없습니다(docker network connect로 넣을 수 있습니다)."};
    else
        r.why = {"No container is named " + it + " on the networks of " + me + ".",
                 me + "의 네트워크에 이름이 " + it + "인 컨테이너가 없습니다."};
    return r;
}

ContainerOutcome createNetwork(State& state, const CreateNetworkOptions& o) {
    const std::string& name = o.name;
    if (name.empty()) return fail(kDaemon + "invalid name:\n");   // observed on Engine 20.10
    if (name == "bridge" || name == "host" || name == "none" || name == "default" || name == "ingress")
        // moby's PredefinedNetworkError ends in a space; the client trims it (checked on Engine 20.10)
        return fail(kDaemon + "operation is not permitted on predefined " + name + " network\n");
    if (o.driver == "overlay")
        return fail(kDaemon +
                    "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect "
                    "this node to swarm and try again.\n");
    if (o.driver == "host" || o.driver == "null")
        return fail(kDaemon + "only one instance of \"" + o.driver + "\" network is allowed\n");
    if (o.driver == "macvlan" || o.driver == "ipvlan")
        return fail("layerlab: docker network create -d " + o.driver +
                    ": a real Docker driver, but LayerLab models bridge networks only (macvlan and ipvlan attach "
                    "containers to a real network card).\n");
    if (o.driver != "bridge") return fail(kDaemon + "plugin \"" + o.driver + "\" not found\n");
    if (state.networks.count(name)) return fail(kDaemon + "network with name " + name + " already exists\n");
    Network n;
    n.name = name;
    for (const std::string& pool : defaultPools()) {
        bool used = pool == "172.17.0.0/16";
        for (const auto& [other, net] : state.networks) used = used || net.subnet == pool;
        if (!used) {
            n.subnet = pool;
            n.gateway = ipText(parseIp(pool.substr(0, pool.find('/'))) + 1);
            break;
        }
    }
    if (n.subnet.empty()) return fail(kDaemon + "all predefined address pools have been fully subnetted\n");
    for (const std::string& l : o.labels) {
        const size_t eq = l.find('=');
        n.labels[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
    }
    n.driver = "bridge";
    n.id = containers::newContainerId(state.rng);
    n.createdMs = state.clock.nowMs;
    state.networks[name] = n;
    ContainerOutcome out;
    out.out = n.id + "\n";
    return out;
}

ContainerOutcome listNetworks(const State& state, const ListNetworksOptions& o) {
    ContainerOutcome out;
    std::vector<format::Row> rows;
    for (const Network& n : allNetworks(state))
        rows.push_back({{"ID", o.noTrunc ? n.id : n.id.substr(0, 12)},
                        {"Name", n.name},
                        {"Driver", n.driver},
                        {"Scope", "local"},
                        {"IPv4", "true"},
                        {"IPv6", "false"},
                        {"Internal", "false"},
                        // Go's time.String(), as `docker network ls --format '{{.CreatedAt}}'` prints it
                        {"CreatedAt", format::rfc3339(n.createdMs).substr(0, 10) + " " +
                                          format::rfc3339(n.createdMs).substr(11, 8) + " +0000 UTC"}});
    if (o.quiet) {
        for (const auto& r : rows) out.out += r.at("ID") + "\n";
        return out;
    }
    const std::string fmt =
        o.format.empty() || o.format == "table" ? "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}" : o.format;
    format::renderRows(fmt, rows,
                       {{"ID", "NETWORK ID"},
                        {"Name", "NAME"},
                        {"Driver", "DRIVER"},
                        {"Scope", "SCOPE"},
                        {"IPv4", "IPV4"},
                        {"IPv6", "IPV6"},
                        {"Internal", "INTERNAL"},
                        {"CreatedAt", "CREATED AT"}},
                       "*formatter.networkContext")
        .writeTo(out);
    return out;
}

ContainerOutcome inspectNetworks(const State& state, const std::vector<std::string>& refs) {
    ContainerOutcome out;
    Json arr = Json::array();
    for (const std::string& ref : refs) {
        Found f = findNetwork(state, ref);
        if (!f.network) {
            out.err += f.shown();
            out.exitCode = 1;
            continue;
        }
        arr.push_back(networkJson(state, *f.network));
    }
    out.out = arr.empty() ? "[]\n" : jsonText(arr, 4) + "\n";
    return out;
}

ContainerOutcome removeNetworks(State& state, const std::vector<std::string>& refs, bool force) {
    ContainerOutcome out;
    for (const std::string& ref : refs) {
        Found f = findNetwork(state, ref);
        if (!f.network) {
            if (force && f.error.find("not found") != std::string::npos) continue;
            out.err += f.shown();
            out.exitCode = 1;
            continue;
        }
        const Network& n = *f.network;
        if (isPredefined(n.name)) {
            out.err += kDaemon + n.name + " is a pre-defined network and cannot be removed\n";
            out.exitCode = 1;
            continue;
        }
        if (!activeOn(state, n.name).empty()) {
            out.err +=
                kDaemon + "error while removing network: network " + n.name + " id " + n.id + " has active endpoints\n";
            out.exitCode = 1;
            continue;
        }
        state.networks.erase(n.name);
        out.out += ref + "\n";   // the CLI echoes the name as typed
    }
    // docker/cli 28's rm returns a StatusError, whose text main() prints last
    // (checked with the 28.2.2 client)
    if (out.exitCode != 0) out.err += "exit status 1\n";
    return out;
}

ContainerOutcome pruneNetworks(State& state) {
    ContainerOutcome out;
    std::vector<std::string> gone;
    for (auto it = state.networks.begin(); it != state.networks.end();) {
        if (activeOn(state, it->first).empty()) {
            gone.push_back(it->first);
            it = state.networks.erase(it);
        } else {
            ++it;
        }
    }
    if (!gone.empty()) {
        out.out = "Deleted Networks:\n";
        for (const std::string& n : gone) out.out += n + "\n";
        out.out += "\n";
    }
    return out;
}

ContainerOutcome connectNetwork(State& state, const std::string& network, const std::string& container,
                                const std::vector<std::string>& aliases) {
    ContainerOutcome out;
    if (network.empty()) return fail(findNetwork(state, network).shown());   // the client refuses it first
    // the daemon looks the container up first (checked on Engine 20.10)
    const Container* found = containerFor(state, container, out);
    if (!found) return out;
    Found f = findNetwork(state, network);
    if (!f.network) return fail(f.shown());
    Container& c = state.containers[static_cast<size_t>(found - state.containers.data())];
    const Network& n = *f.network;
    // moby's updateNetworkConfig, in its order
    if (c.networkMode != "host" && n.name == "host")
        return fail(kDaemon + "container cannot be disconnected from host network or connected to host network\n");
    if (!aliases.empty() && isPredefined(n.name))
        return fail(kDaemon + "network-scoped alias is supported only for containers in user defined networks\n");
    for (const Endpoint& e : c.networks) {
        if (e.network == n.name) {
            if (!isUp(c)) return out;   // a stopped container: Docker keeps the one config silently
            return fail(kDaemon + "endpoint with name " + c.name + " already exists in network " + n.name + "\n");
        }
        if (e.network == "host")
            return fail(kDaemon +
                        "container sharing network namespace with another container or host cannot be connected to "
                        "any other network\n");
        if (e.network == "none" || n.name == "none")
            return fail(kDaemon +
                        "container cannot be connected to multiple networks with one of the networks in private "
                        "(none) mode\n");
    }
    Endpoint e{n.name, aliases, ""};
    if (isUp(c) && givesAddresses(n)) e.ipAddress = freeAddress(state, n, c);
    c.networks.push_back(e);
    return out;
}

ContainerOutcome disconnectNetwork(State& state, const std::string& network, const std::string& container, bool force) {
    ContainerOutcome out;
    if (network.empty()) return fail(findNetwork(state, network).shown());   // the client refuses it first
    const Container* found = containerFor(state, container, out);
    if (!found) return out;
    Found f = findNetwork(state, network);
    Container& c = state.containers[static_cast<size_t>(found - state.containers.data())];
    // moby's DisconnectFromNetwork: a stopped container (or -f for a network
    // that is gone) drops the config; a running one leaves the network.
    const std::string name = f.network ? f.network->name : network;
    auto it = std::find_if(c.networks.begin(), c.networks.end(), [&](const Endpoint& e) { return e.network == name; });
    if (!isUp(c) || (!f.network && force)) {
        if (it == c.networks.end())
            return fail(kDaemon + "container " + c.id + " is not connected to the network " + name + "\n");
    } else if (!f.network) {
        return fail(f.shown());
    } else {
        if (c.networkMode == "host" && name == "host")
            return fail(kDaemon + "container cannot be disconnected from host network or connected to host network\n");
        if (it == c.networks.end())
            return fail(kDaemon + "container " + c.id + " is not connected to network " + name + "\n");
    }
    c.networks.erase(it);
    return out;
}

}   // namespace layerlab::engine::networks
