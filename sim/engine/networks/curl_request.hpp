// curl_request: the part of `curl URL` LayerLab models, read once for both
// places curl runs: the simulated host (sim/cli/host_curl.cpp) and inside a
// container (`docker exec c curl http://web:3000`, network_curl.cpp).
// Options -s, -S, -L, -f (and their long forms) are accepted and change
// nothing the simulator shows; -X other than GET and any other option are
// refused plainly. Errors are curl 7.88's words and exit codes.
#pragma once
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"

namespace layerlab::engine::networks {

struct CurlRequest {
    std::string scheme = "http";   // "http" or "https"
    std::string host;   // "localhost", "web", "172.18.0.2"
    int port = 80;
    std::string path = "/";
    ContainerOutcome error;   // set (exit code != 0) when the command line or URL is refused
    bool ok() const { return error.exitCode == 0 && error.err.empty(); }
};

CurlRequest parseCurl(const std::vector<std::string>& args);

// "curl: (CODE) TEXT\n" with exit code CODE.
ContainerOutcome curlError(int code, const std::string& text);

}   // namespace layerlab::engine::networks
