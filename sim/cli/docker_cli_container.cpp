// docker_cli_container: parsed flags -> engine container operations
// (sim/engine/containers/container_api.hpp). The engine prints Docker's text;
// this file only copies flag values into the option structs.
#include <algorithm>
#include <climits>
#include <cstdlib>

#include "sim/cli/docker_cli_internal.hpp"
#include "sim/cli/docker_cli_hub.hpp"
#include "sim/cli/host_paths.hpp"
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/numbers.hpp"

namespace layerlab::cli::detail {
namespace {

// -v/--mount host paths: a ~/app tree path, or nullopt outside it.
std::optional<std::string> hostTreePath(const engine::State& state, const std::string& typed) {
    HostPath p = resolveHostPath(state, typed);
    if (p.outside) return std::nullopt;
    return p.tree;
}

engine::RunOptions runOptions(const Invocation& inv, bool isRun) {
    const ParsedFlags& f = inv.flags;
    engine::RunOptions o;
    o.image = f.args.empty() ? std::string() : f.args[0];
    if (f.args.size() > 1) o.command.assign(f.args.begin() + 1, f.args.end());
    o.name = f.get("name");
    o.detach = isRun && f.flag("detach");
    o.rm = f.flag("rm");
    o.interactive = f.flag("interactive");
    o.tty = f.flag("tty");
    o.publish = f.all("publish");
    o.publishAll = f.flag("publish-all");
    o.expose = f.all("expose");
    o.env = f.all("env");
    o.workdir = f.get("workdir");
    if (f.has("entrypoint")) o.entrypoint = f.get("entrypoint");
    o.attach = f.all("attach");
    o.user = f.get("user");
    o.terminal = inv.env->terminal;
    o.volumes = f.all("volume");
    o.mounts = f.all("mount");
    o.hostPath = hostTreePath;
    // --net and --net-alias are Docker's older (hidden) spellings
    std::vector<std::string> nets = f.all("network");
    for (const std::string& n : f.all("net")) nets.push_back(n);
    o.network = nets.empty() ? std::string() : nets.back();
    o.networkGiven = !nets.empty();
    o.networkAliases = f.all("network-alias");
    for (const std::string& a : f.all("net-alias")) o.networkAliases.push_back(a);
    o.restart = f.get("restart");
    return o;
}

// -m / --memory and --cpus, parsed as the docker client parses them; the
// pflag error when a value does not parse.
std::optional<Outcome> resourceFlags(const Invocation& inv, engine::RunOptions& o) {
    const ParsedFlags& f = inv.flags;
    if (f.has("memory")) {
        const std::string v = f.get("memory");
        auto bytes = ramInBytes(v);
        if (!bytes) return flagValueError(inv, "-m, --memory", v, "invalid size: '" + v + "'");
        o.memoryBytes = *bytes;
    }
    if (f.has("cpus")) {
        const std::string v = f.get("cpus");
        auto n = nanoCpus(v);
        if (!n) return flagValueError(inv, "--cpus", v, "failed to parse " + v + " as a rational number");
        o.nanoCpus = *n;
    }
    return std::nullopt;
}

// An int flag's value: parseFlags has already checked it as pflag does
// (Go's ParseInt, base prefixes and all); Go's int is 64 bits, LayerLab's
// counts and seconds are ints, so a larger value is clamped, not wrapped.
int intOr(const std::string& s, int fallback) {
    if (s.empty()) return fallback;
    GoInteger n = parseGoInteger(s, 64, false);
    if (!n.error.empty()) return fallback;
    return static_cast<int>(std::clamp<long long>(n.value, INT_MIN, INT_MAX));
}

}   // namespace

// Docker 25+ accepts several --network flags; LayerLab starts a container on one.
std::optional<Outcome> severalNetworks(const Invocation& inv, const char* command) {
    if (inv.flags.all("network").size() + inv.flags.all("net").size() <= 1) return std::nullopt;
    return failure(std::string("layerlab: docker ") + command +
                   " with several --network flags is not modelled: start the container on one network, then add "
                   "the others with docker network connect NETWORK CONTAINER.\n");
}

Outcome cmdRun(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    if (auto refused = severalNetworks(inv, "run")) return *refused;
    if (f.flag("detach") && f.has("attach"))
        return failure("docker: Conflicting options: -a and -d\n\nRun 'docker run --help' for more information\n", 125);
    engine::RunOptions o = runOptions(inv, true);
    if (auto refused = resourceFlags(inv, o)) return *refused;
    return engine::runContainer(state, o);
}

Outcome cmdCreate(engine::State& state, const Invocation& inv) {
    if (auto refused = severalNetworks(inv, "create")) return *refused;
    engine::RunOptions o = runOptions(inv, false);
    if (auto refused = resourceFlags(inv, o)) return *refused;
    return engine::createContainer(state, o);
}

Outcome cmdStart(engine::State& state, const Invocation& inv) {
    engine::StartOptions o;
    o.containers = inv.flags.args;
    o.attach = inv.flags.flag("attach");
    o.interactive = inv.flags.flag("interactive");
    return engine::startContainers(state, o);
}

namespace {
engine::StopOptions stopOptions(const Invocation& inv) {
    engine::StopOptions o;
    o.containers = inv.flags.args;
    if (inv.flags.has("timeout")) o.timeoutSeconds = intOr(inv.flags.get("timeout"), 10);
    o.signal = inv.flags.get("signal");
    return o;
}
}   // namespace

Outcome cmdStop(engine::State& state, const Invocation& inv) { return engine::stopContainers(state, stopOptions(inv)); }

Outcome cmdRestart(engine::State& state, const Invocation& inv) {
    return engine::restartContainers(state, stopOptions(inv));
}

Outcome cmdKill(engine::State& state, const Invocation& inv) {
    engine::KillOptions o;
    o.containers = inv.flags.args;
    if (inv.flags.has("signal")) o.signal = inv.flags.get("signal");
    return engine::killContainers(state, o);
}

Outcome cmdPause(engine::State& state, const Invocation& inv) { return engine::pauseContainers(state, inv.flags.args); }

Outcome cmdUnpause(engine::State& state, const Invocation& inv) {
    return engine::unpauseContainers(state, inv.flags.args);
}

Outcome cmdRm(engine::State& state, const Invocation& inv) {
    engine::RmOptions o;
    o.containers = inv.flags.args;
    o.force = inv.flags.flag("force");
    o.volumes = inv.flags.flag("volumes");
    return engine::removeContainers(state, o);
}

Outcome cmdPs(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    engine::PsOptions o;
    o.all = f.flag("all");
    o.quiet = f.flag("quiet");
    o.size = f.flag("size");
    o.latest = f.flag("latest");
    o.last = intOr(f.get("last"), -1);
    o.noTrunc = f.flag("no-trunc");
    o.filters = f.all("filter");
    o.format = f.get("format");
    return engine::listContainers(state, o);
}

Outcome cmdLogs(engine::State& state, const Invocation& inv) {
    engine::LogsOptions o;
    o.container = inv.flags.args[0];
    o.follow = inv.flags.flag("follow");
    if (inv.flags.has("tail")) o.tail = inv.flags.get("tail");
    o.timestamps = inv.flags.flag("timestamps");
    engine::ContainerOutcome out = engine::containerLogs(state, o);
    if (out.exitCode == 0) engine::noteLogsRead(state, o.container);
    return out;
}

Outcome cmdAttach(engine::State& state, const Invocation& inv) {
    engine::AttachOptions o;
    o.container = inv.flags.args[0];
    o.noStdin = inv.flags.flag("no-stdin");
    if (inv.flags.has("sig-proxy")) o.sigProxy = inv.flags.flag("sig-proxy");
    o.detachKeys = inv.flags.get("detach-keys");
    return engine::attachContainer(state, o);
}

Outcome cmdExec(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    engine::ExecOptions o;
    o.container = f.args[0];
    o.command.assign(f.args.begin() + 1, f.args.end());
    o.interactive = f.flag("interactive");
    o.tty = f.flag("tty");
    o.detach = f.flag("detach");
    o.workdir = f.get("workdir");
    o.env = f.all("env");
    o.user = f.get("user");
    return engine::execInContainer(state, o);
}

Outcome cmdInspect(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    const std::string type = f.get("type");
    const bool containerForm = inv.path == "docker container inspect";
    if (!type.empty() && type != "container" && type != "image")
        return failure("layerlab: docker inspect --type " + type + ": LayerLab models containers and images only.\n");
    if (!containerForm && type.empty()) {
        // docker inspect without --type tries every kind of object; a name
        // that is none of them is "No such object" (docker/cli inspect.go),
        // after the array of those it found ("[]" when none).
        std::vector<std::string> found, missing;
        for (const auto& name : f.args)
            (engine::isContainerRef(state, name) || engine::resolveImageRef(state, name).image ? found : missing)
                .push_back(name);
        if (!missing.empty()) {
            Outcome out;
            if (!found.empty()) {
                Invocation some = inv;
                some.flags.args = found;
                out = cmdInspect(state, some);
            } else {
                out.out = f.get("format").empty() ? "[]\n" : "\n";   // as the real CLI prints
            }
            for (const auto& name : missing) out.err += "Error: No such object: " + name + "\n";
            out.exitCode = 1;
            return out;
        }
    }
    // docker inspect: each name is looked up as a container first, then as an
    // image (docker/cli inspect.go). One engine call per kind, in order.
    bool allContainers = true;
    bool allImages = true;
    for (const auto& name : f.args) {
        bool isContainer = type != "image" && engine::isContainerRef(state, name);
        allContainers = allContainers && (isContainer || type == "container" || containerForm);
        allImages = allImages && !isContainer;
    }
    if (containerForm || type == "container" || allContainers) {
        engine::InspectOptions o;
        o.containers = f.args;
        o.format = f.get("format");
        o.size = f.flag("size");
        return engine::inspectContainers(state, o);
    }
    if (type == "image" || allImages) {
        return inspectImageNames(state, f.args, f.get("format"));
    }
    // A mix of containers and images: Docker prints one JSON array holding
    // both; LayerLab prints each kind's own array.
    Outcome out;
    for (const auto& name : f.args) {
        Outcome one;
        if (engine::isContainerRef(state, name)) {
            engine::InspectOptions o;
            o.containers = {name};
            o.format = f.get("format");
            one = engine::inspectContainers(state, o);
        } else {
            one = inspectImageNames(state, {name}, f.get("format"));
        }
        out.out += one.out;
        out.err += one.err;
        if (!one.ok()) out.exitCode = one.exitCode;
    }
    return withHint(
        out, "Docker prints containers and images in one JSON array; LayerLab prints one array per name here.",
        "Docker는 컨테이너와 이미지를 하나의 JSON 배열로 출력하지만, LayerLab은 여기서 이름마다 배열을 따로 출력합니다.");
}

Outcome cmdContainerPrune(engine::State& state, const Invocation& inv) {
    engine::PruneOptions o;
    o.force = inv.flags.flag("force");
    o.filters = inv.flags.all("filter");
    if (!o.force) {
        std::string prompt =
            "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ";
        const auto& answer = inv.env->answer;
        if (!answer || (*answer != "y" && *answer != "Y" && *answer != "yes")) {
            Outcome o2;
            o2.out = prompt + (answer ? "" : "\n");
            return withHint(o2, "Nothing was removed. Use docker container prune -f to skip the question.",
                            "아무것도 지우지 않았습니다. 질문 없이 지우려면 docker container prune -f를 쓰세요.");
        }
        Outcome done = engine::pruneContainers(state, o);
        done.out = prompt + done.out;
        return done;
    }
    return engine::pruneContainers(state, o);
}

}   // namespace layerlab::cli::detail
