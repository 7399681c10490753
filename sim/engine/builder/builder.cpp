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
#include "sim/engine/timings.hpp"

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
        std::string full = parsed.ref->fullName() +
                           (parsed.ref->digest.empty() ? ":" + parsed.ref->tagOrLatest() : "@" + parsed.ref->digest);
        if (!seen.insert(full).second) continue;
        Vertex& v = vertex(s, "[internal] load metadata for " + full);
        bool local = !s.opt.pull && resolveImageRef(s.state, parsed.ref->familiarString()).image;
        if (local) continue;
        RegistryLookup remote = lookupRemote(s.state, *parsed.ref);
        v.durationMs = timing::kLoadMetadataMs;
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
        if (w.severity == dockerfile::Diagnostic::Severity::Warning && !w.code.empty() &&
            std::isupper(static_cast<unsigned char>(w.code[0])))
            shown.push_back(&w);
    if (shown.empty()) return "";
    std::string out = " " + std::to_string(shown.size()) + (shown.size() == 1 ? " warning" : " warnings") +
                      " found (use docker --debug to expand):\n";
    for (const auto* w : shown)
        out += " - " + w->code + ": " + w->message + " (line " + std::to_string(w->range.startLine) + ")\n";
    return out;
}

// The CLI validates -t before anything else. The parsed tags, or the error.
std::optional<std::vector<format::ImageRef>> parseTags(const BuildOptions& opt, Outcome& o) {
    std::vector<format::ImageRef> tags;
    for (const auto& t : opt.tags) {
        auto parsed = format::parseNormalizedNamed(t);
        if (!parsed.ref || !parsed.ref->digest.empty()) {
            std::string why = "invalid argument \"" + t + "\" for \"-t, --tag\" flag: " +
                              (parsed.ref ? std::string("invalid reference format") : parsed.error);
            o.err = opt.legacy ? why + "\nSee 'docker build --help'.\n"
                               : why +
                                     "\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\n"
                                     "Run 'docker buildx build --help' for more information\n";
            o.exitCode = 1;
            return std::nullopt;
        }
        tags.push_back(*parsed.ref);
    }
    return tags;
}

// A failed build: Docker keeps the cache of the steps that completed, so the
// build cache, its layers, the clock and the random source move on; images,
// tags and containers stay as they were.
BuildResult& finishFailure(BuildResult& result, State& state, const State& work, Session& s,
                           const std::vector<std::string>& tagKeys, std::string stdoutText, std::string stderrText) {
    Outcome& o = result.outcome;
    o.out = std::move(stdoutText);
    o.err = std::move(stderrText);
    o.exitCode = 1;
    o.events = s.events;
    result.steps = s.trace.steps;
    result.totalMs = s.elapsedMs;
    result.savedMs = s.trace.savedMs;
    state.buildCache = work.buildCache;
    state.layers = work.layers;
    state.clock = work.clock;
    state.clock.advance(s.elapsedMs);
    state.rng = work.rng;
    state.lastBuild = LastBuild{true, false, s.opt.legacy, "", {}, s.elapsedMs, s.trace.savedMs, s.trace.steps};
    bk::recordBuild(s, false, "", tagKeys);   // a failed build is kept in the history too (the picture shows it)
    state.buildHistory = work.buildHistory;
    return result;
}

std::string renderProgress(const Session& s) {
    return s.opt.progress == BuildOptions::Progress::Plain ? bk::renderPlain(s.trace) : bk::renderTty(s.trace);
}

// The first progress of a build: legacy's "Sending build context", BuildKit's
// "[internal] load build definition".
void announceInputs(Session& s) {
    if (s.opt.legacy) {
        s.trace.legacyPreamble.push_back("Sending build context to Docker daemon  " +
                                         human(bk::contextTarSize(s.context)));
        return;
    }
    Vertex& v = vertex(s, "[internal] load build definition from " + s.trace.dockerfileName);
    v.subs.push_back({"transferring dockerfile: " + human(s.dockerfileText.size()), 0});
    v.durationMs = timing::kLoadDefinitionMs;
    s.elapsedMs += v.durationMs;
}

