// ports: see the header. Each function names the Go code it follows.
#include "sim/engine/containers/ports.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "sim/engine/containers/container_core.hpp"

namespace layerlab::engine::containers {
namespace {

// nat.ParsePortRange: "80" or "8000-8002", each 0..65535 (strconv.ParseUint(s, 10, 16)).
bool parseUint16(std::string_view s, int& out) {
    if (s.empty() || s.size() > 5) return false;
    int v = 0;
    for (char ch : s) {
        if (ch < '0' || ch > '9') return false;
        v = v * 10 + (ch - '0');
    }
    if (v > 65535) return false;
    out = v;
    return true;
}

bool parsePortRange(std::string_view s, int& first, int& last) {
    if (s.empty()) return false;
    size_t dash = s.find('-');
    if (dash == std::string_view::npos) {
        if (!parseUint16(s, first)) return false;
        last = first;
        return true;
    }
    if (!parseUint16(s.substr(0, dash), first) || !parseUint16(s.substr(dash + 1), last)) return false;
    return last >= first;
}

// nat.SplitProtoPort
void splitProtoPort(std::string_view raw, std::string& proto, std::string& port) {
    size_t slash = raw.find('/');
    if (raw.empty() || slash == 0) {
        proto.clear();
        port.clear();
        return;
    }
    if (slash == std::string_view::npos) {
        proto = "tcp";
        port = std::string(raw);
        return;
    }
    port = std::string(raw.substr(0, slash));
    std::string_view rest = raw.substr(slash + 1);
    size_t next = rest.find('/');
    proto = std::string(next == std::string_view::npos ? rest : rest.substr(0, next));
    if (proto.empty()) proto = "tcp";
}

bool validIpv4(std::string_view ip) {
    int parts = 0;
    size_t start = 0;
    while (start <= ip.size()) {
        size_t dot = ip.find('.', start);
        std::string_view part = ip.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        int v = 0;
        if (part.empty() || part.size() > 3 || !parseUint16(part, v) || v > 255) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts == 4;
}

bool validIp(std::string_view ip) {
    if (validIpv4(ip)) return true;
    // IPv6: hex groups and colons (a light check; net.ParseIP is stricter).
    if (ip.find(':') == std::string_view::npos) return false;
    for (char ch : ip)
        if (!(std::isxdigit(static_cast<unsigned char>(ch)) || ch == ':' || ch == '.')) return false;
    return true;
}

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    return s;
}

// An exposed-port key, "80/tcp" or "53/udp" ("80" alone is tcp): its number and protocol.
std::pair<int, std::string> splitPortKey(const std::string& key) {
    size_t slash = key.find('/');
    int port = 0;
    parseUint16(key.substr(0, slash), port);
    return {port, slash == std::string::npos ? std::string("tcp") : key.substr(slash + 1)};
}

bool sameAddress(const std::string& a, const std::string& b) {
    auto wild = [](const std::string& ip) { return ip.empty() || ip == "0.0.0.0" || ip == "::"; };
    return a == b || wild(a) || wild(b);
}

}   // namespace

PublishSpecs parsePublishSpecs(const std::vector<std::string>& specs) {
    PublishSpecs out;
    for (const std::string& raw : specs) {
        // splitParts
        std::vector<std::string> parts;
        size_t start = 0;
        for (;;) {
            size_t colon = raw.find(':', start);
            parts.push_back(raw.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
            if (colon == std::string::npos) break;
            start = colon + 1;
        }
        std::string ip, hostPort, containerPart = parts.back();
        const size_t n = parts.size();
        if (n == 2) hostPort = parts[0];
        if (n >= 3) {
            hostPort = parts[n - 2];
            for (size_t i = 0; i + 2 < n; ++i) ip += (i ? ":" : "") + parts[i];
        }
        std::string proto, containerPort;
        splitProtoPort(containerPart, proto, containerPort);
        if (!ip.empty() && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
        if (!ip.empty() && !validIp(ip)) {
            out.error = "invalid IP address: " + ip;
            return out;
        }
        if (containerPort.empty()) {
            out.error = "no port specified: " + raw + "<empty>";
            return out;
        }
        int first = 0, last = 0;
        if (!parsePortRange(containerPort, first, last)) {
            out.error = "invalid containerPort: " + containerPort;
            return out;
        }
        int hostFirst = 0, hostLast = 0;
        if (!hostPort.empty() && !parsePortRange(hostPort, hostFirst, hostLast)) {
            out.error = "invalid hostPort: " + hostPort;
            return out;
        }
        if (!hostPort.empty() && (last - first) != (hostLast - hostFirst) && first != last) {
            out.error = "invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort;
            return out;
        }
        proto = lower(proto);
        if (proto != "tcp" && proto != "udp" && proto != "sctp") {
            out.error = "invalid proto: " + proto;
            return out;
        }
        for (int p = first; p <= last; ++p) {
            PortBinding b;
            b.hostIp = ip;
            b.containerPort = p;
            b.proto = proto;
            // A host range for one container port: the allocator takes the first free
            // one; the simulator keeps the first (simplification).
            b.hostPort = hostPort.empty() ? 0 : (first == last ? hostFirst : hostFirst + (p - first));
            out.bindings.push_back(b);
            out.exposed.push_back(std::to_string(p) + "/" + proto);
        }
    }
    sortPortKeys(out.exposed);
    return out;
}

std::string parseExposeSpecs(const std::vector<std::string>& specs, std::vector<std::string>& exposed) {
    for (const std::string& e : specs) {
        std::string proto, port;
        splitProtoPort(e, proto, port);
        int first = 0, last = 0;
        if (!parsePortRange(port, first, last)) {
            std::string why = port.empty() ? "empty string specified for ports" : "invalid syntax";
            return "invalid range format for --expose: " + e + ", error: " + why;
        }
        for (int p = first; p <= last; ++p) exposed.push_back(std::to_string(p) + "/" + lower(proto));
    }
    sortPortKeys(exposed);
    return "";
}

void sortPortKeys(std::vector<std::string>& keys) {
    std::sort(keys.begin(), keys.end(),
              [&](const std::string& a, const std::string& b) { return splitPortKey(a) < splitPortKey(b); });
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

PortAllocation allocatePorts(const State& state, const Container& c) {
    PortAllocation out;
    std::vector<PortBinding> taken;
    for (const Container& other : state.containers)
        if (other.id != c.id && isUp(other))
            for (const PortBinding& b : other.activePorts) taken.push_back(b);
    auto isTaken = [&](const std::string& ip, int port, const std::string& proto) {
        for (const PortBinding& b : taken)
            if (b.hostPort == port && b.proto == proto && sameAddress(b.hostIp, ip)) return true;
        return false;
    };
    std::vector<PortBinding> wanted = c.ports;
    if (c.publishAll) {
        // -P: every exposed port that -p did not already bind, to a free host port.
        for (const std::string& key : c.exposedPorts) {
            const auto [port, proto] = splitPortKey(key);
            bool bound = false;
            for (const PortBinding& b : wanted) bound = bound || (b.containerPort == port && b.proto == proto);
            if (!bound) wanted.push_back(PortBinding{"", 0, port, proto});
        }
    }
    for (const PortBinding& want : wanted) {
        PortBinding b = want;
        if (b.hostIp.empty()) b.hostIp = "0.0.0.0";
        if (b.hostPort == 0) {
            int port = kEphemeralFirst;
            while (port <= kEphemeralLast && isTaken(b.hostIp, port, b.proto)) ++port;
            b.hostPort = port;
        } else if (isTaken(b.hostIp, b.hostPort, b.proto)) {
            out.bindings.clear();
            out.conflict =
                "Bind for " + b.hostIp + ":" + std::to_string(b.hostPort) + " failed: port is already allocated";
            return out;
        }
        taken.push_back(b);
        out.bindings.push_back(b);
    }
    return out;
}

std::string displayPorts(const Container& c) {
    if (!isUp(c)) return "";
    struct ApiPort {
        std::string ip;
        int priv = 0;
        int pub = 0;
        std::string type;
    };
    std::vector<ApiPort> ports;
    for (const std::string& key : c.exposedPorts) {
        const auto [port, proto] = splitPortKey(key);
        bool bound = false;
        for (const PortBinding& b : c.activePorts)
            if (b.containerPort == port && b.proto == proto) {
                ports.push_back({b.hostIp, port, b.hostPort, proto});
                bound = true;
            }
        if (!bound) ports.push_back({"", port, 0, proto});
    }
    std::sort(ports.begin(), ports.end(), [](const ApiPort& i, const ApiPort& j) {
        if (i.priv != j.priv) return i.priv < j.priv;
        if (i.ip != j.ip) return i.ip < j.ip;
        if (i.pub != j.pub) return i.pub < j.pub;
        return i.type < j.type;
    });
    struct Group {
        int first = 0;
        int last = 0;
    };
    std::vector<std::pair<std::string, Group>> groups;   // in creation order of keys
    std::vector<std::string> result, hostMappings;
    auto formGroup = [](const std::string& key, int first, int last) {
        size_t slash = key.find('/');
        std::string type = key, ip;
        if (slash != std::string::npos) {
            ip = key.substr(0, slash);
            type = key.substr(slash + 1);
        }
        std::string group = std::to_string(first);
        if (first != last) group += "-" + std::to_string(last);
        if (!ip.empty()) group = ip + ":" + group + "->" + group;
        return group + "/" + type;
    };
    for (const ApiPort& p : ports) {
        std::string key = p.type;
        if (!p.ip.empty()) {
            if (p.pub != p.priv) {
                std::string host = p.ip.find(':') != std::string::npos ? "[" + p.ip + "]" : p.ip;
                hostMappings.push_back(host + ":" + std::to_string(p.pub) + "->" + std::to_string(p.priv) + "/" +
                                       p.type);
                continue;
            }
            key = p.ip + "/" + p.type;
        }
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
        if (it == groups.end()) {
            groups.push_back({key, {p.priv, p.priv}});
            continue;
        }
        if (p.priv == it->second.last + 1) {
            it->second.last = p.priv;
            continue;
        }
        result.push_back(formGroup(key, it->second.first, it->second.last));
        it->second = {p.priv, p.priv};
    }
    for (const auto& g : groups) result.push_back(formGroup(g.first, g.second.first, g.second.last));
    for (const auto& h : hostMappings) result.push_back(h);
    std::string joined;
    for (size_t i = 0; i < result.size(); ++i) joined += (i ? ", " : "") + result[i];
    return joined;
}

}   // namespace layerlab::engine::containers
