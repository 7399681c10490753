#include "render/layout.hpp"

#include <imgui.h>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoSavedSettings;

struct Rect {
    float x, y, w, h;
};

// One tiled panel: a window fixed at RECT whose contents DRAW fills.
template <typename Fn>
void panel(const char* id, const Rect& rect, Fn draw, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    if (ImGui::Begin(id, nullptr, kPanelFlags | extra)) draw();
    ImGui::End();
}

void drawMenuBar(View& view) {
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::PushFont(view.fonts.heading());
    ImGui::TextColored(view.palette.rebuilt, "Layer");
    ImGui::SameLine(0, 0);
    ImGui::TextColored(view.palette.cached, "Lab");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", view.tr("ui.app.tagline"));

    // Right side: language and presenter mode, always one click away.
    const char* presenter = view.tr("ui.menu.presenter");
    const char* english = view.tr("ui.lang.en");
    const char* korean = view.tr("ui.lang.ko");
    const float right = ImGui::GetFontSize() * 3.0f + ImGui::CalcTextSize(presenter).x +
                        ImGui::CalcTextSize(english).x + ImGui::CalcTextSize(korean).x +
                        ImGui::GetStyle().ItemSpacing.x * 6 + ImGui::GetStyle().FramePadding.x * 6;
    ImGui::SameLine(ImGui::GetWindowWidth() - right);
    const bool ko = view.korean();
    if (ImGui::RadioButton(english, !ko) && ko) {
        view.strings.setLang("en");
        view.ui.langChanged = true;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton(korean, ko) && !ko) {
        view.strings.setLang("ko");
        view.ui.langChanged = true;
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(presenter, &view.ui.presenter)) view.ui.presenterChanged = true;
    ImGui::EndMainMenuBar();
}

}  // namespace

void drawLayout(View& view) {
    drawMenuBar(view);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float top = viewport->WorkPos.y;
    const float width = viewport->WorkSize.x;
    const float height = viewport->WorkSize.y;
    const float gap = 0.0f;

    const float leftW = std::max(220.0f, width * 0.21f);
    panel("##lessons", Rect{viewport->WorkPos.x, top, leftW, height}, [&] { panels::lessons::draw(view); });
    (void)gap;
}

}  // namespace layerlab::render
