#include "sim/scenario/report_json.hpp"

#include "sim/scenario/build_record_json.hpp"

namespace layerlab::scenario {

using nlohmann::json;

namespace {

json textJson(const LocalizedText& t) { return {{"en", t.en}, {"ko", t.ko}}; }

const char* kindName(Step::Kind k) {
    switch (k) {
        case Step::Kind::Command:
            return "command";
        case Step::Kind::Say:
            return "say";
        case Step::Kind::Write:
            return "write";
        case Step::Kind::Predict:
            return "predict";
        case Step::Kind::Check:
            return "check";
    }
    return "command";
}

json buildJson(const engine::LastBuild& b) {
    json steps = json::array();
    for (const auto& s : b.steps)
        steps.push_back({{"stage", s.stage},
                         {"step", s.step},
                         {"instruction", s.instruction},
                         {"outcome", s.cached ? "cached" : "rebuilt"},
                         {"reason", s.reason},
                         {"reasonKo", s.reasonKo},
                         {"durationMs", s.durationMs},
                         {"sourceLine", s.sourceLine}});
    return {{"ok", b.ok},           {"legacy", b.legacy},   {"imageId", b.imageId}, {"tags", b.tags},
            {"totalMs", b.totalMs}, {"savedMs", b.savedMs}, {"steps", steps}};
}

json predictionJson(const PredictionScore& p) {
    return {{"predicted", p.predicted},
            {"actual", p.actual},
            {"missed", p.missed},
            {"extra", p.extra},
            {"correct", p.correct},
            {"summary", textJson(p.summary)},
            {"explanation", textJson(p.explanation)}};
}

}   // namespace

json eventToJson(const Event& event) {
    return std::visit(
        [](const auto& e) -> json {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, StepCached>)
                return {{"type", "StepCached"},         {"stage", e.stage}, {"step", e.step},
                        {"instruction", e.instruction}, {"key", e.key},     {"sourceLine", e.sourceLine}};
            else if constexpr (std::is_same_v<T, StepBuilt>)
                return {{"type", "StepBuilt"},
                        {"stage", e.stage},
                        {"step", e.step},
                        {"instruction", e.instruction},
                        {"reason", e.reason},
                        {"reasonKo", e.reasonKo},
                        {"key", e.key},
                        {"durationMs", e.durationMs},
                        {"sourceLine", e.sourceLine}};
            else if constexpr (std::is_same_v<T, StepFailed>)
                return {{"type", "StepFailed"},         {"stage", e.stage}, {"step", e.step},
                        {"instruction", e.instruction}, {"error", e.error}, {"sourceLine", e.sourceLine}};
            else if constexpr (std::is_same_v<T, LayerCreated>)
                return {{"type", "LayerCreated"}, {"diffId", e.diffId}, {"size", e.size}};
            else if constexpr (std::is_same_v<T, ImageCreated>)
                return {{"type", "ImageCreated"}, {"imageId", e.imageId}, {"tags", e.tags}};
            else if constexpr (std::is_same_v<T, ImageRemoved>)
                return {{"type", "ImageRemoved"}, {"imageId", e.imageId}};
            else if constexpr (std::is_same_v<T, ImageTagged>)
                return {{"type", "ImageTagged"}, {"imageId", e.imageId}, {"tag", e.tag}};
            else if constexpr (std::is_same_v<T, ImageUntagged>)
                return {{"type", "ImageUntagged"}, {"imageId", e.imageId}, {"tag", e.tag}};
            else if constexpr (std::is_same_v<T, LayerPulled>)
                return {{"type", "LayerPulled"}, {"diffId", e.diffId}, {"alreadyExists", e.alreadyExists}};
            else if constexpr (std::is_same_v<T, ContainerCreated>)
                return {{"type", "ContainerCreated"}, {"id", e.id}, {"name", e.name}, {"imageId", e.imageId}};
            else if constexpr (std::is_same_v<T, ContainerStarted>) return {{"type", "ContainerStarted"}, {"id", e.id}};
            else if constexpr (std::is_same_v<T, ContainerStopped>)
                return {{"type", "ContainerStopped"}, {"id", e.id}, {"exitCode", e.exitCode}};
            else if constexpr (std::is_same_v<T, ContainerPaused>)
                return {{"type", "ContainerPaused"}, {"id", e.id}, {"paused", e.paused}};
            else if constexpr (std::is_same_v<T, ContainerRemoved>) return {{"type", "ContainerRemoved"}, {"id", e.id}};
            else if constexpr (std::is_same_v<T, PortPublished>)
                return {{"type", "PortPublished"},
                        {"containerId", e.containerId},
                        {"hostPort", e.hostPort},
                        {"containerPort", e.containerPort},
                        {"proto", e.proto}};
            else if constexpr (std::is_same_v<T, FileChanged>)
                return {{"type", "FileChanged"}, {"path", e.path}, {"change", e.change}};
            else return {{"type", "Unknown"}};
        },
        event);
}

json goalResultToJson(const GoalResult& r) {
    json j = {{"met", r.met}, {"description", textJson(r.description)}};
    if (!r.met) j["missing"] = textJson(r.missing);
    return j;
}

