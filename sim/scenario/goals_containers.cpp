// Goals about containers: counts per image, names, status, ports + curl,
// --rm, logs.
#include "sim/scenario/goals_detail.hpp"

namespace layerlab::scenario::detail {

namespace {

using engine::Container;

GoalResult publishesGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    const int hp = goal.hostPort.value_or(0), cp = goal.containerPort.value_or(0);
    const std::string url = "http://localhost:" + num(hp) + "/";
    LocalizedText desc = txt("A running container publishes host port " + num(hp) + " to container port " + num(cp),
                             "실행 중인 컨테이너가 호스트 포트 " + num(hp) + " 을(를) 컨테이너 포트 " + num(cp) + " 에 게시(publish)한다");
    if (!goal.curlText.empty()) {
        desc.en += " and curl " + url + " answers " + q(goal.curlText);
        desc.ko += ". curl " + url + " 의 응답에 " + q(goal.curlText) + " 이(가) 들어 있다";
    }
    const Container* found = nullptr;
    for (const auto& c : state.containers) {
        if (c.status != Container::Status::Running) continue;
        for (const auto& p : c.activePorts)
            if (p.hostPort == hp && p.containerPort == cp) found = &c;
    }
    if (!found) {
        for (const auto& c : state.containers)
            for (const auto& p : c.ports)
                if (p.hostPort == hp && c.status != Container::Status::Running)
                    return result(false, desc,
                                  txt("Container " + c.name + " publishes port " + num(hp) + " but it is " +
                                          statusWord(c.status) + ", not running.",
                                      c.name + " 컨테이너가 포트 " + num(hp) + " 을(를) 게시하지만 실행 중이 아니라 " +
                                          statusKo(statusWord(c.status)) + " 상태입니다."));
        return result(false, desc,
                      txt("No running container publishes host port " + num(hp) + " to port " + num(cp) +
                              " (docker run -p " + num(hp) + ":" + num(cp) + " ...).",
                          "호스트 포트 " + num(hp) + " 을(를) 포트 " + num(cp) + " 에 게시한 실행 중인 컨테이너가 없습니다 (docker run -p " +
                              num(hp) + ":" + num(cp) + " ...)."));
    }
    if (goal.curlText.empty()) return result(true, desc, {});
    if (!probe)
        return result(false, desc, txt("curl cannot be asked here.", "여기서는 curl 을 실행할 수 없습니다."));
    engine::State copy = state;
    Outcome o = probe(copy, "curl " + url);
    bool ok = o.exitCode == 0 && o.out.find(goal.curlText) != std::string::npos;
    std::string got = o.exitCode == 0 ? o.out : o.err;
    while (!got.empty() && got.back() == '\n') got.pop_back();
    return result(ok, desc,
                  txt("curl " + url + " answers " + q(got) + ", not " + q(goal.curlText) + ".",
                      "curl " + url + " 의 응답이 " + q(goal.curlText) + " 이(가) 아니라 " + q(got) + " 입니다."));
}

}  // namespace

