#include "sim/scenario/player.hpp"

#include <algorithm>

#include "sim/scenario/state_json.hpp"

namespace layerlab::scenario {

namespace {

bool isBuildEvent(const Event& e) {
    return std::holds_alternative<StepCached>(e) || std::holds_alternative<StepBuilt>(e) ||
           std::holds_alternative<StepFailed>(e);
}

std::string numbers(const std::vector<int>& v) {
    if (v.empty()) return "none";
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
    return out;
}

}   // namespace

bool PlayReport::goalsMet() const {
    return std::all_of(goals.begin(), goals.end(), [](const GoalResult& g) { return g.met; });
}

std::string scenarioLang(const Scenario& scenario, const PlayOptions& options) {
    return scenario.lang.empty() ? options.lang : scenario.lang;
}

CommandProbe machineProbe() {
    return [](engine::State& state, std::string_view line) {
        cli::Machine m(state);
        Outcome o = m.execute(line);
        state = m.state();
        return o;
    };
}

engine::State startState(const Scenario& scenario, const PlayOptions& options, std::vector<std::string>& errors) {
    if (scenario.start.state) return *scenario.start.state;
    const uint64_t seed = options.seed.value_or(scenario.seed.value_or(1));
    engine::State s = cli::Machine::defaultState(seed, scenarioLang(scenario, options));
    if (scenario.start.context == StartSpec::Context::Empty) s.host = fs::FileTree();
    for (const auto& path : scenario.start.remove) s.host = s.host.without(path);
    for (const auto& [path, f] : scenario.start.files)
        s.host = s.host.withFile(path, f.content, f.mode, 0, 0, s.clock.nowMs);
    if (scenario.start.setup.empty()) return s;
    cli::Machine m(s);
    for (size_t i = 0; i < scenario.start.setup.size(); ++i) {
        Outcome o = m.execute(scenario.start.setup[i]);
        if (o.exitCode != 0) {
            std::string why = o.err.empty() ? o.out : o.err;
            while (!why.empty() && why.back() == '\n') why.pop_back();
            errors.push_back("/start/setup/" + std::to_string(i) + ": `" + scenario.start.setup[i] +
                             "` failed (exit code " + std::to_string(o.exitCode) + "): " + why);
        }
    }
    return m.state();
}

PlayReport play(const Scenario& scenario, const PlayOptions& options) {
    PlayReport report;
    report.id = scenario.id;
    engine::State start = startState(scenario, options, report.errors);
    cli::Machine machine(start);
    const std::vector<Step>& steps = options.solution ? scenario.solution : scenario.steps;
    const CommandProbe probe = machineProbe();
    const std::string lang = scenarioLang(scenario, options);

    std::optional<std::pair<std::vector<int>, std::string>> pending;   // answer, pointer of the predict step
    // A lesson's solution answers its predictions where the lesson shell would
    // ask them: before a build at which the next prediction is due.
    int builds = 0;
    size_t asked = 0;
    const bool lessonPredictions = options.solution && !scenario.predictions.empty();
    for (const Step& step : steps) {
        StepReport r;
        r.step = step;
        switch (step.kind) {
            case Step::Kind::Command: {
                // Only a build can be preceded by a question (and `when` may build on a copy: costly).
                const bool mayBuild = step.command.find("build") != std::string::npos;
                const Prediction* due =
                    lessonPredictions && mayBuild
                        ? duePrediction(scenario.predictions, asked, builds + 1, machine.state(), probe)
                        : nullptr;
                r.prompt = machine.prompt();
                r.outcome = machine.execute(step.command);
                r.terminal = cli::Machine::terminalText(step.command, r.outcome);
                for (const auto& h : machine.hints()) r.hints.push_back({h.en, h.ko});
                r.built = std::any_of(r.outcome.events.begin(), r.outcome.events.end(), isBuildEvent);
                if (r.built) {
                    r.build = machine.state().lastBuild;
                    r.afterBuild = std::make_shared<const engine::State>(machine.state());
                }
                if (step.expectExitCode && r.outcome.exitCode != *step.expectExitCode)
                    r.failure = "expected exit code " + std::to_string(*step.expectExitCode) + ", got " +
                                std::to_string(r.outcome.exitCode);
                else if (!step.expectContains.empty() && r.terminal.find(step.expectContains) == std::string::npos)
                    r.failure = "expected the output to contain \"" + step.expectContains + "\"";
                else if (!step.expectExitCode && step.expectContains.empty() && r.outcome.exitCode != 0 &&
                         !machine.attached())
                    r.failure = "failed with exit code " + std::to_string(r.outcome.exitCode);
                if (r.built && due && !pending)
                    r.failure = "the lesson asks /predictions/" + std::to_string(asked) +
                                " before this build, but the solution does not answer it";
                if (r.built) {
                    ++builds;
                    if (due) ++asked;
                }
                if (r.built && pending) {
                    r.prediction = scorePrediction(pending->first, r.build);
                    if (!r.prediction->correct)
                        r.failure = "the prediction at " + pending->second + " (" + numbers(pending->first) +
                                    ") is wrong: the builder ran again: " + numbers(r.prediction->actual);
                    pending.reset();
                }
                break;
            }
            case Step::Kind::Say:
                break;
            case Step::Kind::Write: {
                engine::State s = machine.state();
                std::string path = fs::normalizePath(s.cwd.empty() ? step.path : s.cwd + "/" + step.path);
                if (step.path.rfind("/", 0) == 0 || step.path.rfind("~/app/", 0) == 0)
                    path = fs::normalizePath(step.path.substr(step.path.rfind("~/app/", 0) == 0 ? 6 : 0));
                auto edit = s.host.tryWithFile(path, step.content, step.mode, 0, 0, s.clock.nowMs);
                if (!edit.error.empty()) {
                    r.failure = "cannot write " + step.path + ": " + edit.error;
                } else {
                    s.host = edit.tree;
                    machine.setState(std::move(s));
                }
                break;
            }
            case Step::Kind::Predict:
                if (pending) r.failure = "the prediction at " + pending->second + " was never followed by a build";
                else if (lessonPredictions &&
                         !duePrediction(scenario.predictions, asked, builds + 1, machine.state(), probe))
                    r.failure = "the lesson asks no prediction before the next build here (/predictions/" +
                                std::to_string(asked) + " is not due: see its atBuild and when)";
                pending = std::make_pair(step.answer, step.pointer);
                break;
            case Step::Kind::Check: {
                r.checks = evaluateGoals(step.check, machine.state(), probe);
                for (const auto& g : r.checks)
                    if (!g.met) {
                        r.failure = "check failed: " + g.description.in(lang) + ": " + g.missing.in(lang);
                        break;
                    }
                break;
            }
        }
        if (!r.failure.empty()) report.errors.push_back(step.pointer + ": " + r.failure);
        report.steps.push_back(std::move(r));
    }
    if (pending) report.errors.push_back(pending->second + ": the prediction was never followed by a build");
    report.goals = evaluateGoals(scenario.goals, machine.state(), probe);
    report.state = machine.state();
    report.commandLog = machine.commandLog();
    if (scenario.finalState) {
        report.finalStateMatches = stateToText(*scenario.finalState) == stateToText(report.state);
        if (!*report.finalStateMatches)
            report.errors.push_back("/finalState: the replay does not reproduce the exported state");
    }
    return report;
}

}   // namespace layerlab::scenario
