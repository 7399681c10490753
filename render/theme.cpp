#include "render/theme.hpp"

namespace layerlab::render {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

// Okabe-Ito inspired hues: blue (0,114,178) and orange (230,159,0) are the
// pair recommended for deuteranopia and protanopia.
Palette darkPalette() {
    Palette p;
    p.background = rgb(24, 27, 33);
    p.panel = rgb(31, 35, 43);
    p.text = rgb(230, 233, 238);
    p.textDim = rgb(150, 158, 172);
    p.accent = rgb(52, 120, 198);
    p.cached = rgb(38, 110, 178);
    p.rebuilt = rgb(222, 143, 20);
    p.base = rgb(84, 96, 116);
    p.failed = rgb(213, 94, 0);
    p.configOnly = rgb(70, 78, 92);
    p.ok = rgb(0, 158, 115);
    p.warn = rgb(240, 200, 80);
    p.terminalBg = rgb(16, 18, 22);
    p.boxText = rgb(255, 255, 255);
    return p;
}

// Presenter: projectors wash out dark greys, so darker background, brighter
// text and more saturated boxes.
Palette presenterPalette() {
    Palette p = darkPalette();
    p.background = rgb(0, 0, 0);
    p.panel = rgb(14, 16, 20);
    p.text = rgb(255, 255, 255);
    p.textDim = rgb(200, 205, 215);
    p.cached = rgb(0, 114, 210);
    p.rebuilt = rgb(245, 160, 0);
    p.terminalBg = rgb(0, 0, 0);
    return p;
}

Palette g_palette = darkPalette();

}   // namespace

float baseFontSize(bool presenter) { return presenter ? 24.0f : 17.0f; }

const Palette& palette() { return g_palette; }

const Palette& applyTheme(bool presenter) {
    g_palette = presenter ? presenterPalette() : darkPalette();
    const Palette& p = g_palette;

    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowBorderSize = 1;
    style.FrameBorderSize = 1.0f;   // inputs and checkboxes stay visible on dark panels
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    if (presenter) style.ScaleAllSizes(1.4f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textDim;
    c[ImGuiCol_WindowBg] = p.panel;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.background;
    c[ImGuiCol_Border] = ImVec4(1, 1, 1, presenter ? 0.35f : 0.12f);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 0.06f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(1, 1, 1, 0.10f);
    c[ImGuiCol_FrameBgActive] = ImVec4(1, 1, 1, 0.14f);
    c[ImGuiCol_TitleBg] = p.background;
    c[ImGuiCol_TitleBgActive] = p.background;
    c[ImGuiCol_TitleBgCollapsed] = p.background;
    c[ImGuiCol_MenuBarBg] = p.background;
    c[ImGuiCol_Button] = p.accent;
    c[ImGuiCol_ButtonHovered] = ImVec4(p.accent.x * 1.15f, p.accent.y * 1.15f, p.accent.z * 1.15f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(p.accent.x * 0.85f, p.accent.y * 0.85f, p.accent.z * 0.85f, 1);
    c[ImGuiCol_Header] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.45f);
    c[ImGuiCol_HeaderHovered] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.65f);
    c[ImGuiCol_HeaderActive] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.85f);
    c[ImGuiCol_Tab] = ImVec4(1, 1, 1, 0.05f);
    c[ImGuiCol_TabHovered] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.7f);
    c[ImGuiCol_TabActive] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.55f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(1, 1, 1, 0.06f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
    c[ImGuiCol_Separator] = ImVec4(1, 1, 1, 0.12f);
    c[ImGuiCol_PlotHistogram] = p.rebuilt;
    return g_palette;
}

}   // namespace layerlab::render
