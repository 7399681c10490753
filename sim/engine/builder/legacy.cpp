// The legacy builder (DOCKER_BUILDKIT=0), as moby's daemon/builder/dockerfile
// does it: every instruction is a step that commits an intermediate image.
// The cache probe looks for a child of the current image whose config equals
// the step's run config (Cmd replaced by the step's command, "#(nop) ..." for
// metadata steps; build args in scope prefixed to RUN as "|1 V=1"), so any
// metadata change before a step invalidates it, and an ARG's new value only
// misses at the RUNs that see it.
#include "sim/engine/builder/chmod.hpp"
#include "sim/engine/builder/internal.hpp"
#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/timings.hpp"

namespace layerlab::engine::bk {
namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

// Everything of the run config the probe compares, except Cmd.
std::vector<std::string> configLines(const ImageConfig& c) {
    std::vector<std::string> out;
    for (const auto& e : c.env) out.push_back("env:" + e);
    for (const auto& [k, v] : c.labels) out.push_back("label:" + k + "=" + v);
    for (const auto& p : c.exposedPorts) out.push_back("expose:" + p);
    if (c.entrypoint) out.push_back("entrypoint:" + goQuoteList(*c.entrypoint));
    for (const auto& v : c.volumes) out.push_back("volume:" + v);
    out.push_back("workdir:" + c.workingDir);
    out.push_back("user:" + c.user);
    if (!c.shell.empty()) out.push_back("shell:" + join(c.shell, " "));
    for (const auto& o : c.onBuild) out.push_back("onbuild:" + o);
    if (!c.stopSignal.empty()) out.push_back("stopsignal:" + c.stopSignal);
    return out;
}

std::string containerId(Session& s) {
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 4; ++i) {
        uint64_t r = s.state.rng.next();
        for (int j = 0; j < 16; ++j) id += hex[(r >> (j * 4)) & 15];
    }
    return id.substr(0, 12);
}

std::string original(const dockerfile::Command& cmd) {
    std::string t = cmd.original;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    return t;
}

LegacyStep& newStep(Session& s, const std::string& text) {
    s.trace.legacySteps.push_back(
        {"Step " + std::to_string(++s.legacyStepNo) + "/" + std::to_string(s.legacyStepTotal) + " : " + text, {}});
    return s.trace.legacySteps.back();
}

std::vector<std::string> shellOf(const StageRun& st) {
    return st.config.shell.empty() ? std::vector<std::string>{"/bin/sh", "-c"} : st.config.shell;
}

// Step 1 of a stage: FROM another stage, scratch, or an image (pulled when
// missing, which is the only way a FROM step "runs").
bool runFromLegacy(Session& s, StageRun& st, const dockerfile::Stage& stage) {
    std::string fromText = original(stage.from);
    LegacyStep& ls = newStep(s, fromText);
    int stepNo = s.legacyStepNo;
    dockerfile::shell::Env meta;
    for (const auto& [k, v] : s.metaArgs) meta.vars.push_back({k, v});
    auto ex = dockerfile::shell::processWord(stage.baseImage, meta, s.df.escapeToken);
    std::string baseText = ex.ok ? ex.value : stage.baseImage;
    std::string lower = baseText;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    int from = findStage(s.df, lower, st.index);
    int step = addStep(s, st, stepNo, fromText, stage.from);
    bool pulled = false;
    if (from >= 0) {
        const StageRun& src = s.stages[from];
        st.rootfs = src.rootfs;
        st.config = src.config;
        st.layers = src.layers;
        st.history = src.history;
        st.key = src.key;
        st.legacyImageId = src.legacyImageId;
        st.lastCreatedMs = src.lastCreatedMs;
        ls.lines.push_back(" ---> " + format::shortId(st.legacyImageId));
        for (const auto& kv : st.config.env) {
            auto eq = kv.find('=');
            st.env.push_back({kv.substr(0, eq), eq == std::string::npos ? "" : kv.substr(eq + 1)});
        }
    } else if (lower == "scratch") {
        st.key = hashKey({"legacy", "scratch"});
    } else {
        BaseImage base = resolveBaseImage(s, baseText, true);
        if (!base.ok) {
            failStep(s, step, base.error, stage.from);
            return false;
        }
        for (const auto& l : base.pullLines) ls.lines.push_back(l);
        pulled = base.pulled;
        applyBase(s, st, base);
        st.key = hashKey({"legacy", "FROM", base.image.id});
        st.legacyImageId = base.image.id;
        s.trace.totalMs += base.pullMs;
        ls.lines.push_back(" ---> " + format::shortId(base.image.id));
    }
    if (from < 0) st.lastRan = pulled;
    finishStep(s, step, !pulled, {"base image pulled from the registry", "레지스트리에서 베이스 이미지를 받아옴"}, 0,
               "", 0, st.key);
    return true;
}