json reportToJson(const Scenario& scenario, const PlayReport& report, const std::string& lang) {
    json steps = json::array();
    for (const auto& r : report.steps) {
        json s = {{"pointer", r.step.pointer}, {"kind", kindName(r.step.kind)}};
        switch (r.step.kind) {
            case Step::Kind::Command: {
                s["command"] = r.step.command;
                s["prompt"] = r.prompt;
                s["exitCode"] = r.outcome.exitCode;
                s["stdout"] = r.outcome.out;
                s["stderr"] = r.outcome.err;
                s["terminal"] = r.terminal;
                json events = json::array();
                for (const auto& e : r.outcome.events) events.push_back(eventToJson(e));
                s["events"] = events;
                json hints = json::array();
                for (const auto& h : r.hints) hints.push_back(textJson(h));
                s["hints"] = hints;
                if (r.built) s["build"] = buildJson(r.build);
                if (r.built && r.afterBuild)
                    if (const engine::BuildRecord* rec = engine::latestBuildAnyTag(*r.afterBuild))
                        s["build"]["record"] = buildFactsToJson(*r.afterBuild, *rec);
                if (r.prediction) s["prediction"] = predictionJson(*r.prediction);
                break;
            }
            case Step::Kind::Say:
                s["say"] = textJson(r.step.say);
                break;
            case Step::Kind::Write:
                s["path"] = r.step.path;
                break;
            case Step::Kind::Predict:
                s["answer"] = r.step.answer;
                break;
            case Step::Kind::Check: {
                json checks = json::array();
                for (const auto& g : r.checks) checks.push_back(goalResultToJson(g));
                s["checks"] = checks;
                break;
            }
        }
        if (!r.failure.empty()) s["failure"] = r.failure;
        steps.push_back(s);
    }
    json goals = json::array();
    for (const auto& g : report.goals) goals.push_back(goalResultToJson(g));
    json j = {{"id", scenario.id}, {"kind", scenario.lesson ? "lesson" : "scenario"},
              {"lang", lang},      {"steps", steps},
              {"goals", goals},    {"goalsMet", report.goalsMet()},
              {"ok", report.ok()}, {"errors", report.errors}};
    if (!scenario.title.empty()) j["title"] = textJson(scenario.title);
    if (report.finalStateMatches) j["finalStateMatches"] = *report.finalStateMatches;
    return j;
}

std::string reportToText(const Scenario& scenario, const PlayReport& report, const std::string& lang) {
    std::string out;
    if (!scenario.title.empty()) out += "# " + scenario.title.in(lang) + " (" + scenario.id + ")\n\n";
    for (const auto& r : report.steps) {
        switch (r.step.kind) {
            case Step::Kind::Command:
                out += r.prompt + r.step.command + "\n" + r.terminal;
                if (!r.terminal.empty() && r.terminal.back() != '\n') out += "\n";
                for (const auto& h : r.hints) out += (lang == "ko" ? "[힌트] " : "[hint] ") + h.in(lang) + "\n";
                if (r.prediction) {
                    out += (lang == "ko" ? "? 예측 결과: " : "? Prediction: ") + r.prediction->summary.in(lang) + "\n";
                    out += r.prediction->explanation.in(lang);
                }
                break;
            case Step::Kind::Say:
                out += "\n> " + r.step.say.in(lang) + "\n\n";
                break;
            case Step::Kind::Write:
                out += (lang == "ko" ? "(파일 쓰기: ~/app/" : "(wrote ~/app/") + r.step.path + ")\n";
                break;
            case Step::Kind::Predict: {
                std::string nums;
                for (size_t i = 0; i < r.step.answer.size(); ++i)
                    nums += (i ? " " : "") + std::to_string(r.step.answer[i]);
                if (nums.empty()) nums = "none";
                out += (lang == "ko" ? "? 다음 빌드에서 다시 실행될 단계 예측: "
                                     : "? Predicted steps to run again in the next build: ") +
                       nums + "\n";
                break;
            }
            case Step::Kind::Check:
                for (const auto& g : r.checks)
                    out += std::string(g.met ? "[x] " : "[ ] ") + g.description.in(lang) +
                           (g.met ? "" : " -- " + g.missing.in(lang)) + "\n";
                break;
        }
        if (!r.failure.empty()) out += "!! " + r.failure + "\n";
    }
    if (!report.goals.empty()) {
        out += lang == "ko" ? "\n목표:\n" : "\nGoals:\n";
        for (const auto& g : report.goals)
            out += std::string(g.met ? "  [x] " : "  [ ] ") + g.description.in(lang) +
                   (g.met ? "" : " -- " + g.missing.in(lang)) + "\n";
    }
    if (report.finalStateMatches)
        out += *report.finalStateMatches ? (lang == "ko" ? "최종 상태가 내보낸 상태와 같습니다.\n"
                                                         : "The final state matches the exported state.\n")
                                         : (lang == "ko" ? "최종 상태가 내보낸 상태와 다릅니다.\n"
                                                         : "The final state differs from the exported state.\n");
    return out;
}

}   // namespace layerlab::scenario
