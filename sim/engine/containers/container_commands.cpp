// container_commands: start, stop, restart, kill, pause, unpause, rm
// (see container_api.hpp). Each acts on every named container in turn, prints
// the name as typed for each success and the daemon's error for each failure,
// as the docker CLI does; a failure changes nothing for that container.
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/korean.hpp"

namespace layerlab::engine {
namespace {

// `docker start` / `docker restart`: a start by hand clears the restart
// manager (HasBeenManuallyStopped, RestartCount and the back-off), as moby's
// containerStart(resetRestartManager=true) does.
void manualStart(Container& c) {
    c.manuallyStopped = false;
    c.restartCount = 0;
    c.restartDelayMs = 0;
    c.restartAtMs = 0;
}

using namespace containers;

const std::string kDaemon = "Error response from daemon: ";

// Runs `op` on each container in its own copy of the state, so a failure
// leaves that container as it was. op returns "" or the error line.
template <typename Op>
void forEach(State& state, const std::vector<std::string>& refs, ContainerOutcome& out,
             std::vector<std::string>& errors, Op op) {
    for (const std::string& ref : refs) {
        Lookup l = findContainer(state, ref);
        if (l.index < 0) {
            errors.push_back(kDaemon + l.error);
            continue;
        }
        State work = state;
        ContainerOutcome step;
        std::string error = op(work, static_cast<size_t>(l.index), step);
        if (!error.empty()) {
            errors.push_back(error);
            for (const Hint& h : step.hints) out.hints.push_back(h);
            continue;
        }
        state = std::move(work);
        out.out += ref + "\n";
        for (const Event& e : step.events) out.events.push_back(e);
        for (const Hint& h : step.hints) out.hints.push_back(h);
    }
}

void finish(ContainerOutcome& out, const std::vector<std::string>& errors) {
    if (errors.empty()) return;
    for (const std::string& e : errors) out.err += e + "\n";
    out.exitCode = 1;
}

}   // namespace

// A container keeps the image it was created from: after a rebuild moved the
// tag, (re)starting it still runs the old image. Learners expect the new code.
static void staleImageHint(const State& state, const Container& c, ContainerOutcome& out) {
    if (c.imageRef.empty()) return;
    ResolvedImage now = resolveImageRef(state, c.imageRef);
    if (!now.image || now.byId || now.image->id == c.imageId) return;
    const std::string shortOld = c.imageId.substr(c.imageId.rfind(':') + 1, 12);
    out.hints.push_back({c.name + " still runs the image it was created from (" + shortOld + "); " + c.imageRef +
                             " now names a newer image. A container keeps its image: to run the new one, remove this "
                             "container (docker rm -f " +
                             c.name + ") and docker run it again.",
                         ko::with(c.name, ko::Particle::EunNeun) + " 만들어질 때의 이미지(" + shortOld +
                             ")를 계속 실행합니다. " + ko::with(c.imageRef, ko::Particle::EunNeun) +
                             " 이제 더 새 이미지를 가리킵니다. 컨테이너는 자기 "
                             "이미지를 바꾸지 않으므로, 새 이미지를 실행하려면 이 컨테이너를 지우고(docker rm -f " +
                             c.name + ") docker run으로 다시 만드세요."});
}

namespace {

// What `docker start -a/-i` attaches to: the container by ID, its stdin when both ask for it.
Attachment startAttachment(const StartOptions& o, const Container& c, bool tty, const std::string& prompt) {
    Attachment a;
    a.kind = Attachment::Kind::Start;
    a.containerId = c.id;
    a.stdinAttached = o.interactive && c.interactive;
    a.tty = tty;
    a.detachKeys = o.detachKeys;
    a.prompt = prompt;
    return a;
}

// docker start -a / -i: one container, started (or already running) and attached.
void startAttached(State& state, const StartOptions& o, ContainerOutcome& out) {
    if (o.containers.size() > 1) {
        out.err = "you cannot start and attach multiple containers at once\n";
        out.exitCode = 1;
        return;
    }
    Lookup l = findContainer(state, o.containers.empty() ? "" : o.containers[0]);
    if (l.index < 0) {
        out.err = kDaemon + l.error + "\n";
        out.exitCode = 1;
        return;
    }
    State work = state;
    Container& c = work.containers[static_cast<size_t>(l.index)];
    const std::string id = c.id;
    const bool tty = c.tty;
    if (isUp(c)) {
        // Already running: start -a just attaches.
        out.attached = startAttachment(o, c, tty, programOf(work, c).prompt);
        return;
    }
    if (c.runMode == Container::RunMode::Created) c.runMode = Container::RunMode::Attached;
    manualStart(c);
    StartResult r = startAt(work, static_cast<size_t>(l.index), out);
    if (!r.ok) {
        out.events.clear();
        out.err = kDaemon + r.error + "\n";
        out.exitCode = 1;
        return;
    }
    state = std::move(work);
    printLines(out, r.program.output, tty);
    for (Container& k : state.containers)
        if (k.id == id && k.status == Container::Status::Running) {
            out.attached = startAttachment(o, k, tty, r.program.prompt);
            return;
        }
    for (const Event& e : out.events)
        if (const auto* s = std::get_if<ContainerStopped>(&e); s && s->id == id) out.exitCode = s->exitCode;
}

}   // namespace

ContainerOutcome startContainers(State& state, const StartOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    if (o.attach || o.interactive) {
        startAttached(state, o, out);
        return out;
    }
    std::vector<std::string> failed;
    for (const std::string& ref : o.containers) {
        Lookup l = findContainer(state, ref);
        if (l.index < 0) {
            out.err += kDaemon + l.error + "\n";
            failed.push_back(ref);
            continue;
        }
        if (isUp(state.containers[static_cast<size_t>(l.index)])) {
            out.out += ref + "\n";   // already running: 304 Not Modified, no error
            continue;
        }
        State work = state;
        ContainerOutcome step;
        Container& started = work.containers[static_cast<size_t>(l.index)];
        if (started.runMode == Container::RunMode::Created) started.runMode = Container::RunMode::Detached;
        manualStart(started);
        StartResult r = startAt(work, static_cast<size_t>(l.index), step);
        for (const Hint& h : step.hints) out.hints.push_back(h);
        if (!r.ok) {
            out.err += kDaemon + r.error + "\n";
            failed.push_back(ref);
            continue;
        }
        state = std::move(work);
        for (const Event& e : step.events) out.events.push_back(e);
        out.out += ref + "\n";
    }
    if (!failed.empty()) {
        std::string list;
        for (size_t i = 0; i < failed.size(); ++i) list += (i ? ", " : "") + failed[i];
        out.err += "Error: failed to start containers: " + list + "\n";
        out.exitCode = 1;
    }
    return out;
}

ContainerOutcome stopContainers(State& state, const StopOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    if (!o.signal.empty() && signalNumber(o.signal) == 0) {
        out.err = kDaemon + "Invalid signal: " + o.signal + "\n";
        out.exitCode = 1;
        return out;
    }
    std::vector<std::string> errors;
    forEach(state, o.containers, out, errors, [&](State& s, size_t i, ContainerOutcome& step) {
        stopAt(s, i, o.signal, o.timeoutSeconds.value_or(10), step, nullptr);
        return std::string();
    });
    finish(out, errors);
    return out;
}

ContainerOutcome restartContainers(State& state, const StopOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    std::vector<std::string> errors;
    forEach(state, o.containers, out, errors, [&](State& s, size_t i, ContainerOutcome& step) {
        const std::string id = s.containers[i].id;
        bool removed = false;
        stopAt(s, i, o.signal, o.timeoutSeconds.value_or(10), step, &removed);
        if (removed) return kDaemon + "No such container: " + id;
        manualStart(s.containers[i]);
        StartResult r = startAt(s, i, step);
        if (!r.ok) return kDaemon + "Cannot restart container " + id + ": " + r.error;
        events::container(s, s.containers[i], "restart");
        staleImageHint(s, s.containers[i], step);
        return std::string();
    });
    finish(out, errors);
    return out;
}

ContainerOutcome killContainers(State& state, const KillOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    const int sig = signalNumber(o.signal.empty() ? "KILL" : o.signal);
    if (sig == 0) {
        out.err = kDaemon + "Invalid signal: " + o.signal + "\n";
        out.exitCode = 1;
        return out;
    }
    std::vector<std::string> errors;
    forEach(state, o.containers, out, errors, [&](State& s, size_t i, ContainerOutcome& step) {
        Container& c = s.containers[i];
        if (!isUp(c)) return kDaemon + "cannot kill container: " + c.name + ": container " + c.id + " is not running";
        if (c.status == Container::Status::Paused && sig != 9)
            return kDaemon + "cannot kill container: " + c.name + ": container " + c.id +
                   " is paused. Unpause the "
                   "container before stopping or killing";
        const std::string program = programOf(s, c).name;
        const std::string name = c.name;
        if (!deliverSignal(s, i, sig, step, nullptr))
            step.hints.push_back({program + " in '" + name + "' ignores " + signalName(sig) +
                                      " (PID 1 without a handler): the container keeps running.",
                                  "'" + name + "'의 " + ko::with(program, ko::Particle::EunNeun) + " " +
                                      ko::with(signalName(sig), ko::Particle::EulReul) +
                                      " 무시합니다(처리기가 없는 PID 1): 컨테이너는 계속 실행됩니다."});
        return std::string();
    });
    finish(out, errors);
    return out;
}

ContainerOutcome pauseContainers(State& state, const std::vector<std::string>& refs) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    std::vector<std::string> errors;
    forEach(state, refs, out, errors, [&](State& s, size_t i, ContainerOutcome& step) {
        Container& c = s.containers[i];
        if (c.status == Container::Status::Paused) return kDaemon + "container " + c.id + " is already paused";
        if (c.status != Container::Status::Running) return kDaemon + "container " + c.id + " is not running";
        c.status = Container::Status::Paused;
        events::container(s, c, "pause");
        step.events.push_back(ContainerPaused{c.id, true});
        return std::string();
    });
    finish(out, errors);
    return out;
}

