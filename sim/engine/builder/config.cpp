// Config-only instructions (ENV, ARG, LABEL, EXPOSE, CMD, ENTRYPOINT, USER,
// VOLUME, SHELL, STOPSIGNAL, HEALTHCHECK, MAINTAINER, ONBUILD): how each
// changes a stage's image config and environment, and the history text each
// builder writes for it. Also the step bookkeeping both builders share.
#include <algorithm>

#include "sim/engine/builder/internal.hpp"
#include "sim/numbers.hpp"

namespace layerlab::engine::bk {
namespace {

void setEnv(std::vector<dockerfile::KeyValue>& env, const std::string& k, const std::string& v) {
    for (auto& kv : env)
        if (kv.key == k) {
            kv.value = v;
            return;
        }
    env.push_back({k, v});
}

void setConfigEnv(std::vector<std::string>& env, const std::string& k, const std::string& v) {
    for (auto& kv : env)
        if (kv.compare(0, k.size() + 1, k + "=") == 0) {
            kv = k + "=" + v;
            return;
        }
    env.push_back(k + "=" + v);
}

// "80" -> {"80/tcp"}, "8000-8001/udp" -> {"8000/udp", "8001/udp"}.
std::vector<std::string> portSpecs(const std::string& raw) {
    std::string port = raw, proto = "tcp";
    auto slash = raw.find('/');
    if (slash != std::string::npos) {
        port = raw.substr(0, slash);
        proto = raw.substr(slash + 1);
    }
    std::transform(proto.begin(), proto.end(), proto.begin(), [](unsigned char c) { return std::tolower(c); });
    auto dash = port.find('-');
    if (dash == std::string::npos) return {port + "/" + proto};
    // Read leniently (no error here, as for a single port); at most 1000 ports.
    int a = leadingInt(port.substr(0, dash)), b = leadingInt(port.substr(dash + 1));
    std::vector<std::string> out;
    for (long long p = a; p <= b && out.size() < 1000; ++p) out.push_back(std::to_string(p) + "/" + proto);
    return out;
}

std::vector<std::string> shellOf(const StageRun& st) {
    return st.config.shell.empty() ? std::vector<std::string>{"/bin/sh", "-c"} : st.config.shell;
}

}   // namespace

int addStep(Session& s, const StageRun& st, int number, const std::string& instruction,
            const dockerfile::Command& cmd) {
    BuildStepRecord r;
    r.stage = st.index;
    r.step = number;
    r.instruction = instruction;
    r.sourceLine = cmd.range.startLine;
    s.trace.steps.push_back(r);
    s.trace.stepKeys.emplace_back();
    s.notes.stepStartMs.push_back(s.elapsedMs);
    s.notes.stepEndMs.push_back(s.elapsedMs);
    return static_cast<int>(s.trace.steps.size()) - 1;
}

void finishStep(Session& s, int step, bool cached, const Reason& why, int64_t durationMs, const Digest& layer,
                uint64_t layerSize, const std::string& key) {
    BuildStepRecord& r = s.trace.steps[step];
    r.cached = cached;
    r.reason = cached ? "" : why.en;
    r.reasonKo = cached ? "" : why.ko;
    r.durationMs = cached ? 0 : durationMs;
    r.layerDiffId = layer;
    r.layerSize = layerSize;
    s.trace.stepKeys[step] = key;
    s.notes.stepEndMs[step] = s.elapsedMs;
    if (cached) s.events.push_back(StepCached{r.stage, r.step, r.instruction, key, r.sourceLine});
    else
        s.events.push_back(
            StepBuilt{r.stage, r.step, r.instruction, r.reason, r.reasonKo, key, r.durationMs, r.sourceLine});
}

void failStep(Session& s, int step, const std::string& error, const dockerfile::Command& cmd) {
    s.trace.failed = true;
    s.trace.error = error;
    s.trace.errorLine = cmd.range.startLine;
    s.trace.errorEndLine = std::max(cmd.range.endLine, cmd.range.startLine);
    if (step >= 0) {
        s.notes.stepEndMs[step] = s.elapsedMs;
        const BuildStepRecord& r = s.trace.steps[step];
        s.events.push_back(StepFailed{r.stage, r.step, r.instruction, error, r.sourceLine});
    }
}

namespace {

// ARG: each name's value from --build-arg, its default or the global ARG;
// an ENV of the same name wins. Returns the history text.
std::string applyArg(Session& s, StageRun& st, const dockerfile::ArgInstruction* c, bool legacy, char esc) {
    std::string history;
    history = "ARG";
    for (const auto& a : c->args) {
        std::optional<std::string> value;
        auto given = s.opt.buildArgs.find(a.name);
        if (given != s.opt.buildArgs.end()) {
            value = given->second;
            s.usedBuildArgs.insert(a.name);
        } else if (a.defaultValue) {
            value = expandWord(st, *a.defaultValue, esc);
        } else if (auto g = s.metaArgs.find(a.name); g != s.metaArgs.end()) {
            value = g->second;
        }
        st.declaredArgs.insert(a.name);
        // The legacy builder's commit message keeps the Dockerfile's default;
        // BuildKit's history shows the value in effect.
        std::string shown = legacy ? (a.defaultValue ? "=" + *a.defaultValue : "") : (value ? "=" + *value : "");
        history += " " + a.name + shown;
        if (!value) continue;
        bool shadowedByEnv = false;
        for (const auto& kv : st.config.env)
            if (kv.compare(0, a.name.size() + 1, a.name + "=") == 0) shadowedByEnv = true;
        if (shadowedByEnv) continue;   // an ENV of the same name wins over the ARG
        setEnv(st.env, a.name, *value);
        st.argKeys.insert(a.name);
        st.argOrder.erase(std::remove(st.argOrder.begin(), st.argOrder.end(), a.name), st.argOrder.end());
        st.argOrder.push_back(a.name);
    }
    return history;
}

// EXPOSE: the ports in the config, sorted; the history as each builder writes it.
std::string applyExpose(StageRun& st, const dockerfile::ExposeInstruction* c, bool legacy, char esc) {
    std::string history;
    std::vector<std::string> raw, added;
    for (const auto& p : c->ports) {
        for (const auto& w : expandWords(st, p, esc)) {
            raw.push_back(w);
            for (const auto& spec : portSpecs(w)) added.push_back(spec);
        }
    }
    for (const auto& p : added) st.config.exposedPorts.push_back(p);
    std::sort(st.config.exposedPorts.begin(), st.config.exposedPorts.end());
    st.config.exposedPorts.erase(std::unique(st.config.exposedPorts.begin(), st.config.exposedPorts.end()),
                                 st.config.exposedPorts.end());
    if (legacy) {
        history = "EXPOSE";
        for (const auto& r : raw) history += " " + r;
    } else {
        std::vector<std::string> sorted = added;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        history = "EXPOSE map[";
        for (size_t i = 0; i < sorted.size(); ++i) history += (i ? " " : "") + sorted[i] + ":{}";
        history += "]";
    }
    return history;
}

// CMD and ENTRYPOINT: the exec form as written, the shell form through the stage's SHELL.
std::vector<std::string> execArgs(const StageRun& st, const std::vector<std::string>& written, bool shellForm) {
    if (!shellForm) return written;
    std::vector<std::string> args = shellOf(st);
    args.push_back(written.empty() ? "" : written[0]);
    return args;
}

}   // namespace

void applyConfigInstruction(Session& s, StageRun& st, const dockerfile::Command& cmd, bool legacy,
                            std::string& history) {
    const char esc = s.df.escapeToken;
    const auto& in = cmd.instruction;
    if (const auto* c = std::get_if<dockerfile::EnvInstruction>(&in)) {
        // Every word is expanded with the environment as it was before this line.
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const auto& kv : c->pairs) pairs.push_back({expandWord(st, kv.key, esc), expandWord(st, kv.value, esc)});
        history = "ENV";
        for (const auto& [k, v] : pairs) {
            setEnv(st.env, k, v);
            st.argKeys.erase(k);
            setConfigEnv(st.config.env, k, v);
            history += " " + k + "=" + v;
        }
    } else if (const auto* c = std::get_if<dockerfile::ArgInstruction>(&in)) {
        history = applyArg(s, st, c, legacy, esc);
    } else if (const auto* c = std::get_if<dockerfile::LabelInstruction>(&in)) {
        history = "LABEL";
        for (const auto& kv : c->pairs) {
            std::string k = expandWord(st, kv.key, esc), v = expandWord(st, kv.value, esc);
            st.config.labels[k] = v;
            history += " " + k + "=" + v;
        }
    } else if (const auto* c = std::get_if<dockerfile::ExposeInstruction>(&in)) {
        history = applyExpose(st, c, legacy, esc);
    } else if (const auto* c = std::get_if<dockerfile::CmdInstruction>(&in)) {
        const std::vector<std::string> args = execArgs(st, c->args, c->shellForm);
        st.config.cmd = args;
        st.cmdSet = true;
        history = "CMD " + goQuoteList(args);
    } else if (const auto* c = std::get_if<dockerfile::EntrypointInstruction>(&in)) {
        const std::vector<std::string> args = execArgs(st, c->args, c->shellForm);
        st.config.entrypoint = args;
        if (!st.cmdSet) st.config.cmd.reset();   // an inherited CMD does not survive a new ENTRYPOINT
        history = "ENTRYPOINT " + goQuoteList(args);
    } else if (const auto* c = std::get_if<dockerfile::UserInstruction>(&in)) {
        st.config.user = expandWord(st, c->user, esc);
        history = "USER " + st.config.user;
    } else if (const auto* c = std::get_if<dockerfile::VolumeInstruction>(&in)) {
        std::vector<std::string> vols;
        for (const auto& p : c->paths)
            for (const auto& w : expandWords(st, p, esc)) vols.push_back(w);
        for (const auto& v : vols)
            if (std::find(st.config.volumes.begin(), st.config.volumes.end(), v) == st.config.volumes.end())
                st.config.volumes.push_back(v);
        history = "VOLUME [";
        for (size_t i = 0; i < vols.size(); ++i) history += (i ? " " : "") + vols[i];
        history += "]";
    } else if (const auto* c = std::get_if<dockerfile::ShellInstruction>(&in)) {
        st.config.shell = c->shell;
        history = "SHELL [";
        for (size_t i = 0; i < c->shell.size(); ++i) history += (i ? " " : "") + c->shell[i];
        history += "]";
    } else if (const auto* c = std::get_if<dockerfile::StopsignalInstruction>(&in)) {
        st.config.stopSignal = expandWord(st, c->signal, esc);
        history = "STOPSIGNAL " + st.config.stopSignal;
    } else if (const auto* c = std::get_if<dockerfile::HealthcheckInstruction>(&in)) {
        history = "HEALTHCHECK " + (c->type == "NONE" ? std::string("NONE") : goQuoteList(c->test));
    } else if (const auto* c = std::get_if<dockerfile::MaintainerInstruction>(&in)) {
        st.author = c->name;
        history = "MAINTAINER " + c->name;
    } else if (const auto* c = std::get_if<dockerfile::OnbuildInstruction>(&in)) {
        st.config.onBuild.push_back(c->expression);
        history = "ONBUILD " + c->expression;
    }
}

}   // namespace layerlab::engine::bk
