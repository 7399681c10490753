// PredictUi: "which steps will run again?" asked in the window before a
// build (predict, then see). A lesson asks it before the build its
// prediction is about; in the sandbox the "predict" toggle asks it before
// every build. The learner clicks the blocks they expect rebuilt (or
// "none"), presses Build; the build's score then marks each block with a
// tick or a cross. Plain data (no ImGui): the clicks and the tests call the
// same functions (render/predict.cpp), and the answer goes to the one
// LessonSession, as `predict 3 4` does in the shell.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/scenario/predictions.hpp"
#include "sim/scenario/text.hpp"

namespace layerlab::render {

struct PredictUi {
    bool sandboxToggle = false;   // the "predict" toggle: ask before every sandbox build
    // A question is open: the build line waits for the answer.
    bool asking = false;
    std::string line;
    scenario::LocalizedText question;
    struct Block {
        int step = 0;
        std::string instruction;
    };
    std::vector<Block> blocks;   // the build's steps, bottom (FROM) first
    std::set<int> picked;
    bool none = false;   // "none": every step from the cache
    // After the build: the score, and the lesson's explanation.
    std::optional<scenario::PredictionScore> reveal;
    std::vector<Block> revealBlocks;
    scenario::LocalizedText explain;

    // A click on a block: picked <-> not picked (and "none" off).
    void toggle(int step);
    // The "none" button.
    void chooseNone();
    bool answered() const { return none || !picked.empty(); }
    std::vector<int> answer() const { return {picked.begin(), picked.end()}; }
    void close() {
        const bool toggle = sandboxToggle;
        *this = PredictUi{};
        sandboxToggle = toggle;
    }
};

}   // namespace layerlab::render