// Parses the Dockerfile and picks the stages the target needs.
struct Plan {
    std::string error;   // "" or why the build cannot start
    bool parseError = false;   // the daemon words a parse error as its response
    int target = 0;   // the stage that becomes the image
};

Plan planStages(Session& s, std::vector<dockerfile::Diagnostic>& warnings) {
    Plan plan;
    dockerfile::ParseResult parsed = dockerfile::parseDockerfile(s.dockerfileText);
    warnings = parsed.warnings;
    if (!parsed.ok() || !parsed.dockerfile || parsed.dockerfile->stages.empty()) {
        std::string msg = parsed.error ? parsed.error->formatted() : "file with no instructions";
        s.trace.failed = true;
        s.trace.error = "failed to solve: " + msg;
        if (parsed.error) {
            s.trace.errorLine = parsed.error->range.startLine;
            s.trace.errorEndLine = parsed.error->range.endLine;
        }
        plan.error = msg;
        plan.parseError = true;
        return plan;
    }
    s.df = *parsed.dockerfile;
    setMetaArgs(s);
    plan.error = bk::targetError(s, plan.target);
    if (!plan.error.empty()) {
        s.trace.failed = true;
        s.trace.error = plan.error;
        return plan;
    }
    bk::initStageLabels(s);
    s.order = bk::stagesToBuild(s, plan.target);
    for (int i : s.order) s.legacyStepTotal += 1 + static_cast<int>(s.df.stages[i].commands.size());
    return plan;
}

// Runs the stages in order; false when one failed (the trace says where).
bool runStages(Session& s) {
    bool ok = true;
    if (!s.opt.legacy) {
        ok = metadataVertices(s);
        Vertex& v = vertex(s, "[internal] load .dockerignore");
        v.subs.push_back(
            {"transferring context: " + (s.hasDockerignore ? human(s.dockerignoreSize) : std::string("2B")), 0});
        ok = ok && bk::checkBeforeSolve(s);
    }
    for (size_t k = 0; ok && k < s.order.size(); ++k) {
        bk::StageRun& st = s.stages[s.order[k]];
        ok = s.opt.legacy ? bk::runStageLegacy(s, st) : bk::runStage(s, st);
    }
    if (!ok)
        for (size_t i = 0; i < s.trace.vertices.size(); ++i)
            if (s.trace.vertices[i].status == Vertex::Status::Error) s.trace.failedVertex = static_cast<int>(i);
    return ok;
}

// Export: the target stage becomes the image (legacy: its last intermediate
// image already is), then the tags point at it. `before`: the State the build
// started from, to tell a new image from one that existed.
Digest exportImage(Session& s, const State& before, const bk::StageRun& final,
                   const std::vector<format::ImageRef>& tags) {
    Digest id;
    if (s.opt.legacy) {
        id = final.legacyImageId;
        if (!before.images.count(id)) s.events.push_back(ImageCreated{id, s.opt.tags});
    } else {
        id = addImage(s.state, bk::assembleImage(s, final));
        if (!before.images.count(id)) s.events.push_back(ImageCreated{id, s.opt.tags});
        Vertex& v = vertex(s, "exporting to image");
        int64_t layersMs = timing::kExportBaseMs;
        for (const auto& step : s.trace.steps)
            if (!step.cached && !step.layerDiffId.empty()) layersMs += timing::kExportPerLayerMs;
        v.subs.push_back({"exporting layers", layersMs});
        v.subs.push_back({"writing image " + id, 0});
        for (const auto& t : tags)
            v.subs.push_back({"naming to " + t.fullName() + ":" + (t.tag.empty() ? "latest" : t.tag), 0});
        v.durationMs = layersMs + timing::kExportWriteMs;
        s.elapsedMs += v.durationMs;
    }
    for (const auto& t : tags) {
        auto ev = tagImage(s.state, id, t.tagKey());
        s.events.insert(s.events.end(), ev.begin(), ev.end());
        s.trace.tagsShort.push_back(t.tagKey());
    }
    s.trace.imageId = id;
    return id;
}

