// build(): one `docker build`, start to end. Validates the tags, reads the
// Dockerfile and the context, parses, picks the stages, prints BuildKit's
// internal vertices (definition, metadata, .dockerignore), runs the stages,
// exports and tags the image, and commits the working State only on success
// (on failure only the build cache, its layers, the clock and the random
// source move on, as Docker keeps the cache of completed steps).
#include "sim/engine/builder/builder.hpp"

#include "sim/engine/builder/internal.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/registry/registry.hpp"

namespace layerlab::engine {
namespace {

using bk::Session;
using bk::Vertex;

const char* kDeprecated =
    "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
    "            Install the buildx component to build images with BuildKit:\n"
    "            https://docs.docker.com/go/buildx/\n\n";

std::string human(uint64_t bytes) { return format::humanSizeWithPrecision(static_cast<double>(bytes), 4); }

Vertex& vertex(Session& s, const std::string& name) {
    s.trace.vertices.push_back({});
    s.trace.vertices.back().name = name;
    return s.trace.vertices.back();
}

// BuildKit's "[internal] load metadata for ..." vertices, one per external
// base image the build needs. A base that cannot be resolved fails here.
bool metadataVertices(Session& s) {
    std::set<std::string> seen;
    for (int i : s.order) {
        const auto& st = s.stages[i];
        if (!st.externalBase) continue;
        dockerfile::shell::Env meta;
        for (const auto& [k, v] : s.metaArgs) meta.vars.push_back({k, v});
        auto ex = dockerfile::shell::processWord(s.df.stages[i].baseImage, meta, s.df.escapeToken);
        std::string text = ex.ok ? ex.value : s.df.stages[i].baseImage;
        auto parsed = format::parseNormalizedNamed(text);
        if (!parsed.ref) continue;   // reported by the FROM step itself
        std::string full = parsed.ref->fullName() + (parsed.ref->digest.empty() ? ":" + parsed.ref->tagOrLatest()
                                                                                : "@" + parsed.ref->digest);
        if (!seen.insert(full).second) continue;
        Vertex& v = vertex(s, "[internal] load metadata for " + full);
        bool local = !s.opt.pull && resolveImageRef(s.state, parsed.ref->familiarString()).image;
        if (local) continue;
        RegistryLookup remote = lookupRemote(*parsed.ref);
        v.durationMs = 600;
        s.elapsedMs += v.durationMs;
        if (!remote.image) {
            bk::BaseImage probe = bk::resolveBaseImage(s, text, false);
            v.status = Vertex::Status::Error;
            v.error = probe.error.substr(probe.error.rfind("failed to solve: ", 0) == 0 ? 17 : 0);
            s.trace.failed = true;
            s.trace.error = probe.error;
            s.trace.errorLine = s.df.stages[i].from.range.startLine;
            s.trace.errorEndLine = s.df.stages[i].from.range.endLine;
            s.trace.failedVertex = -1;
            return false;
        }
    }
    return true;
}

void setMetaArgs(Session& s) {
    for (const auto& a : s.df.metaArgs) {
        auto given = s.opt.buildArgs.find(a.name);
        if (given != s.opt.buildArgs.end()) {
            s.metaArgs[a.name] = given->second;
            s.usedBuildArgs.insert(a.name);
        } else if (a.defaultValue) {
            dockerfile::shell::Env env;
            for (const auto& [k, v] : s.metaArgs) env.vars.push_back({k, v});
            auto ex = dockerfile::shell::processWord(*a.defaultValue, env, s.df.escapeToken);
            s.metaArgs[a.name] = ex.ok ? ex.value : *a.defaultValue;
        }
    }
}

// Docker's predefined proxy ARGs never count as unused.
bool predefinedArg(const std::string& k) {
    static const char* names[] = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
                                  "ftp_proxy",  "NO_PROXY",   "no_proxy",    "ALL_PROXY",   "all_proxy"};
    for (const char* n : names)
        if (k == n) return true;
    return false;
}

std::string lintSummary(const std::vector<dockerfile::Diagnostic>& warnings) {
    std::vector<const dockerfile::Diagnostic*> shown;
    for (const auto& w : warnings)
        if (w.severity == dockerfile::Diagnostic::Severity::Warning && !w.code.empty() && std::isupper(static_cast<unsigned char>(w.code[0])))
            shown.push_back(&w);
    if (shown.empty()) return "";
    std::string out = " " + std::to_string(shown.size()) + (shown.size() == 1 ? " warning" : " warnings") +
                      " found (use docker --debug to expand):\n";
    for (const auto* w : shown)
        out += " - " + w->code + ": " + w->message + " (line " + std::to_string(w->range.startLine) + ")\n";
    return out;
}

}  // namespace

