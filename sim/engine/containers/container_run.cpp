// container_run: `docker run` and `docker create` (see container_api.hpp).
#include <algorithm>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/volumes/volumes.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/containers/names_generator.hpp"
#include "sim/engine/containers/ports.hpp"
#include "sim/engine/containers/container_update.hpp"
#include "sim/engine/containers/restart_policy.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/networks/networks.hpp"

namespace layerlab::engine {
namespace {

using namespace containers;

// Replaces or appends KEY=value as opts.ReplaceOrAppendEnvValues does.
void setEnv(std::vector<std::string>& env, const std::string& kv) {
    const std::string key = kv.substr(0, kv.find('='));
    for (std::string& e : env)
        if (e.substr(0, e.find('=')) == key) {
            e = kv;
            return;
        }
    env.push_back(kv);
}

struct Created {
    bool ok = false;
    size_t index = 0;
};

// How createFrom reports a refusal. `command` is "run" or "create" (for the help line).
struct CreateReport {
    ContainerOutcome& out;
    const std::string& command;
    bool isRun;

    // Writes the CLI's error text into out and sets its exit code.
    void fail(const std::string& msg, bool daemon, bool help, int code) const {
        const std::string text = daemon ? "Error response from daemon: " + msg : msg;
        // `docker create` returns daemon errors plainly (exit 1); its own flag errors
        // are reported like run's, with the help line (exit 125).
        if (isRun || !daemon) {
            out.err += runError(text, help, command);
            out.exitCode = code;
        } else {
            out.err += text + "\n";
            out.exitCode = 1;
        }
    }

