// BuildKit's dispatch of one stage (dockerfile2llb's convert.go, as a
// simulation): FROM, then each instruction in order. RUN, COPY/ADD and
// WORKDIR are steps with a cache key chained from the previous step's; the
// rest only change the stage's config and environment (0B history entries).
// A cached step reuses its recorded layer and creation time; a missed one
// runs, stores a layer and a cache record, and says why it ran.
#include <functional>

#include "sim/engine/builder/internal.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/digest.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/timings.hpp"

namespace layerlab::engine::bk {
namespace {

std::string prefix(StageRun& st) {
    int width = 1;
    for (int n = st.stepTotal; n >= 10; n /= 10) ++width;
    std::string idx = std::to_string(++st.stepIndex);
    while (static_cast<int>(idx.size()) < width) idx = " " + idx;
    return "[" + st.label + idx + "/" + std::to_string(st.stepTotal) + "] ";
}

std::vector<std::string> envLines(const StageRun& st) {
    std::vector<std::string> out;
    for (const auto& kv : st.env) out.push_back(kv.key + "=" + kv.value);
    return out;
}

std::vector<std::string> inputsOf(const StageRun& st) {
    std::vector<std::string> in;
    for (const auto& kv : st.env) in.push_back((st.argKeys.count(kv.key) ? "arg:" : "env:") + kv.key + "=" + kv.value);
    in.push_back("workdir:" + (st.config.workingDir.empty() ? std::string("/") : st.config.workingDir));
    in.push_back("user:" + st.config.user);
    return in;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

// The "|1 V=1 " prefix BuildKit writes into RUN history for build args.
std::string argPrefix(const StageRun& st) {
    std::vector<std::string> parts;
    for (const auto& name : st.argOrder)
        for (const auto& kv : st.env)
            if (kv.key == name && st.argKeys.count(name)) parts.push_back(name + "=" + kv.value);
    if (parts.empty()) return "";
    return "|" + std::to_string(parts.size()) + " " + join(parts, " ") + " ";
}

// Either reuses the cached layer or stores the new one; updates the stage.
struct StepOutcome {
    bool cached = false;
    Digest layer;
    uint64_t size = 0;
    int64_t createdMs = 0;
};

StepOutcome reuse(Session& s, StageRun& st, CacheRecord& rec) {
    StepOutcome o;
    o.cached = true;
    o.layer = rec.layer;
    const Layer& layer = s.state.layers.at(rec.layer);
    o.size = layer.size;
    o.createdMs = rec.createdMs;
    st.rootfs = applyLayer(st.rootfs, layer);
    rec.lastUsedMs = nowMs(s);
    s.trace.savedMs += rec.durationMs;
    return o;
}

void pushLayerHistory(StageRun& st, const StepOutcome& o, const std::string& createdBy) {
    st.layers.push_back(o.layer);
    st.history.push_back({o.createdMs, createdBy, "buildkit.dockerfile.v0", false, o.size});
    st.lastCreatedMs = o.createdMs;
}

Vertex& newVertex(Session& s, std::string name, int step) {
    s.trace.vertices.push_back({});
    Vertex& v = s.trace.vertices.back();
    v.name = std::move(name);
    v.step = step;
    return v;
}

bool usesContext(const Session& s) {
    for (int i : s.order)
        for (const auto& cmd : s.df.stages[i].commands)
            if (const auto* c = std::get_if<dockerfile::CopyInstruction>(&cmd.instruction))
                if (c->from.empty()) return true;
    return false;
}

void contextVertex(Session& s) {
    if (s.contextLoaded || !usesContext(s)) return;
    s.contextLoaded = true;
    Vertex& v = newVertex(s, "[internal] load build context", -1);
    uint64_t bytes = s.context.totalBytes();
    int64_t ms = timing::contextMs(bytes);
    v.subs.push_back({"transferring context: " + format::humanSizeWithPrecision(static_cast<double>(bytes), 4), ms});
    v.durationMs = ms;
    s.elapsedMs += ms;
}

bool runFrom(Session& s, StageRun& st, const dockerfile::Stage& stage) {
    const char esc = s.df.escapeToken;
    dockerfile::shell::Env meta;
    for (const auto& [k, v] : s.metaArgs) meta.vars.push_back({k, v});
    auto ex = dockerfile::shell::processWord(stage.baseImage, meta, esc);
    std::string baseText = ex.ok ? ex.value : stage.baseImage;
    std::string lowerText = baseText;
    std::transform(lowerText.begin(), lowerText.end(), lowerText.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    int from = findStage(s.df, lowerText, st.index);
    if (from >= 0) {
        const StageRun& src = s.stages[from];
        st.rootfs = src.rootfs;
        st.config = src.config;
        st.layers = src.layers;
        st.history = src.history;
        st.key = src.key;
        st.lastRan = src.lastRan;
        st.lastStep = src.lastStep;
        st.lastCreatedMs = src.lastCreatedMs;
        st.author = src.author;
        // The stage continues the other stage's LLB state, whose environment
        // still holds that stage's ARG values: `FROM build` + `RUN echo $V`
        // sees V (observed on Engine 20.10's BuildKit: "RUN echo 1", and the
        // file it writes). The history's "|1 V=1" prefix does not carry over.
        st.env = src.env;
        st.argKeys = src.argKeys;
        return true;
    }
    if (lowerText == "scratch") {
        st.key = hashKey({"buildkit", "scratch"});
        st.config.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"};
        st.env = {{"PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}};
        return true;
    }
    BaseImage base = resolveBaseImage(s, baseText, false);
    std::string name = prefix(st) + "FROM " + (base.ok ? base.vertexRef : baseText);
    int step = addStep(s, st, st.stepIndex, "FROM " + baseText, stage.from);
    Vertex& v = newVertex(s, name, step);
    if (!base.ok) {
        v.status = Vertex::Status::Error;
        v.error = base.error.substr(base.error.rfind("failed to solve: ", 0) == 0 ? 17 : 0);
        failStep(s, step, base.error, stage.from);
        return false;
    }
    applyBase(s, st, base);
    CacheRecord cand;
    cand.key = hashKey({"buildkit", "FROM", base.image.id});
    cand.op = "FROM";
    cand.command = base.fullRef;
    cand.inputs = {"image:" + base.image.id};
    auto it = s.state.buildCache.find(cand.key);
    bool cached = it != s.state.buildCache.end() && !base.pulled;
    Reason why;
    if (cached) {
        it->second.lastUsedMs = nowMs(s);
        v.status = Vertex::Status::Cached;
    } else {
        why = missReason(s, cand, false, nullptr);
        if (base.pulled && why.en == "not in the build cache yet")
            why = {"base image pulled from the registry", "레지스트리에서 베이스 이미지를 받아옴"};
        v.subs = base.pullSubs;
        v.durationMs = base.pullMs;
        s.elapsedMs += base.pullMs;
        cand.durationMs = base.pullMs;
        cand.createdMs = cand.lastUsedMs = nowMs(s);
        remember(s, cand);
    }
    finishStep(s, step, cached, why, base.pullMs, "", 0, cand.key);
    st.key = cand.key;
    st.lastRan = !cached;
    st.lastStep = step;
    contextVertex(s);
    return true;
}

// What a missed step produced when it ran.
struct Ran {
    std::string error;   // non-empty: the step failed, in BuildKit's words
    Layer layer;   // the step's changes
    std::optional<fs::FileTree> rootfs;   // the stage's files after it (default: the stage's files + layer)
    int64_t durationMs = 0;
};

// The cache logic the course teaches, written once for every step that makes
// a layer (RUN, COPY/ADD, WORKDIR): a key found in the cache reuses the
// recorded layer and its creation time; a miss first says why (the first
// difference against the cache), then runs the step, stores its layer and
// remembers it under the key. Either way the layer joins the stage's history
// and the stage's key moves on, so the next step's key depends on this one.
// `knownLayer`: the step's layer when it is known before running (COPY), so
// the reason can name the files that changed.
bool commitStep(Session& s, StageRun& st, const dockerfile::Command& cmd, int step, Vertex& v, CacheRecord& cand,
                const std::string& createdBy, const Layer* knownLayer, const std::function<Ran()>& execute) {
    auto it = s.state.buildCache.find(cand.key);
    CacheRecord* rec = lookup(s, cand.key) ? &it->second : nullptr;
    StepOutcome o;
    Reason why;
    if (rec) {
        o = reuse(s, st, *rec);
        v.status = Vertex::Status::Cached;
    } else {
        why = s.opt.noCache ? noCacheReason() : missReason(s, cand, st.lastRan, knownLayer);
        Ran ran = execute();
        v.durationMs = ran.durationMs;
        s.elapsedMs += ran.durationMs;
        if (!ran.error.empty()) {
            v.status = Vertex::Status::Error;
            v.error = ran.error;
            s.trace.steps[step].durationMs = ran.durationMs;
            s.trace.steps[step].reason = why.en;
            s.trace.steps[step].reasonKo = why.ko;
            noteCandidate(s, step, cand);
            failStep(s, step, v.error, cmd);
            return false;
        }
        o.layer = storeLayer(s, ran.layer);
        const Layer& stored = s.state.layers.at(o.layer);
        o.size = stored.size;
        o.createdMs = nowMs(s);
        st.rootfs = ran.rootfs ? std::move(*ran.rootfs) : applyLayer(st.rootfs, stored);
        cand.layer = o.layer;
        cand.description = v.name;
        cand.durationMs = ran.durationMs;
        cand.createdMs = cand.lastUsedMs = o.createdMs;
        remember(s, cand);
    }
    pushLayerHistory(st, o, createdBy);
    finishStep(s, step, o.cached, why, v.durationMs, o.layer, o.size, cand.key);
    st.key = cand.key;
    st.lastRan = !o.cached;
    st.lastStep = step;
    return true;
}

// The argv a RUN executes: the shell form through SHELL (default /bin/sh -c)
// with its heredocs, or the exec form as written.
std::vector<std::string> runArgv(const StageRun& st, const dockerfile::RunInstruction& r) {
    if (!r.shellForm) return r.args;
    std::vector<std::string> argv =
        st.config.shell.empty() ? std::vector<std::string>{"/bin/sh", "-c"} : st.config.shell;
    std::string script = r.args.empty() ? "" : r.args[0];
    if (isWholeHeredoc(r)) {
        script = r.heredocs[0].content;   // RUN <<EOF: the body is the script
    } else {
        for (const auto& hd : r.heredocs) script += "\n" + hd.content + hd.name;
    }
    argv.push_back(script);
    return argv;
}

bool runRun(Session& s, StageRun& st, const dockerfile::Command& cmd, const dockerfile::RunInstruction& r) {
    std::vector<std::string> argv = runArgv(st, r);
    std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
    CacheRecord cand;
    cand.op = "RUN";
    cand.command = join(argv, " ");
    cand.parentKey = st.key;
    cand.inputs = inputsOf(st);
    cand.key = hashKey({"buildkit", "RUN", st.key, join(argv, std::string(1, '\0')),
                        join(envLines(st), std::string(1, '\0')), wd, st.config.user, r.network, join(r.mounts, ",")});
    std::string name = vertexName(st, cmd, s.df.escapeToken);
    int step = addStep(s, st, st.stepIndex + 1, name, cmd);
    Vertex& v = newVertex(s, prefix(st) + name, step);
    std::string createdBy = "RUN " + argPrefix(st) + join(argv, " ") + " # buildkit";
    return commitStep(s, st, cmd, step, v, cand, createdBy, nullptr, [&] {
        run::RunResult res = run::simulateRun({argv, st.rootfs, wd, envLines(st), st.config.user, nowMs(s)});
        v.logs = res.output;
        Ran ran;
        ran.durationMs = res.durationMs;
        if (res.exitCode != 0) {
            ran.error = "process \"" + join(argv, " ") +
                        "\" did not complete successfully: exit code: " + std::to_string(res.exitCode);
            return ran;
        }
        ran.layer.changes = res.changes;
        ran.layer.deleted = res.deleted;
        ran.rootfs = res.rootfs;
        return ran;
    });
}

bool runCopy(Session& s, StageRun& st, const dockerfile::Command& cmd, const dockerfile::CopyInstruction& c) {
    if (c.from.empty()) contextVertex(s);
    std::string name = vertexName(st, cmd, s.df.escapeToken);
    int step = addStep(s, st, st.stepIndex + 1, name, cmd);
    Vertex& v = newVertex(s, prefix(st) + name, step);
    CopyPlan plan = planCopy(s, st, c);
    if (!plan.ok) {
        v.status = Vertex::Status::Error;
        v.error = plan.error;
        std::string full = plan.error.rfind("failed to calculate checksum", 0) == 0
                               ? "failed to solve: failed to compute cache key: " + plan.error
                               : "failed to solve: " + plan.error;
        failStep(s, step, full, cmd);
        return false;
    }
    CacheRecord cand;
    cand.op = c.isAdd ? "ADD" : "COPY";
    cand.command = name;
    cand.parentKey = c.link ? "" : st.key;
    cand.inputs = {"dest:" + plan.destDir};
    cand.key = hashKey({"buildkit", cand.op, cand.parentKey, name, plan.checksum, c.link ? "link" : ""});
    Layer layer;
    layer.changes = plan.layerTree;
    return commitStep(s, st, cmd, step, v, cand, name + " # buildkit", &layer, [&] {
        Ran ran;
        ran.layer = layer;
        ran.durationMs = timing::copyMs(plan.layerTree.totalBytes());
        return ran;
    });
}

bool runWorkdir(Session& s, StageRun& st, const dockerfile::Command& cmd, const dockerfile::WorkdirInstruction& w) {
    std::string path = expandWord(st, w.path, s.df.escapeToken);
    std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
    std::string abs = "/" + fs::normalizePath(!path.empty() && path[0] == '/' ? path : wd + "/" + path);
    st.config.workingDir = abs;
    if (abs == "/") {
        st.history.push_back({st.lastCreatedMs, "WORKDIR /", "buildkit.dockerfile.v0", true, 0});
        return true;
    }
    std::string name = vertexName(st, cmd, s.df.escapeToken);
    int step = addStep(s, st, st.stepIndex + 1, name, cmd);
    Vertex& v = newVertex(s, prefix(st) + name, step);
    CacheRecord cand;
    cand.op = "WORKDIR";
    cand.command = "WORKDIR " + abs;
    cand.parentKey = st.key;
    cand.inputs = {"user:" + st.config.user};
    cand.key = hashKey({"buildkit", "WORKDIR", st.key, abs, st.config.user});
    return commitStep(s, st, cmd, step, v, cand, "WORKDIR " + abs, nullptr, [&] {
        run::RunResult res = run::simulateRun({{"mkdir", "-p", abs}, st.rootfs, "/", {}, st.config.user, nowMs(s)});
        Ran ran;
        ran.layer.changes = res.changes;
        ran.rootfs = res.rootfs;
        ran.durationMs = timing::kBuildkitWorkdirMs;
        return ran;
    });
}

}   // namespace

bool runStage(Session& s, StageRun& st) {
    const dockerfile::Stage& stage = s.df.stages[st.index];
    if (!runFrom(s, st, stage)) return false;
    for (const auto& cmd : stage.commands) {
        const auto& in = cmd.instruction;
        bool ok = true;
        if (const auto* r = std::get_if<dockerfile::RunInstruction>(&in)) ok = runRun(s, st, cmd, *r);
        else if (const auto* c = std::get_if<dockerfile::CopyInstruction>(&in)) ok = runCopy(s, st, cmd, *c);
        else if (const auto* w = std::get_if<dockerfile::WorkdirInstruction>(&in)) ok = runWorkdir(s, st, cmd, *w);
        else {
            std::string history;
            applyConfigInstruction(s, st, cmd, false, history);
            if (!history.empty()) st.history.push_back({st.lastCreatedMs, history, "buildkit.dockerfile.v0", true, 0});
        }
        if (!ok) return false;
    }
    st.built = true;
    return true;
}

}   // namespace layerlab::engine::bk
