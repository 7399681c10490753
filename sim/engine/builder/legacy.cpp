// The legacy builder (DOCKER_BUILDKIT=0), as moby's daemon/builder/dockerfile
// does it: every instruction is a step that commits an intermediate image.
// The cache probe looks for a child of the current image whose config equals
// the step's run config (Cmd replaced by the step's command, "#(nop) ..." for
// metadata steps; build args in scope prefixed to RUN as "|1 V=1"), so any
// metadata change before a step invalidates it, and an ARG's new value only
// misses at the RUNs that see it.
#include "sim/engine/builder/internal.hpp"
#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"

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
    s.trace.legacySteps.push_back({"Step " + std::to_string(++s.legacyStepNo) + "/" + std::to_string(s.legacyStepTotal) +
                                       " : " + text,
                                   {}});
    return s.trace.legacySteps.back();
}

}  // namespace

bool runStageLegacy(Session& s, StageRun& st) {
    const dockerfile::Stage& stage = s.df.stages[st.index];
    const char esc = s.df.escapeToken;
    // FROM
    {
        std::string fromText = original(stage.from);
        LegacyStep& ls = newStep(s, fromText);
        int stepNo = s.legacyStepNo;
        dockerfile::shell::Env meta;
        for (const auto& [k, v] : s.metaArgs) meta.vars.push_back({k, v});
        auto ex = dockerfile::shell::processWord(stage.baseImage, meta, esc);
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
        if (from >= 0) {
            for (const auto& kv : st.config.env) {
                auto eq = kv.find('=');
                st.env.push_back({kv.substr(0, eq), eq == std::string::npos ? "" : kv.substr(eq + 1)});
            }
        }
        if (from < 0) st.lastRan = pulled;
        finishStep(s, step, !pulled, {"base image pulled from the registry", "레지스트리에서 베이스 이미지를 받아옴"},
                   0, "", 0, st.key);
    }
    for (const auto& cmd : stage.commands) {
        const auto& in = cmd.instruction;
        std::string text = original(cmd);
        LegacyStep& ls = newStep(s, text);
        int step = addStep(s, st, s.legacyStepNo, text, cmd);
        std::vector<std::string> shell = st.config.shell.empty() ? std::vector<std::string>{"/bin/sh", "-c"} : st.config.shell;
        CacheRecord cand;
        cand.legacy = true;
        cand.parentKey = st.key;
        StageRun next = st;   // the stage after this instruction
        std::string cmdText, historyText;
        std::optional<CopyPlan> plan;
        const dockerfile::RunInstruction* runIn = std::get_if<dockerfile::RunInstruction>(&in);
        std::vector<std::string> argv;
        if (runIn) {
            argv = runIn->shellForm ? shell : std::vector<std::string>{};
            if (runIn->shellForm) argv.push_back(runIn->args.empty() ? "" : runIn->args[0]);
            else argv = runIn->args;
            std::vector<std::string> args;
            for (const auto& kv : st.env)
                if (st.argKeys.count(kv.key)) args.push_back(kv.key + "=" + kv.value);
            std::sort(args.begin(), args.end());
            std::string prefix = args.empty() ? "" : "|" + std::to_string(args.size()) + " " + join(args, " ") + " ";
            cmdText = prefix + join(argv, " ");
            historyText = cmdText;
            cand.op = "RUN";
            cand.command = join(argv, " ");
            for (const auto& a : args) cand.inputs.push_back("arg:" + a);
        } else if (const auto* c = std::get_if<dockerfile::CopyInstruction>(&in)) {
            plan = planCopy(s, st, *c);
            if (!plan->ok) {
                failStep(s, step, plan->legacyError, cmd);
                return false;
            }
            cmdText = join(shell, " ") + " #(nop) " + (c->isAdd ? "ADD " : "COPY ") + plan->legacyHash + " in /" +
                      plan->destDir + " ";
            historyText = cmdText;
            cand.op = c->isAdd ? "ADD" : "COPY";
            cand.command = text;
            cand.inputs.push_back("dest:" + plan->destDir);
        } else if (const auto* w = std::get_if<dockerfile::WorkdirInstruction>(&in)) {
            std::string path = expandWord(st, w->path, esc);
            std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
            next.config.workingDir = "/" + fs::normalizePath(!path.empty() && path[0] == '/' ? path : wd + "/" + path);
            cmdText = join(shell, " ") + " #(nop) WORKDIR " + next.config.workingDir;
            historyText = cmdText;
            cand.op = "WORKDIR";
            cand.command = text;
        } else {
            std::string comment;
            applyConfigInstruction(s, next, cmd, true, comment);
            cmdText = join(shell, " ") + " #(nop)  " + comment;
            historyText = cmdText;
            cand.op = cmd.keyword;
            cand.command = cmdText;
        }
        for (const auto& l : configLines(next.config)) cand.inputs.push_back(l);
        cand.key = hashKey({"legacy", st.key, cmdText, join(configLines(next.config), std::string(1, '\0'))});
        auto it = s.state.buildCache.find(cand.key);
        const CacheRecord* rec = lookup(s, cand.key);
        if (rec && !s.state.images.count(rec->imageId)) rec = nullptr;   // its intermediate image was removed
        if (rec) {
            it->second.lastUsedMs = nowMs(s);
            const Image& img = s.state.images.at(rec->imageId);
            if (!rec->layer.empty()) next.rootfs = applyLayer(next.rootfs, s.state.layers.at(rec->layer));
            next.config = img.config;
            next.layers = img.layers;
            next.history = img.history;
            next.legacyImageId = img.id;
            next.lastCreatedMs = img.createdMs;
            next.key = cand.key;
            next.lastRan = false;
            s.trace.savedMs += rec->durationMs;
            ls.lines.push_back(" ---> Using cache");
            ls.lines.push_back(" ---> " + format::shortId(img.id));
            uint64_t size = rec->layer.empty() ? 0 : s.state.layers.at(rec->layer).size;
            finishStep(s, step, true, {}, 0, rec->layer, size, cand.key);
            st = std::move(next);
            continue;
        }
        Layer copied;
        if (plan) copied.changes = plan->layerTree;
        Reason why = s.opt.noCache ? noCacheReason() : missReason(s, cand, st.lastRan, plan ? &copied : nullptr);
        // Run the step: a container for RUN and metadata steps, a plain copy for COPY/ADD.
        Layer layer;
        int64_t ms = 0;
        bool container = !plan.has_value();
        std::string cid = container ? containerId(s) : "";
        if (container) ls.lines.push_back(" ---> Running in " + cid);
        if (runIn) {
            std::vector<std::string> envLines;
            for (const auto& kv : st.env) envLines.push_back(kv.key + "=" + kv.value);
            std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
            run::RunResult res = run::simulateRun({argv, st.rootfs, wd, envLines, st.config.user, nowMs(s)});
            for (const auto& l : res.output) ls.lines.push_back(l.text);
            ms = res.durationMs;
            s.elapsedMs += ms;
            if (res.exitCode != 0) {
                s.trace.steps[step].durationMs = ms;
                s.trace.steps[step].reason = why.en;
                s.trace.steps[step].reasonKo = why.ko;
                noteCandidate(s, step, cand);
                failStep(s, step, "The command '" + join(argv, " ") + "' returned a non-zero code: " + std::to_string(res.exitCode), cmd);
                return false;
            }
            layer.changes = res.changes;
            layer.deleted = res.deleted;
            next.rootfs = res.rootfs;
        } else if (plan) {
            layer.changes = plan->layerTree;
            ms = 40 + static_cast<int64_t>(plan->layerTree.totalBytes() / 150000);
            s.elapsedMs += ms;
            next.rootfs = applyLayer(st.rootfs, layer);
        } else if (cand.op == "WORKDIR") {
            run::RunResult res = run::simulateRun({{"mkdir", "-p", next.config.workingDir}, st.rootfs, "/", {}, st.config.user, nowMs(s)});
            layer.changes = res.changes;
            next.rootfs = res.rootfs;
            ms = 60;
            s.elapsedMs += ms;
        } else {
            ms = 50;
            s.elapsedMs += ms;
        }
        if (container) ls.lines.push_back("Removing intermediate container " + cid);
        bool hasLayer = runIn || plan || layer.changes.entryCount() > 0;
        Digest diff = hasLayer ? storeLayer(s, layer) : "";
        uint64_t size = hasLayer ? s.state.layers.at(diff).size : 0;
        int64_t created = nowMs(s);
        if (hasLayer) next.layers.push_back(diff);
        next.history.push_back({created, historyText, "", !hasLayer, size});
        next.lastCreatedMs = created;
        Image img = assembleImage(s, next);
        img.parent = st.legacyImageId;
        img.createdMs = created;
        Digest id = addImage(s.state, img);
        next.legacyImageId = id;
        next.key = cand.key;
        next.lastRan = true;
        ls.lines.push_back(" ---> " + format::shortId(id));
        cand.layer = diff;
        cand.imageId = id;
        cand.description = ls.header;
        cand.durationMs = ms;
        cand.createdMs = cand.lastUsedMs = created;
        remember(s, cand);
        finishStep(s, step, false, why, ms, diff, size, cand.key);
        st = std::move(next);
    }
    st.built = true;
    return true;
}

}  // namespace layerlab::engine::bk
