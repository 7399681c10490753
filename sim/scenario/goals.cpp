#include "sim/scenario/goals.hpp"

#include "sim/scenario/goals_detail.hpp"

namespace layerlab::scenario {

using namespace detail;

std::string tagKey(const std::string& ref) {
    auto slash = ref.rfind('/');
    auto colon = ref.rfind(':');
    bool hasTag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    if (ref.find('@') != std::string::npos) return ref;
    return hasTag ? ref : ref + ":latest";
}

std::string statusWord(engine::Container::Status status) {
    using S = engine::Container::Status;
    switch (status) {
        case S::Created: return "created";
        case S::Running: return "running";
        case S::Paused: return "paused";
        case S::Restarting: return "restarting";
        case S::Exited: return "exited";
        case S::Dead: return "dead";
    }
    return "created";
}

namespace detail {

std::string statusKo(const std::string& word) {
    if (word == "running") return "실행 중(running)";
    if (word == "exited") return "종료됨(exited)";
    if (word == "created") return "생성됨(created)";
    if (word == "paused") return "일시 정지(paused)";
    if (word == "restarting") return "재시작 중(restarting)";
    return word;
}

const engine::Image* imageByRef(const engine::State& state, const std::string& ref) {
    auto t = state.tags.find(tagKey(ref));
    if (t == state.tags.end()) return nullptr;
    auto i = state.images.find(t->second);
    return i == state.images.end() ? nullptr : &i->second;
}

const engine::Container* containerByName(const engine::State& state, const std::string& name) {
    for (const auto& c : state.containers)
        if (c.name == name) return &c;
    return nullptr;
}

std::string shortId(const std::string& id) {
    std::string hex = id.rfind("sha256:", 0) == 0 ? id.substr(7) : id;
    return hex.substr(0, 12);
}

GoalResult fileGoal(const Goal& goal, const engine::State& state) {
    std::string path = fs::normalizePath(goal.path);
    const fs::FileEntry* e = state.host.find(path);
    bool want = goal.kind == GoalKind::FileContains;
    LocalizedText desc = want ? txt("~/app/" + path + " contains " + q(goal.text),
                                    "~/app/" + path + " 파일에 " + q(goal.text) + " 이(가) 들어 있다")
                              : txt("~/app/" + path + " no longer contains " + q(goal.text),
                                    "~/app/" + path + " 파일에 더 이상 " + q(goal.text) + " 이(가) 없다");
    if (!e || e->isDir() || !e->content) {
        if (!want) return result(true, desc, {});
        return result(false, desc, txt("There is no file ~/app/" + path + ".", "~/app/" + path + " 파일이 없습니다."));
    }
    bool has = e->content->find(goal.text) != std::string::npos;
    if (want)
        return result(has, desc, txt("~/app/" + path + " does not contain " + q(goal.text) + " yet.",
                                     "~/app/" + path + " 파일에 아직 " + q(goal.text) + " 이(가) 없습니다."));
    return result(!has, desc, txt("~/app/" + path + " still contains " + q(goal.text) + ".",
                                  "~/app/" + path + " 파일에 아직 " + q(goal.text) + " 이(가) 남아 있습니다."));
}

}  // namespace detail

GoalResult evaluateGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    GoalResult r;
    switch (goal.kind) {
        case GoalKind::ImageTagged:
        case GoalKind::ImageAbsent:
        case GoalKind::ImageConfig:
        case GoalKind::LayerDelta:
        case GoalKind::DanglingImages: r = imageGoal(goal, state); break;
        case GoalKind::ContainersFromImage:
        case GoalKind::ContainerPublishes:
        case GoalKind::ContainerState:
        case GoalKind::ContainerAbsent:
        case GoalKind::ContainerCount:
        case GoalKind::ContainerAutoRemove:
        case GoalKind::ContainerLogsContain: r = containerGoal(goal, state, probe); break;
        case GoalKind::LastBuildStep:
        case GoalKind::CacheKeepsStep: r = buildGoal(goal, state, probe); break;
        case GoalKind::FileContains:
        case GoalKind::FileLacks: r = fileGoal(goal, state); break;
    }
    if (!goal.describe.empty()) r.description = goal.describe;
    return r;
}

std::vector<GoalResult> evaluateGoals(const std::vector<Goal>& goals, const engine::State& state,
                                      const CommandProbe& probe) {
    std::vector<GoalResult> out;
    out.reserve(goals.size());
    for (const auto& g : goals) out.push_back(evaluateGoal(g, state, probe));
    return out;
}

}  // namespace layerlab::scenario
