#include "render/layout.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "render/panels/classroom.hpp"
#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;

struct Rect {
    float x, y, w, h;
};

// One tiled panel: a window fixed at RECT whose contents DRAW fills. Its
// background is the frame's clear colour (Workspace::clearColor), not a fill
// of its own: under Mesa's software rasteriser each full-window fill costs
// several ms a frame (bench_frame gl_cpu_ms), and the tiled panels cover it all.
template <typename Fn>
void panel(const char* id, const Rect& rect, Fn draw, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::SetNextWindowBgAlpha(0.0f);
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
    ImGui::SameLine();
    panels::session::menu(view);   // render/panels/session.cpp

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
    }
    ImGui::SameLine();
    if (ImGui::RadioButton(korean, ko) && !ko) {
        view.strings.setLang("ko");
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(presenter, &view.ui.presenter)) view.ui.presenterChanged = true;
    ImGui::EndMainMenuBar();
}

// Below this work-area height the Images and Containers tables share one panel as tabs.
constexpr float kTabbedTablesBelow = 760.0f;

void tables(View& view) {
    if (!ImGui::BeginTabBar("##tables")) return;
    // "Containers (2)", as many as `docker ps -a` lists: what the other tab holds
    // is in sight (the ID after ### stays the same as the count changes).
    const std::string images = std::string(view.tr("ui.panel.images")) + "###images";
    const std::string containers = std::string(view.tr("ui.panel.containers")) + " (" +
                                   std::to_string(view.state().containers.size()) + ")###containers";
    if (ImGui::BeginTabItem(images.c_str())) {
        panels::images::draw(view, /*heading=*/false);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(containers.c_str())) {
        panels::containers::draw(view, /*heading=*/false);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}   // namespace

void drawLayout(View& view) {
    drawMenuBar(view);

    // Three columns: the course | what the learner edits and types | what Docker made of it.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float x = viewport->WorkPos.x;
    const float y = viewport->WorkPos.y;
    const float width = viewport->WorkSize.x;
    const float height = viewport->WorkSize.y;

    // The layer stack is the centre of the product: the widest column, wider
    // still on a small screen (1280 px), where two stacks share it.
    const bool narrow = width < 1600.0f;
    const float leftW = std::max(190.0f, std::floor(width * (narrow ? 0.155f : 0.18f)));
    const float middleW = std::floor(width * (narrow ? 0.32f : 0.34f));
    const float rightW = width - leftW - middleW;
    const float dockerfileH = std::floor(height * 0.47f);
    // Containers are drawn on the stack too; a clicked block's inspector needs
    // room for its cache key and files, so the stack gives some up then.
    const bool inspecting = view.ui.picture.selected.any();
    const float layersH = std::floor(height * (inspecting ? 0.60f : 0.72f));
    const float imagesH = std::floor((height - layersH) * 0.5f);

    panel("##lessons", Rect{x, y, leftW, height}, [&] { panels::lessons::draw(view); });
    panel("##dockerfile", Rect{x + leftW, y, middleW, dockerfileH}, [&] { panels::dockerfile::draw(view); });
    panel("##terminal", Rect{x + leftW, y + dockerfileH, middleW, height - dockerfileH},
          [&] { panels::terminal::draw(view); });
    panel("##layers", Rect{x + leftW + middleW, y, rightW, layersH}, [&] { panels::layers::draw(view); });
    if (inspecting) {
        // A clicked block: its inspector takes the place of the two tables.
        panel("##inspect", Rect{x + leftW + middleW, y + layersH, rightW, height - layersH},
              [&] { panels::inspect::draw(view); });
        return;
    }
    if (panels::predict::visible(view)) {
        // Predict, then see: the question (or its score) takes their place
        // too, under the stack whose blocks take the guess; nothing is covered.
        panel("##predict", Rect{x + leftW + middleW, y + layersH, rightW, height - layersH},
              [&] { panels::predict::draw(view); });
        return;
    }
    if (height < kTabbedTablesBelow) {
        // A short window (1280x720): the two tables as tabs of one panel, each
        // its full height, rather than two slivers that cut their first row.
        panel("##tables", Rect{x + leftW + middleW, y + layersH, rightW, height - layersH}, [&] { tables(view); });
        return;
    }
    panel("##images", Rect{x + leftW + middleW, y + layersH, rightW, imagesH}, [&] { panels::images::draw(view); });
    panel("##containers", Rect{x + leftW + middleW, y + layersH + imagesH, rightW, height - layersH - imagesH},
          [&] { panels::containers::draw(view); });
}

}   // namespace layerlab::render
