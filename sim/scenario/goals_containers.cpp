// Goals about containers: counts per image, names, status and how they were
// started, ports + curl, --rm, logs (their content, and whether the learner
// read them).
#include "sim/scenario/goals_detail.hpp"

namespace layerlab::scenario::detail {

namespace {

using engine::Container;

std::string runModeKo(const std::string& mode) {
    return mode == "detached" ? "분리 모드(-d)" : "연결 모드(attached, -d 없이)";
}

std::string runModeWord(Container::RunMode m) {
    return m == Container::RunMode::Attached ? "attached" : m == Container::RunMode::Detached ? "detached" : "";
}

GoalResult noSuchContainer(const LocalizedText& desc, const std::string& name) {
    return result(false, desc,
                  txt("There is no container named " + name + ".", "이름이 " + name + "인 컨테이너가 없습니다."));
}

GoalResult publishesGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    const int hp = goal.hostPort.value_or(0), cp = goal.containerPort.value_or(0);
    const std::string url = "http://localhost:" + num(hp) + "/";
    const std::string who = goal.name.empty() ? "A running container" : "The running container " + goal.name;
    const std::string whoKo = goal.name.empty() ? "실행 중인 컨테이너가" : "실행 중인 " + goal.name + " 컨테이너가";
    LocalizedText desc = txt(who + " publishes host port " + num(hp) + " to container port " + num(cp),
                             whoKo + " 호스트 포트 " + k(num(hp), P::EulReul) + " 컨테이너 포트 " +
                                 k(num(cp), P::EuroRo) + " 게시(publish)한다");
    if (!goal.curlText.empty()) {
        desc.en += " and curl " + url + " answers " + q(goal.curlText);
        desc.ko += ". curl " + url + "의 응답에 " + k(q(goal.curlText), P::IGa) + " 들어 있다";
    }
    const Container* found = nullptr;
    for (const auto& c : state.containers) {
        if (c.status != Container::Status::Running) continue;
        for (const auto& p : c.activePorts)
            if (p.hostPort == hp && p.containerPort == cp) found = &c;
    }
    if (!goal.name.empty()) {
        const Container* named = containerByName(state, goal.name);
        if (!named) return noSuchContainer(desc, goal.name);
        if (found && found != named)
            return result(false, desc,
                          txt("Port " + num(hp) + " is published by " + found->name + ", not by " + goal.name + ".",
                              "포트 " + k(num(hp), P::EulReul) + " 게시한 컨테이너는 " + k(goal.name, P::IGa) +
                                  " 아니라 " + k(found->name, P::Ida) + "."));
        if (!found) {
            bool publishes = false;
            for (const auto& p : named->ports) publishes = publishes || (p.hostPort == hp && p.containerPort == cp);
            if (!publishes)
                return result(false, desc,
                              txt(goal.name + " does not publish port " + num(hp) + ": it was started without -p " +
                                      num(hp) + ":" + num(cp) +
                                      ". A container's ports are set when it is created: "
                                      "remove it and run it again with -p.",
                                  k(goal.name, P::EunNeun) + " 포트 " + k(num(hp), P::EulReul) +
                                      " 게시하지 않습니다: -p " + num(hp) + ":" + num(cp) +
                                      " 없이 실행되었습니다. 포트는 컨테이너를 만들 때 정해지므로, "
                                      "지우고 -p를 붙여 다시 실행하세요."));
            found = named->status == Container::Status::Running ? named : nullptr;
        }
    }
    if (!found) {
        for (const auto& c : state.containers)
            for (const auto& p : c.ports)
                if (p.hostPort == hp && c.status != Container::Status::Running)
                    return result(
                        false, desc,
                        txt("Container " + c.name + " publishes port " + num(hp) + " but it is " +
                                statusWord(c.status) + ", not running.",
                            c.name + " 컨테이너가 포트 " + k(num(hp), P::EulReul) + " 게시하지만 실행 중이 아니라 " +
                                statusKo(statusWord(c.status)) + " 상태입니다."));
        return result(
            false, desc,
            txt("No running container publishes host port " + num(hp) + " to port " + num(cp) + " (docker run -p " +
                    num(hp) + ":" + num(cp) + " ...).",
                "호스트 포트 " + k(num(hp), P::EulReul) + " 포트 " + k(num(cp), P::EuroRo) +
                    " 게시한 실행 중인 컨테이너가 없습니다 (docker run -p " + num(hp) + ":" + num(cp) + " ...)."));
    }
    if (goal.curlText.empty()) return result(true, desc, {});
    if (!probe) return result(false, desc, txt("curl cannot be asked here.", "여기서는 curl을 실행할 수 없습니다."));
    engine::State copy = state;
    Outcome o = probe(copy, "curl " + url);
    bool ok = o.exitCode == 0 && o.out.find(goal.curlText) != std::string::npos;
    std::string got = o.exitCode == 0 ? o.out : o.err;
    while (!got.empty() && got.back() == '\n') got.pop_back();
    return result(
        ok, desc,
        txt("curl " + url + " answers " + q(got) + ", not " + q(goal.curlText) + ".",
            "curl " + url + "의 응답이 " + k(q(goal.curlText), P::IGa) + " 아니라 " + k(q(got), P::Ida) + "."));
}

GoalResult stateGoal(const Goal& goal, const engine::State& state) {
    LocalizedText desc = txt("A container named " + goal.name + " is " + goal.status,
                             "이름이 " + goal.name + "인 컨테이너가 " + statusKo(goal.status) + " 상태다");
    if (!goal.image.empty()) {
        desc.en += " (from " + tagKey(goal.image) + ")";
        desc.ko += " (" + tagKey(goal.image) + " 이미지)";
    }
    if (!goal.runMode.empty()) {
        desc.en += ", started " + std::string(goal.runMode == "detached" ? "detached (docker run -d)"
                                                                         : "attached (docker run without -d)");
        desc.ko += ". " + k(runModeKo(goal.runMode), P::EuroRo) + " 시작했다";
    }
    const Container* c = containerByName(state, goal.name);
    if (!c) return noSuchContainer(desc, goal.name);
    if (!goal.image.empty()) {
        const engine::Image* img = imageByRef(state, goal.image);
        if (!img || img->id != c->imageId)
            return result(
                false, desc,
                txt(goal.name + " was not created from " + tagKey(goal.image) + ".",
                    k(goal.name, P::EunNeun) + " " + tagKey(goal.image) + " 이미지로 만든 컨테이너가 아닙니다."));
    }
    const std::string mode = runModeWord(c->runMode);
    if (!goal.runMode.empty() && mode != goal.runMode) {
        if (goal.runMode == "detached")
            return result(false, desc,
                          txt(goal.name + " was started attached, without -d. Remove it (docker rm -f " + goal.name +
                                  ") and run it again with -d.",
                              k(goal.name, P::EunNeun) + " -d 없이 연결 모드로 시작되었습니다. 지우고(docker rm -f " +
                                  goal.name + ") -d를 붙여 다시 실행하세요."));
        return result(
            false, desc,
            txt(goal.name + " was " +
                    (mode.empty() ? std::string("never started by docker run") : "started detached (-d)") +
                    ". Remove it (docker rm " + goal.name + ") and run it again without -d, to watch its output.",
                k(goal.name, P::EunNeun) + " " +
                    (mode.empty() ? std::string("docker run으로 시작되지 않았습니다")
                                  : "분리 모드(-d)로 시작되었습니다") +
                    ". 지우고(docker rm " + goal.name + ") -d 없이 다시 실행해서 출력을 지켜보세요."));
    }
    std::string have = statusWord(c->status);
    return result(have == goal.status, desc,
                  txt(goal.name + " is " + have + ", not " + goal.status + ".",
                      k(goal.name, P::EunNeun) + " " + statusKo(goal.status) + " 상태가 아니라 " + statusKo(have) +
                          " 상태입니다."));
}

GoalResult countGoal(const Goal& goal, const engine::State& state) {
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
    return result(
        ok, txt("There are " + rangeEn + " " + stEn + "containers", stKo + "컨테이너가 " + rangeKo + " 있다"),
        txt((n == 1 ? "There is 1 " + stEn + "container now." : "There are " + num(n) + " " + stEn + "containers now."),
            "지금 " + stKo + "컨테이너는 " + num(n) + "개입니다."));
}

}   // namespace

