// curl_request: see the header.
#include "sim/engine/networks/curl_request.hpp"

#include <cctype>

namespace layerlab::engine::networks {

ContainerOutcome curlError(int code, const std::string& text) {
    ContainerOutcome o;
    o.err = "curl: (" + std::to_string(code) + ") " + text + "\n";
    o.exitCode = code;
    return o;
}

CurlRequest parseCurl(const std::vector<std::string>& args) {
    CurlRequest r;
    std::string url;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-s" || a == "--silent" || a == "-S" || a == "--show-error" || a == "-sS" || a == "-L" ||
            a == "--location" || a == "-sL" || a == "-f" || a == "--fail")
            continue;
        if (a == "-X" || a == "--request") {
            if (i + 1 < args.size() && args[i + 1] != "GET") {
                r.error.err =
                    "layerlab: curl -X " + args[i + 1] + ": LayerLab's simulated programs answer GET requests only.\n";
                r.error.exitCode = 1;
                return r;
            }
            ++i;
            continue;
        }
        if (!a.empty() && a[0] == '-') {
            r.error.err =
                "layerlab: curl " + a +
                ": this curl option is not modelled (LayerLab's curl knows -s, -S, -L, -f and shows only the body).\n";
            r.error.exitCode = 2;
            return r;
        }
        url = a;
    }
    if (url.empty()) {
        r.error.err = "curl: try 'curl --help' or 'curl --manual' for more information\n";
        r.error.exitCode = 2;
        return r;
    }
    std::string rest = url;
    if (size_t p = rest.find("://"); p != std::string::npos) {
        r.scheme = rest.substr(0, p);
        rest = rest.substr(p + 3);
        for (auto& c : r.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    size_t slash = rest.find('/');
    std::string hostPort = rest.substr(0, slash);
    r.path = slash == std::string::npos ? "/" : rest.substr(slash);
    r.host = hostPort;
    r.port = r.scheme == "https" ? 443 : 80;
    if (size_t c = hostPort.rfind(':'); c != std::string::npos) {
        r.host = hostPort.substr(0, c);
        std::string ps = hostPort.substr(c + 1);
        bool digits = !ps.empty() && ps.size() <= 5;
        for (char ch : ps) digits = digits && std::isdigit(static_cast<unsigned char>(ch));
        if (!digits || std::stoi(ps) > 65535) {
            r.error = curlError(3, "URL rejected: Port number was not a decimal number between 0 and 65535");
            return r;
        }
        r.port = std::stoi(ps);
    }
    if (r.scheme != "http" && r.scheme != "https") {
        r.error = curlError(1, "Protocol \"" + r.scheme + "\" not supported or disabled in libcurl");
        return r;
    }
    if (r.host.empty()) r.error = curlError(3, "URL rejected: No host part in the URL");
    return r;
}

}   // namespace layerlab::engine::networks
