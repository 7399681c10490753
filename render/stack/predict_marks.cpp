// predict_marks: see predict_marks.hpp.
#include "render/stack/predict_marks.hpp"

#include <algorithm>
#include <string>

#include "render/stack/painter.hpp"

namespace layerlab::render::stack {
namespace {

bool contains(const std::vector<int>& v, int n) { return std::find(v.begin(), v.end(), n) != v.end(); }

bool planned(const PredictUi& p, int step) {
    return std::any_of(p.blocks.begin(), p.blocks.end(), [&](const PredictUi::Block& b) { return b.step == step; });
}

bool revealedStep(const PredictUi& p, int step) {
    return std::any_of(p.revealBlocks.begin(), p.revealBlocks.end(),
                       [&](const PredictUi::Block& b) { return b.step == step; });
}

// The guess stays in sight as a thick outline in the accent colour (the
// selection's colour is the text's, so the two never look alike), inside
// the block: a column that fills its panel would cut one drawn outside.
void guessOutline(ImDrawList* dl, const Palette& p, Box box, float alpha) {
    dl->AddRect(ImVec2(box.x + 1.5f, box.y + 1.5f), ImVec2(box.x + box.w - 1.5f, box.y + box.h - 1.5f),
                u32(p.accent, alpha), 4.0f, 0, 3.0f);
}

// What the guess on B says, and whether it was right (after the build).
struct Verdict {
    std::string text;
    bool guessed = false, right = false, revealed = false;
};

Verdict verdictOf(const View& view, const Block& b) {
    const PredictUi& p = view.ui.predict;
    Verdict v;
    if (b.kind == BlockKind::Config || b.step <= 0 || view.ui.picture.scene.imageOnly) return v;
    if (p.asking) {
        if (p.picked.count(b.step)) v = {view.tr("ui.predict.mark_rebuilt"), true, false, false};
        return v;
    }
    if (!p.reveal || !revealedStep(p, b.step)) return v;
    // A guess of "rebuilt" (clicked) or "cached" (not clicked) against what the builder did.
    v.guessed = contains(p.reveal->predicted, b.step);
    v.right = v.guessed == contains(p.reveal->actual, b.step);
    v.revealed = true;
    v.text =
        std::string(v.right ? "√ " : "× ") + view.tr(v.guessed ? "ui.predict.mark_rebuilt" : "ui.predict.mark_cached");
    return v;
}

// A label at the block's top right, over the size and time (the title on
// the left keeps its step number and instruction).
void label(View& view, ImDrawList* dl, Box box, const std::string& text, ImVec4 colour, float alpha) {
    const float w = ImGui::CalcTextSize(text.c_str()).x + 10.0f;
    const float x = std::max(box.x + 8.0f, box.x + box.w - w - 4.0f);
    badgeAt(dl, ImVec2(x, box.y + 2.0f), text.c_str(), colour, alpha, view.palette);
}

}   // namespace

bool predictable(const View& view, const Block& b) {
    return view.ui.predict.asking && b.kind != BlockKind::Config && b.step > 0 && planned(view.ui.predict, b.step);
}

std::string predictLabel(const View& view, const Block& b) { return verdictOf(view, b).text; }

const char* predictMark(View& view, ImDrawList* dl, const Block& b, Box box, float alpha, bool revealed) {
    const Verdict v = verdictOf(view, b);
    if (v.text.empty() || (v.revealed && !revealed)) return "";   // a verdict waits for its block to come in
    // The outline marks a guess while it is one; after the reveal the √/× label
    // says what was guessed, and the block's border keeps its state's colour
    // (an accent outline on a REBUILT block read as a second state).
    if (v.guessed && !v.revealed) guessOutline(dl, view.palette, box, alpha);
    const ImVec4 colour = !v.revealed ? view.palette.accent : v.right ? view.palette.ok : view.palette.failed;
    label(view, dl, box, v.text, colour, alpha);
    return !v.revealed ? "guess" : v.right ? "right" : "wrong";
}

}   // namespace layerlab::render::stack
