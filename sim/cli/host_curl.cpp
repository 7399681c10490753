// host_curl: `curl URL` on the simulated host. Only localhost is reachable
// (the simulated machine has no network beyond its own published ports);
// the answer comes from engine::curlLocalhost, errors are curl 7.88's.
#include <cctype>

#include "sim/cli/host_commands.hpp"
#include "sim/engine/containers/container_api.hpp"

namespace layerlab::cli {
namespace {

engine::ContainerOutcome curlError(int code, std::string text) {
    engine::ContainerOutcome o;
    o.err = "curl: (" + std::to_string(code) + ") " + text + "\n";
    o.exitCode = code;
    return o;
}

}   // namespace

engine::ContainerOutcome runCurl(const engine::State& state, const std::vector<std::string>& args) {
    std::string url;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-s" || a == "--silent" || a == "-S" || a == "--show-error" || a == "-sS" || a == "-L" ||
            a == "--location" || a == "-sL" || a == "-f" || a == "--fail")
            continue;
        if (a == "-X" || a == "--request") {
            if (i + 1 < args.size() && args[i + 1] != "GET") {
                engine::ContainerOutcome o;
                o.err =
                    "layerlab: curl -X " + args[i + 1] + ": LayerLab's simulated programs answer GET requests only.\n";
                o.exitCode = 1;
                return o;
            }
            ++i;
            continue;
        }
        if (!a.empty() && a[0] == '-') {
            engine::ContainerOutcome o;
            o.err =
                "layerlab: curl " + a +
                ": this curl option is not modelled (LayerLab's curl knows -s, -S, -L, -f and shows only the body).\n";
            o.exitCode = 2;
            return o;
        }
        url = a;
    }
    if (url.empty()) {
        engine::ContainerOutcome o;
        o.err = "curl: try 'curl --help' or 'curl --manual' for more information\n";
        o.exitCode = 2;
        return o;
    }
    std::string rest = url;
    std::string scheme = "http";
    if (size_t p = rest.find("://"); p != std::string::npos) {
        scheme = rest.substr(0, p);
        rest = rest.substr(p + 3);
        for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    size_t slash = rest.find('/');
    std::string hostPort = rest.substr(0, slash);
    std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
    std::string host = hostPort;
    int port = scheme == "https" ? 443 : 80;
    if (size_t c = hostPort.rfind(':'); c != std::string::npos) {
        host = hostPort.substr(0, c);
        std::string ps = hostPort.substr(c + 1);
        bool digits = !ps.empty() && ps.size() <= 5;
        for (char ch : ps) digits = digits && std::isdigit(static_cast<unsigned char>(ch));
        if (!digits || std::stoi(ps) > 65535)
            return curlError(3, "URL rejected: Port number was not a decimal number between 0 and 65535");
        port = std::stoi(ps);
    }
    if (scheme != "http" && scheme != "https")
        return curlError(1, "Protocol \"" + scheme + "\" not supported or disabled in libcurl");
    if (host.empty()) return curlError(3, "URL rejected: No host part in the URL");
    if (host != "localhost" && host != "127.0.0.1" && host != "0.0.0.0") {
        engine::ContainerOutcome o = curlError(6, "Could not resolve host: " + host);
        o.hints.push_back(
            {"LayerLab's simulated host has no internet: only http://localhost:PORT (ports published "
             "with docker run -p) answers.",
             "LayerLab의 가상 호스트는 인터넷에 연결되어 있지 않습니다. http://localhost:PORT "
             "(docker run -p로 게시한 포트)만 응답합니다."});
        return o;
    }
    if (scheme == "https") {
        engine::ContainerOutcome o = engine::curlLocalhost(state, port, path);
        if (o.ok()) {
            o = curlError(35, "error:0A00010B:SSL routines::wrong version number");
        }
        return o;
    }
    return engine::curlLocalhost(state, port, path);
}

}   // namespace layerlab::cli
