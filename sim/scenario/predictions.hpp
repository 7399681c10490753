// predictions: "which steps will run again?" asked before a build, scored
// against what the engine then really does (predict, observe, explain).
//
// The learner answers with step numbers as Docker prints them ("[3/5]" -> 3),
// e.g. "3 5", "3,5", or "none". After the build the score lists what was
// right, what was missed and what was extra, and explains every step that
// ran with the reason the builder gave (the first thing that differed).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/state.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/text.hpp"

namespace layerlab::scenario {

// "3, 5" / "3 5" / "[3] [5]" -> {3,5}; "none", "0", "-", "없음" -> {}; anything else -> nullopt.
std::optional<std::vector<int>> parsePredictionAnswer(std::string_view text);

struct PredictionScore {
    std::vector<int> predicted;   // sorted, unique
    std::vector<int> actual;   // steps that ran again, sorted
    std::vector<int> missed;   // ran again, not predicted
    std::vector<int> extra;   // predicted, but came from the cache
    bool correct = false;
    LocalizedText summary;   // one line: the verdict
    LocalizedText explanation;   // one line per step: cached, or ran again and why
};

PredictionScore scorePrediction(const std::vector<int>& answer, const engine::LastBuild& build);

// The prediction a lesson asks before the learner's build number `build`
// (1 = the first build since the lesson started), given that the first
// `asked` predictions were already asked: the next one in order, if `build`
// has reached its atBuild and every goal of its `when` holds in `state`.
const Prediction* duePrediction(const std::vector<Prediction>& predictions, size_t asked, int build,
                                const engine::State& state, const CommandProbe& probe);

}   // namespace layerlab::scenario
