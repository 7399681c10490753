// EXPOSE port specs, checked as BuildKit's dispatchExpose/parsePortSpec do.
#include <charconv>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile {

namespace {

// strconv.ParseUint(s, 10, 16)
bool parseUint16(std::string_view s, unsigned long& out) {
    if (s.empty()) return false;
    unsigned long v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<unsigned long>(c - '0');
        if (v > 65535) return false;
    }
    out = v;
    return true;
}

bool parsePortRange(std::string_view ports, unsigned long& start, unsigned long& end) {
    if (ports.empty()) return false;
    const std::size_t dash = ports.find('-');
    if (dash == std::string_view::npos) {
        if (!parseUint16(ports, start)) return false;
        end = start;
        return true;
    }
    if (ports.find('-', dash + 1) != std::string_view::npos) return false;
    if (!parseUint16(ports.substr(0, dash), start) || !parseUint16(ports.substr(dash + 1), end)) return false;
    return end >= start;
}

bool isIp(std::string_view ip) {
    // Good enough for a learner's EXPOSE: dotted IPv4 or something with ':' (IPv6).
    if (ip.find(':') != std::string_view::npos) {
        for (char c : ip) {
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                return false;
        }
        return true;
    }
    int parts = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= ip.size(); ++i) {
        if (i == ip.size() || ip[i] == '.') {
            unsigned long v = 0;
            const std::string_view part = ip.substr(start, i - start);
            if (part.empty() || part.size() > 3 || !parseUint16(part, v) || v > 255) return false;
            ++parts;
            start = i + 1;
        }
    }
    return parts == 4;
}

}   // namespace

std::optional<std::string> validatePortSpec(std::string_view rawPort) {
    // splitParts: [ip:][hostPort:]containerPort
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= rawPort.size(); ++i) {
        if (i == rawPort.size() || rawPort[i] == ':') {
            parts.push_back(rawPort.substr(start, i - start));
            start = i + 1;
        }
    }
    std::string ip;
    std::string_view hostPort, containerPort;
    if (parts.size() == 1) {
        containerPort = parts[0];
    } else if (parts.size() == 2) {
        hostPort = parts[0];
        containerPort = parts[1];
    } else {
        const std::size_t n = parts.size();
        for (std::size_t i = 0; i + 2 < n; ++i) ip += (i ? ":" : "") + std::string(parts[i]);
        hostPort = parts[n - 2];
        containerPort = parts[n - 1];
    }
    // splitProtoPort
    const std::size_t slash = containerPort.find('/');
    const std::string_view port = containerPort.substr(0, slash);
    std::string proto = slash == std::string_view::npos ? std::string() : std::string(containerPort.substr(slash + 1));
    if (port.empty()) return "no port specified: " + std::string(containerPort) + "<empty>";
    for (char& c : proto) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (!proto.empty() && proto != "tcp" && proto != "udp" && proto != "sctp") return "invalid proto: " + proto;
    if (!ip.empty() && ip[0] == '[') {
        if (ip.back() != ']') return "invalid IP address " + ip + ": missing ']' in address";
        ip = ip.substr(1, ip.size() - 2);
    }
    if (!ip.empty() && !isIp(ip)) return "invalid IP address: " + ip;
    unsigned long s = 0, e = 0, hs = 0, he = 0;
    if (!parsePortRange(port, s, e)) return "invalid containerPort: " + std::string(port);
    if (!hostPort.empty()) {
        if (!parsePortRange(hostPort, hs, he)) return "invalid hostPort: " + std::string(hostPort);
        if ((e - s) != (he - hs) && e != s) {
            return "invalid ranges specified for container and host Ports: " + std::string(port) + " and " +
                   std::string(hostPort);
        }
    }
    return std::nullopt;
}

}   // namespace layerlab::dockerfile
