// container_exec: `docker exec` (see container_api.hpp) and running a command
// inside a running container for an attached shell.
#include <algorithm>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/find_or_answer.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/networks/networks.hpp"
#include "sim/engine/volumes/volumes.hpp"

namespace layerlab::engine {
namespace containers {

Program runInside(State& state, size_t index, const std::vector<std::string>& argv, const std::string& workdir,
                  const std::vector<std::string>& extraEnv, bool interactive, bool tty) {
    Container& c = state.containers[index];
    ProgramContext ctx;
    ctx.argv = argv;
    ctx.rootfs = containerRootfs(state, c);
    ctx.env = c.env;
    for (const std::string& e : extraEnv)
        if (e.find('=') != std::string::npos) ctx.env.push_back(e);
    ctx.workdir = !workdir.empty() ? workdir : (c.workingDir.empty() ? "/" : c.workingDir);
    ctx.interactive = interactive;
    ctx.tty = tty;
    ctx.hostname = c.hostname.empty() ? c.id.substr(0, 12) : c.hostname;
    ctx.nowMs = state.clock.nowMs;
    ctx.pid1 = false;
    Program p = startProgram(ctx);
    if (!p.startError.empty()) return p;
    // into the writable layer, or a volume / ~/app under a mount
    volumes::applyWrites(state, c, p.changes, p.deleted);
    return p;
}

}   // namespace containers

using namespace containers;

ContainerOutcome execInContainer(State& state, const ExecOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    const Container* found = findOrAnswer(state, o.container, out);
    if (!found) return out;
    const Container& c = *found;
    if (c.status == Container::Status::Paused) {
        out.err = "Error response from daemon: container " + c.id + " is paused, unpause the container before exec\n";
        out.exitCode = 1;
        return out;
    }
    if (c.status != Container::Status::Running) {
        out.err = "Error response from daemon: container " + c.id + " is not running\n";
        out.exitCode = 1;
        return out;
    }
    if (o.command.empty()) {
        out.err =
            "\"docker exec\" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec "
            "[OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n";
        out.exitCode = 1;
        return out;
    }
    if (!o.workdir.empty() && o.workdir.front() != '/') {
        out.err = "Error response from daemon: the working directory '" + o.workdir +
                  "' is invalid, it needs to be an absolute path\n";
        out.exitCode = 1;
        return out;
    }
    if (fs::baseName(o.command[0]) == "curl" && programExists(o.command[0], containerRootfs(state, c), c.env)) {
        // curl reaches other containers by name or address (sim/engine/networks)
        ContainerOutcome curl =
            networks::curlFrom(state, c, std::vector<std::string>(o.command.begin() + 1, o.command.end()));
        curl.events.insert(curl.events.begin(), out.events.begin(), out.events.end());
        return curl;
    }
    State work = state;
    Program p = runInside(work, static_cast<size_t>(found - state.containers.data()), o.command, o.workdir, o.env,
                          o.interactive, o.tty);
    if (!p.startError.empty()) {
        out.err =
            "OCI runtime exec failed: exec failed: unable to start container process: " + p.startError + ": unknown\n";
        out.exitCode = 127;
        return out;
    }
    for (const Hint& h : p.hints) out.hints.push_back(h);
    if (p.kind != Program::Kind::Exits) {
        // A server or an interactive shell started by exec: the simulator does not
        // keep a second process; say so rather than pretend.
        out.hints.push_back(
            {"LayerLab runs docker exec commands that finish at once (ls, cat, echo, sh -c \"...\"); "
             "an interactive or long-running exec is not modelled.",
             "LayerLab은 바로 끝나는 docker exec 명령(ls, cat, echo, sh -c \"...\")만 실행합니다. "
             "대화형이거나 오래 실행되는 exec은 모델링하지 않습니다."});
        out.exitCode = 0;
        return out;
    }
    state = std::move(work);
    if (o.detach) return out;
    printLines(out, p.output, o.tty);
    out.exitCode = p.exitCode;
    return out;
}

}   // namespace layerlab::engine
