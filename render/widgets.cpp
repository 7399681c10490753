#include "render/widgets.hpp"

#include "render/theme.hpp"

namespace layerlab::render::ui {

void heading(ImFont* font, const char* text) {
    ImGui::PushFont(font);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::Separator();
    ImGui::Spacing();
}

ImVec2 badgeSize(const char* text) {
    ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    return ImVec2(size.x + pad.x * 1.5f, size.y + pad.y * 0.8f);
}

void badge(const char* text, const ImVec4& color) {
    const ImVec2 size = badgeSize(text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(color), size.y * 0.3f);
    const ImVec2 textSize = ImGui::CalcTextSize(text);
    draw->AddText(ImVec2(pos.x + (size.x - textSize.x) * 0.5f, pos.y + (size.y - textSize.y) * 0.5f),
                  ImGui::GetColorU32(palette().boxText), text);
    ImGui::Dummy(size);
}

void dimWrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().textDim);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void tooltip(const char* text) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void helpMarker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) tooltip(text);
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

void centerNext(float width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
}

void flowNext(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float toggleWidth(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text = ImGui::CalcTextSize(label, nullptr, true).x;
    return ImGui::GetFrameHeight() + (text > 0.0f ? style.ItemInnerSpacing.x + text : 0.0f);
}

}   // namespace layerlab::render::ui
