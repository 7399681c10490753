// player: replays a scenario (or a lesson's reference solution) through the
// one code path every input takes, cli::Machine::execute, and collects what
// happened: each step's terminal text, events and build step outcomes, the
// scored predictions, the checks, and the goals at the end.
//
// Used by `layerlab play` and `check`, by the lesson tests, and by the lesson
// shell to build a lesson's starting state.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/machine.hpp"
#include "sim/engine/state.hpp"
#include "sim/events.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/predictions.hpp"
#include "sim/scenario/scenario.hpp"

namespace layerlab::scenario {

struct PlayOptions {
    std::string lang = "en";   // used when the scenario sets none
    std::optional<uint64_t> seed;   // overrides the scenario's seed
    bool solution = false;   // play a lesson's reference solution instead of its steps
};

struct StepReport {
    Step step;   // what was played (kind, pointer, command, ...)
    std::string prompt;   // the prompt shown before a command
    Outcome outcome;   // command steps
    std::string terminal;   // stdout and stderr in the order a terminal shows them
    std::vector<LocalizedText> hints;   // the teaching notes the shell prints after the output
    bool built = false;   // the command ran a docker build
    engine::LastBuild build;   // that build, when built
    // The State right after that build: its BuildRecord (State.buildHistory)
    // and the layers the report derives key inputs and layer contents from.
    std::shared_ptr<const engine::State> afterBuild;
    std::optional<PredictionScore> prediction;   // the build a predict step was waiting for
    std::vector<GoalResult> checks;   // check steps
    std::string failure;   // why this step failed (expectation, check, prediction); "" = fine
};

struct PlayReport {
    std::string id;
    std::vector<StepReport> steps;
    std::vector<GoalResult> goals;   // evaluated after the last step
    std::vector<std::string> errors;   // setup failures, failed steps, a final state that differs
    std::optional<bool> finalStateMatches;   // set when the scenario carries a finalState
    engine::State state;   // the state after the last step
    std::vector<std::string> commandLog;   // Machine's log (for export)
    bool ok() const { return errors.empty(); }
    bool goalsMet() const;
};

// The scenario's starting State: the course context or an empty ~/app, its
// files written over it, setup commands run silently, or a whole imported
// state. Errors (a setup command that fails) go to `errors`.
engine::State startState(const Scenario& scenario, const PlayOptions& options, std::vector<std::string>& errors);

// Plays the steps (or, with options.solution, the solution) from startState.
PlayReport play(const Scenario& scenario, const PlayOptions& options = {});

// A CommandProbe that runs the line on a throwaway Machine over the state.
CommandProbe machineProbe();

// The language a scenario plays in: its own "lang", else options.lang.
std::string scenarioLang(const Scenario& scenario, const PlayOptions& options);

}   // namespace layerlab::scenario
