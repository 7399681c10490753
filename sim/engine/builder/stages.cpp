// Stages: which ones a build needs (BuildKit: only what the target depends on
// through FROM <stage> and COPY --from; legacy: every stage up to the target),
// their labels and step counts as BuildKit's prefixCommand prints them
// ("[build 2/4]"), and $VAR expansion against a stage's environment.
#include <algorithm>
#include <cctype>

#include "sim/dockerfile/shell_lex.hpp"
#include "sim/dockerfile/unicode.hpp"
#include "sim/engine/builder/internal.hpp"

namespace layerlab::engine::bk {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}   // namespace

int findStage(const dockerfile::Dockerfile& df, const std::string& nameOrIndex, int before) {
    if (allDigits(nameOrIndex)) {
        int i = nameOrIndex.size() > 6 ? -1 : std::stoi(nameOrIndex);
        return i >= 0 && i < before ? i : -1;
    }
    std::string want = lower(nameOrIndex);
    for (int i = 0; i < before && i < static_cast<int>(df.stages.size()); ++i)
        if (!df.stages[i].name.empty() && df.stages[i].name == want) return i;
    return -1;
}

std::string targetError(Session& s, int& target) {
    const auto& stages = s.df.stages;
    target = static_cast<int>(stages.size()) - 1;
    if (s.opt.target.empty()) return "";
    std::string want = lower(s.opt.target);
    for (const auto& st : stages)
        if (st.name == want) {
            target = st.index;
            return "";
        }
    if (s.opt.legacy) return "failed to reach build target " + s.opt.target + " in Dockerfile";
    return "failed to solve: target stage \"" + s.opt.target + "\" could not be found";
}

std::vector<int> stagesToBuild(const Session& s, int target) {
    std::vector<int> out;
    if (s.opt.legacy) {
        for (int i = 0; i <= target; ++i) out.push_back(i);
        return out;
    }
    std::set<int> need;
    std::vector<int> todo = {target};
    while (!todo.empty()) {
        int i = todo.back();
        todo.pop_back();
        if (!need.insert(i).second) continue;
        const auto& stage = s.df.stages[i];
        int base = findStage(s.df, lower(stage.baseImage), i);
        if (base >= 0) todo.push_back(base);
        for (const auto& cmd : stage.commands) {
            if (const auto* c = std::get_if<dockerfile::CopyInstruction>(&cmd.instruction)) {
                if (c->from.empty()) continue;
                int src = findStage(s.df, c->from, i);
                if (src >= 0) todo.push_back(src);
            }
        }
    }
    return {need.begin(), need.end()};
}

void initStageLabels(Session& s) {
    const auto& stages = s.df.stages;
    s.stages.clear();
    for (const auto& stage : stages) {
        StageRun st;
        st.index = stage.index;
        if (stages.size() > 1)
            st.label = (stage.name.empty() ? "stage-" + std::to_string(stage.index) : stage.name) + " ";
        std::string base = lower(stage.baseImage);
        st.externalBase = base != "scratch" && findStage(s.df, base, stage.index) < 0;
        int total = st.externalBase ? 1 : 0;
        for (const auto& cmd : stage.commands) {
            const auto& in = cmd.instruction;
            if (std::holds_alternative<dockerfile::RunInstruction>(in) ||
                std::holds_alternative<dockerfile::CopyInstruction>(in) ||
                std::holds_alternative<dockerfile::WorkdirInstruction>(in))
                ++total;
        }
        st.stepTotal = total;
        s.stages.push_back(std::move(st));
    }
}

dockerfile::shell::Env shellEnv(const StageRun& st) {
    dockerfile::shell::Env env;
    env.vars = st.env;
    return env;
}

std::string expandWord(const StageRun& st, const std::string& word, char escape, bool* ok) {
    auto r = dockerfile::shell::processWord(word, shellEnv(st), escape);
    if (ok) *ok = r.ok;
    return r.ok ? r.value : word;
}

std::vector<std::string> expandWords(const StageRun& st, const std::string& word, char escape) {
    auto r = dockerfile::shell::processWords(word, shellEnv(st), escape);
    return r.ok ? r.words : std::vector<std::string>{word};
}

bool isWholeHeredoc(const dockerfile::RunInstruction& r) {
    if (!r.shellForm || r.heredocs.size() != 1 || r.args.empty()) return false;
    std::string trimmed = r.args[0];
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
    return trimmed.rfind("<<", 0) == 0 && trimmed.find(' ') == std::string::npos;
}

namespace {

// summarizeHeredoc: the body's first line, "..." when there are more.
std::string heredocSummary(const std::string& body) {
    std::string doc(dockerfile::unicode::trimSpace(body));
    std::string firstLine = doc.substr(0, doc.find('\n'));
    if (!firstLine.empty() && firstLine.back() == '\r') firstLine.pop_back();
    return firstLine + (doc.find('\n') == std::string::npos ? "" : "...");
}

}   // namespace

std::string vertexName(const StageRun& st, const dockerfile::Command& cmd, char escape) {
    // BuildKit: uppercaseCmd(processCmdEnv(shlex, cmd.String(), env)), where
    // cmd.String() is the trimmed source line. RUN's lexer keeps quotes and
    // leaves unset variables as written (RawQuotes, SkipUnsetEnv), so
    // `RUN echo "v1" > /f` is named with its quotes; COPY/ADD and WORKDIR use
    // the Dockerfile's own lexer, which removes them. A RUN whose script is a
    // heredoc gets the body's first line appended: `RUN <<EOF (npm ci...)`.
    std::string text = cmd.original;
    const auto* run = std::get_if<dockerfile::RunInstruction>(&cmd.instruction);
    if (run && isWholeHeredoc(*run)) text += " (" + heredocSummary(run->heredocs[0].content) + ")";
    dockerfile::shell::LexOptions lexOptions;
    lexOptions.escapeToken = escape;
    lexOptions.rawQuotes = run != nullptr;
    lexOptions.skipUnsetEnv = run != nullptr;
    auto r = dockerfile::shell::lex(text, shellEnv(st), lexOptions);
    std::string out = r.ok ? r.word : text;   // processCmdEnv keeps the line when expansion fails
    auto sp = out.find(' ');
    std::string kw = out.substr(0, sp);
    std::transform(kw.begin(), kw.end(), kw.begin(), [](unsigned char c) { return std::toupper(c); });
    return sp == std::string::npos ? kw : kw + out.substr(sp);
}

}   // namespace layerlab::engine::bk