GoalResult containerGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe) {
    switch (goal.kind) {
        case GoalKind::ContainersFromImage: {
            const std::string tag = tagKey(goal.image);
            const int min = goal.min.value_or(1);
            std::string stEn = goal.status.empty() ? "" : goal.status + " ";
            std::string stKo = goal.status.empty() ? "" : statusKo(goal.status) + " 상태의 ";
            LocalizedText desc = txt(
                "At least " + num(min) + " " + stEn + "container" + (min == 1 ? "" : "s") + " from the image " + tag,
                tag + " 이미지로 만든 " + stKo + "컨테이너가 " + num(min) + "개 이상 있다");
            const engine::Image* img = imageByRef(state, goal.image);
            if (!img)
                return result(false, desc,
                              txt("There is no image " + tag + " yet.", "아직 " + tag + " 이미지가 없습니다."));
            long long n = 0;
            for (const auto& c : state.containers)
                if (c.imageId == img->id && (goal.status.empty() || statusWord(c.status) == goal.status)) ++n;
            return result(n >= min, desc,
                          txt(num(n) + " " + stEn + "container" + (n == 1 ? "" : "s") + " from " + tag + " so far; " +
                                  num(min) + " needed.",
                              "지금까지 " + tag + " 이미지로 만든 " + stKo + "컨테이너는 " + num(n) + "개입니다. " +
                                  num(min) + "개가 필요합니다."));
        }
        case GoalKind::ContainerPublishes:
            return publishesGoal(goal, state, probe);
        case GoalKind::ContainerState:
            return stateGoal(goal, state);
        case GoalKind::ContainerAbsent: {
            const Container* c = containerByName(state, goal.name);
            return result(
                c == nullptr,
                txt("No container named " + goal.name + " exists", "이름이 " + goal.name + "인 컨테이너가 없다"),
                txt("A container named " + goal.name + " still exists (" + (c ? statusWord(c->status) : "") + ").",
                    goal.name + " 컨테이너가 아직 있습니다 (" + (c ? statusKo(statusWord(c->status)) : "") + ")."));
        }
        case GoalKind::ContainerCount:
            return countGoal(goal, state);
        case GoalKind::ContainerAutoRemove: {
            LocalizedText desc = txt("A running container named " + goal.name + " was started with --rm",
                                     goal.name + " 컨테이너가 --rm 옵션으로 실행 중이다");
            const Container* c = containerByName(state, goal.name);
            if (!c) return noSuchContainer(desc, goal.name);
            if (!c->autoRemove)
                return result(false, desc,
                              txt(goal.name + " was started without --rm.",
                                  k(goal.name, P::EunNeun) + " --rm 없이 실행되었습니다."));
            return result(c->status == engine::Container::Status::Running, desc,
                          txt(goal.name + " is " + statusWord(c->status) + ", not running.",
                              k(goal.name, P::EunNeun) + " 실행 중이 아니라 " + statusKo(statusWord(c->status)) +
                                  " 상태입니다."));
        }
        case GoalKind::ContainerLogsContain: {
            LocalizedText desc = txt("The logs of " + goal.name + " contain " + q(goal.text),
                                     goal.name + "의 로그에 " + k(q(goal.text), P::IGa) + " 있다");
            const Container* c = containerByName(state, goal.name);
            if (!c) return noSuchContainer(desc, goal.name);
            for (const auto& l : c->logs)
                if (l.text.find(goal.text) != std::string::npos) return result(true, desc, {});
            return result(false, desc,
                          txt("The logs of " + goal.name + " do not contain " + q(goal.text) + ".",
                              goal.name + "의 로그에 " + k(q(goal.text), P::IGa) + " 없습니다."));
        }
        case GoalKind::ContainerLogsRead: {
            LocalizedText desc = txt("You read the logs of " + goal.name + " with docker logs " + goal.name,
                                     "docker logs " + k(goal.name, P::EuroRo) + " " + goal.name + "의 로그를 읽었다");
            const Container* c = containerByName(state, goal.name);
            if (!c) return noSuchContainer(desc, goal.name);
            return result(
                c->logsRead > 0, desc,
                txt("A detached container prints nothing on your terminal: read what it printed with docker logs " +
                        goal.name + ".",
                    "분리 모드 컨테이너는 터미널에 아무것도 출력하지 않습니다. docker logs " + k(goal.name, P::EuroRo) +
                        " 출력을 읽어 보세요."));
        }
        default:
            return {};
    }
}

}   // namespace layerlab::scenario::detail
