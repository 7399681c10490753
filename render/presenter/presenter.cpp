#include "render/presenter/presenter.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "render/panels/classroom.hpp"
#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::presenter {
namespace {

constexpr ImGuiWindowFlags kStage = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                    ImGuiWindowFlags_NoSavedSettings;

// A stage area; its background is the clear colour (as render/layout.cpp's
// panels) unless OWN_BACKGROUND (the terminal strip's darker fill).
template <typename Fn>
void area(const char* id, ImVec2 pos, ImVec2 size, Fn draw, ImGuiWindowFlags extra = 0, bool ownBackground = false) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    if (!ownBackground) ImGui::SetNextWindowBgAlpha(0.0f);
    if (ImGui::Begin(id, nullptr, kStage | extra)) draw();
    ImGui::End();
}

// The build line the next predict question is about: the next command of
// the scenario that builds, or the Build button's command.
std::string nextBuild(View& view) {
    const ScenarioRun& sr = view.ui.scenarioRun;
    if (sr.active())
        for (size_t i = sr.stepper->done(); i < sr.stepper->size(); ++i) {
            const scenario::Step& step = sr.stepper->step(i);
            if (step.kind == scenario::Step::Kind::Command && view.ui.session->wouldBuild(step.command))
                return step.command;
        }
    return view.ui.session && view.ui.session->wouldBuild(kBuildCommand) ? kBuildCommand : "";
}

void header(View& view, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    area("##presenter_header", vp->Pos, ImVec2(vp->Size.x, height), [&] {
        const ScenarioRun& sr = view.ui.scenarioRun;
        std::string title = view.tr("ui.presenter.sandbox");
        if (sr.active()) {
            const scenario::Scenario& sc = *sr.scenario;
            title = sc.title.empty() ? sc.id : view.pick(sc.title.en, sc.title.ko);
        }
        ImGui::PushFont(view.fonts.heading());
        ImGui::TextColored(view.palette.rebuilt, "%s", title.c_str());
        ImGui::PopFont();
        if (sr.active()) {
            ImGui::SameLine(0, ImGui::GetFontSize());
            ImGui::TextUnformatted(view.strings
                                       .format("ui.scenario.step",
                                               {std::to_string(sr.stepper->done()), std::to_string(sr.stepper->size())})
                                       .c_str());
        }
        // The keys, dim, wrapped under the title when the line is full.
        ImGui::PushTextWrapPos(0.0f);
        ui::dimWrapped(view.tr("ui.presenter.keys"));
        ImGui::PopTextWrapPos();
    });
}

// The Dockerfile as the room reads it: numbered lines, wrapped, never scrolled sideways.
void dockerfile(View& view) {
    ui::heading(view.fonts.heading(), view.tr("ui.panel.dockerfile"));
    ImGui::PushFont(view.fonts.mono());
    std::istringstream in(view.ui.dockerfile);
    int n = 0;
    const float numberWidth = ImGui::CalcTextSize("00 ").x;
    int shown = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        // Blank lines cost a projector's height and say nothing: skipped, numbers kept.
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++shown;
        const bool highlighted = view.ui.picture.editorLine == n;
        ImGui::TextColored(view.palette.textDim, "%2d", n);
        ImGui::SameLine(numberWidth + ImGui::GetStyle().WindowPadding.x);
        ImGui::PushStyleColor(ImGuiCol_Text, highlighted ? view.palette.rebuilt : view.palette.text);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (shown == 0) ui::dimWrapped(view.tr("ui.presenter.no_dockerfile"));
    ImGui::PopFont();
}

// As wide as the Dockerfile's longest line in the stage's type (a quarter
// of the window at least, for its heading; 36% at most: the stack is the
// centre); a longer line wraps.
float dockerfileWidth(View& view, float windowWidth) {
    ImGui::PushFont(view.fonts.mono());
    float longest = ImGui::CalcTextSize("00 ").x;
    std::istringstream in(view.ui.dockerfile);
    for (std::string line; std::getline(in, line);) longest = std::max(longest, ImGui::CalcTextSize(line.c_str()).x);
    const float wanted = longest + ImGui::CalcTextSize("00 ").x + ImGui::GetStyle().WindowPadding.x * 3.0f;
    ImGui::PopFont();
    return std::floor(std::clamp(wanted, windowWidth * 0.25f, windowWidth * 0.36f));
}

