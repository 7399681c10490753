// network_curl: curl from inside a container, and the host reaching a
// --network host container (see networks.hpp). No packets: the program of
// the container that the name or address leads to answers directly, from
// the files it loaded when it started.
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/networks/curl_request.hpp"
#include "sim/engine/networks/networks.hpp"
#include "sim/korean.hpp"

namespace layerlab::engine::networks {
namespace {

using namespace containers;

// curl's (7) for host:port.
ContainerOutcome refused(const std::string& host, int port, const Hint& why) {
    ContainerOutcome o = curlError(7, "Failed to connect to " + host + " port " + std::to_string(port) +
                                          " after 0 ms: Couldn't connect to server");
    if (!why.en.empty()) o.hints.push_back(why);
    return o;
}

// The program of `target` answers GET path on `port`; fromInside: the request
// comes from the container itself (a 127.0.0.1-only server answers it).
ContainerOutcome ask(const State& state, const Container& target, const std::string& host, int port,
                     const std::string& path, bool fromInside) {
    if (target.status == Container::Status::Paused) {
        ContainerOutcome out;
        out.exitCode = 130;
        const std::string t = "'" + target.name + "'";
        out.hints.push_back({t + " is paused: the connection is accepted but never answered. Real curl would wait "
                                 "until Ctrl-C; the simulator stops waiting at once.",
                             ko::with(t, ko::Particle::EunNeun) +
                                 " 일시 중지되어 연결은 되지만 응답이 오지 않습니다. 실제 curl은 Ctrl-C까지 "
                                 "기다리며, 시뮬레이터는 바로 멈춥니다."});
        return out;
    }
    const Program p = programOf(state, target);
    const std::string t = "'" + target.name + "'";
    if (p.kind != Program::Kind::Serves)
        return refused(host, port,
                       {"The program in " + t + " (" + p.name + ") does not listen on any port.",
                        t + "의 프로그램(" + p.name + ")은 어떤 포트에서도 수신하지 않습니다."});
    if (p.http.port != port)
        return refused(host, port,
                       {p.name + " in " + t + " listens on port " + std::to_string(p.http.port) + ", not " +
                            std::to_string(port) + ". Between containers there is no -p: use the container's own port.",
                        t + "의 " + ko::with(p.name, ko::Particle::EunNeun) + " " + std::to_string(p.http.port) +
                            " 포트에서 수신합니다. 컨테이너끼리는 -p가 없으니 컨테이너 자신의 포트를 쓰세요."});
    if (p.http.loopbackOnly && !fromInside)
        return refused(host, port,
                       {p.name + " in " + t + " listens on 127.0.0.1 only: other containers cannot reach it.",
                        t + "의 " + ko::with(p.name, ko::Particle::EunNeun) +
                            " 127.0.0.1에서만 수신해서 다른 컨테이너는 닿을 수 없습니다."});
    ContainerOutcome out;
    HttpAnswer a = answerHttp(p.http, containerRootfs(state, target, true), path);
    if (a.status != -1) out.out = a.body;
    return out;
}

}   // namespace

std::optional<ContainerOutcome> answerOnHostNetwork(const State& state, int port, const std::string& path) {
    for (const Container& c : state.containers) {
        if (!isUp(c) || c.networkMode != "host") continue;
        const Program p = programOf(state, c);
        if (p.kind == Program::Kind::Serves && p.http.port == port) return ask(state, c, "localhost", port, path, true);
    }
    return std::nullopt;
}

ContainerOutcome curlFrom(const State& stateIn, const Container& fromIn, const std::vector<std::string>& args) {
    State state = stateIn;
    settleContainers(state);
    const Container* from = nullptr;
    for (const Container& c : state.containers)
        if (c.id == fromIn.id) from = &c;
    if (!from) return curlError(7, "Failed to connect");
    CurlRequest r = parseCurl(args);
    if (!r.ok()) return r.error;
    if (r.scheme == "https") {
        ContainerOutcome o = curlError(35, "error:0A00010B:SSL routines::wrong version number");
        o.hints.push_back(Hint{"LayerLab's simulated programs answer plain HTTP only.",
                               "LayerLab의 시뮬레이션 프로그램은 HTTP만 응답합니다."});
        return o;
    }
    if (r.host == "localhost" || r.host == "127.0.0.1" || r.host == "0.0.0.0") {
        // Inside its own network namespace, localhost is the container itself;
        // with --network host it is the host's.
        const Program self = programOf(state, *from);
        if (self.kind == Program::Kind::Serves && self.http.port == r.port)
            return ask(state, *from, r.host, r.port, r.path, true);
        if (from->networkMode == "host") {
            ContainerOutcome o = curlLocalhost(state, r.port, r.path);
            o.hints.clear();
            return o;
        }
        return refused(r.host, r.port,
                       {"Inside a container, localhost is the container itself, not the host or another container. "
                        "Use the other container's name on a shared user-defined network.",
                        "컨테이너 안에서 localhost는 그 컨테이너 자신이지 호스트나 다른 컨테이너가 아닙니다. 같은 "
                        "사용자 정의 네트워크에 있는 다른 컨테이너의 이름을 쓰세요."});
    }
    Reach reach = reachFrom(state, *from, r.host);
    if (!reach.resolved) {
        ContainerOutcome o = curlError(6, "Could not resolve host: " + r.host);
        if (!reach.why.en.empty()) o.hints.push_back(reach.why);
        return o;
    }
    if (!reach.target) return refused(r.host, r.port, reach.why);
    return ask(state, *reach.target, r.host, r.port, r.path, reach.target->id == from->id);
}

}   // namespace layerlab::engine::networks
