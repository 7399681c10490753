// Goals about images: tags, config, layer counts, dangling images.
#include <set>

#include "sim/scenario/goals_detail.hpp"

namespace layerlab::scenario::detail {

namespace {

std::string listText(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + q(items[i]);
    return out + "]";
}

GoalResult imageConfigGoal(const Goal& goal, const engine::State& state) {
    const std::string tag = tagKey(goal.tag);
    std::string wantEn, wantKo;
    if (goal.workingDir) {
        wantEn += " WORKDIR " + *goal.workingDir;
        wantKo += " WORKDIR " + *goal.workingDir;
    }
    if (goal.cmd) {
        wantEn += " CMD " + listText(*goal.cmd);
        wantKo += " CMD " + listText(*goal.cmd);
    }
    if (goal.exposedPorts) {
        wantEn += " EXPOSE " + listText(*goal.exposedPorts);
        wantKo += " EXPOSE " + listText(*goal.exposedPorts);
    }
    LocalizedText desc = txt(tag + " is configured with" + wantEn, tag + " 이미지의 설정:" + wantKo);
    const engine::Image* img = imageByRef(state, goal.tag);
    if (!img)
        return result(false, desc,
                      txt("No image is tagged " + tag + " yet.", "아직 " + tag + " 태그가 붙은 이미지가 없습니다."));
    const auto& c = img->config;
    if (goal.workingDir && c.workingDir != *goal.workingDir)
        return result(false, desc,
                      txt(tag + "'s working directory is " + q(c.workingDir) + ", not " + q(*goal.workingDir) + ".",
                          tag + "의 작업 디렉터리가 " + k(q(*goal.workingDir), P::IGa) + " 아니라 " + q(c.workingDir) +
                              "입니다."));
    if (goal.cmd && (!c.cmd || *c.cmd != *goal.cmd)) {
        std::string have = c.cmd ? listText(*c.cmd) : "(none)";
        return result(false, desc,
                      txt(tag + "'s CMD is " + have + ", not " + listText(*goal.cmd) + ".",
                          tag + "의 CMD가 " + k(listText(*goal.cmd), P::IGa) + " 아니라 " + have + "입니다."));
    }
    if (goal.exposedPorts) {
        std::set<std::string> want(goal.exposedPorts->begin(), goal.exposedPorts->end());
        std::set<std::string> have(c.exposedPorts.begin(), c.exposedPorts.end());
        if (want != have)
            return result(
                false, desc,
                txt(tag + " exposes " + listText(c.exposedPorts) + ", not " + listText(*goal.exposedPorts) + ".",
                    tag + "의 EXPOSE가 " + k(listText(*goal.exposedPorts), P::IGa) + " 아니라 " +
                        listText(c.exposedPorts) + "입니다."));
    }
    return result(true, desc, {});
}

// image-tagged: the tag exists, and with sameAs names the same image as another tag.
GoalResult imageTaggedGoal(const Goal& goal, const engine::State& state) {
    const std::string tag = tagKey(goal.tag);
    const engine::Image* img = imageByRef(state, goal.tag);
    if (goal.sameAs.empty())
        return result(img != nullptr, txt("An image tagged " + tag + " exists", tag + " 태그가 붙은 이미지가 있다"),
                      txt("No image is tagged " + tag + " yet.", "아직 " + tag + " 태그가 붙은 이미지가 없습니다."));
    const std::string other = tagKey(goal.sameAs);
    LocalizedText desc = txt(tag + " names the same image as " + other,
                             k(tag, P::GwaWa) + " " + k(other, P::IGa) + " 같은 이미지를 가리킨다");
    if (!img)
        return result(false, desc,
                      txt("No image is tagged " + tag + " yet.", "아직 " + tag + " 태그가 붙은 이미지가 없습니다."));
    const engine::Image* want = imageByRef(state, goal.sameAs);
    if (!want)
        return result(false, desc, txt("No image is tagged " + other + ".", other + " 태그가 붙은 이미지가 없습니다."));
    std::string whose;
    for (const auto& [t, id] : state.tags)
        if (id == img->id && t != tag) whose += (whose.empty() ? "" : ", ") + t;
    const std::string also = whose.empty() ? "" : " (also tagged " + whose + ")";
    const std::string alsoKo = whose.empty() ? "" : " (" + k(whose, P::GwaWa) + " 같은 이미지)";
    return result(img->id == want->id, desc,
                  txt(tag + " names image " + shortId(img->id) + also + ", but " + other + " is image " +
                          shortId(want->id) + ". docker tag SOURCE TARGET: the source comes first.",
                      k(tag, P::EunNeun) + " 이미지 " + k(shortId(img->id), P::EulReul) + " 가리킵니다" + alsoKo +
                          ". 하지만 " + k(other, P::EunNeun) + " 이미지 " + shortId(want->id) +
                          "입니다. docker tag SOURCE TARGET: 원본이 먼저 옵니다."));
}

// layer-delta: TAG has DELTA more layers than BASE.
GoalResult layerDeltaGoal(const Goal& goal, const engine::State& state) {
    const std::string tag = tagKey(goal.tag), base = tagKey(goal.base);
    const int delta = goal.delta.value_or(0);
    LocalizedText desc = txt(tag + " has " + num(delta) + " more layer" + (delta == 1 ? "" : "s") + " than " + base,
                             tag + " 이미지의 레이어가 " + base + "보다 " + num(delta) + "개 더 많다");
    const engine::Image* img = imageByRef(state, goal.tag);
    const engine::Image* bimg = imageByRef(state, goal.base);
    if (!bimg)
        return result(false, desc, txt("No image is tagged " + base + ".", base + " 태그가 붙은 이미지가 없습니다."));
    if (!img)
        return result(false, desc,
                      txt("No image is tagged " + tag + " yet.", "아직 " + tag + " 태그가 붙은 이미지가 없습니다."));
    long long have = static_cast<long long>(img->layers.size()),
              baseCount = static_cast<long long>(bimg->layers.size());
    return result(
        have - baseCount == delta, desc,
        txt(tag + " has " + num(have) + " layers and " + base + " has " + num(baseCount) + ".",
            tag + "의 레이어는 " + num(have) + "개, " + base + "의 레이어는 " + num(baseCount) + "개입니다."));
}

// hub-pushed: some Docker ID's NAME:TAG is on the simulated hub (pushed), and
// with sameAs it is the same image as that local tag. Any username counts:
// the learner picks their own at `docker login`.
GoalResult hubPushedGoal(const Goal& goal, const engine::State& state) {
    const std::string tag = goal.tag.empty() ? "latest" : goal.tag;
    const std::string want = "USER/" + goal.name + ":" + tag;
    LocalizedText desc = goal.sameAs.empty()
                             ? txt(want + " is pushed to Docker Hub", want + " 이미지가 Docker Hub에 push되어 있다")
                             : txt(want + " is pushed to Docker Hub, the same image as " + tagKey(goal.sameAs),
                                   want + " 이미지가 Docker Hub에 push되어 있고, " + k(tagKey(goal.sameAs), P::GwaWa) +
                                       " 같은 이미지다");
    const engine::Image* same = goal.sameAs.empty() ? nullptr : imageByRef(state, goal.sameAs);
    if (!goal.sameAs.empty() && !same)
        return result(false, desc,
                      txt("No image is tagged " + tagKey(goal.sameAs) + ".",
                          tagKey(goal.sameAs) + " 태그가 붙은 이미지가 없습니다."));
    std::string other;
    for (const auto& [repo, tags] : state.hub.repositories) {
        const auto slash = repo.find('/');
        if (slash == std::string::npos || repo.substr(slash + 1) != goal.name) continue;
        auto t = tags.find(tag);
        if (t == tags.end()) continue;
        if (!same || t->second.imageId == same->id) return result(true, desc, {});
        other = repo + ":" + tag;
    }
    if (!other.empty())
        return result(false, desc,
                      txt(other + " on the hub is another image than " + tagKey(goal.sameAs) +
                              ": tag the right image and push again.",
                          "허브의 " + k(other, P::EunNeun) + " " + tagKey(goal.sameAs) +
                              "와 다른 이미지입니다: 맞는 이미지에 태그를 붙이고 다시 push하세요."));
    return result(false, desc,
                  txt("Nothing named " + want + " is on the hub yet: log in, tag the image as YOUR-ID/" + goal.name +
                          ":" + tag + ", and push that name.",
                      "아직 허브에 " + want + " 이미지가 없습니다: 로그인하고, 이미지에 내-ID/" + goal.name + ":" +
                          tag + " 태그를 붙인 뒤 그 이름으로 push하세요."));
}

}   // namespace

GoalResult imageGoal(const Goal& goal, const engine::State& state) {
    switch (goal.kind) {
        case GoalKind::HubPushed:
            return hubPushedGoal(goal, state);
        case GoalKind::ImageTagged:
            return imageTaggedGoal(goal, state);
        case GoalKind::ImageAbsent: {
            const std::string tag = tagKey(goal.tag);
            const engine::Image* img = imageByRef(state, goal.tag);
            return result(img == nullptr, txt("No image is tagged " + tag, tag + " 태그가 붙은 이미지가 없다"),
                          txt(tag + " is still there (image " + (img ? shortId(img->id) : "") + ").",
                              tag + " 이미지가 아직 있습니다 (이미지 " + (img ? shortId(img->id) : "") + ")."));
        }
        case GoalKind::ImageConfig:
            return imageConfigGoal(goal, state);
        case GoalKind::LayerDelta:
            return layerDeltaGoal(goal, state);
        case GoalKind::DanglingImages: {
            std::set<std::string> tagged;
            for (const auto& [t, id] : state.tags) tagged.insert(id);
            long long dangling = 0;
            for (const auto& [id, img] : state.images)
                if (!tagged.count(id)) ++dangling;
            const int max = goal.max.value_or(0);
            LocalizedText desc =
                max == 0 ? txt("No untagged <none> images are left", "태그 없는 <none> 이미지가 남아 있지 않다")
                         : txt("At most " + num(max) + " untagged <none> images",
                               "태그 없는 <none> 이미지가 " + num(max) + "개 이하다");
            return result(
                dangling <= max, desc,
                txt(num(dangling) + " untagged <none> image" + (dangling == 1 ? " is" : "s are") + " still there.",
                    "태그 없는 <none> 이미지가 아직 " + num(dangling) + "개 있습니다."));
        }
        default:
            return {};
    }
}

}   // namespace layerlab::scenario::detail