ContainerOutcome unpauseContainers(State& state, const std::vector<std::string>& refs) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    std::vector<std::string> errors;
    forEach(state, refs, out, errors, [&](State& s, size_t i, ContainerOutcome& step) {
        Container& c = s.containers[i];
        if (c.status != Container::Status::Paused) return kDaemon + "Container " + c.id + " is not paused";
        c.status = Container::Status::Running;
        events::container(s, c, "unpause");
        step.events.push_back(ContainerPaused{c.id, false});
        return std::string();
    });
    finish(out, errors);
    return out;
}

ContainerOutcome removeContainers(State& state, const RmOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    std::vector<std::string> errors;
    for (const std::string& ref : o.containers) {
        Lookup l = findContainer(state, ref);
        if (l.index < 0) {
            // rm -f of a container that does not exist is not an error (it is printed, exit 0).
            if (o.force && l.error.rfind("No such container", 0) == 0) out.err += kDaemon + l.error + "\n";
            else errors.push_back(kDaemon + l.error);
            continue;
        }
        Container& c = state.containers[static_cast<size_t>(l.index)];
        if (isUp(c) && !o.force) {
            if (c.status == Container::Status::Paused)
                errors.push_back(kDaemon + "cannot remove container \"/" + c.name +
                                 "\": container is paused and must be unpaused first");
            else
                errors.push_back(kDaemon + "cannot remove container \"/" + c.name + "\": container is " + stateName(c) +
                                 ": stop the container before removing or force remove");
            out.hints.push_back(
                {"A running container cannot be removed: docker stop " + c.name + " first, or docker rm -f.",
                 "실행 중인 컨테이너는 지울 수 없습니다: 먼저 docker stop " + c.name +
                     " 하거나 docker rm -f를 쓰세요."});
            continue;
        }
        ContainerOutcome step;
        const size_t i = static_cast<size_t>(l.index);
        if (isUp(c)) {
            c.autoRemove = false;   // rm -f removes it below, once
            c.manuallyStopped = true;   // and no restart policy brings it back
            events::container(state, c, "kill", {{"signal", "9"}});
            endProcess(state, i, 137, step);
        }
        eraseAt(state, i, step, o.volumes);
        for (const Event& e : step.events) out.events.push_back(e);
        out.out += ref + "\n";
    }
    finish(out, errors);
    return out;
}

}   // namespace layerlab::engine