    // The same for errors Docker 28 prints as they are, without the closing
    // period runError adds (observed with the 28.2.2 client: --restart's
    // parse and validation errors, the resource checks).
    void failAsIs(const std::string& msg, bool daemon) const {
        const std::string text = daemon ? "Error response from daemon: " + msg : msg;
        if (isRun || !daemon) {
            out.err += "docker: " + text + "\n\nRun 'docker " + command + " --help' for more information\n";
            out.exitCode = 125;
        } else {
            out.err += text + "\n";
            out.exitCode = 1;
        }
    }
};

// CLI-side validation (nothing sent to the daemon yet): -p, --expose, --pull.
bool checkCliFlags(const RunOptions& o, const CreateReport& report, PublishSpecs& publish,
                   std::vector<std::string>& exposed) {
    publish = parsePublishSpecs(o.publish);
    if (!publish.error.empty()) {
        report.fail(publish.error, false, true, 125);
        return false;
    }
    exposed = publish.exposed;
    if (std::string e = parseExposeSpecs(o.expose, exposed); !e.empty()) {
        report.fail(e, false, true, 125);
        return false;
    }
    // --restart: the client's parse, and its conflict with --rm (docker/cli container/opts.go).
    const auto restart = parseRestartPolicy(o.restart);
    if (!restart.error.empty()) {
        report.failAsIs(restart.error, false);
        return false;
    }
    if (o.rm && !restart.policy.name.empty() && restart.policy.name != "no") {
        report.failAsIs("conflicting options: cannot specify both --restart and --rm", false);
        return false;
    }
    if (o.pull != "missing" && o.pull != "always" && o.pull != "never") {
        report.fail("invalid pull option: '" + o.pull + "': must be one of \"always\", \"missing\" or \"never\"", false,
                    true, 125);
        return false;
    }
    return true;
}

// Pulls o.image for run/create; false (with the error reported) when the pull failed.
bool pullForRun(State& state, const RunOptions& o, const ResolvedImage& img, const CreateReport& report) {
    ContainerOutcome& out = report.out;
    const auto parsed = format::parseNormalizedNamed(o.image);
    std::string familiar = o.image;
    if (parsed.ref) {
        format::ImageRef r = *parsed.ref;
        if (r.tag.empty() && r.digest.empty()) r.tag = "latest";
        familiar = r.familiarString();
    }
    if (!img.image) out.err += "Unable to find image '" + familiar + "' locally\n";
    PullOptions pull;
    pull.reference = o.image;
    pull.forRun = true;
    pull.quiet = o.quiet;
    pull.tty = o.terminal;
    Outcome pulled = pullImage(state, pull);
    for (const Event& e : pulled.events) out.events.push_back(e);
    if (!pulled.ok()) {
        std::string err = pulled.err;
        while (!err.empty() && err.back() == '\n') err.pop_back();
        size_t last = err.rfind('\n');
        out.err += err.substr(0, last == std::string::npos ? 0 : last + 1);
        std::string line = last == std::string::npos ? err : err.substr(last + 1);
        const std::string prefix = "Error response from daemon: ";
        if (line.rfind(prefix, 0) == 0) report.fail(line.substr(prefix.size()), true, true, 125);
        else report.fail(line, false, true, 125);
        return false;
    }
    out.err += pulled.err;
    return true;
}

// The image: pulled when missing (or always with --pull=always). Null when
// there is none (the error reported).
const Image* imageFor(State& state, const RunOptions& o, const CreateReport& report) {
    ResolvedImage img = resolveImageRef(state, o.image);
    if (!img.image && !img.notFound) {
        report.fail(img.error, false, true, 125);
        return nullptr;
    }
    if ((!img.image && o.pull != "never") || (o.pull == "always" && !img.byId)) {
        if (!pullForRun(state, o, img, report)) return nullptr;
        img = resolveImageRef(state, o.image);
    }
    if (!img.image) {
        report.fail(img.error, true, true, 125);
        return nullptr;
    }
    return img.image;
}

// Daemon-side checks, before anything is stored: the name and the working directory.
bool checkNameAndWorkdir(const State& state, const RunOptions& o, const CreateReport& report) {
    if (!o.name.empty()) {
        if (std::string e = validateContainerName(o.name); !e.empty()) {
            report.fail(e, true, true, 125);
            return false;
        }
        std::string name = o.name.front() == '/' ? o.name.substr(1) : o.name;
        for (const Container& c : state.containers)
            if (c.name == name) {
                report.fail("Conflict. The container name \"/" + name + "\" is already in use by container \"" + c.id +
                                "\". You have to remove (or rename) that container to be able to reuse that name.",
                            true, true, 125);
                report.out.hints.push_back({"Container names are unique. Remove the old one (docker rm " + name +
                                                ") or choose another --name.",
                                            "컨테이너 이름은 고유해야 합니다. 기존 컨테이너를 지우거나(docker rm " +
                                                name + ") 다른 --name을 쓰세요."});
                return false;
            }
    }
    if (!o.workdir.empty() && o.workdir.front() != '/') {
        report.fail("the working directory '" + o.workdir + "' is invalid, it needs to be an absolute path", true, true,
                    125);
        return false;
    }
    return true;
}

// A -v or --mount flag Docker refused, in its words for each kind.
void reportMountError(const std::string& error, const CreateReport& report) {
    ContainerOutcome& out = report.out;
    const std::string& command = report.command;
    // Docker 28 prints these without runError's closing period (observed)
    if (error.rfind("invalid argument \"", 0) == 0) {   // a --mount flag error
        out.err += error + "\n\nUsage:  docker " + command + " [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker " +
                   command + " --help' for more information\n";
        out.exitCode = 125;
    } else if (error.rfind("Error response from daemon: ", 0) == 0 && !report.isRun) {
        out.err += error + "\n";
        out.exitCode = 1;
    } else {
        out.err += "docker: " + error + "\n\nRun 'docker " + command + " --help' for more information\n";
        out.exitCode = 125;
    }
}

// -v and --mount (sim/engine/volumes): parsed before anything is stored
bool parseMounts(const State& state, const RunOptions& o, const CreateReport& report,
                 std::vector<volumes::MountSpec>& mountSpecs) {
    auto noHost = [](const State&, const std::string&) -> std::optional<std::string> { return std::nullopt; };
    for (size_t i = 0; i < o.volumes.size() + o.mounts.size(); ++i) {
        const bool isVolume = i < o.volumes.size();
        const std::string& raw = isVolume ? o.volumes[i] : o.mounts[i - o.volumes.size()];
        volumes::MountSpec spec = isVolume ? volumes::parseVolumeFlag(state, raw, o.hostPath ? o.hostPath : +noHost)
                                           : volumes::parseMountFlag(state, raw, o.hostPath ? o.hostPath : +noHost);
        if (spec.outside) {
            report.out.err += "layerlab: docker " + report.command + " " + (isVolume ? "-v " : "--mount ") + raw +
                              ": LayerLab's simulated host has only ~/app; bind a folder inside it (for example -v "
                              "\"$(pwd)\":/app).\n";
            report.out.exitCode = 125;
            return false;
        }
        if (!spec.error.empty()) {
            reportMountError(spec.error, report);
            return false;
        }
        mountSpecs.push_back(spec);
    }
    return true;
}

// The container's configuration: the image's, overridden by the flags.
void configure(State& state, Container& c, const RunOptions& o, const Image& image, const PublishSpecs& publish,
               const std::vector<std::string>& exposed) {
    c.id = newContainerId(state.rng);
    c.name = o.name.empty() ? generateContainerName(state, c.id) : (o.name.front() == '/' ? o.name.substr(1) : o.name);
    c.imageId = image.id;
    c.imageRef = o.image;
    c.env = image.config.env;
    for (const std::string& e : o.env)
        if (e.find('=') != std::string::npos) setEnv(c.env, e);   // a bare KEY comes from the host: unset there
    c.workingDir = o.workdir.empty() ? image.config.workingDir : o.workdir;
    c.user = o.user.empty() ? image.config.user : o.user;
    c.hostname = o.hostname;
    c.interactive = o.interactive;
    c.tty = o.tty;
    c.autoRemove = o.rm;
    c.ports = publish.bindings;
    c.publishAll = o.publishAll;
    c.exposedPorts = image.config.exposedPorts;
    c.exposedPorts.insert(c.exposedPorts.end(), exposed.begin(), exposed.end());
    sortPortKeys(c.exposedPorts);
    c.createdMs = state.clock.nowMs;
    c.restartPolicy = parseRestartPolicy(o.restart).policy;
    if (c.restartPolicy.name.empty()) c.restartPolicy.name = "no";
    c.memoryBytes = o.memoryBytes;
    c.memorySwapBytes = o.memoryBytes > 0 ? 2 * o.memoryBytes : 0;   // the daemon's default: swap as much as memory
    c.nanoCpus = o.nanoCpus;
    // The daemon creates a missing working directory in the container's own layer.
    if (!c.workingDir.empty() && c.workingDir != "/") {
        fs::FileTree root = imageRootfs(state, image);
        if (!root.isDirectory(fs::normalizePath(c.workingDir))) c.writable = c.writable.withDirectory(c.workingDir);
    }
}

// The shared create path. `command` is "run" or "create" (for the help line).
// On failure writes the CLI's error text into out and sets its exit code.
Created createFrom(State& state, const RunOptions& o, ContainerOutcome& out, const std::string& command) {
    Created result;
    const CreateReport report{out, command, command == "run"};
    PublishSpecs publish;
    std::vector<std::string> exposed;
    if (!checkCliFlags(o, report, publish, exposed)) return result;
    const Image* found = imageFor(state, o, report);
    if (!found) return result;
    const Image& image = *found;
    std::vector<volumes::MountSpec> mountSpecs;
    if (!checkNameAndWorkdir(state, o, report) || !parseMounts(state, o, report, mountSpecs)) return result;
    // The daemon's HostConfig checks: the restart policy, the resources.
    const RestartPolicy policy = parseRestartPolicy(o.restart).policy;
    for (const std::string& e : {validateRestartPolicy(policy), checkResources(o.memoryBytes, o.nanoCpus)})
        if (!e.empty()) {
            report.failAsIs(e, true);
            return result;
        }
    Container c;
    // daemon merge(): the image's Cmd only when neither a command nor an entrypoint was given.
    if (o.entrypoint)
        c.entrypoint = o.entrypoint->empty() ? std::vector<std::string>{} : std::vector<std::string>{*o.entrypoint};
    else if (image.config.entrypoint) c.entrypoint = *image.config.entrypoint;
    if (!o.command.empty()) c.cmd = o.command;
    else if (!o.entrypoint && image.config.cmd) c.cmd = *image.config.cmd;
    c.path = composeArgv(c.entrypoint, c.cmd);
    if (c.path.empty()) {
        report.fail("No command specified", true, true, 125);
        return result;
    }
    configure(state, c, o, image, publish, exposed);
    // docker/cli's own checks (no daemon call), without a closing period
    if (o.networkGiven && o.network.empty()) {
        out.err += "docker: no name set for network\n\nRun 'docker " + command + " --help' for more information\n";
        out.exitCode = 125;
        return result;
    }
    if (!o.networkAliases.empty() && (o.network.empty() || o.network == "bridge" || o.network == "default" ||
                                      o.network == "host" || o.network == "none")) {
        out.err += "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker " +
                   command + " --help' for more information\n";
        out.exitCode = 125;
        return result;
    }
    std::vector<std::string> warnings;
    if (std::string e = networks::attachAtCreate(state, c, o.network, o.networkAliases, warnings); !e.empty()) {
        if (e.rfind("layerlab:", 0) == 0) {
            out.err += e + ".\n";
            out.exitCode = 125;
        } else {
            report.fail(e, true, true, 125);
        }
        return result;
    }
    for (const std::string& w : warnings) out.err += "WARNING: " + w + "\n";
    volumes::attachMounts(state, c, mountSpecs);
    state.containers.push_back(c);
    events::container(state, c, "create");
    out.events.push_back(ContainerCreated{c.id, c.name, c.imageId});
    result.ok = true;
    result.index = state.containers.size() - 1;
    return result;
}

}   // namespace

ContainerOutcome createContainer(State& state, const RunOptions& options) {
    ContainerOutcome out;
    State work = state;
    Created created = createFrom(work, options, out, "create");
    if (created.ok || out.events.size() > 0) state = work;   // a pull that happened stays
    if (!created.ok) return out;
    out.out += state.containers[created.index].id + "\n";
    return out;
}

ContainerOutcome runContainer(State& state, const RunOptions& options) {
    ContainerOutcome out;
    if (options.detach && !options.attach.empty()) {
        out.err = "Conflicting options: -a and -d\n";
        out.exitCode = 1;
        return out;
    }
    State work = state;
    Created created = createFrom(work, options, out, "run");
    if (!created.ok) {
        if (!out.events.empty()) state = work;   // the pull stays even if create failed
        return out;
    }
    state = std::move(work);
    Container& c = state.containers[created.index];
    const std::string id = c.id;
    const bool tty = c.tty;
    if (options.detach) out.out += id + "\n";
    c.runMode = options.detach ? Container::RunMode::Detached : Container::RunMode::Attached;
    if (!options.detach) events::container(state, c, "attach");   // the client attaches before the start
    StartResult started = startAt(state, created.index, out);
    if (!started.ok) {
        Container& failed = state.containers[created.index];
        failed.error = started.error;
        const bool notFound = started.error.find("executable file not found") != std::string::npos ||
                              started.error.find("no such file or directory") != std::string::npos;
        failed.exitCode = notFound ? 127 : 128;
        // Docker 28's client words a start refusal about a network like a
        // create error: help line, no closing period (checked with 28.2.2)
        if (started.error.rfind("network ", 0) == 0)
            out.err += "docker: Error response from daemon: " + started.error +
                       "\n\nRun 'docker run --help' for more information\n";
        else out.err += runError("Error response from daemon: " + started.error, false);
        out.exitCode = notFound ? 127 : 125;
        if (failed.autoRemove) eraseAt(state, created.index, out);
        return out;
    }
    if (options.detach) return out;

    // Attached: the program's start-up output, then either its exit or an attachment.
    printLines(out, started.program.output, tty);
    auto find = [&]() -> Container* {
        for (Container& k : state.containers)
            if (k.id == id) return &k;
        return nullptr;
    };
    Container* now = find();
    if (now && now->status == Container::Status::Running && now->exitAtMs > 0) {
        // A program that ends by itself (sleep 5): the attached CLI waits for it.
        state.clock.nowMs = now->exitAtMs;
        for (const Event& e : settleContainers(state)) out.events.push_back(e);
        now = find();
    }
    if (now && now->status == Container::Status::Running) {
        Attachment a;
        a.kind = Attachment::Kind::Run;
        a.containerId = id;
        a.stdinAttached = options.interactive;
        a.tty = tty;
        a.sigProxy = options.sigProxy;
        a.detachKeys = options.detachKeys;
        a.prompt = started.program.prompt;
        out.attached = a;
        return out;
    }
    // It already exited: docker run returns its exit code.
    int code = 0;
    for (const Event& e : out.events)
        if (const auto* s = std::get_if<ContainerStopped>(&e); s && s->id == id) code = s->exitCode;
    out.exitCode = code;
    return out;
}

}   // namespace layerlab::engine
