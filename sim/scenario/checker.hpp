// checker: what `layerlab check` and the lesson tests verify about a file
// that already loaded: a lesson's goals do not hold at its start, its
// reference solution replays without a failed step or a wrong reference
// prediction, and afterwards every goal holds. A plain scenario's steps
// replay as written and its goals (if any) hold at the end.
#pragma once
#include <string>
#include <vector>

#include "sim/scenario/player.hpp"
#include "sim/scenario/scenario.hpp"

namespace layerlab::scenario {

struct CheckOutcome {
    std::vector<std::string> errors;   // "POINTER: reason", in English
    PlayReport report;   // the replay (solution for a lesson)
    std::vector<GoalResult> atStart;   // a lesson's goals evaluated on its start state
};

CheckOutcome checkScenario(const Scenario& scenario);

}   // namespace layerlab::scenario
