// container_inspect: `docker container inspect` (see container_api.hpp).
//
// The document follows the API's ContainerJSON field order (moby
// api/types/container) for the fields the simulator models; HostConfig and
// NetworkSettings carry only their ports, the default bridge's legacy address
// fields and Networks (sim/engine/networks); HostConfig only its network mode,
// port and restart parts (a simplification: real Docker prints several dozen
// more settings there).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/networks/networks.hpp"
#include "sim/json_text.hpp"

namespace layerlab::engine {
namespace {

using namespace containers;
using Json = nlohmann::ordered_json;

const std::string kZeroTime = "0001-01-01T00:00:00Z";

Json strings(const std::vector<std::string>& v, bool nullWhenEmpty) {
    if (v.empty() && nullWhenEmpty) return nullptr;
    Json a = Json::array();
    for (const std::string& s : v) a.push_back(s);
    return a;
}

// .State: the status and its flags, a stand-in PID, the exit and the times.
Json stateJson(const Container& c) {
    const bool up = isUp(c);
    Json st;
    st["Status"] = stateName(c);
    st["Running"] = up;
    st["Paused"] = c.status == Container::Status::Paused;
    st["Restarting"] = c.status == Container::Status::Restarting;
    st["OOMKilled"] = false;
    st["Dead"] = c.status == Container::Status::Dead;
    // A stand-in host PID, stable for the container's ID.
    st["Pid"] = up ? 1000 + static_cast<int>(std::stoul(c.id.substr(0, 4), nullptr, 16) % 30000) : 0;
    st["ExitCode"] = c.exitCode;
    st["Error"] = c.error;
    st["StartedAt"] = c.startedMs ? format::rfc3339Nano(c.startedMs) : kZeroTime;
    st["FinishedAt"] = c.finishedMs ? format::rfc3339Nano(c.finishedMs) : kZeroTime;
    return st;
}

// .HostConfig: only its port, restart and resource-limit parts.
Json hostConfigJson(const Container& c) {
    Json host;
    host["NetworkMode"] = c.networkMode;
    Json bindings = Json::object();
    for (const PortBinding& b : c.ports) {
        const std::string key = std::to_string(b.containerPort) + "/" + b.proto;
        if (!bindings.contains(key)) bindings[key] = Json::array();
        bindings[key].push_back({{"HostIp", b.hostIp}, {"HostPort", b.hostPort ? std::to_string(b.hostPort) : ""}});
    }
    host["PortBindings"] = bindings;
    host["RestartPolicy"] = {{"Name", c.restartPolicy.name}, {"MaximumRetryCount", c.restartPolicy.maximumRetryCount}};
    host["AutoRemove"] = c.autoRemove;
    host["PublishAllPorts"] = c.publishAll;
    host["Memory"] = c.memoryBytes;
    host["MemorySwap"] = c.memorySwapBytes;
    host["NanoCpus"] = c.nanoCpus;
    return host;
}

// .Config: the container's own settings, the image's labels.
Json configJson(const State& state, const Container& c) {
    Json cfg;
    cfg["Hostname"] = c.hostname.empty() ? c.id.substr(0, 12) : c.hostname;
    cfg["Domainname"] = "";
    cfg["User"] = c.user;
    if (!c.exposedPorts.empty()) {
        Json ports = Json::object();
        for (const std::string& p : c.exposedPorts) ports[p] = Json::object();
        cfg["ExposedPorts"] = ports;
    }
    cfg["Tty"] = c.tty;
    cfg["OpenStdin"] = c.interactive;
    cfg["Env"] = strings(c.env, false);
    cfg["Cmd"] = strings(c.cmd, true);
    cfg["Image"] = c.imageRef;
    cfg["Volumes"] = nullptr;
    cfg["WorkingDir"] = c.workingDir;
    cfg["Entrypoint"] = strings(c.entrypoint, true);
    cfg["OnBuild"] = nullptr;
    Json labels = Json::object();
    if (auto it = state.images.find(c.imageId); it != state.images.end())
        for (const auto& [k, v] : it->second.config.labels) labels[k] = v;
    cfg["Labels"] = labels;
    return cfg;
}

// .NetworkSettings.Networks[name]: the container's endpoint on one network
// (api/types/network.EndpointSettings, Docker 28's field order). Address
// fields are filled while the container runs.
Json endpointJson(const State& state, const Container& c, const Endpoint& e) {
    const auto found = networks::findNetwork(state, e.network);
    const bool up = isUp(c) && found.network;
    const bool addressed = up && !e.ipAddress.empty();
    const bool userDefined = !networks::isPredefined(e.network);
    Json j;
    j["IPAMConfig"] = nullptr;
    j["Links"] = nullptr;
    j["Aliases"] = strings(e.aliases, true);
    j["MacAddress"] = addressed ? networks::macFor(e.ipAddress) : "";
    j["DriverOpts"] = nullptr;
    j["GwPriority"] = 0;
    j["NetworkID"] = found.network ? found.network->id : "";
    j["EndpointID"] = up ? networks::endpointId(c, *found.network) : "";
    j["Gateway"] = addressed ? found.network->gateway : "";
    j["IPAddress"] = addressed ? e.ipAddress : "";
    const std::string& subnet = found.network ? found.network->subnet : "";
    j["IPPrefixLen"] = addressed ? std::stoi(subnet.substr(subnet.find('/') + 1)) : 0;
    j["IPv6Gateway"] = "";
    j["GlobalIPv6Address"] = "";
    j["GlobalIPv6PrefixLen"] = 0;
    // Docker's DNS names on a user-defined network: the name, the short ID, the aliases
    std::vector<std::string> dns;
    if (up && userDefined) {
        dns = {c.name, c.id.substr(0, 12)};
        dns.insert(dns.end(), e.aliases.begin(), e.aliases.end());
    }
    j["DNSNames"] = strings(dns, true);
    return j;
}

// .NetworkSettings: the ports a running container holds, its networks.
Json networkJson(const State& state, const Container& c) {
    const bool up = isUp(c);
    Json net;
    Json ports = Json::object();
    if (up) {
        for (const std::string& p : c.exposedPorts) ports[p] = nullptr;
        for (const PortBinding& b : c.activePorts) {
            const std::string key = std::to_string(b.containerPort) + "/" + b.proto;
            if (ports[key].is_null()) ports[key] = Json::array();
            ports[key].push_back({{"HostIp", b.hostIp}, {"HostPort", std::to_string(b.hostPort)}});
        }
    }
    net["Ports"] = ports;
    // The legacy top-level fields describe the default bridge only (empty otherwise).
    const Endpoint* bridge = nullptr;
    for (const Endpoint& e : c.networks)
        if (e.network == "bridge") bridge = &e;
    const Json onBridge = bridge ? endpointJson(state, c, *bridge) : Json();
    for (const char* k : {"EndpointID", "Gateway", "IPAddress", "IPPrefixLen", "MacAddress"})
        net[k] = bridge ? onBridge[k] : (std::string(k) == "IPPrefixLen" ? Json(0) : Json(""));
    Json nets = Json::object();
    std::vector<const Endpoint*> byName;   // Go marshals the map with its keys sorted
    for (const Endpoint& e : c.networks) byName.push_back(&e);
    std::sort(byName.begin(), byName.end(),
              [](const Endpoint* a, const Endpoint* b) { return a->network < b->network; });
    for (const Endpoint* e : byName) nets[e->network] = endpointJson(state, c, *e);
    net["Networks"] = nets;
    return net;
}

Json document(const State& state, const Container& c, bool size) {
    Json j;
    j["Id"] = c.id;
    j["Created"] = format::rfc3339Nano(c.createdMs);
    j["Path"] = c.path.empty() ? "" : c.path[0];
    j["Args"] =
        strings(std::vector<std::string>(c.path.empty() ? c.path.end() : c.path.begin() + 1, c.path.end()), false);
    j["State"] = stateJson(c);
    j["Image"] = c.imageId;
    const std::string dir = "/var/lib/docker/containers/" + c.id;
    j["ResolvConfPath"] = dir + "/resolv.conf";
    j["HostnamePath"] = dir + "/hostname";
    j["HostsPath"] = dir + "/hosts";
    j["LogPath"] = dir + "/" + c.id + "-json.log";
    j["Name"] = "/" + c.name;
    j["RestartCount"] = c.restartCount;
    j["Driver"] = "overlay2";
    j["Platform"] = "linux";
    j["MountLabel"] = "";
    j["ProcessLabel"] = "";
    j["AppArmorProfile"] = "docker-default";
    j["ExecIDs"] = nullptr;
    j["HostConfig"] = hostConfigJson(c);
    if (size) {
        j["SizeRw"] = writableSize(c);
        j["SizeRootFs"] = virtualSize(state, c);
    }
    j["Mounts"] = Json::array();
    j["Config"] = configJson(state, c);
    j["NetworkSettings"] = networkJson(state, c);
    return j;
}

// Go's encoder escapes <, > and & inside strings (they only occur in strings).
std::string goEscape(const std::string& s) {
    std::string out;
    for (char ch : s) {
        if (ch == '<') out += "\\u003c";
        else if (ch == '>') out += "\\u003e";
        else if (ch == '&') out += "\\u0026";
        else out += ch;
    }
    return out;
}

// Go's text/template printing of a decoded JSON value.
std::string goPrint(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "<no value>";
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return v.dump();
    if (v.is_array()) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + goPrint(v[i]);
        return s + "]";
    }
    std::vector<std::string> keys;
    for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(it.key());
    std::sort(keys.begin(), keys.end());
    std::string s = "map[";
    for (size_t i = 0; i < keys.size(); ++i) s += (i ? " " : "") + keys[i] + ":" + goPrint(v[keys[i]]);
    return s + "]";
}

std::string applyTemplate(const std::string& tmpl, const Json& doc) {
    std::string out;
    size_t i = 0;
    while (i < tmpl.size()) {
        size_t open = tmpl.find("{{", i);
        if (open == std::string::npos) {
            out += tmpl.substr(i);
            break;
        }
        out += tmpl.substr(i, open - i);
        size_t close = tmpl.find("}}", open);
        if (close == std::string::npos) break;
        std::string action = tmpl.substr(open + 2, close - open - 2);
        while (!action.empty() && action.front() == ' ') action.erase(0, 1);
        while (!action.empty() && action.back() == ' ') action.pop_back();
        bool json = action.rfind("json ", 0) == 0;
        if (json) action = action.substr(5);
        const Json* v = &doc;
        Json missing;
        size_t p = 1;
        while (action.size() > 1 && p < action.size()) {
            size_t dot = action.find('.', p);
            std::string key = action.substr(p, dot == std::string::npos ? std::string::npos : dot - p);
            if (!v->is_object() || !v->contains(key)) {
                v = &missing;
                break;
            }
            v = &(*v)[key];
            if (dot == std::string::npos) break;
            p = dot + 1;
        }
        out += json ? goEscape(v->dump()) : goPrint(*v);
        i = close + 2;
    }
    return out;
}

}   // namespace

ContainerOutcome inspectContainers(const State& stateIn, const InspectOptions& o) {
    ContainerOutcome out;
    State state = stateIn;
    settleContainers(state);
    Json all = Json::array();
    std::string errors;
    for (const std::string& ref : o.containers) {
        Lookup l = findContainer(state, ref);
        if (l.index < 0) {
            errors += "Error: No such container: " + ref + "\n";
            continue;
        }
        Json doc = document(state, state.containers[static_cast<size_t>(l.index)], o.size);
        if (!o.format.empty()) out.out += applyTemplate(o.format, doc) + "\n";
        else all.push_back(doc);
    }
    if (o.format.empty()) out.out = goEscape(jsonText(all, 4)) + "\n";
    if (!errors.empty()) {
        out.err = errors;
        out.exitCode = 1;
    }
    return out;
}

bool isContainerRef(const State& state, std::string_view ref) { return findContainer(state, ref).index >= 0; }

}   // namespace layerlab::engine