// One instruction as the daemon sees it before running it: the run config
// its cache probe compares (the candidate record and its key) and the stage
// as it will be after a metadata instruction.
struct Probe {
    CacheRecord cand;
    StageRun next;   // the stage after this instruction
    std::string cmdText;   // the run config's Cmd, and the history's "created by"
    std::optional<CopyPlan> plan;   // COPY/ADD
    const dockerfile::RunInstruction* runIn = nullptr;
    std::vector<std::string> argv;   // RUN
};

// "" or the error (a COPY whose sources are missing fails before the probe).
std::string probeFor(Session& s, const StageRun& st, const dockerfile::Command& cmd, const std::string& text,
                     Probe& p) {
    const auto& in = cmd.instruction;
    std::vector<std::string> shell = shellOf(st);
    p.cand.legacy = true;
    p.cand.parentKey = st.key;
    p.next = st;
    p.runIn = std::get_if<dockerfile::RunInstruction>(&in);
    if (p.runIn) {
        if (p.runIn->shellForm) {
            p.argv = shell;
            p.argv.push_back(p.runIn->args.empty() ? "" : p.runIn->args[0]);
        } else {
            p.argv = p.runIn->args;
        }
        // Build args in scope prefix the command: "|1 V=1 /bin/sh -c ...".
        std::vector<std::string> args;
        for (const auto& kv : st.env)
            if (st.argKeys.count(kv.key)) args.push_back(kv.key + "=" + kv.value);
        std::sort(args.begin(), args.end());
        std::string prefix = args.empty() ? "" : "|" + std::to_string(args.size()) + " " + join(args, " ") + " ";
        p.cmdText = prefix + join(p.argv, " ");
        p.cand.op = "RUN";
        p.cand.command = join(p.argv, " ");
        for (const auto& a : args) p.cand.inputs.push_back("arg:" + a);
    } else if (const auto* c = std::get_if<dockerfile::CopyInstruction>(&in)) {
        if (!c->chmod.empty()) return kChmodNeedsBuildkit;
        p.plan = planCopy(s, st, *c);
        if (!p.plan->ok) return p.plan->legacyError;
        p.cmdText = join(shell, " ") + " #(nop) " + (c->isAdd ? "ADD " : "COPY ") + p.plan->legacyHash + " in /" +
                    p.plan->destDir + " ";
        p.cand.op = c->isAdd ? "ADD" : "COPY";
        p.cand.command = text;
        p.cand.inputs.push_back("dest:" + p.plan->destDir);
    } else if (const auto* w = std::get_if<dockerfile::WorkdirInstruction>(&in)) {
        std::string path = expandWord(st, w->path, s.df.escapeToken);
        std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
        p.next.config.workingDir = "/" + fs::normalizePath(!path.empty() && path[0] == '/' ? path : wd + "/" + path);
        p.cmdText = join(shell, " ") + " #(nop) WORKDIR " + p.next.config.workingDir;
        p.cand.op = "WORKDIR";
        p.cand.command = text;
    } else {
        std::string comment;
        applyConfigInstruction(s, p.next, cmd, true, comment);
        p.cmdText = join(shell, " ") + " #(nop)  " + comment;
        p.cand.op = cmd.keyword;
        p.cand.command = p.cmdText;
    }
    for (const auto& l : configLines(p.next.config)) p.cand.inputs.push_back(l);
    p.cand.key = hashKey({"legacy", st.key, p.cmdText, join(configLines(p.next.config), std::string(1, '\0'))});
    return "";
}

// A cache hit: the child image the probe found becomes the stage.
void reuseLegacy(Session& s, Probe& p, const CacheRecord& rec, LegacyStep& ls, int step) {
    s.state.buildCache.find(p.cand.key)->second.lastUsedMs = nowMs(s);
    const Image& img = s.state.images.at(rec.imageId);
    if (!rec.layer.empty()) p.next.rootfs = applyLayer(p.next.rootfs, s.state.layers.at(rec.layer));
    p.next.config = img.config;
    p.next.layers = img.layers;
    p.next.history = img.history;
    p.next.legacyImageId = img.id;
    p.next.lastCreatedMs = img.createdMs;
    p.next.key = p.cand.key;
    p.next.lastRan = false;
    s.trace.savedMs += rec.durationMs;
    ls.lines.push_back(" ---> Using cache");
    ls.lines.push_back(" ---> " + format::shortId(img.id));
    uint64_t size = rec.layer.empty() ? 0 : s.state.layers.at(rec.layer).size;
    finishStep(s, step, true, {}, 0, rec.layer, size, p.cand.key);
}

