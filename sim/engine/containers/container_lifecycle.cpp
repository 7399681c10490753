// container_lifecycle: see the header.
#include "sim/engine/containers/container_lifecycle.hpp"

#include <algorithm>

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/ports.hpp"
#include "sim/engine/networks/networks.hpp"
#include "sim/engine/containers/restart_policy.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/volumes/volumes.hpp"
#include "sim/fs/sha256.hpp"
#include "sim/korean.hpp"

namespace layerlab::engine::containers {
namespace {

ProgramContext contextFor(const State& state, const Container& c, bool asLoaded, int64_t nowMs) {
    ProgramContext ctx;
    ctx.argv = c.path;
    ctx.rootfs = containerRootfs(state, c, asLoaded);
    ctx.env = c.env;
    ctx.workdir = c.workingDir.empty() ? "/" : c.workingDir;
    ctx.interactive = c.interactive;
    ctx.tty = c.tty;
    ctx.hostname = c.hostname.empty() ? c.id.substr(0, 12) : c.hostname;
    ctx.nowMs = nowMs;
    // The address its network gave it at start (sim/engine/networks); with
    // --network none or host it has none of its own.
    ctx.ipAddress = "127.0.0.1";
    for (const Endpoint& e : c.networks)
        if (!e.ipAddress.empty()) {
            ctx.ipAddress = e.ipAddress;
            break;
        }
    return ctx;
}

}   // namespace

Program programOf(const State& state, const Container& c) {
    ProgramContext ctx = contextFor(state, c, true, c.startedMs);
    return startProgram(ctx);
}

void printLines(ContainerOutcome& out, const std::vector<OutputLine>& lines, bool tty) {
    for (const OutputLine& l : lines) (l.stderrStream && !tty ? out.err : out.out) += l.text + "\n";
}

std::string runError(const std::string& message, bool withHelp, const std::string& command) {
    std::string m = message;
    while (!m.empty() && m.back() == '.') m.pop_back();
    std::string s = "docker: " + m + ".\n";
    if (withHelp) s += "\nRun 'docker " + command + " --help' for more information\n";
    return s;
}

void eraseAt(State& state, size_t index, ContainerOutcome& out, bool removeAnonymousVolumes) {
    // --rm removes the anonymous volumes too (rm -v asks for it explicitly)
    volumes::releaseVolumes(state, state.containers[index],
                            removeAnonymousVolumes || state.containers[index].autoRemove);
    events::container(state, state.containers[index], "destroy");
    out.events.push_back(ContainerRemoved{state.containers[index].id});
    state.containers.erase(state.containers.begin() + static_cast<long>(index));
}

StartResult startAt(State& state, size_t index, ContainerOutcome& out) {
    StartResult r;
    Container& c = state.containers[index];
    PortAllocation ports = allocatePorts(state, c);
    if (!ports.conflict.empty()) {
        // libnetwork names the endpoint (its own ID, not the container's).
        const std::string endpoint = fs::sha256Hex(c.id + "/endpoint/" + std::to_string(state.clock.nowMs));
        r.error =
            "failed to set up container networking: driver failed programming external connectivity on "
            "endpoint " +
            c.name + " (" + endpoint + "): " + ports.conflict;
        out.hints.push_back(
            {"Another running container already publishes that host port. Stop it, or publish a "
             "different host port (-p 3001:80). The container was created but did not start.",
             "이미 실행 중인 다른 컨테이너가 그 호스트 포트를 게시하고 있습니다. 그 컨테이너를 멈추거나 "
             "다른 호스트 포트(-p 3001:80)를 쓰세요. 컨테이너는 생성되었지만 시작되지 않았습니다."});
        return r;
    }
    if (std::string e = networks::assignAddresses(state, c); !e.empty()) {
        r.error = e;
        return r;
    }
    ProgramContext ctx = contextFor(state, c, false, state.clock.nowMs);
    r.program = startProgram(ctx);
    const Program& p = r.program;
    if (!p.startError.empty()) {
        r.error =
            "failed to create task for container: failed to create shim task: OCI runtime create failed: runc "
            "create failed: unable to start container process: " +
            p.startError + ": unknown";
        return r;
    }
    r.ok = true;
    c.status = Container::Status::Running;
    c.startedMs = state.clock.nowMs;
    c.exitCode = 0;
    c.error.clear();
    c.exitAtMs = 0;
    c.activePorts = ports.bindings;
    c.loadedWritable = c.writable;
    // A one-shot's writes land in the writable layer (never in the image),
    // or in a volume / ~/app under a mount.
    volumes::applyWrites(state, c, p.changes, p.deleted);
    for (const OutputLine& l : p.output) c.logs.push_back({state.clock.nowMs, l.stderrStream, l.text});
    c.restartAtMs = 0;
    events::container(state, c, "start");
    out.events.push_back(ContainerStarted{c.id});
    for (const PortBinding& b : c.activePorts)
        out.events.push_back(PortPublished{c.id, b.hostPort, b.containerPort, b.proto});
    for (const Hint& h : p.hints) out.hints.push_back(h);
    if (p.kind == Program::Kind::Exits) {
        if (p.runsForMs > 0) {
            c.exitAtMs = state.clock.nowMs + p.runsForMs;
            c.exitAtCode = p.exitCode;
        } else {
            r.removed = endProcess(state, index, p.exitCode, out);
        }
    } else if (p.kind == Program::Kind::Waits && p.runsForMs > 0) {
        c.exitAtMs = state.clock.nowMs + p.runsForMs;
        c.exitAtCode = 0;
    }
    return r;
}

bool endProcess(State& state, size_t index, int exitCode, ContainerOutcome& out) {
    Container& c = state.containers[index];
    c.status = Container::Status::Exited;
    c.exitCode = exitCode;
    c.finishedMs = state.clock.nowMs;
    c.exitAtMs = 0;
    c.activePorts.clear();
    networks::releaseAddresses(c);
    events::container(state, c, "die",
                      {{"exitCode", std::to_string(exitCode)},
                       {"execDuration", std::to_string((c.finishedMs - c.startedMs) / 1000)}});
    out.events.push_back(ContainerStopped{c.id, exitCode});
    // The restart manager: an exit nobody asked for may start it again later.
    if (scheduleRestart(c, exitCode, c.finishedMs)) return false;
    if (c.autoRemove) {
        eraseAt(state, index, out);
        return true;
    }
    return false;
}

bool deliverSignal(State& state, size_t index, int signal, ContainerOutcome& out, bool* removed) {
    if (removed) *removed = false;
    Container& c = state.containers[index];
    // The kill API marks the container stopped by hand: no restart policy applies now.
    c.manuallyStopped = true;
    events::container(state, c, "kill", {{"signal", std::to_string(signal)}});
    if (c.status == Container::Status::Restarting) {
        // No process to signal: the pending restart is cancelled.
        c.status = Container::Status::Exited;
        c.restartAtMs = 0;
        return true;
    }
    if (signal == 9) {
        bool gone = endProcess(state, index, 137, out);
        if (removed) *removed = gone;
        return true;
    }
    Program p = programOf(state, c);
    auto it = p.onSignal.find(signal);
    if (it == p.onSignal.end()) return false;
    for (const OutputLine& l : p.signalOutput) c.logs.push_back({state.clock.nowMs, l.stderrStream, l.text});
    bool gone = endProcess(state, index, it->second, out);
    if (removed) *removed = gone;
    return true;
}

void stopAt(State& state, size_t index, const std::string& signal, int timeoutSeconds, ContainerOutcome& out,
            bool* removed) {
    if (removed) *removed = false;
    Container& c = state.containers[index];
    if (!isUp(c)) return;
    if (c.status == Container::Status::Paused) c.status = Container::Status::Running;   // the signal needs it thawed
    std::string sigName = signal;
    if (sigName.empty()) {
        auto img = state.images.find(c.imageId);
        if (img != state.images.end()) sigName = img->second.config.stopSignal;
    }
    int sig = signalNumber(sigName.empty() ? "SIGTERM" : sigName);
    if (sig == 0) sig = 15;
    const std::string name = c.name;
    const std::string program = programOf(state, c).name;
    bool gone = false;
    if (deliverSignal(state, index, sig, out, &gone)) {
        if (removed) *removed = gone;
        if (!gone) events::container(state, state.containers[index], "stop");
        return;
    }
    // Ignored: docker stop waits the grace period, then sends SIGKILL.
    if (timeoutSeconds > 0) state.clock.advance(static_cast<int64_t>(timeoutSeconds) * 1000);
    events::container(state, state.containers[index], "kill", {{"signal", "9"}});
    gone = endProcess(state, index, 137, out);
    if (!gone) events::container(state, state.containers[index], "stop");
    if (removed) *removed = gone;
    out.hints.push_back(
        {program + " runs as PID 1 in '" + name + "' and has no handler for " + signalName(sig) +
             ", so the kernel ignores the signal. docker stop waited " + std::to_string(timeoutSeconds) +
             " seconds, then sent SIGKILL: exit code 137 (128 + 9). docker run --init, or a signal handler in the app, "
             "makes it stop at once.",
         "'" + name + "'의 " + ko::with(program, ko::Particle::EunNeun) + " PID 1로 실행되며 " + signalName(sig) +
             " 처리기가 없어 커널이 신호를 무시합니다. docker stop은 " + std::to_string(timeoutSeconds) +
             "초를 기다린 뒤 SIGKILL을 보냈습니다: 종료 코드 137 (128 + 9). docker run --init이나 앱의 신호 처리기가 "
             "있으면 바로 멈춥니다."});
}

}   // namespace layerlab::engine::containers
