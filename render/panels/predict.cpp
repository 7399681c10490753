// "Predict, then see": the question before a build, drawn as a small stack
// of the build's steps (FROM at the bottom, as the layer stack stands). A
// click on a block picks it (the same PredictUi::toggle the tests drive);
// "none" says every step comes from the cache; Build answers and runs the
// waiting build (submitPrediction). After the build the same blocks carry a
// tick where the guess matched what the builder did and a cross where it
// did not, with the score and the lesson's explanation.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "render/panels/classroom.hpp"
#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels::predict {
namespace {

bool contains(const std::vector<int>& v, int n) { return std::find(v.begin(), v.end(), n) != v.end(); }

// One block of the little stack; returns true when clicked (asking only).
bool block(View& view, const PredictUi::Block& b, bool picked, const scenario::PredictionScore* score) {
    const float h = ImGui::GetFrameHeight() * 1.15f;
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(b.step);
    const bool clicked = ImGui::InvisibleButton("##block", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec4 fill = picked ? view.palette.rebuilt : view.palette.panel;
    std::string mark;
    if (score) {
        const bool ran = contains(score->actual, b.step);
        fill = ran ? view.palette.rebuilt : view.palette.cached;
        mark = picked == ran ? "√" : "×";   // NanumGothic has these, not ✔ ✘
    }
    if (hovered && !score) fill = ui::mix(fill, view.palette.accent, 0.35f);
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h - 3.0f), ImGui::GetColorU32(fill), 4.0f);
    draw->AddRect(p, ImVec2(p.x + w, p.y + h - 3.0f), ImGui::GetColorU32(view.palette.text), 4.0f, 0,
                  picked ? 3.0f : 1.0f);
    const ImU32 textColour = ImGui::GetColorU32(picked || score ? view.palette.boxText : view.palette.text);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float textY = p.y + (h - 3.0f - ImGui::GetFontSize()) * 0.5f;
    const std::string label = "[" + std::to_string(b.step) + "] " + b.instruction;
    ImGui::PushClipRect(p, ImVec2(p.x + w - ImGui::GetFontSize() * 4.0f, p.y + h), true);
    draw->AddText(ImVec2(p.x + pad, textY), textColour, label.c_str());
    ImGui::PopClipRect();
    std::string right = mark;
    if (score) right += std::string(" ") + (picked ? view.tr("ui.predict.guessed") : "");
    else if (picked) right = view.tr("ui.predict.guessed");
    const ImVec2 rs = ImGui::CalcTextSize(right.c_str());
    draw->AddText(ImVec2(p.x + w - rs.x - pad, textY), textColour, right.c_str());
    return clicked && !score;
}

void stack(View& view, const std::vector<PredictUi::Block>& blocks, const scenario::PredictionScore* score) {
    PredictUi& p = view.ui.predict;
    // Top of the image first, FROM at the bottom: the layer stack's order.
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
        const bool picked = score ? contains(score->predicted, it->step) : p.picked.count(it->step) > 0;
        if (block(view, *it, picked, score)) p.toggle(it->step);
    }
}

}   // namespace

bool visible(const View& view) { return view.ui.predict.asking || view.ui.predict.reveal.has_value(); }

void draw(View& view) {
    PredictUi& p = view.ui.predict;
    if (p.asking) {
        ImGui::PushFont(view.fonts.heading());
        ImGui::TextColored(view.palette.rebuilt, "%s", view.tr("ui.predict.title"));
        ImGui::PopFont();
        ImGui::TextWrapped("%s", view.pick(p.question.en, p.question.ko).c_str());
        ui::dimWrapped(view.tr("ui.predict.how"));
        stack(view, p.blocks, nullptr);
        if (ImGui::RadioButton(view.tr("ui.predict.none"), p.none)) p.chooseNone();
        ImGui::SameLine();
        ImGui::BeginDisabled(!p.answered() || view.ui.scenarioRun.active());
        if (ImGui::Button(view.tr("ui.predict.build"))) submitPrediction(view);
        ImGui::EndDisabled();
        if (view.ui.scenarioRun.active()) {
            ImGui::SameLine();
            ui::dimWrapped(view.tr("ui.predict.next_key"));
        }
        return;
    }
    if (!p.reveal) return;
    const scenario::PredictionScore& score = *p.reveal;
    ImGui::PushFont(view.fonts.heading());
    ImGui::TextColored(score.correct ? view.palette.ok : view.palette.failed, "%s %s", score.correct ? "√" : "×",
                       view.tr(score.correct ? "ui.predict.right" : "ui.predict.wrong"));
    ImGui::PopFont();
    ImGui::TextWrapped("%s", view.pick(score.summary.en, score.summary.ko).c_str());
    stack(view, p.revealBlocks, &score);
    if (!p.explain.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(view.palette.rebuilt, "%s", view.tr("ui.predict.why"));
        ImGui::TextWrapped("%s", view.pick(p.explain.en, p.explain.ko).c_str());
    }
    if (ImGui::SmallButton(view.tr("ui.predict.close"))) p.close();
}

}   // namespace layerlab::render::panels::predict