// Legacy: "[Warning] One or more build-args [X] were not consumed".
void warnUnusedBuildArgs(Session& s) {
    std::vector<std::string> unused;
    for (const auto& [k, v] : s.opt.buildArgs)
        if (!s.usedBuildArgs.count(k) && !predefinedArg(k)) unused.push_back(k);
    if (unused.empty()) return;
    std::string list;
    for (size_t i = 0; i < unused.size(); ++i) list += (i ? " " : "") + unused[i];
    s.trace.legacyWarnings.push_back("[Warning] One or more build-args [" + list + "] were not consumed");
}

// What a successful build prints: the ID alone with -q, else the progress
// (BuildKit's on stderr, followed by the linter's summary).
void successOutput(const Session& s, const Digest& id, const std::vector<dockerfile::Diagnostic>& warnings,
                   Outcome& o) {
    if (s.opt.quiet) {
        o.out = id + "\n";
        if (s.opt.legacy) o.err = kDeprecated;
    } else if (s.opt.legacy) {
        o.out = bk::renderLegacy(s.trace);
        o.err = kDeprecated;
    } else {
        // Plain output already ends with a blank line; the tty frame does not.
        std::string lint = lintSummary(warnings);
        bool tty = s.opt.progress != BuildOptions::Progress::Plain;
        o.err = renderProgress(s) + (tty && !lint.empty() ? "\n" : "") + lint;
    }
}

}   // namespace

BuildResult build(State& state, const BuildOptions& opt) {
    BuildResult result;
    Outcome& o = result.outcome;
    auto tags = parseTags(opt, o);
    if (!tags) return result;

    std::vector<std::string> tagKeys;
    for (const auto& t : *tags) tagKeys.push_back(t.tagKey());
    State work = state;
    Session s(work, opt);
    const bool legacy = opt.legacy;
    const std::string deprecated = legacy ? kDeprecated : "";

    std::string err = bk::loadInputs(s);
    if (!err.empty()) {
        if (legacy) return finishFailure(result, state, work, s, tagKeys, "", deprecated + err + "\n");
        return finishFailure(
            result, state, work, s, tagKeys, "",
            "ERROR: " + std::string(err.rfind("failed to solve", 0) == 0 ? "failed to build: " : "") + err + "\n");
    }
    announceInputs(s);
    Plan plan = planStages(s, result.warnings);
    if (!plan.error.empty()) {
        if (!legacy) return finishFailure(result, state, work, s, tagKeys, "", renderProgress(s));
        std::string daemon = plan.parseError ? "Error response from daemon: " + plan.error : plan.error;
        return finishFailure(result, state, work, s, tagKeys, bk::renderLegacy(s.trace), deprecated + daemon + "\n");
    }
    if (!runStages(s)) {
        if (legacy)
            return finishFailure(result, state, work, s, tagKeys, bk::renderLegacy(s.trace),
                                 deprecated + s.trace.error + "\n");
        if (!s.trace.error.empty() && s.trace.error.rfind("failed to solve", 0) != 0)
            s.trace.error = "failed to solve: " + s.trace.error;
        return finishFailure(result, state, work, s, tagKeys, "", renderProgress(s));
    }

    Digest id = exportImage(s, state, s.stages[plan.target], *tags);
    if (legacy) warnUnusedBuildArgs(s);
    work.clock.advance(s.elapsedMs);
    work.lastBuild = LastBuild{true, true, legacy, id, tagKeys, s.elapsedMs, s.trace.savedMs, s.trace.steps};
    bk::recordBuild(s, true, id, tagKeys);
    successOutput(s, id, result.warnings, o);
    o.events = s.events;
    result.steps = s.trace.steps;
    result.imageId = id;
    result.totalMs = s.elapsedMs;
    result.savedMs = s.trace.savedMs;
    state = std::move(work);
    return result;
}

}   // namespace layerlab::engine