// A miss: the step runs in a container (RUN and metadata steps) or as a
// plain copy (COPY/ADD), then commits an intermediate image whose parent is
// the current one, and the probe's record remembers it.
bool executeLegacy(Session& s, const StageRun& st, const dockerfile::Command& cmd, Probe& p, LegacyStep& ls, int step,
                   const Reason& why) {
    Layer layer;
    int64_t ms = 0;
    bool container = !p.plan.has_value();
    std::string cid = container ? containerId(s) : "";
    if (container) ls.lines.push_back(" ---> Running in " + cid);
    if (p.runIn) {
        std::vector<std::string> envLines;
        for (const auto& kv : st.env) envLines.push_back(kv.key + "=" + kv.value);
        std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
        run::RunResult res = run::simulateRun({p.argv, st.rootfs, wd, envLines, st.config.user, nowMs(s)});
        for (const auto& l : res.output) ls.lines.push_back(l.text);
        ms = res.durationMs;
        s.elapsedMs += ms;
        if (res.exitCode != 0) {
            s.trace.steps[step].durationMs = ms;
            s.trace.steps[step].reason = why.en;
            s.trace.steps[step].reasonKo = why.ko;
            noteCandidate(s, step, p.cand);
            failStep(
                s, step,
                "The command '" + join(p.argv, " ") + "' returned a non-zero code: " + std::to_string(res.exitCode),
                cmd);
            return false;
        }
        layer.changes = res.changes;
        layer.deleted = res.deleted;
        p.next.rootfs = res.rootfs;
    } else if (p.plan) {
        layer.changes = p.plan->layerTree;
        ms = timing::copyMs(p.plan->layerTree.totalBytes());
        s.elapsedMs += ms;
        p.next.rootfs = applyLayer(st.rootfs, layer);
    } else if (p.cand.op == "WORKDIR") {
        run::RunResult res =
            run::simulateRun({{"mkdir", "-p", p.next.config.workingDir}, st.rootfs, "/", {}, st.config.user, nowMs(s)});
        layer.changes = res.changes;
        p.next.rootfs = res.rootfs;
        ms = timing::kLegacyWorkdirMs;
        s.elapsedMs += ms;
    } else {
        ms = timing::kLegacyConfigStepMs;
        s.elapsedMs += ms;
    }
    if (container) ls.lines.push_back("Removing intermediate container " + cid);
    bool hasLayer = p.runIn || p.plan || layer.changes.entryCount() > 0;
    Digest diff = hasLayer ? storeLayer(s, layer) : "";
    uint64_t size = hasLayer ? s.state.layers.at(diff).size : 0;
    int64_t created = nowMs(s);
    if (hasLayer) p.next.layers.push_back(diff);
    p.next.history.push_back({created, p.cmdText, "", !hasLayer, size});
    p.next.lastCreatedMs = created;
    Image img = assembleImage(s, p.next);
    img.parent = st.legacyImageId;
    img.createdMs = created;
    Digest id = addImage(s.state, img);
    p.next.legacyImageId = id;
    p.next.key = p.cand.key;
    p.next.lastRan = true;
    ls.lines.push_back(" ---> " + format::shortId(id));
    p.cand.layer = diff;
    p.cand.imageId = id;
    p.cand.description = ls.header;
    p.cand.durationMs = ms;
    p.cand.createdMs = p.cand.lastUsedMs = created;
    remember(s, p.cand);
    finishStep(s, step, false, why, ms, diff, size, p.cand.key);
    return true;
}

}   // namespace

// The classic builder's loop beside BuildKit's runStage (dispatch.cpp): alike in
// shape, but each step is its own container commit with its own records and output.
bool runStageLegacy(Session& s, StageRun& st) {
    const dockerfile::Stage& stage = s.df.stages[st.index];
    if (!runFromLegacy(s, st, stage)) return false;
    for (const auto& cmd : stage.commands) {
        std::string text = original(cmd);
        LegacyStep& ls = newStep(s, text);
        int step = addStep(s, st, s.legacyStepNo, text, cmd);
        Probe p;
        std::string err = probeFor(s, st, cmd, text, p);
        if (!err.empty()) {
            failStep(s, step, err, cmd);
            return false;
        }
        const CacheRecord* rec = lookup(s, p.cand.key);
        if (rec && !s.state.images.count(rec->imageId)) rec = nullptr;   // its intermediate image was removed
        if (rec) {
            reuseLegacy(s, p, *rec, ls, step);
        } else {
            Layer copied;
            if (p.plan) copied.changes = p.plan->layerTree;
            Reason why =
                s.opt.noCache ? noCacheReason() : missReason(s, p.cand, st.lastRan, p.plan ? &copied : nullptr);
            if (!executeLegacy(s, st, cmd, p, ls, step, why)) return false;
        }
        st = std::move(p.next);
    }
    st.built = true;
    return true;
}

}   // namespace layerlab::engine::bk
