// docker_cli_image: parsed flags -> engine image operations
// (sim/engine/images/commands.hpp, builder.hpp). The engine prints Docker's
// text; this file copies flag values into the option structs and resolves
// `docker build PATH` against the shell's current directory.
#include "sim/cli/docker_cli_internal.hpp"
#include "sim/cli/host_paths.hpp"
#include "sim/dockerfile/dockerfile.hpp"
#include "sim/engine/builder/builder.hpp"
#include "sim/engine/images/commands.hpp"

namespace layerlab::cli::detail {
namespace {

Outcome plain(layerlab::Outcome o) {
    Outcome out;
    static_cast<layerlab::Outcome&>(out) = std::move(o);
    return out;
}

// docker/cli prints this variant when DOCKER_BUILDKIT=0 disables BuildKit
// (cmd/docker/builder.go); the one about installing buildx is for a client
// without the buildx plugin, which the simulated client has.
const char* const kLegacyNotice =
    "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
    "            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n"
    "            environment-variable.\n\n";
const char* const kBuildxMissingNotice =
    "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
    "            Install the buildx component to build images with BuildKit:\n"
    "            https://docs.docker.com/go/buildx/\n\n";

}   // namespace

Outcome cmdImages(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    engine::ImagesOptions o;
    if (!f.args.empty()) o.matchName = f.args[0];
    o.all = f.flag("all");
    o.quiet = f.flag("quiet");
    o.digests = f.flag("digests");
    o.noTrunc = f.flag("no-trunc");
    o.filters = f.all("filter");
    o.format = f.get("format");
    return plain(engine::listImages(state, o));
}

Outcome inspectImageNames(engine::State& state, const std::vector<std::string>& names, const std::string& format) {
    engine::ImageInspectOptions o;
    o.images = names;
    o.format = format;
    return plain(engine::inspectImages(state, o));
}

Outcome cmdImageInspect(engine::State& state, const Invocation& inv) {
    return inspectImageNames(state, inv.flags.args, inv.flags.get("format"));
}

Outcome cmdHistory(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    engine::HistoryOptions o;
    o.image = f.args[0];
    if (f.has("human")) o.human = f.flag("human");
    o.noTrunc = f.flag("no-trunc");
    o.quiet = f.flag("quiet");
    o.format = f.get("format");
    return plain(engine::imageHistory(state, o));
}

Outcome cmdTag(engine::State& state, const Invocation& inv) {
    engine::TagOptions o;
    o.source = inv.flags.args[0];
    o.target = inv.flags.args[1];
    return plain(engine::tagImageCommand(state, o));
}

Outcome cmdRmi(engine::State& state, const Invocation& inv) {
    engine::RemoveImagesOptions o;
    o.images = inv.flags.args;
    o.force = inv.flags.flag("force");
    o.noPrune = inv.flags.flag("no-prune");
    return plain(engine::removeImages(state, o));
}

Outcome cmdImagePrune(engine::State& state, const Invocation& inv) {
    engine::PruneImagesOptions o;
    o.all = inv.flags.flag("all");
    o.force = inv.flags.flag("force");
    o.filters = inv.flags.all("filter");
    o.answer = inv.env->answer;
    Outcome out = plain(engine::pruneImages(state, o));
    if (!o.force && !o.answer)
        out.hints.push_back(
            {"No answer was given, so Docker cancelled: nothing was removed. Use -f to skip the question.",
             "답이 없어서 Docker가 취소했습니다. 아무것도 지우지 않았습니다. 질문 없이 지우려면 -f를 쓰세요."});
    return out;
}

Outcome cmdPull(engine::State& state, const Invocation& inv) {
    engine::PullOptions o;
    o.reference = inv.flags.args[0];
    o.quiet = inv.flags.flag("quiet");
    o.allTags = inv.flags.flag("all-tags");
    o.tty = inv.env->terminal;
    return plain(engine::pullImage(state, o));
}

Outcome cmdBuild(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    const std::string& path = f.args[0];
    const bool legacy = !inv.env->buildkit();
    if (path == "-" || path.find("://") != std::string::npos || path.rfind("git@", 0) == 0)
        return failure("layerlab: docker build " + path +
                       ": LayerLab builds from a folder of the simulated host only (e.g. docker build .).\n");
    HostPath ctx = resolveHostPath(state, path);
    if (ctx.outside) return failure(outsideMessage(state, "docker build", path));

    engine::BuildOptions o;
    o.contextDir = ctx.tree;
    o.dockerfilePath = f.get("file");
    o.tags = f.all("tag");
    for (const auto& kv : f.all("build-arg")) {
        size_t eq = kv.find('=');
        // `--build-arg K` takes K from the client's environment: the simulated host has none
        if (eq != std::string::npos) o.buildArgs[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    o.noCache = f.flag("no-cache");
    o.pull = f.flag("pull");
    o.target = f.get("target");
    o.quiet = f.flag("quiet");
    o.legacy = legacy;
    const std::string progress = f.has("progress") ? f.get("progress") : "auto";
    if (progress == "plain") o.progress = engine::BuildOptions::Progress::Plain;
    else if (progress == "tty") o.progress = engine::BuildOptions::Progress::Tty;
    else if (progress == "auto")
        // buildx's auto: the tty display on a terminal, plain text otherwise
        o.progress = inv.env->terminal ? engine::BuildOptions::Progress::Tty : engine::BuildOptions::Progress::Plain;
    else
        return failure("layerlab: docker build --progress " + progress +
                       ": LayerLab prints auto, plain or tty progress.\n");

    engine::BuildResult r = engine::build(state, o);
    Outcome out = plain(std::move(r.outcome));
    // the DOCKER_BUILDKIT=0 wording of the legacy builder's notice
    const std::string wrong = kBuildxMissingNotice;
    if (size_t at = out.err.find(wrong); at != std::string::npos) out.err.replace(at, wrong.size(), kLegacyNotice);
    // Teaching notes from the Dockerfile front end (e.g. the course notes'
    // inline-comment trap): why the real error or surprise happened.
    std::string dfTree = o.dockerfilePath.empty()
                             ? (ctx.tree.empty() ? std::string("Dockerfile") : ctx.tree + "/Dockerfile")
                             : resolveHostPath(state, o.dockerfilePath).tree;
    if (const fs::FileEntry* df = state.host.find(dfTree); df && df->content) {
        dockerfile::ParseResult parsed = dockerfile::parseDockerfile(*df->content);
        size_t added = 0;
        auto teach = [&](const dockerfile::Diagnostic& d) {
            if (d.explainEn.empty() || added >= 3) return;
            out.hints.push_back(
                {"line " + std::to_string(d.range.startLine) + ": " + d.explainEn,
                 std::to_string(d.range.startLine) + "번째 줄: " + (d.explainKo.empty() ? d.explainEn : d.explainKo)});
            ++added;
        };
        if (parsed.error) teach(*parsed.error);
        for (const auto& w : parsed.warnings) teach(w);
    }
    return out;
}

}   // namespace layerlab::cli::detail