// The last commands in large type: as many lines as fit, newest at the bottom, wrapped.
void terminal(View& view) {
    const auto& lines = view.ui.terminal;
    ImGui::PushFont(view.fonts.mono());
    const float avail = ImGui::GetContentRegionAvail().y;
    const float width = ImGui::GetContentRegionAvail().x;
    // Walk back from the newest line until the wrapped height is used up.
    size_t first = lines.size();
    float used = 0.0f;
    while (first > 0) {
        const float h = ImGui::CalcTextSize(lines[first - 1].in(view.korean()).c_str(), nullptr, false, width).y +
                        ImGui::GetStyle().ItemSpacing.y;
        if (used + h > avail) break;
        used += h;
        --first;
    }
    ImGui::Dummy(ImVec2(0, std::max(0.0f, avail - used - ImGui::GetStyle().ItemSpacing.y)));
    for (size_t i = first; i < lines.size(); ++i) {
        const TerminalLine& line = lines[i];
        ImVec4 colour = view.palette.text;
        if (line.kind == TerminalLine::Kind::Command) colour = view.palette.ok;
        else if (line.kind == TerminalLine::Kind::Error) colour = view.palette.failed;
        else if (line.kind == TerminalLine::Kind::Note || line.kind == TerminalLine::Kind::Hint)
            colour = view.palette.textDim;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(line.in(view.korean()).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

// The narration card of the current step, over the stage.
float cardWidth(float stageWidth) { return std::min(stageWidth * 0.92f, ImGui::GetFontSize() * 46.0f); }

// The narration card's height at the stage's WIDTH (its padding is a
// font's size), so the strip under the stage can be made as tall: the card
// then covers the terminal only, never the stack. 0 without a card.
float cardHeight(View& view, float width) {
    const ScenarioRun& sr = view.ui.scenarioRun;
    if (!sr.active() || !sr.stepper->card()) return 0.0f;
    const float pad = ImGui::GetFontSize();
    const float textW = cardWidth(width) - pad * 2.0f;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = pad * 2.0f + ImGui::CalcTextSize(view.tr("ui.presenter.card_next"), nullptr, false, textW).y;
    h += ImGui::CalcTextSize(view.pick(sr.stepper->card()->en, sr.stepper->card()->ko).c_str(), nullptr, false, textW)
             .y +
         spacing;
    if (const auto& title = sr.stepper->cardTitle(); title && !title->empty()) {
        ImGui::PushFont(view.fonts.heading());
        h += ImGui::CalcTextSize(view.pick(title->en, title->ko).c_str(), nullptr, false, textW).y + spacing;
        ImGui::PopFont();
    }
    return h;
}

void card(View& view, ImVec2 stagePos, ImVec2 stageSize) {
    const ScenarioRun& sr = view.ui.scenarioRun;
    if (!sr.active() || !sr.stepper->card()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = cardWidth(stageSize.x);
    // Over the terminal strip under the stage, standing on the window's
    // bottom edge: the Dockerfile and the stack stay in sight; a long card
    // grows upwards rather than scroll (half the window at most).
    ImGui::SetNextWindowPos(ImVec2(stagePos.x + stageSize.x * 0.5f, vp->Pos.y + vp->Size.y - 6.0f), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->Size.y * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, view.palette.panel);
    ImGui::PushStyleColor(ImGuiCol_Border, view.palette.accent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
    if (ImGui::Begin("##presenter_card", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize)) {
        if (const auto& title = sr.stepper->cardTitle(); title && !title->empty()) {
            ImGui::PushFont(view.fonts.heading());
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(view.palette.rebuilt, "%s", view.pick(title->en, title->ko).c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
        }
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(view.pick(sr.stepper->card()->en, sr.stepper->card()->ko).c_str());
        ImGui::PopTextWrapPos();
        ui::dimWrapped(view.tr("ui.presenter.card_next"));
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

void keys(View& view) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space)))
        press(view, Key::Next);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) press(view, Key::Back);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) press(view, Key::Leave);
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == 'p' || c == 'P') press(view, Key::Predict);
        else if (c == 'r' || c == 'R') press(view, Key::Replay);
        else if (c == 'l' || c == 'L') press(view, Key::Language);
        else if (c == '+' || c == '=') press(view, Key::Bigger);
        else if (c == '-' || c == '_') press(view, Key::Smaller);
        else if (view.ui.predict.asking && c == '0') view.ui.predict.chooseNone();
        else if (view.ui.predict.asking && c >= '1' && c <= '9') view.ui.predict.toggle(c - '0');
    }
}

}   // namespace

