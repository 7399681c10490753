// container_update: see the header. docker/cli cli/command/container/update.go,
// moby daemon/update.go and daemon_unix.go (verifyPlatformContainerResources).
#include "sim/engine/containers/container_update.hpp"

#include <cstdio>

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/restart_policy.hpp"
#include "sim/engine/events/event_log.hpp"

namespace layerlab::engine {

std::string checkResources(int64_t memoryBytes, int64_t nanoCpus) {
    if (memoryBytes > 0 && memoryBytes < 6 * 1024 * 1024) return "Minimum memory limit allowed is 6MB";
    if (nanoCpus < 0 || nanoCpus > static_cast<int64_t>(kHostCpus) * 1000000000) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "Range of CPUs is from 0.01 to %d.00, as there are only %d CPUs available",
                      kHostCpus, kHostCpus);
        return buf;
    }
    return "";
}

ContainerOutcome updateContainers(State& state, const UpdateOptions& o) {
    ContainerOutcome out;
    auto fail = [&](const std::string& err) {
        out.err += err + "\n";
        out.exitCode = 1;
        return out;
    };
    if (o.flagCount == 0) return fail("you must provide one or more flags when using this command");
    std::optional<RestartPolicy> policy;
    if (o.restart && !o.restart->empty()) {
        auto parsed = containers::parseRestartPolicy(*o.restart);
        if (!parsed.error.empty()) return fail(parsed.error);
        policy = parsed.policy;
    }
    // The daemon's checks come before any container is touched.
    const std::string kDaemon = "Error response from daemon: ";
    if (policy)
        if (std::string e = containers::validateRestartPolicy(*policy); !e.empty()) {
            for (size_t i = 0; i < o.containers.size(); ++i) out.err += kDaemon + e + "\n";
            out.exitCode = 1;
            return out;
        }
    if (std::string e = checkResources(o.memoryBytes.value_or(0), o.nanoCpus.value_or(0)); !e.empty()) {
        for (size_t i = 0; i < o.containers.size(); ++i) out.err += kDaemon + e + "\n";
        out.exitCode = 1;
        return out;
    }
    for (const Event& e : containers::settleContainers(state)) out.events.push_back(e);
    for (const std::string& ref : o.containers) {
        containers::Lookup l = containers::findContainer(state, ref);
        if (l.index < 0) {
            out.err += kDaemon + l.error + "\n";
            out.exitCode = 1;
            continue;
        }
        Container& c = state.containers[static_cast<size_t>(l.index)];
        if (policy && c.autoRemove && policy->name != "no" && !policy->name.empty()) {
            out.err += kDaemon + "Cannot update container " + c.id +
                       ": Restart policy cannot be updated because AutoRemove is enabled for the container\n";
            out.exitCode = 1;
            continue;
        }
        if (o.memoryBytes && *o.memoryBytes != 0 && c.memorySwapBytes > 0 && *o.memoryBytes > c.memorySwapBytes &&
            o.memorySwapBytes.value_or(0) == 0) {
            out.err += kDaemon + "Cannot update container " + c.id +
                       ": Memory limit should be smaller than already set memoryswap limit, update the memoryswap at "
                       "the same time\n";
            out.exitCode = 1;
            continue;
        }
        if (policy) c.restartPolicy = *policy;
        if (o.memoryBytes && *o.memoryBytes != 0) c.memoryBytes = *o.memoryBytes;
        if (o.memorySwapBytes && *o.memorySwapBytes != 0) c.memorySwapBytes = *o.memorySwapBytes;
        if (o.nanoCpus) c.nanoCpus = *o.nanoCpus;
        events::container(state, c, "update");
        out.out += ref + "\n";
    }
    if (o.memoryBytes || o.nanoCpus || o.memorySwapBytes)
        out.hints.push_back(
            {"LayerLab records memory and CPU limits (docker inspect shows them) but does not enforce "
             "them: its simulated programs use almost nothing.",
             "LayerLab은 메모리와 CPU 제한을 기록하지만(docker inspect에 나옵니다) 실제로 적용하지는 "
             "않습니다: 시뮬레이션 프로그램은 거의 자원을 쓰지 않습니다."});
    return out;
}

}   // namespace layerlab::engine
