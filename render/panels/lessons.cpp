// "Lessons": the course, one entry per lesson (lessons/index.json), or the
// eleven concepts of the course notes when no lesson files are installed.
#include <imgui.h>

#include <string>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels::lessons {
namespace {

// The number in a filled circle, then the title, as one selectable row.
bool lessonRow(View& view, int index, const LessonEntry& lesson, bool selected) {
    const std::string& title = view.pick(lesson.titleEn, lesson.titleKo);
    const float radius = ImGui::GetFontSize() * 0.62f;
    ImGui::PushID(index);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float rowHeight = radius * 2.0f + ImGui::GetStyle().FramePadding.y;
    bool clicked = ImGui::Selectable("##lesson", selected, 0, ImVec2(0, rowHeight));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(start.x + radius + 2.0f, start.y + rowHeight * 0.5f);
    draw->AddCircleFilled(centre, radius, ImGui::GetColorU32(selected ? view.palette.rebuilt : view.palette.accent));
    const std::string number = std::to_string(index + 1);
    const ImVec2 numberSize = ImGui::CalcTextSize(number.c_str());
    draw->AddText(ImVec2(centre.x - numberSize.x * 0.5f, centre.y - numberSize.y * 0.5f),
                  ImGui::GetColorU32(view.palette.boxText), number.c_str());
    const ImVec2 textPos(start.x + radius * 2.0f + 10.0f, start.y + (rowHeight - ImGui::GetFontSize()) * 0.5f);
    const float clipRight = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    draw->PushClipRect(textPos, ImVec2(clipRight, textPos.y + rowHeight), true);
    draw->AddText(textPos, ImGui::GetColorU32(view.palette.text), title.c_str());
    draw->PopClipRect();
    if (ImGui::IsItemHovered() && !lesson.summaryEn.empty()) ui::tooltip(title.c_str());
    ImGui::PopID();
    return clicked;
}

}  // namespace

void draw(View& view) {
    ui::heading(view.fonts.heading(), view.tr("ui.panel.lessons"));
    if (view.ui.lessons.empty()) {
        ui::dimWrapped(view.tr("ui.lessons.none"));
        return;
    }
    for (int i = 0; i < static_cast<int>(view.ui.lessons.size()); ++i) {
        const LessonEntry& lesson = view.ui.lessons[static_cast<size_t>(i)];
        const bool selected = view.ui.selectedLesson == i;
        if (lessonRow(view, i, lesson, selected)) view.ui.selectedLesson = selected ? -1 : i;
        if (selected) {
            ImGui::Indent(ImGui::GetFontSize() * 1.6f);
            ui::dimWrapped(view.pick(lesson.summaryEn, lesson.summaryKo).c_str());
            ImGui::Unindent(ImGui::GetFontSize() * 1.6f);
            ImGui::Spacing();
        }
    }
}

}  // namespace layerlab::render::panels::lessons