BuildResult build(State& state, const BuildOptions& opt) {
    BuildResult result;
    Outcome& o = result.outcome;
    // The CLI validates -t before anything else.
    std::vector<format::ImageRef> tags;
    for (const auto& t : opt.tags) {
        auto parsed = format::parseNormalizedNamed(t);
        if (!parsed.ref || !parsed.ref->digest.empty()) {
            o.err = "invalid argument \"" + t + "\" for \"-t, --tag\" flag: " +
                    (parsed.ref ? std::string("invalid reference format") : parsed.error) +
                    "\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n";
            if (opt.legacy) o.err = "invalid argument \"" + t + "\" for \"-t, --tag\" flag: " +
                                    (parsed.ref ? std::string("invalid reference format") : parsed.error) +
                                    "\nSee 'docker build --help'.\n";
            o.exitCode = 1;
            return result;
        }
        tags.push_back(*parsed.ref);
    }

    State work = state;
    Session s(work, opt);
    const bool legacy = opt.legacy;
    auto finishFailure = [&](std::string stdoutText, std::string stderrText) {
        o.out = std::move(stdoutText);
        o.err = std::move(stderrText);
        o.exitCode = 1;
        o.events = s.events;
        result.steps = s.trace.steps;
        result.totalMs = s.elapsedMs;
        result.savedMs = s.trace.savedMs;
        // Docker keeps the cache of the steps that completed.
        state.buildCache = work.buildCache;
        state.layers = work.layers;
        state.clock = work.clock;
        state.clock.advance(s.elapsedMs);
        state.rng = work.rng;
        state.lastBuild = LastBuild{true, false, legacy, "", {}, s.elapsedMs, s.trace.savedMs, s.trace.steps};
        std::vector<std::string> tagKeys;
        for (const auto& t : tags) tagKeys.push_back(t.tagKey());
        bk::recordBuild(s, false, "", tagKeys);
        state.buildHistory = work.buildHistory;
        return result;
    };

    std::string err = bk::loadInputs(s);
    if (!err.empty()) {
        if (legacy) return finishFailure("", std::string(kDeprecated) + err + "\n");
        return finishFailure("", "ERROR: " + std::string(err.rfind("failed to solve", 0) == 0 ? "failed to build: " : "") + err + "\n");
    }
    if (legacy) s.trace.legacyPreamble.push_back("Sending build context to Docker daemon  " + human(bk::contextTarSize(s.context)));
    else {
        Vertex& v = vertex(s, "[internal] load build definition from " + s.trace.dockerfileName);
        v.subs.push_back({"transferring dockerfile: " + human(s.dockerfileText.size()), 0});
        v.durationMs = 10;
        s.elapsedMs += 10;
    }
    auto render = [&]() { return opt.progress == BuildOptions::Progress::Plain ? bk::renderPlain(s.trace) : bk::renderTty(s.trace); };

    dockerfile::ParseResult parsed = dockerfile::parseDockerfile(s.dockerfileText);
    result.warnings = parsed.warnings;
    if (!parsed.ok() || !parsed.dockerfile || parsed.dockerfile->stages.empty()) {
        std::string msg = parsed.error ? parsed.error->formatted() : "file with no instructions";
        s.trace.failed = true;
        s.trace.error = "failed to solve: " + msg;
        if (parsed.error) {
            s.trace.errorLine = parsed.error->range.startLine;
            s.trace.errorEndLine = parsed.error->range.endLine;
        }
        if (legacy) return finishFailure(bk::renderLegacy(s.trace), std::string(kDeprecated) + "Error response from daemon: " + msg + "\n");
        return finishFailure("", render());
    }
    s.df = *parsed.dockerfile;
    setMetaArgs(s);
    int target = 0;
    err = bk::targetError(s, target);
    if (!err.empty()) {
        s.trace.failed = true;
        s.trace.error = err;
        if (legacy) return finishFailure(bk::renderLegacy(s.trace), std::string(kDeprecated) + err + "\n");
        return finishFailure("", render());
    }
    bk::initStageLabels(s);
    s.order = bk::stagesToBuild(s, target);
    for (int i : s.order) s.legacyStepTotal += 1 + static_cast<int>(s.df.stages[i].commands.size());

    bool ok = true;
    if (!legacy) {
        ok = metadataVertices(s);
        Vertex& v = vertex(s, "[internal] load .dockerignore");
        v.subs.push_back({"transferring context: " + (s.hasDockerignore ? human(s.dockerignoreSize) : std::string("2B")), 0});
    }
    for (size_t k = 0; ok && k < s.order.size(); ++k) {
        bk::StageRun& st = s.stages[s.order[k]];
        ok = legacy ? bk::runStageLegacy(s, st) : bk::runStage(s, st);
    }
    if (!ok) {
        for (size_t i = 0; i < s.trace.vertices.size(); ++i)
            if (s.trace.vertices[i].status == Vertex::Status::Error) s.trace.failedVertex = static_cast<int>(i);
        if (legacy) return finishFailure(bk::renderLegacy(s.trace), std::string(kDeprecated) + s.trace.error + "\n");
        if (!s.trace.error.empty() && s.trace.error.rfind("failed to solve", 0) != 0) s.trace.error = "failed to solve: " + s.trace.error;
        return finishFailure("", render());
    }

    // Export: the target stage becomes the image.
    const bk::StageRun& final = s.stages[target];
    Digest id;
    if (legacy) {
        id = final.legacyImageId;
    } else {
        Image img = bk::assembleImage(s, final);
        bool existed = false;
        Digest probe = addImage(work, img);
        existed = state.images.count(probe) > 0;
        id = probe;
        if (!existed) s.events.push_back(ImageCreated{id, opt.tags});
        Vertex& v = vertex(s, "exporting to image");
        int64_t layersMs = 10;
        for (const auto& step : s.trace.steps) if (!step.cached && !step.layerDiffId.empty()) layersMs += 40;
        v.subs.push_back({"exporting layers", layersMs});
        v.subs.push_back({"writing image " + id, 0});
        for (const auto& t : tags) v.subs.push_back({"naming to " + t.fullName() + ":" + (t.tag.empty() ? "latest" : t.tag), 0});
        v.durationMs = layersMs + 10;
        s.elapsedMs += v.durationMs;
    }
    if (legacy && !state.images.count(id)) s.events.push_back(ImageCreated{id, opt.tags});
    for (const auto& t : tags) {
        auto ev = tagImage(work, id, t.tagKey());
        s.events.insert(s.events.end(), ev.begin(), ev.end());
        s.trace.tagsShort.push_back(t.tagKey());
    }
    s.trace.imageId = id;
    if (legacy) {
        std::vector<std::string> unused;
        for (const auto& [k, v] : opt.buildArgs)
            if (!s.usedBuildArgs.count(k) && !predefinedArg(k)) unused.push_back(k);
        if (!unused.empty()) {
            std::string list;
            for (size_t i = 0; i < unused.size(); ++i) list += (i ? " " : "") + unused[i];
            s.trace.legacyWarnings.push_back("[Warning] One or more build-args [" + list + "] were not consumed");
        }
    }

    work.clock.advance(s.elapsedMs);
    std::vector<std::string> tagKeys;
    for (const auto& t : tags) tagKeys.push_back(t.tagKey());
    work.lastBuild = LastBuild{true, true, legacy, id, tagKeys, s.elapsedMs, s.trace.savedMs, s.trace.steps};
    bk::recordBuild(s, true, id, tagKeys);
    if (opt.quiet) {
        o.out = id + "\n";
        if (legacy) o.err = kDeprecated;
    } else if (legacy) {
        o.out = bk::renderLegacy(s.trace);
        o.err = kDeprecated;
    } else {
        // Plain output already ends with a blank line; the tty frame does not.
        std::string lint = lintSummary(result.warnings);
        bool tty = opt.progress != BuildOptions::Progress::Plain;
        o.err = render() + (tty && !lint.empty() ? "\n" : "") + lint;
    }
    o.events = s.events;
    result.steps = s.trace.steps;
    result.imageId = id;
    result.totalMs = s.elapsedMs;
    result.savedMs = s.trace.savedMs;
    state = std::move(work);
    return result;
}

}  // namespace layerlab::engine
