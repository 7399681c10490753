#include "sim/scenario/player.hpp"

#include <algorithm>

#include "sim/scenario/lesson_engine.hpp"
#include "sim/scenario/state_json.hpp"

namespace layerlab::scenario {

namespace {

std::string numbers(const std::vector<int>& v) {
    if (v.empty()) return "none";
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
    return out;
}

using PendingPrediction =
    std::optional<std::pair<std::vector<int>, std::string>>;   // answer, the predict step's pointer

// A command step: run through the lesson engine, checked against what the
// step expects, and the pending prediction scored by the build it started.
void playCommand(const Step& step, cli::Machine& machine, LessonSession& session, PendingPrediction& pending,
                 StepReport& r) {
    const int asked = session.progressRecord().predictionsDone;
    r.prompt = machine.prompt();
    Turn turn = session.run(step.command);
    r.outcome = turn.outcome;
    r.terminal = cli::Machine::terminalText(step.command, r.outcome);
    for (const auto& h : machine.hints()) r.hints.push_back({h.en, h.ko});
    r.built = turn.built;
    if (r.built) {
        r.build = machine.state().lastBuild;
        r.afterBuild = std::make_shared<const engine::State>(machine.state());
    }
    if (step.expectExitCode && r.outcome.exitCode != *step.expectExitCode)
        r.failure = "expected exit code " + std::to_string(*step.expectExitCode) + ", got " +
                    std::to_string(r.outcome.exitCode);
    else if (!step.expectContains.empty() && r.terminal.find(step.expectContains) == std::string::npos)
        r.failure = "expected the output to contain \"" + step.expectContains + "\"";
    else if (!step.expectExitCode && step.expectContains.empty() && r.outcome.exitCode != 0 && !machine.attached())
        r.failure = "failed with exit code " + std::to_string(r.outcome.exitCode);
    if (r.built && turn.unanswered)
        r.failure = "the lesson asks /predictions/" + std::to_string(asked) +
                    " before this build, but the solution does not answer it";
    if (turn.score && pending) {
        r.prediction = turn.score;
        if (!r.prediction->correct)
            r.failure = "the prediction at " + pending->second + " (" + numbers(pending->first) +
                        ") is wrong: the builder ran again: " + numbers(r.prediction->actual);
        pending.reset();
    }
}

// A predict step: its answer waits for the next build.
void playPredict(const Step& step, LessonSession& session, bool lessonPredictions, PendingPrediction& pending,
                 StepReport& r) {
    if (pending) r.failure = "the prediction at " + pending->second + " was never followed by a build";
    else if (lessonPredictions && !session.duePrediction())
        r.failure = "the lesson asks no prediction before the next build here (/predictions/" +
                    std::to_string(session.progressRecord().predictionsDone) + " is not due: see its atBuild and when)";
    pending = std::make_pair(step.answer, step.pointer);
    session.predict(step.answer);
}

// A check step: the first goal not met is the step's failure.
void playCheck(const Step& step, const cli::Machine& machine, const CommandProbe& probe, const std::string& lang,
               StepReport& r) {
    r.checks = evaluateGoals(step.check, machine.state(), probe);
    for (const auto& g : r.checks)
        if (!g.met) {
            r.failure = "check failed: " + g.description.in(lang) + ": " + g.missing.in(lang);
            break;
        }
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

    // The one lesson engine plays it: a lesson's solution answers its
    // predictions where the shell and the window would ask them (before a
    // build at which the next prediction is due); a scenario's predict steps
    // are scored by the next build. Unlike the shell, a missing answer does
    // not stop the build: it is reported.
    const bool lessonPredictions = options.solution && !scenario.predictions.empty();
    SessionConfig config;
    config.lesson = scenario.lesson ? &scenario : nullptr;
    config.lang = lang;
    config.start = start;
    config.askPredictions = lessonPredictions;
    config.blockUnanswered = false;
    LessonSession session(machine, config);
    PendingPrediction pending;
    for (const Step& step : steps) {
        StepReport r;
        r.step = step;
        switch (step.kind) {
            case Step::Kind::Command:
                playCommand(step, machine, session, pending, r);
                break;
            case Step::Kind::Say:
                break;
            case Step::Kind::Write:
                r.failure = session.writeFile(step.path, step.content, step.mode);
                break;
            case Step::Kind::Predict:
                playPredict(step, session, lessonPredictions, pending, r);
                break;
            case Step::Kind::Check:
                playCheck(step, machine, probe, lang, r);
                break;
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
