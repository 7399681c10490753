// goals: lesson and scenario goals as predicates over the simulator State.
//
// As in learnGitBranching, a goal looks at the result, never at keystrokes:
// "an image tagged X exists", "N containers from one image", "a container
// publishes 3000->80 and curl answers T", "the last build reused step K",
// "this Dockerfile keeps `npm install` cached after a source edit". Each
// result says in English and Korean what the goal asks and, when it does not
// hold yet, what is still missing.
//
// Two kinds need to run something: containerPublishes with curlText asks
// `curl http://localhost:P/`, and cacheKeepsStep builds the learner's
// Dockerfile twice around a simulated source edit. They do it through a
// CommandProbe on a copy of the State, so the one code path of the CLI
// answers and the learner's State is never touched.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/state.hpp"
#include "sim/events.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/text.hpp"

namespace layerlab::scenario {

// Runs one command line against `state` (which it may change) and returns
// what the terminal would show. The player builds one on cli::Machine.
using CommandProbe = std::function<Outcome(engine::State& state, std::string_view line)>;

struct GoalResult {
    bool met = false;
    LocalizedText description;   // what the goal asks, always set
    LocalizedText missing;   // what is still missing; empty when met
};

// `probe` may be empty: goals that need it then report that they cannot be
// checked (never met).
GoalResult evaluateGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe);
std::vector<GoalResult> evaluateGoals(const std::vector<Goal>& goals, const engine::State& state,
                                      const CommandProbe& probe);

// "node" -> "node:latest"; "myapp:1.0" unchanged (the key State.tags uses).
std::string tagKey(const std::string& ref);
// The State's word for a container status: "running", "exited", ...
std::string statusWord(engine::Container::Status status);

}   // namespace layerlab::scenario
