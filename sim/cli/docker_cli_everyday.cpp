// docker_cli_everyday: see the header. CLI-side texts from docker/cli 28.2
// (container/cp.go, container/export.go, image/save.go, image/load.go,
// container/rename.go, container/port.go), checked against the real client
// (tests/data/real_docker/everyday.txt).
#include "sim/cli/docker_cli_everyday.hpp"

#include <optional>

#include "sim/cli/host_paths.hpp"
#include "sim/engine/containers/container_manage.hpp"
#include "sim/engine/containers/writable_layer.hpp"
#include "sim/engine/images/archive.hpp"
#include "sim/engine/volumes/volumes.hpp"

namespace layerlab::cli::detail {
namespace {

const char* const kCowardly = "cowardly refusing to save to a terminal. Use the -o flag or redirect\n";

// The absolute path the docker client prints for a local path: filepath.Abs,
// then archive.PreserveTrailingDotOrSeparator ("." stays "/.", "dir/" keeps its '/').
std::string shownHostPath(const std::string& tree, const std::string& typed) {
    std::string abs = absoluteHostPath(tree);
    if (typed == "." || (typed.size() >= 2 && typed.compare(typed.size() - 2, 2, "/.") == 0)) return abs + "/.";
    if (!typed.empty() && typed.back() == '/' && abs.back() != '/') return abs + "/";
    return abs;
}

// docker/cli splitCpArg: a path that starts with '/' or '.' is local; else
// "CONTAINER:PATH" splits at the first ':'.
struct CpArg {
    std::string container;
    std::string path;
};
CpArg splitCpArg(const std::string& arg) {
    if (arg.empty() || arg[0] == '/' || arg[0] == '.') return {"", arg};
    size_t colon = arg.find(':');
    if (colon == std::string::npos) return {"", arg};
    return {arg.substr(0, colon), arg.substr(colon + 1)};
}

Outcome outside(const engine::State& state, const Invocation& inv, const std::string& arg) {
    return failure(outsideMessage(state, inv.path, arg));
}

// -o FILE (a path in ~/app) for export and save; without it the tar goes to
// stdout, which the client refuses when stdout is a terminal.
std::optional<Outcome> tarOutput(engine::State& state, const Invocation& inv, std::string& outputPath, bool& toFile) {
    if (inv.flags.has("output")) {
        const std::string file = inv.flags.get("output");
        HostPath p = resolveHostPath(state, file);
        if (p.outside) return outside(state, inv, file);
        outputPath = p.tree;
        toFile = true;
    } else if (inv.env->terminal) {
        return failure(kCowardly);
    }
    return std::nullopt;
}

}   // namespace

Outcome cmdDiff(engine::State& state, const Invocation& inv) { return engine::diffContainer(state, inv.flags.args[0]); }

Outcome cmdCommit(engine::State& state, const Invocation& inv) {
    engine::CommitOptions o;
    o.container = inv.flags.args[0];
    if (inv.flags.args.size() > 1) o.reference = inv.flags.args[1];
    o.author = inv.flags.get("author");
    o.message = inv.flags.get("message");
    o.pause = !inv.flags.has("pause") || inv.flags.flag("pause");
    return engine::commitContainer(state, o);
}

Outcome cmdCp(engine::State& state, const Invocation& inv) {
    const CpArg src = splitCpArg(inv.flags.args[0]);
    const CpArg dst = splitCpArg(inv.flags.args[1]);
    if (!src.container.empty() && !dst.container.empty())
        return failure("copying between containers is not supported\n");
    if (src.container.empty() && dst.container.empty()) return failure("must specify at least one container source\n");
    const std::string& local = src.container.empty() ? src.path : dst.path;
    if (local == "-")
        return failure(
            "layerlab: docker cp with '-' streams a tar through stdin/stdout; LayerLab copies files and "
            "folders only. Give a path in ~/app instead.\n");
    HostPath host = resolveHostPath(state, local);
    if (host.outside) return outside(state, inv, local);
    engine::CopyOptions o;
    o.toContainer = src.container.empty();
    o.container = o.toContainer ? dst.container : src.container;
    o.containerPath = o.toContainer ? dst.path : src.path;
    o.hostPath = host.tree;
    o.hostTyped = local;
    o.hostShown = shownHostPath(host.tree, local);
    // the client prints progress only when its stdout is a terminal
    o.quiet = inv.flags.flag("quiet") || !inv.env->terminal;
    return engine::copyFiles(state, o);
}

Outcome cmdExport(engine::State& state, const Invocation& inv) {
    engine::ExportOptions o;
    o.container = inv.flags.args[0];
    if (std::optional<Outcome> refused = tarOutput(state, inv, o.outputPath, o.toFile)) return *refused;
    return engine::exportContainer(state, o);
}

Outcome cmdImport(engine::State& state, const Invocation& inv) {
    const std::string file = inv.flags.args[0];
    if (file == "-" || file.rfind("http://", 0) == 0 || file.rfind("https://", 0) == 0)
        return failure("layerlab: docker import reads a tar file in ~/app here (no stdin stream, no URL).\n");
    HostPath p = resolveHostPath(state, file);
    if (p.outside) return outside(state, inv, file);
    engine::ImportOptions o;
    o.inputPath = p.tree;
    o.inputShown = file;
    if (inv.flags.args.size() > 1) o.reference = inv.flags.args[1];
    o.message = inv.flags.get("message");
    return engine::importImage(state, o);
}

Outcome cmdSave(engine::State& state, const Invocation& inv) {
    engine::SaveOptions o;
    o.images = inv.flags.args;
    if (std::optional<Outcome> refused = tarOutput(state, inv, o.outputPath, o.toFile)) return *refused;
    return engine::saveImages(state, o);
}

Outcome cmdLoad(engine::State& state, const Invocation& inv) {
    const bool quiet = inv.flags.flag("quiet");
    if (!inv.flags.has("input")) {
        if (!inv.env->stdinData) return failure("requested load from stdin, but stdin is empty\n");
        return engine::loadImageBytes(state, *inv.env->stdinData, quiet, inv.env->terminal);
    }
    const std::string file = inv.flags.get("input");
    HostPath p = resolveHostPath(state, file);
    if (p.outside) return outside(state, inv, file);
    engine::LoadOptions o;
    o.inputPath = p.tree;
    o.inputShown = file;
    o.quiet = quiet;
    o.terminal = inv.env->terminal;
    return engine::loadImages(state, o);
}

Outcome cmdRename(engine::State& state, const Invocation& inv) {
    return engine::renameContainer(state, inv.flags.args[0], inv.flags.args[1]);
}

Outcome cmdPort(engine::State& state, const Invocation& inv) {
    return engine::containerPorts(state, inv.flags.args[0], inv.flags.args.size() > 1 ? inv.flags.args[1] : "");
}

Outcome cmdTop(engine::State& state, const Invocation& inv) {
    if (inv.flags.args.size() > 1)
        return failure("layerlab: docker top " + inv.flags.args[0] +
                       " with ps options: LayerLab shows ps's default columns only.\n");
    return engine::containerTop(state, inv.flags.args[0]);
}

Outcome cmdWait(engine::State& state, const Invocation& inv) { return engine::waitContainers(state, inv.flags.args); }

Outcome cmdStats(engine::State& state, const Invocation& inv) {
    if (!inv.flags.flag("no-stream"))
        return failure(
            "layerlab: docker stats redraws its table every second until Ctrl-C; LayerLab shows one "
            "snapshot: run it with --no-stream.\n");
    engine::StatsOptions o;
    o.containers = inv.flags.args;
    o.all = inv.flags.flag("all");
    o.noTrunc = inv.flags.flag("no-trunc");
    return engine::containerStats(state, o);
}

Outcome cmdVolumeCreate(engine::State& state, const Invocation& inv) {
    return engine::volumes::createVolume(state, inv.flags.args.empty() ? "" : inv.flags.args[0]);
}

Outcome cmdVolumeLs(engine::State& state, const Invocation& inv) {
    return engine::volumes::listVolumes(state, inv.flags.flag("quiet"));
}

Outcome cmdVolumeInspect(engine::State& state, const Invocation& inv) {
    return engine::volumes::inspectVolumes(state, inv.flags.args);
}

Outcome cmdVolumeRm(engine::State& state, const Invocation& inv) {
    return engine::volumes::removeVolumes(state, inv.flags.args, inv.flags.flag("force"));
}

Outcome cmdVolumePrune(engine::State& state, const Invocation& inv) {
    const bool all = inv.flags.flag("all");
    if (!inv.flags.flag("force")) {
        // Docker 23+'s prompt (anonymous volumes only, unless --all)
        const std::string prompt = std::string("WARNING! This will remove ") +
                                   (all ? "all local volumes" : "anonymous local volumes") +
                                   " not used by at least one container.\nAre you sure you want to continue? [y/N] ";
        const auto& answer = inv.env->answer;
        if (!answer || (*answer != "y" && *answer != "Y" && *answer != "yes")) {
            Outcome o;
            o.out = prompt + (answer ? "" : "\n");
            return o;
        }
        Outcome done = engine::volumes::pruneVolumes(state, all);
        done.out = prompt + done.out;
        return done;
    }
    return engine::volumes::pruneVolumes(state, all);
}

std::string volumeGroupHelp() {
    return "Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n"
           "  create      Create a volume\n"
           "  inspect     Display detailed information on one or more volumes\n"
           "  ls          List volumes\n"
           "  prune       Remove unused local volumes\n"
           "  rm          Remove one or more volumes\n"
           "\nRun 'docker volume COMMAND --help' for more information on a command.\n"
           "\nNot modelled by LayerLab: update (cluster volumes need swarm mode).\n";
}

}   // namespace layerlab::cli::detail
