// "Predict, then see": a small panel in the place of the Images and
// Containers tables (as the inspector takes it; in presenter mode under the
// Dockerfile), so the question never covers another panel. The guess
// itself is made on the stack (a click on a block,
// render/stack/predict_marks); the panel says the question and keeps a
// checkbox per step, "none" and Build as
// the keyboard's way to the same PredictUi::toggle / chooseNone /
// submitPrediction. After the build it says the score, and the lesson's
// explanation opens as a card once the animation has come to rest.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "render/panels/classroom.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels::predict {
namespace {

// Where a control was drawn, for GUI tests that press it (the sidecar's "controls").
void recordControl(View& view, const char* name, int step) {
    const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
    view.ui.picture.controls.push_back(DrawnBlock{"control", step, name, "", a.x, a.y, z.x - a.x, z.y - a.y, ""});
}

void ask(View& view) {
    PredictUi& p = view.ui.predict;
    ImGui::PushFont(view.fonts.heading());
    ImGui::TextColored(view.palette.rebuilt, "%s", view.tr("ui.predict.title"));
    ImGui::PopFont();
    ImGui::TextWrapped("%s", view.pick(p.question.en, p.question.ko).c_str());
    ui::dimWrapped(view.tr("ui.predict.how"));
    // One checkbox per step (the keyboard's way to the click on a block); a
    // long build's row wraps at the panel's edge.
    for (size_t i = 0; i < p.blocks.size(); ++i) {
        const PredictUi::Block& b = p.blocks[i];
        bool picked = p.picked.count(b.step) > 0;
        const std::string id = std::to_string(b.step) + "##predict";
        if (ImGui::Checkbox(id.c_str(), &picked)) p.toggle(b.step);
        recordControl(view, "predict.step", b.step);
        if (ImGui::IsItemHovered()) ui::tooltip(("[" + std::to_string(b.step) + "] " + b.instruction).c_str());
        const std::string next =
            i + 1 < p.blocks.size() ? std::to_string(p.blocks[i + 1].step) : std::string(view.tr("ui.predict.none"));
        ui::flowNext(ui::toggleWidth(next.c_str()));
    }
    if (ImGui::RadioButton(view.tr("ui.predict.none"), p.none)) p.chooseNone();
    recordControl(view, "predict.none", 0);
    ui::flowNext(ImGui::CalcTextSize(view.tr("ui.predict.build")).x + ImGui::GetStyle().FramePadding.x * 2.0f);
    ImGui::BeginDisabled(!p.answered() || view.ui.scenarioRun.active());
    if (ImGui::Button(view.tr("ui.predict.build"))) submitPrediction(view);
    recordControl(view, "predict.build", 0);
    ImGui::EndDisabled();
    if (view.ui.scenarioRun.active()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", view.tr("ui.predict.next_key"));
    }
}

float whyWidth(View& view) {
    return ImGui::CalcTextSize(view.tr("ui.predict.why")).x + ImGui::GetStyle().ItemSpacing.x;
}

// The lesson's explanation as a card: a framed box as tall as its text, at
// most what the panel has left (longer text scrolls inside it, never sideways).
void explanation(View& view) {
    PredictUi& p = view.ui.predict;
    const std::string& text = view.pick(p.explain.en, p.explain.ko);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2.0f - whyWidth(view);
    const float textH = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y;
    const float wanted = textH + style.WindowPadding.y * 2.0f + 4.0f;
    const float most = std::max(ImGui::GetTextLineHeight() * 3.0f, ImGui::GetContentRegionAvail().y);
    ImGui::PushStyleColor(ImGuiCol_Border, view.palette.rebuilt);
    ImGui::BeginChild("##explain", ImVec2(0, std::min(wanted, most)), true);
    // "Why" in front of its first line, the text wrapped beside it (a line saved on a projector).
    ImGui::TextColored(view.palette.rebuilt, "%s", view.tr("ui.predict.why"));
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

std::string verdict(View& view) {
    const bool correct = view.ui.predict.reveal->correct;
    return std::string(correct ? "√ " : "× ") + view.tr(correct ? "ui.predict.right" : "ui.predict.wrong");
}

// The width the verdict line leaves its summary (the verdict in the heading font, then Close).
float besideVerdict(View& view, float width) {
    ImGui::PushFont(view.fonts.heading());
    const float verdictW = ImGui::CalcTextSize(verdict(view).c_str()).x;
    ImGui::PopFont();
    const ImGuiStyle& style = ImGui::GetStyle();
    return width - verdictW - ImGui::CalcTextSize(view.tr("ui.predict.close")).x - style.FramePadding.x * 2.0f -
           style.ItemSpacing.x * 2.0f;
}

void reveal(View& view) {
    PredictUi& p = view.ui.predict;
    const scenario::PredictionScore& score = *p.reveal;
    // The verdict, Close, and the summary beside them (wrapped under itself).
    ImGui::PushFont(view.fonts.heading());
    ImGui::TextColored(score.correct ? view.palette.ok : view.palette.failed, "%s", verdict(view).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::SmallButton(view.tr("ui.predict.close"))) {
        p.close();
        return;
    }
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(view.pick(score.summary.en, score.summary.ko).c_str());
    ImGui::PopTextWrapPos();
    // The card opens when the blocks have all come in with their ticks and crosses.
    const anim::Playback& playback = view.ui.picture.playback;
    if (!p.explain.empty() && playback.time() >= playback.length()) explanation(view);
}

}   // namespace

bool visible(const View& view) { return view.ui.predict.asking || view.ui.predict.reveal.has_value(); }

float height(View& view, float width) {
    const PredictUi& p = view.ui.predict;
    const ImGuiStyle& style = ImGui::GetStyle();
    auto wrapped = [&](const std::string& text, float w) {
        return ImGui::CalcTextSize(text.c_str(), nullptr, false, w).y + style.ItemSpacing.y;
    };
    ImGui::PushFont(view.fonts.heading());
    float h = ImGui::GetTextLineHeightWithSpacing() + style.WindowPadding.y * 2.0f;
    ImGui::PopFont();
    if (p.asking)
        return h + wrapped(view.pick(p.question.en, p.question.ko), width) + wrapped(view.tr("ui.predict.how"), width) +
               ImGui::GetFrameHeightWithSpacing();
    if (!p.reveal) return 0.0f;
    const float summaryH = wrapped(view.pick(p.reveal->summary.en, p.reveal->summary.ko), besideVerdict(view, width));
    h += std::max(0.0f, summaryH - ImGui::GetTextLineHeightWithSpacing());
    if (!p.explain.empty())
        h += wrapped(view.pick(p.explain.en, p.explain.ko), width - style.WindowPadding.x * 2.0f - whyWidth(view)) +
             style.WindowPadding.y * 2.0f + 4.0f;
    return h;
}

void draw(View& view) {
    if (!visible(view)) return;
    ImGui::PushID("##predict");
    if (view.ui.predict.asking) ask(view);
    else reveal(view);
    ImGui::PopID();
}

}   // namespace layerlab::render::panels::predict
