// host_curl: `curl URL` on the simulated host. Only localhost is reachable
// (the simulated machine has no network beyond its own published ports and
// the programs of --network host containers); the answer comes from
// engine::curlLocalhost, the command line is read by
// engine::networks::parseCurl (the same as curl inside a container).
#include "sim/cli/host_commands.hpp"
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/networks/curl_request.hpp"

namespace layerlab::cli {

engine::ContainerOutcome runCurl(const engine::State& state, const std::vector<std::string>& args) {
    using engine::networks::curlError;
    engine::networks::CurlRequest r = engine::networks::parseCurl(args);
    if (!r.ok()) return r.error;
    const std::string& host = r.host;
    if (host != "localhost" && host != "127.0.0.1" && host != "0.0.0.0") {
        engine::ContainerOutcome o = curlError(6, "Could not resolve host: " + host);
        o.hints.push_back(
            {"LayerLab's simulated host has no internet: only http://localhost:PORT (ports published "
             "with docker run -p) answers.",
             "LayerLab의 가상 호스트는 인터넷에 연결되어 있지 않습니다. http://localhost:PORT "
             "(docker run -p로 게시한 포트)만 응답합니다."});
        return o;
    }
    if (r.scheme == "https") {
        engine::ContainerOutcome o = engine::curlLocalhost(state, r.port, r.path);
        if (o.ok()) o = curlError(35, "error:0A00010B:SSL routines::wrong version number");
        return o;
    }
    return engine::curlLocalhost(state, r.port, r.path);
}

}   // namespace layerlab::cli