GoalResult containerGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    switch (goal.kind) {
        case GoalKind::ContainersFromImage: {
            const std::string tag = tagKey(goal.image);
            const int min = goal.min.value_or(1);
            std::string stEn = goal.status.empty() ? "" : goal.status + " ";
            std::string stKo = goal.status.empty() ? "" : statusKo(goal.status) + " 상태의 ";
            LocalizedText desc = txt("At least " + num(min) + " " + stEn + "container" + (min == 1 ? "" : "s") +
                                         " from the image " + tag,
                                     tag + " 이미지로 만든 " + stKo + "컨테이너가 " + num(min) + "개 이상 있다");
            const engine::Image* img = imageByRef(state, goal.image);
            if (!img)
                return result(false, desc, txt("There is no image " + tag + " yet.", "아직 " + tag + " 이미지가 없습니다."));
            long long n = 0;
            for (const auto& c : state.containers)
                if (c.imageId == img->id && (goal.status.empty() || statusWord(c.status) == goal.status)) ++n;
            return result(n >= min, desc,
                          txt(num(n) + " " + stEn + "container" + (n == 1 ? "" : "s") + " from " + tag + " so far; " +
                                  num(min) + " needed.",
                              "지금까지 " + tag + " 로 만든 " + stKo + "컨테이너는 " + num(n) + "개입니다. " + num(min) +
                                  "개가 필요합니다."));
        }
        case GoalKind::ContainerPublishes: return publishesGoal(goal, state, probe);
        case GoalKind::ContainerState: {
            LocalizedText desc = txt("A container named " + goal.name + " is " + goal.status,
                                     goal.name + " 라는 이름의 컨테이너가 " + statusKo(goal.status) + " 상태다");
            if (!goal.image.empty()) {
                desc.en += " (from " + tagKey(goal.image) + ")";
                desc.ko += " (" + tagKey(goal.image) + " 이미지)";
            }
            const Container* c = containerByName(state, goal.name);
            if (!c)
                return result(false, desc, txt("There is no container named " + goal.name + ".",
                                               goal.name + " 라는 이름의 컨테이너가 없습니다."));
            if (!goal.image.empty()) {
                const engine::Image* img = imageByRef(state, goal.image);
                if (!img || img->id != c->imageId)
                    return result(false, desc, txt(goal.name + " was not created from " + tagKey(goal.image) + ".",
                                                   goal.name + " 은(는) " + tagKey(goal.image) + " 이미지로 만든 컨테이너가 아닙니다."));
            }
            std::string have = statusWord(c->status);
            return result(have == goal.status, desc,
                          txt(goal.name + " is " + have + ", not " + goal.status + ".",
                              goal.name + " 은(는) " + statusKo(goal.status) + " 가 아니라 " + statusKo(have) + " 상태입니다."));
        }
        case GoalKind::ContainerAbsent: {
            const Container* c = containerByName(state, goal.name);
            return result(c == nullptr,
                          txt("No container named " + goal.name + " exists", goal.name + " 라는 이름의 컨테이너가 없다"),
                          txt("A container named " + goal.name + " still exists (" + (c ? statusWord(c->status) : "") + ").",
                              goal.name + " 컨테이너가 아직 있습니다 (" + (c ? statusKo(statusWord(c->status)) : "") + ")."));
        }
        case GoalKind::ContainerCount: {
            std::string stEn = goal.status.empty() ? "" : goal.status + " ";
            std::string stKo = goal.status.empty() ? "" : statusKo(goal.status) + " 상태의 ";
            long long n = 0;
            for (const auto& c : state.containers)
                if (goal.status.empty() || statusWord(c.status) == goal.status) ++n;
            std::string rangeEn, rangeKo;
            if (goal.min && goal.max) {
                rangeEn = "between " + num(*goal.min) + " and " + num(*goal.max);
                rangeKo = num(*goal.min) + "개 이상 " + num(*goal.max) + "개 이하";
            } else if (goal.min) {
                rangeEn = "at least " + num(*goal.min);
                rangeKo = num(*goal.min) + "개 이상";
            } else if (goal.max && *goal.max == 0) {
                rangeEn = "no";
                rangeKo = "0개";
            } else {
                rangeEn = "at most " + num(goal.max.value_or(0));
                rangeKo = num(goal.max.value_or(0)) + "개 이하";
            }
            bool ok = (!goal.min || n >= *goal.min) && (!goal.max || n <= *goal.max);
            return result(ok, txt("There are " + rangeEn + " " + stEn + "containers", stKo + "컨테이너가 " + rangeKo + " 있다"),
                          txt((n == 1 ? "There is 1 " + stEn + "container now." : "There are " + num(n) + " " + stEn + "containers now."),
                              "지금 " + stKo + "컨테이너는 " + num(n) + "개입니다."));
        }
        case GoalKind::ContainerAutoRemove: {
            LocalizedText desc = txt("A running container named " + goal.name + " was started with --rm",
                                     goal.name + " 컨테이너가 --rm 옵션으로 실행 중이다");
            const Container* c = containerByName(state, goal.name);
            if (!c)
                return result(false, desc, txt("There is no container named " + goal.name + ".",
                                               goal.name + " 라는 이름의 컨테이너가 없습니다."));
            if (!c->autoRemove)
                return result(false, desc, txt(goal.name + " was started without --rm.", goal.name + " 은(는) --rm 없이 실행되었습니다."));
            return result(c->status == engine::Container::Status::Running, desc,
                          txt(goal.name + " is " + statusWord(c->status) + ", not running.",
                              goal.name + " 은(는) 실행 중이 아니라 " + statusKo(statusWord(c->status)) + " 상태입니다."));
        }
        case GoalKind::ContainerLogsContain: {
            LocalizedText desc = txt("The logs of " + goal.name + " contain " + q(goal.text),
                                     goal.name + " 의 로그에 " + q(goal.text) + " 이(가) 있다");
            const Container* c = containerByName(state, goal.name);
            if (!c)
                return result(false, desc, txt("There is no container named " + goal.name + ".",
                                               goal.name + " 라는 이름의 컨테이너가 없습니다."));
            for (const auto& l : c->logs)
                if (l.text.find(goal.text) != std::string::npos) return result(true, desc, {});
            return result(false, desc, txt("The logs of " + goal.name + " do not contain " + q(goal.text) + ".",
                                           goal.name + " 의 로그에 " + q(goal.text) + " 이(가) 없습니다."));
        }
        default: return {};
    }
}

}  // namespace layerlab::scenario::detail
