// Goals about builds: what the last build reused, and whether a Dockerfile
// keeps a step cached across a source edit (checked by really building it
// twice on a copy of the State).
#include "sim/scenario/goals_detail.hpp"

namespace layerlab::scenario::detail {

namespace {

// Whether the layer a step produced holds the context file `file` (by its
// path's last components: "server.js" matches "app/server.js"), i.e. whether
// the step copies it, however the COPY line is spelled.
bool layerHolds(const engine::State& state, const engine::BuildStepRecord& s, const std::string& file) {
    if (s.layerDiffId.empty()) return false;
    auto l = state.layers.find(s.layerDiffId);
    if (l == state.layers.end()) return false;
    const std::string want = fs::normalizePath(file);
    bool found = false;
    l->second.changes.forEach([&](const std::string& path, const fs::FileEntry& e) {
        if (found || e.isDir()) return;
        found = path == want ||
                (path.size() > want.size() && path.compare(path.size() - want.size(), want.size(), want) == 0 &&
                 path[path.size() - want.size() - 1] == '/');
    });
    return found;
}

const engine::BuildStepRecord* findStep(const engine::State& state, const engine::LastBuild& b, const Goal& goal) {
    for (const auto& s : b.steps) {
        if (goal.step && s.step != *goal.step) continue;
        if (!goal.instruction.empty() && s.instruction.find(goal.instruction) == std::string::npos) continue;
        if (!goal.copies.empty() && !layerHolds(state, s, goal.copies)) continue;
        return &s;
    }
    return nullptr;
}

std::string lastLine(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    auto nl = text.rfind('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
}

GoalResult lastBuildGoal(const Goal& goal, const engine::State& state) {
    const bool wantCached = goal.outcome == "cached";
    std::string which, whichKo;
    if (!goal.copies.empty()) {
        which = "the step that copies " + goal.copies;
        whichKo = k(goal.copies, P::EulReul) + " 복사하는 단계";
    } else if (goal.step && !goal.instruction.empty()) {
        which = "step " + num(*goal.step) + " (`" + goal.instruction + "`)";
        whichKo = num(*goal.step) + "단계(`" + goal.instruction + "`)";
    } else if (goal.step) {
        which = "step " + num(*goal.step);
        whichKo = num(*goal.step) + "단계";
    } else {
        which = "the `" + goal.instruction + "` step";
        whichKo = "`" + goal.instruction + "` 단계";
    }
    LocalizedText desc = wantCached ? txt("In the last build, " + which + " came from the cache",
                                          "마지막 빌드에서 " + k(whichKo, P::IGa) + " 캐시에서 재사용되었다")
                                    : txt("In the last build, " + which + " ran again",
                                          "마지막 빌드에서 " + k(whichKo, P::IGa) + " 다시 실행되었다");
    if (!goal.reasonContains.empty()) {
        desc.en += " because of " + q(goal.reasonContains);
        desc.ko += " (이유: " + q(goal.reasonContains) + ")";
    }
    const auto& b = state.lastBuild;
    if (!b.ran)
        return result(false, desc, txt("No docker build has run yet.", "아직 docker build를 실행하지 않았습니다."));
    if (!b.ok) return result(false, desc, txt("The last docker build failed.", "마지막 docker build가 실패했습니다."));
    const engine::BuildStepRecord* s = findStep(state, b, goal);
    if (!s)
        return result(
            false, desc,
            txt("The last build had no " + which + ".", "마지막 빌드에 " + k(whichKo, P::IGa) + " 없었습니다."));
    if (s->cached != wantCached) {
        if (wantCached)
            return result(
                false, desc,
                txt("In the last build, [" + num(s->step) + "] " + s->instruction + " ran again: " + s->reason + ".",
                    "마지막 빌드에서 [" + num(s->step) + "] " + k(s->instruction, P::IGa) +
                        " 다시 실행되었습니다: " + s->reasonKo + "."));
        return result(false, desc,
                      txt("In the last build, [" + num(s->step) + "] " + s->instruction + " came from the cache.",
                          "마지막 빌드에서 [" + num(s->step) + "] " + k(s->instruction, P::EunNeun) +
                              " 캐시에서 재사용되었습니다."));
    }
    if (!goal.reasonContains.empty() && s->reason.find(goal.reasonContains) == std::string::npos &&
        s->reasonKo.find(goal.reasonContains) == std::string::npos)
        return result(false, desc,
                      txt("[" + num(s->step) + "] " + s->instruction + " ran again, but because " + q(s->reason) + ".",
                          "[" + num(s->step) + "] " + k(s->instruction, P::IGa) + " 다시 실행되었지만 이유는 " +
                              q(s->reasonKo) + "입니다."));
    return result(true, desc, {});
}

GoalResult cacheKeepsGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    const std::string edit = fs::normalizePath(goal.edit);
    LocalizedText desc = txt("After an edit to " + edit + ", the Dockerfile keeps `" + goal.instruction +
                                 "` cached (checked by building it twice)",
                             k(edit, P::EulReul) + " 수정해도 Dockerfile의 `" + goal.instruction +
                                 "` 단계가 캐시에서 재사용된다 (두 번 빌드해서 확인)");
    if (!probe) return result(false, desc, txt("A build cannot be run here.", "여기서는 빌드를 실행할 수 없습니다."));
    engine::State copy = state;
    copy.cwd = "";
    const std::string build = goal.dockerfile.empty() ? "docker build ." : "docker build -f " + goal.dockerfile + " .";
    Outcome first = probe(copy, build);
    if (first.exitCode != 0)
        return result(
            false, desc,
            txt("The Dockerfile does not build yet: " + lastLine(first.err.empty() ? first.out : first.err),
                "Dockerfile이 아직 빌드되지 않습니다: " + lastLine(first.err.empty() ? first.out : first.err)));
    const fs::FileEntry* e = copy.host.find(edit);
    if (!e || e->isDir() || !e->content)
        return result(false, desc, txt("There is no file ~/app/" + edit + ".", "~/app/" + edit + " 파일이 없습니다."));
    copy.host = copy.host.withFile(edit, *e->content + "\n// edited by LayerLab's check\n", e->mode, e->uid, e->gid,
                                   copy.clock.nowMs);
    Outcome second = probe(copy, build);
    if (second.exitCode != 0)
        return result(false, desc,
                      txt("The second build failed: " + lastLine(second.err),
                          "두 번째 빌드가 실패했습니다: " + lastLine(second.err)));
    Goal find;
    find.instruction = goal.instruction;
    const engine::BuildStepRecord* s = findStep(copy, copy.lastBuild, find);
    if (!s)
        return result(false, desc,
                      txt("The Dockerfile has no step with `" + goal.instruction + "`.",
                          "Dockerfile에 `" + goal.instruction + "` 단계가 없습니다."));
    return result(s->cached, desc,
                  txt("With this Dockerfile, an edit to " + edit + " makes [" + num(s->step) + "] " + s->instruction +
                          " run again (" + s->reason + ").",
                      "이 Dockerfile에서는 " + k(edit, P::EulReul) + " 수정하면 [" + num(s->step) + "] " +
                          k(s->instruction, P::IGa) + " 다시 실행됩니다 (" + s->reasonKo + ")."));
}

}   // namespace

GoalResult buildGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    if (goal.kind == GoalKind::LastBuildStep) return lastBuildGoal(goal, state);
    return cacheKeepsGoal(goal, state, probe);
}

}   // namespace layerlab::scenario::detail
