// restart_policy: see the header. moby daemon/restartmanager/restartmanager.go,
// api/types/container/hostconfig.go, docker/cli opts/parse.go.
#include "sim/engine/containers/restart_policy.hpp"

#include <algorithm>

#include "sim/numbers.hpp"

namespace layerlab::engine::containers {
namespace {
constexpr int64_t kFirstBackoffMs = 100;
constexpr int64_t kMaxBackoffMs = 60000;
constexpr int64_t kResetAfterRunMs = 10000;
}   // namespace

RestartParse parseRestartPolicy(const std::string& text) {
    RestartParse r;
    if (text.empty()) return r;
    const auto colon = text.find(':');
    const std::string name = text.substr(0, colon);
    if (colon != std::string::npos && name.empty()) {
        r.error = "invalid restart policy format: no policy provided before colon";
        return r;
    }
    if (colon != std::string::npos && colon + 1 < text.size()) {
        auto n = parseInteger(text.substr(colon + 1), -2147483648LL, 2147483647LL);
        if (!n) {
            r.error = "invalid restart policy format: maximum retry count must be an integer";
            return r;
        }
        r.policy.maximumRetryCount = static_cast<int>(*n);
    }
    r.policy.name = name;
    return r;
}

std::string validateRestartPolicy(const RestartPolicy& p) {
    if (p.name == "always" || p.name == "unless-stopped" || p.name == "no") {
        if (p.maximumRetryCount != 0)
            return std::string("invalid restart policy: maximum retry count can only be used with 'on-failure'") +
                   (p.maximumRetryCount < 0 ? " and cannot be negative" : "");
        return "";
    }
    if (p.name == "on-failure")
        return p.maximumRetryCount < 0 ? "invalid restart policy: maximum retry count cannot be negative" : "";
    if (p.name.empty()) return "";
    return "invalid restart policy: unknown policy '" + p.name +
           "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'";
}

bool scheduleRestart(Container& c, int exitCode, int64_t exitMs) {
    const RestartPolicy& p = c.restartPolicy;
    if (c.manuallyStopped) return false;
    bool restart = false;
    if (p.name == "always" || p.name == "unless-stopped") restart = true;
    else if (p.name == "on-failure")
        restart = exitCode != 0 && (p.maximumRetryCount == 0 || c.restartCount < p.maximumRetryCount);
    if (!restart) return false;
    if (exitMs - c.startedMs >= kResetAfterRunMs) c.restartDelayMs = 0;
    c.restartDelayMs = c.restartDelayMs == 0 ? kFirstBackoffMs : std::min(kMaxBackoffMs, c.restartDelayMs * 2);
    c.status = Container::Status::Restarting;
    c.restartAtMs = exitMs + c.restartDelayMs;
    return true;
}

}   // namespace layerlab::engine::containers
