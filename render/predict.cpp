// Predict, then see: the window's side of a prediction (render/predict_state.hpp).
// View::askPrediction opens the question before a build; submitPrediction is
// what the Build button under the question calls: the answer goes to the
// LessonSession (as `predict 3 4` in the shell) and the waiting build runs.
#include "render/predict_state.hpp"
#include "render/view.hpp"

namespace layerlab::render {

void PredictUi::toggle(int step) {
    none = false;
    if (!picked.erase(step)) picked.insert(step);
}

void PredictUi::chooseNone() {
    none = true;
    picked.clear();
}

void askPrediction(View& view, const std::string& line, const scenario::LocalizedText& question) {
    PredictUi& p = view.ui.predict;
    const bool toggle = p.sandboxToggle;
    p = PredictUi{};
    p.sandboxToggle = toggle;
    p.asking = true;
    p.line = line;
    p.question = question;
    for (const auto& step : view.ui.session->plannedBuild(line)) p.blocks.push_back({step.step, step.instruction});
    view.ui.picture.selected =
        Selection{};   // a click on a block is a guess now, and the question takes the inspector's place
    view.fonts.addText(question.en + question.ko);
}

Outcome submitPrediction(View& view) {
    PredictUi& p = view.ui.predict;
    if (!p.asking || !p.answered()) return {};
    view.ui.session->predict(p.answer());
    const std::string line = p.line;
    p.asking = false;
    return view.run(line);   // View::run stores the score and the blocks to mark in p.reveal
}

}   // namespace layerlab::render
