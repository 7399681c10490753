// The "Session" menu: scenarios in and out of the window, undo/redo and
// start over, narration cards while recording, the sandbox's predict toggle;
// and the floating windows drawn over the tiled layout (the prediction, the
// scenario bar). Every action goes to the one LessonSession or View::run.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "render/panels/classroom.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels {

namespace session {

bool undo(View& view) {
    if (view.ui.scenarioRun.active()) return view.stepBack();
    if (!view.ui.session || !view.ui.session->undo()) return false;
    view.afterReplay();
    view.note(TerminalLine::Kind::Note, "ui.session.undone");
    return true;
}

bool redo(View& view) {
    if (!view.ui.session || !view.ui.session->redo()) return false;
    view.afterReplay();
    view.note(TerminalLine::Kind::Note, "ui.session.redone");
    return true;
}

void startOver(View& view) {
    if (!view.ui.session) return;
    if (view.ui.scenarioRun.active()) view.ui.scenarioRun.stepper->rewind();
    else view.ui.session->restart();
    view.afterReplay();
    view.note(TerminalLine::Kind::Note, "ui.session.started_over");
}

void menu(View& view) {
    if (!ImGui::BeginMenu(view.tr("ui.session.menu"))) return;
    UiState& ui = view.ui;
    SessionUi& s = ui.sessionUi;
    const float box = ImGui::GetFontSize() * 18.0f;

    ImGui::TextUnformatted(view.tr("ui.session.open"));
    ImGui::SetNextItemWidth(box);
    const bool enter = ImGui::InputTextWithHint("##open", "examples/scenarios/cache-cascade-demo.json", &s.openPath,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(view.tr("ui.session.open_button")) || enter) && !s.openPath.empty())
        view.openScenario(s.openPath);
    for (const auto& e : ui.scenarioRun.errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.failed);
        ImGui::TextWrapped("%s", e.c_str());
        ImGui::PopStyleColor();
    }
    ui::dimWrapped(view.tr("ui.session.drop"));
    ImGui::Separator();

    ImGui::TextUnformatted(view.tr("ui.session.save"));
    ImGui::SetNextItemWidth(box);
    ImGui::InputText("##save", &s.savePath);
    ImGui::SameLine();
    if (ImGui::Button(view.tr("ui.session.save_button"))) view.saveSession(s.savePath);
    if (!s.message.empty()) ui::dimWrapped(s.message.c_str());
    ImGui::Separator();

    const bool canUndo =
        ui.scenarioRun.active() ? ui.scenarioRun.stepper->done() > 0 : ui.session && ui.session->canUndo();
    if (ImGui::MenuItem(view.tr("ui.session.undo"), nullptr, false, canUndo)) undo(view);
    if (ImGui::MenuItem(view.tr("ui.session.redo"), nullptr, false,
                        !ui.scenarioRun.active() && ui.session && ui.session->canRedo()))
        redo(view);
    if (ImGui::MenuItem(view.tr("ui.session.start_over"))) startOver(view);
    ImGui::Separator();

    // A narration card between steps: recorded into the saved scenario.
    ImGui::TextUnformatted(view.tr("ui.session.card"));
    ImGui::SetNextItemWidth(box);
    ImGui::InputTextWithHint("##card_en", "English", &s.cardEn);
    ImGui::SetNextItemWidth(box);
    ImGui::InputTextWithHint("##card_ko", "한국어", &s.cardKo);
    if (ImGui::Button(view.tr("ui.session.add_card")) && ui.session && (!s.cardEn.empty() || !s.cardKo.empty())) {
        ui.session->addCard({s.cardEn, s.cardKo});
        view.fonts.addText(s.cardEn + s.cardKo);
        view.note(TerminalLine::Kind::Note,
                  {"» " + (s.cardEn.empty() ? s.cardKo : s.cardEn), "» " + (s.cardKo.empty() ? s.cardEn : s.cardKo)});
        s.cardEn.clear();
        s.cardKo.clear();
    }
    ImGui::Separator();
    if (!ui.lesson.active) ImGui::MenuItem(view.tr("ui.predict.toggle"), nullptr, &ui.predict.sandboxToggle);
    ImGui::EndMenu();
}

}   // namespace session

namespace classroom {
namespace {

constexpr ImGuiWindowFlags kFloating = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;

void scenarioBar(View& view) {
    ScenarioRun& sr = view.ui.scenarioRun;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 4.0f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x * 0.5f, vp->WorkSize.y * 0.4f));
    if (ImGui::Begin("##scenario_bar", nullptr, kFloating)) {
        const scenario::Scenario& sc = *sr.scenario;
        const std::string title = sc.title.empty() ? sc.id : view.pick(sc.title.en, sc.title.ko);
        ImGui::TextColored(view.palette.rebuilt, "%s", title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", view.strings
                                      .format("ui.scenario.step",
                                              {std::to_string(sr.stepper->done()), std::to_string(sr.stepper->size())})
                                      .c_str());
        if (ImGui::Button(view.tr("ui.scenario.back"))) view.stepBack();
        ImGui::SameLine();
        if (ImGui::Button(view.tr("ui.scenario.next"))) view.stepForward();
        ImGui::SameLine();
        if (ImGui::Button(view.tr("ui.scenario.close"))) view.closeScenario();
        if (sr.active() && sr.stepper->card()) {
            ImGui::PushTextWrapPos(vp->WorkSize.x * 0.48f);
            ImGui::TextWrapped("» %s", view.pick(sr.stepper->card()->en, sr.stepper->card()->ko).c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
}

}   // namespace

void overlays(View& view) {
    // The prediction is no overlay: it is a bar in the layer-stack panel (panels/predict.cpp).
    if (view.ui.scenarioRun.active() && !view.ui.presenter) scenarioBar(view);
}

}   // namespace classroom

}   // namespace layerlab::render::panels