void press(View& view, Key key) {
    UiState& ui = view.ui;
    switch (key) {
        case Key::Next:
            if (ui.scenarioRun.active()) view.stepForward();
            else if (ui.predict.asking && ui.predict.answered()) submitPrediction(view);
            break;
        case Key::Back:
            if (ui.scenarioRun.active()) view.stepBack();
            else panels::session::undo(view);
            break;
        case Key::Predict: {
            if (ui.predict.asking) {
                ui.predict.close();
                break;
            }
            const std::string line = nextBuild(view);
            if (line.empty()) break;
            const scenario::Prediction* due = ui.session->duePrediction();
            askPrediction(view, line,
                          due ? due->question
                              : scenario::LocalizedText{"Which steps will run again? Guess, then press Right.",
                                                        "어떤 단계가 다시 실행될까요? 예측한 뒤 → 키를 누르세요."});
            break;
        }
        case Key::Replay:
            ui.picture.playback.replay();
            break;
        case Key::Language: {
            const std::string lang = view.korean() ? "en" : "ko";
            view.strings.setLang(lang);
            if (ui.session) ui.session->setLang(lang);
            break;
        }
        case Key::Leave:
            ui.presenter = false;
            ui.presenterChanged = true;
            break;
        case Key::Bigger:
        case Key::Smaller: {
            const float step = key == Key::Bigger ? 0.25f : -0.25f;
            ui.presenterScale = std::clamp(std::round((ui.presenterScale + step) * 4.0f) / 4.0f, kMinScale, kMaxScale);
            break;
        }
    }
}

void draw(View& view) {
    keys(view);
    if (!view.ui.presenter) return;   // Esc: the normal layout from the next frame
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // The header: title and step on one line, the keys under it.
    ImGui::PushFont(view.fonts.heading());
    const float titleH = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PopFont();
    const float headerH =
        std::ceil(titleH + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2.0f);
    header(view, headerH);
    const float top = vp->Pos.y + headerH;
    const float height = vp->Size.y - headerH;
    // A 720-line projector keeps the stage tall: the terminal shows its
    // last four or five commands there, more on a 1080-line one.
    float terminalH = std::floor(height * (vp->Size.y < 900.0f ? 0.22f : 0.28f));
    // Predict, then see: the question (or its score) takes the terminal's
    // strip, as tall as its text (40% at most), under the stack whose blocks
    // take the guess (the digits do too).
    const bool predicting = panels::predict::visible(view);
    if (predicting)
        terminalH =
            std::floor(std::clamp(panels::predict::height(view, vp->Size.x - ImGui::GetStyle().WindowPadding.x * 2.0f),
                                  terminalH, height * 0.4f));
    // A narration card stands in the strip: the strip is as tall as the card.
    else terminalH = std::floor(std::clamp(cardHeight(view, vp->Size.x) + 8.0f, terminalH, height * 0.4f));
    const float stageH = height - terminalH;
    const float dockerfileW = dockerfileWidth(view, vp->Size.x);
    const ImVec2 stagePos(vp->Pos.x, top);
    const ImVec2 stageSize(vp->Size.x, stageH);
    area("##presenter_dockerfile", ImVec2(vp->Pos.x, top), ImVec2(dockerfileW, stageH), [&] { dockerfile(view); });
    area("##presenter_stack", ImVec2(vp->Pos.x + dockerfileW, top), ImVec2(vp->Size.x - dockerfileW, stageH),
         [&] { panels::layers::draw(view); });
    if (predicting) {
        area("##presenter_predict", ImVec2(vp->Pos.x, top + stageH), ImVec2(vp->Size.x, terminalH),
             [&] { panels::predict::draw(view); });
    } else {
        ImGui::PushStyleColor(ImGuiCol_WindowBg, view.palette.terminalBg);
        area(
            "##presenter_terminal", ImVec2(vp->Pos.x, top + stageH), ImVec2(vp->Size.x, terminalH),
            [&] { terminal(view); }, ImGuiWindowFlags_NoScrollbar, /*ownBackground=*/true);
        ImGui::PopStyleColor();
    }
    card(view, stagePos, stageSize);
}

}   // namespace layerlab::render::presenter
