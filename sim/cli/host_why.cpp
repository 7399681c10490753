// `why [STEP]`: LayerLab's own command (Docker has none) that answers "why did
// this step rebuild?" from the records of the last `docker build` in State.
// The reasons are the builder's own (the first difference it found), so the
// shell, the window and `play --format json` all tell the same story.
#include <string>
#include <vector>

#include "sim/cli/host_commands.hpp"

namespace layerlab::cli {

namespace {

std::string stepLine(const engine::BuildStepRecord& s, bool ko) {
    std::string line = "  [" + std::to_string(s.step) + "] " + s.instruction;
    if (s.sourceLine > 0) line += ko ? "  (" + std::to_string(s.sourceLine) + "번째 줄)" : "  (line " + std::to_string(s.sourceLine) + ")";
    line += "\n      ";
    if (s.cached) return line + (ko ? "CACHED: 캐시에 있던 결과를 그대로 썼습니다\n" : "CACHED: the cached result was reused\n");
    const std::string& reason = ko && !s.reasonKo.empty() ? s.reasonKo : s.reason;
    return line + (ko ? "REBUILT: " : "REBUILT: ") + reason + "\n";
}

}  // namespace

Outcome runWhy(const engine::State& state, const std::vector<std::string>& args) {
    const bool ko = state.lang == "ko";
    Outcome o;
    const engine::LastBuild& last = state.lastBuild;
    if (!last.ran) {
        o.err = ko ? "why: 아직 빌드한 적이 없습니다. 먼저 docker build를 실행하세요.\n"
                   : "why: there is no build yet; run docker build first.\n";
        o.exitCode = 1;
        return o;
    }
    int only = 0;
    if (!args.empty()) {
        try {
            only = std::stoi(args[0]);
        } catch (...) {
            only = -1;
        }
        if (only <= 0 || args.size() > 1) {
            o.err = ko ? "why: 사용법: why [단계 번호]\n" : "why: usage: why [STEP NUMBER]\n";
            o.exitCode = 2;
            return o;
        }
    }
    int cached = 0, rebuilt = 0;
    for (const auto& s : last.steps) (s.cached ? cached : rebuilt)++;
    std::string name = last.tags.empty() ? std::string("<none>") : last.tags.front();
    std::string builder = last.legacy ? (ko ? "레거시 빌더" : "legacy builder") : "BuildKit";
    if (only == 0)
        o.out += ko ? "마지막 빌드: " + name + " (" + builder + "), 캐시 재사용 " + std::to_string(cached) +
                          "단계, 다시 실행 " + std::to_string(rebuilt) + "단계" + (last.ok ? "" : " (실패)") + "\n"
                    : "Last build: " + name + " (" + builder + "), " + std::to_string(cached) + " cached, " +
                          std::to_string(rebuilt) + " rebuilt" + (last.ok ? "" : " (failed)") + "\n";
    bool found = false;
    for (const auto& s : last.steps) {
        if (only != 0 && s.step != only) continue;
        found = true;
        o.out += stepLine(s, ko);
    }
    if (!found) {
        o.out.clear();
        o.err = ko ? "why: 마지막 빌드에 " + std::to_string(only) + "단계가 없습니다.\n"
                   : "why: the last build has no step " + std::to_string(only) + ".\n";
        o.exitCode = 1;
    }
    return o;
}

}  // namespace layerlab::cli
