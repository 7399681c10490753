#include "sim/scenario/goals.hpp"

#include "sim/scenario/goals_detail.hpp"

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::scenario {

using namespace detail;

std::string tagKey(const std::string& ref) {
    auto slash = ref.rfind('/');
    auto colon = ref.rfind(':');
    bool hasTag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    if (ref.find('@') != std::string::npos) return ref;
    return hasTag ? ref : ref + ":latest";
}

// The engine's word for the status alone: a goal asks what state a container
// is in, not whether its start failed (a never-started Exited is "exited" here).
std::string statusWord(engine::Container::Status status) {
    const std::string word = engine::containers::stateName(status);
    return word.empty() ? "created" : word;
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

// By name only, not engine::findContainer's name-or-ID: a goal names the
// container the lesson asks for, and an ID prefix must not satisfy it.
const engine::Container* containerByName(const engine::State& state, const std::string& name) {
    for (const auto& c : state.containers)
        if (c.name == name) return &c;
    return nullptr;
}

std::string shortId(const std::string& id) {
    std::string hex = id.rfind("sha256:", 0) == 0 ? id.substr(7) : id;
    return hex.substr(0, 12);
}

std::optional<std::string> imageFileContent(const engine::State& state, const engine::Image& image,
                                            const std::string& path) {
    const fs::FileTree root = engine::imageRootfs(state, image);
    const fs::FileEntry* e = root.find(fs::normalizePath(path));
    if (!e || e->isDir() || !e->content) return std::nullopt;
    return *e->content;
}

namespace {

// ~/app/PATH differs from IMAGEPATH inside IMAGE: the learner really edited a
// file since the image was built (touch alone changes nothing).
GoalResult differsGoal(const Goal& goal, const engine::State& state) {
    const std::string path = fs::normalizePath(goal.path), tag = tagKey(goal.image);
    LocalizedText desc =
        txt("~/app/" + path + " differs from " + goal.imagePath + " in the image " + tag,
            "~/app/" + k(path, P::IGa) + " " + tag + " 이미지 안의 " + k(goal.imagePath, P::GwaWa) + " 다르다");
    const fs::FileEntry* e = state.host.find(path);
    if (!e || e->isDir() || !e->content)
        return result(false, desc, txt("There is no file ~/app/" + path + ".", "~/app/" + path + " 파일이 없습니다."));
    const engine::Image* img = imageByRef(state, goal.image);
    if (!img)
        return result(false, desc, txt("No image is tagged " + tag + ".", tag + " 태그가 붙은 이미지가 없습니다."));
    auto inImage = imageFileContent(state, *img, goal.imagePath);
    return result(!inImage || *inImage != *e->content, desc,
                  txt("~/app/" + path +
                          " has the same content as the image's copy: change its text (touch only changes "
                          "the modification time, which the build cache ignores).",
                      "~/app/" + k(path, P::EunNeun) +
                          " 이미지 안의 복사본과 내용이 같습니다. 내용을 바꾸세요(touch는 수정 "
                          "시각만 바꾸는데, 빌드 캐시는 수정 시각을 보지 않습니다)."));
}

}   // namespace

GoalResult fileGoal(const Goal& goal, const engine::State& state) {
    if (goal.kind == GoalKind::FileDiffersFromImage) return differsGoal(goal, state);
    std::string path = fs::normalizePath(goal.path);
    const fs::FileEntry* e = state.host.find(path);
    bool want = goal.kind == GoalKind::FileContains;
    LocalizedText desc = want ? txt("~/app/" + path + " contains " + q(goal.text),
                                    "~/app/" + path + " 파일에 " + k(q(goal.text), P::IGa) + " 들어 있다")
                              : txt("~/app/" + path + " no longer contains " + q(goal.text),
                                    "~/app/" + path + " 파일에 더 이상 " + k(q(goal.text), P::IGa) + " 없다");
    if (!e || e->isDir() || !e->content) {
        if (!want) return result(true, desc, {});
        return result(false, desc, txt("There is no file ~/app/" + path + ".", "~/app/" + path + " 파일이 없습니다."));
    }
    bool has = e->content->find(goal.text) != std::string::npos;
    if (want)
        return result(has, desc,
                      txt("~/app/" + path + " does not contain " + q(goal.text) + " yet.",
                          "~/app/" + path + " 파일에 아직 " + k(q(goal.text), P::IGa) + " 없습니다."));
    return result(!has, desc,
                  txt("~/app/" + path + " still contains " + q(goal.text) + ".",
                      "~/app/" + path + " 파일에 아직 " + k(q(goal.text), P::IGa) + " 남아 있습니다."));
}

}   // namespace detail

GoalResult evaluateGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    GoalResult r;
    switch (goal.kind) {
        case GoalKind::ImageTagged:
        case GoalKind::ImageAbsent:
        case GoalKind::ImageConfig:
        case GoalKind::LayerDelta:
        case GoalKind::DanglingImages:
        case GoalKind::HubPushed:
            r = imageGoal(goal, state);
            break;
        case GoalKind::ContainersFromImage:
        case GoalKind::ContainerPublishes:
        case GoalKind::ContainerState:
        case GoalKind::ContainerAbsent:
        case GoalKind::ContainerCount:
        case GoalKind::ContainerAutoRemove:
        case GoalKind::ContainerLogsContain:
        case GoalKind::ContainerLogsRead:
            r = containerGoal(goal, state, probe);
            break;
        case GoalKind::LastBuildStep:
        case GoalKind::CacheKeepsStep:
            r = buildGoal(goal, state, probe);
            break;
        case GoalKind::FileContains:
        case GoalKind::FileLacks:
        case GoalKind::FileDiffersFromImage:
            r = fileGoal(goal, state);
            break;
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

}   // namespace layerlab::scenario
