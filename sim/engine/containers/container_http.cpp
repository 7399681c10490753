// container_http: `curl http://localhost:PORT/PATH` answered by the container
// publishing PORT (see container_api.hpp). Errors as curl 7.88 (Debian 12)
// prints them: nothing listening -> (7); a published port whose program is
// not listening on the container side (docker-proxy accepts, then the
// connection is reset) -> (56).
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/networks/networks.hpp"
#include "sim/korean.hpp"

namespace layerlab::engine {

using namespace containers;

namespace {

// Nothing listens on the host port: curl's (7), and why (a stopped container, or no -p).
ContainerOutcome refused(const State& state, int port) {
    ContainerOutcome out;
    out.err = "curl: (7) Failed to connect to localhost port " + std::to_string(port) +
              " after 0 ms: Couldn't connect to server\n";
    out.exitCode = 7;
    bool stopped = false;
    for (const Container& c : state.containers)
        for (const PortBinding& b : c.ports) stopped = stopped || b.hostPort == port;
    if (stopped)
        out.hints.push_back({"A container was configured to publish port " + std::to_string(port) +
                                 ", but it is not running: ports are only bound while a container is up.",
                             "포트 " + ko::with(std::to_string(port), ko::Particle::EulReul) +
                                 " 게시하도록 설정된 컨테이너가 있지만 실행 중이 아닙니다: 포트는 컨테이너가 "
                                 "실행 중일 때만 연결됩니다."});
    else
        out.hints.push_back({"No running container publishes host port " + std::to_string(port) +
                                 ". EXPOSE only documents a port; docker run -p " + std::to_string(port) +
                                 ":<container port> publishes it.",
                             "호스트 포트 " + ko::with(std::to_string(port), ko::Particle::EulReul) +
                                 " 게시한 실행 중인 컨테이너가 없습니다. EXPOSE는 문서화일 뿐이고, docker run -p " +
                                 std::to_string(port) + ":<컨테이너 포트>가 실제로 게시합니다."});
    return out;
}

// docker-proxy accepted, but the program does not answer on that port: curl's (56), and why.
ContainerOutcome connectionReset(const Container& target, const Program& p, int port, const PortBinding& binding) {
    ContainerOutcome out;
    out.err = "curl: (56) Recv failure: Connection reset by peer\n";
    out.exitCode = 56;
    std::string why, whyKo;
    if (p.kind != Program::Kind::Serves) {
        why = "the program in '" + target.name + "' (" + p.name + ") does not listen on any port";
        whyKo = "'" + target.name + "'의 프로그램(" + p.name + ")은 어떤 포트에서도 수신하지 않습니다";
    } else if (p.http.loopbackOnly) {
        why = p.name + " in '" + target.name + "' listens on 127.0.0.1 only (inside the container)";
        whyKo = "'" + target.name + "'의 " + ko::with(p.name, ko::Particle::EunNeun) +
                " 127.0.0.1(컨테이너 안쪽)에서만 수신합니다";
    } else {
        why = p.name + " in '" + target.name + "' listens on port " + std::to_string(p.http.port) + ", but host port " +
              std::to_string(port) + " is published to container port " + std::to_string(binding.containerPort);
        whyKo = "'" + target.name + "'의 " + ko::with(p.name, ko::Particle::EunNeun) + " " +
                std::to_string(p.http.port) + " 포트에서 수신하지만, 호스트 포트 " +
                ko::with(std::to_string(port), ko::Particle::EunNeun) + " 컨테이너 포트 " +
                ko::with(std::to_string(binding.containerPort), ko::Particle::EuroRo) + " 게시되어 있습니다";
    }
    out.hints.push_back({"Docker accepted the connection on the host, but " + why + ", so it was reset.",
                         "Docker가 호스트에서 연결을 받았지만, " + whyKo + ". 그래서 연결이 끊겼습니다."});
    return out;
}

}   // namespace

ContainerOutcome curlLocalhost(const State& stateIn, int port, std::string_view pathIn) {
    ContainerOutcome out;
    State state = stateIn;
    settleContainers(state);
    const std::string path = pathIn.empty() ? "/" : std::string(pathIn);
    const Container* target = nullptr;
    const PortBinding* binding = nullptr;
    for (const Container& c : state.containers) {
        if (!isUp(c)) continue;
        for (const PortBinding& b : c.activePorts)
            if (b.hostPort == port && b.proto == "tcp" && (b.hostIp == "0.0.0.0" || b.hostIp == "127.0.0.1")) {
                target = &c;
                binding = &b;
            }
    }
    if (!target) {
        // a --network host container's program listens on the host itself
        if (auto onHost = networks::answerOnHostNetwork(state, port, path)) return *onHost;
        return refused(state, port);
    }
    if (target->status == Container::Status::Paused) {
        out.exitCode = 130;
        out.hints.push_back(
            {"'" + target->name +
                 "' is paused: its processes are frozen, so the connection is accepted "
                 "but never answered. Real curl would wait until you press Ctrl-C; the simulator stops "
                 "waiting at once.",
             ko::with("'" + target->name + "'", ko::Particle::EunNeun) +
                 " 일시 중지되어 프로세스가 멈춰 있습니다. 연결은 되지만 응답이 "
                 "오지 않습니다. 실제 curl은 Ctrl-C를 누를 때까지 기다리며, 시뮬레이터는 바로 멈춥니다."});
        return out;
    }
    const Program p = programOf(state, *target);
    const bool listening = p.kind == Program::Kind::Serves && p.http.port == binding->containerPort;
    if (!listening || p.http.loopbackOnly) return connectionReset(*target, p, port, *binding);
    // The program answers from what it loaded at start (not from the host's files).
    HttpAnswer a = answerHttp(p.http, containerRootfs(state, *target, true), path);
    if (a.status == -1) {
        out.hints.push_back(
            {"LayerLab could not work out what this route answers (simplified reading of the source); "
             "the body is left empty.",
             "LayerLab이 이 경로의 응답을 알아내지 못했습니다(소스를 단순화해 읽음). 본문을 비워 둡니다."});
        return out;
    }
    out.out = a.body;
    return out;
}

ContainerOutcome pruneContainers(State& state, const PruneOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    if (!o.filters.empty()) {
        out.err = "LayerLab does not model filters for docker container prune (" + o.filters.front() + ").\n";
        out.exitCode = 1;
        return out;
    }
    std::vector<std::string> deleted;
    uint64_t reclaimed = 0;
    for (size_t i = 0; i < state.containers.size();) {
        if (isUp(state.containers[i])) {
            ++i;
            continue;
        }
        deleted.push_back(state.containers[i].id);
        reclaimed += writableSize(state.containers[i]);
        eraseAt(state, i, out);
    }
    if (!deleted.empty()) {
        out.out += "Deleted Containers:\n";
        for (const std::string& id : deleted) out.out += id + "\n";
        out.out += "\n";
    }
    out.out += "Total reclaimed space: " + format::humanSize(reclaimed) + "\n";
    return out;
}

ContainersDiskUsage containersDiskUsage(const State& stateIn) {
    State state = stateIn;
    settleContainers(state);
    ContainersDiskUsage u;
    for (const Container& c : state.containers) {
        ++u.total;
        const uint64_t size = writableSize(c);
        u.size += size;
        if (isUp(c)) ++u.active;
        else u.reclaimable += size;
    }
    return u;
}

std::vector<const Container*> containersUsingImage(const State& state, std::string_view imageId) {
    std::vector<const Container*> out;
    for (const Container& c : state.containers)
        if (c.imageId == imageId) out.push_back(&c);
    return out;
}

}   // namespace layerlab::engine
