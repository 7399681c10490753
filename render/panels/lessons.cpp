// "Lessons": the course, one entry per lesson (lessons/index.json), or the
// eleven concepts of the course notes when no lesson files are installed.
// A started lesson shows its objective, narration cards, goals (re-checked
// after every command), hints one at a time, and its reference solution.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels::lessons {
namespace {

// The number in a filled circle, then the title wrapped to the column, as
// one selectable row.
bool lessonRow(View& view, int index, const LessonEntry& lesson, bool selected) {
    const std::string& title = view.pick(lesson.titleEn, lesson.titleKo);
    const float radius = ImGui::GetFontSize() * 0.62f;
    const float textX = radius * 2.0f + 10.0f;
    const float wrap = ImGui::GetContentRegionAvail().x - textX - 4.0f;
    const ImVec2 textSize = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap);
    const float padY = ImGui::GetStyle().FramePadding.y;
    const float rowHeight = std::max(radius * 2.0f, textSize.y) + padY * 2.0f;

    ImGui::PushID(index);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable("##lesson", selected, 0, ImVec2(0, rowHeight));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(start.x + radius + 2.0f, start.y + padY + radius);
    draw->AddCircleFilled(centre, radius, ImGui::GetColorU32(selected ? view.palette.rebuilt : view.palette.accent));
    const std::string number = std::to_string(index + 1);
    const ImVec2 numberSize = ImGui::CalcTextSize(number.c_str());
    draw->AddText(ImVec2(centre.x - numberSize.x * 0.5f, centre.y - numberSize.y * 0.5f),
                  ImGui::GetColorU32(view.palette.boxText), number.c_str());
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(start.x + textX, centre.y - ImGui::GetFontSize() * 0.5f),
                  ImGui::GetColorU32(view.palette.text), title.c_str(), nullptr, wrap);
    ImGui::PopID();
    return clicked;
}

// A goal: a filled circle when met, a hollow one when not (shape, not only
// colour), the description, and what is still missing.
void goalRow(View& view, const scenario::GoalResult& goal) {
    const float radius = ImGui::GetFontSize() * 0.32f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 centre(pos.x + radius + 1.0f, pos.y + ImGui::GetTextLineHeight() * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (goal.met) draw->AddCircleFilled(centre, radius, ImGui::GetColorU32(view.palette.ok));
    else draw->AddCircle(centre, radius, ImGui::GetColorU32(view.palette.textDim), 0, 1.5f);
    ImGui::Indent(radius * 2.0f + 8.0f);
    ImGui::TextWrapped("%s", view.pick(goal.description.en, goal.description.ko).c_str());
    if (!goal.met && !goal.missing.empty()) ui::dimWrapped(view.pick(goal.missing.en, goal.missing.ko).c_str());
    ImGui::Unindent(radius * 2.0f + 8.0f);
}

void drawActiveLesson(View& view) {
    LessonRun& run = view.ui.lesson;
    const scenario::Scenario& lesson = run.lesson;
    if (ImGui::SmallButton(view.tr("ui.lessons.back"))) {
        view.leaveLesson();
        return;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(view.tr("ui.lessons.restart"))) {
        view.startLesson(run.index);
        return;
    }
    ImGui::Spacing();
    ImGui::PushFont(view.fonts.heading());
    ImGui::TextWrapped("%d. %s", run.index + 1, view.pick(lesson.title.en, lesson.title.ko).c_str());
    ImGui::PopFont();
    ImGui::Separator();

    ImGui::BeginChild("##lesson", ImVec2(0, 0), false);
    ImGui::TextColored(view.palette.rebuilt, "%s", view.tr("ui.lessons.objective"));
    ImGui::TextWrapped("%s", view.pick(lesson.objective.en, lesson.objective.ko).c_str());
    ImGui::Spacing();

    int met = 0;
    for (const auto& g : run.goals) met += g.met ? 1 : 0;
    const bool done = !run.goals.empty() && met == static_cast<int>(run.goals.size());
    ImGui::TextColored(
        done ? view.palette.ok : view.palette.rebuilt, "%s",
        view.strings.format("ui.lessons.goals", {std::to_string(met), std::to_string(run.goals.size())}).c_str());
    for (const auto& goal : run.goals) goalRow(view, goal);
    if (done) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.ok);   // wrapped: the panel is narrow at 1280x720
        ImGui::TextWrapped("%s", view.tr("ui.lessons.done"));
        ImGui::PopStyleColor();
        // The completion line in the terminal points here ("the Next lesson button in the lesson panel").
        const bool last = !view.ui.catalog || run.index + 1 >= static_cast<int>(view.ui.catalog->lessons.size());
        if (!last && ImGui::Button(view.tr("lesson.next"))) {
            ImGui::EndChild();
            view.startLesson(run.index + 1);
            return;
        }
    }
    ImGui::Spacing();

    for (size_t i = 0; i < lesson.cards.size(); ++i) {
        const scenario::Card& card = lesson.cards[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::CollapsingHeader(view.pick(card.title.en, card.title.ko).c_str(),
                                    i == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0))
            ImGui::TextWrapped("%s", view.pick(card.text.en, card.text.ko).c_str());
        ImGui::PopID();
    }
    ImGui::Spacing();

    // Hints one at a time, then the reference solution.
    const int hints = static_cast<int>(lesson.hints.size());
    for (int i = 0; i < std::min(run.hintsShown, hints); ++i)
        ui::dimWrapped(
            ("- " + view.pick(lesson.hints[static_cast<size_t>(i)].en, lesson.hints[static_cast<size_t>(i)].ko))
                .c_str());
    if (run.hintsShown < hints &&
        ImGui::Button(
            view.strings.format("ui.lessons.hint", {std::to_string(run.hintsShown + 1), std::to_string(hints)})
                .c_str())) {
        view.ui.session->hint();   // counted in the progress, as `hint` in the shell
        view.refreshGoals();
    }
    // The solution unlocks once every hint was shown (hints go from the idea to the command).
    if (run.hintsShown >= hints) ImGui::Checkbox(view.tr("ui.lessons.solution"), &run.showSolution);
    if (run.showSolution && run.hintsShown >= hints) {
        ImGui::PushFont(view.fonts.mono());
        for (const auto& step : lesson.solution) {
            if (step.kind == scenario::Step::Kind::Command) ImGui::TextWrapped("$ %s", step.command.c_str());
            else if (step.kind == scenario::Step::Kind::Write)
                ImGui::TextWrapped("%s", view.strings.format("ui.lessons.write", {step.path}).c_str());
        }
        ImGui::PopFont();
    }
    ImGui::EndChild();
}

}   // namespace

void draw(View& view) {
    if (view.ui.lesson.active) {
        drawActiveLesson(view);
        return;
    }
    ui::heading(view.fonts.heading(), view.tr("ui.panel.lessons"));
    // A lesson file the loader refused: its errors, with their JSON pointers.
    if (!view.ui.lessonErrors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.failed);
        ImGui::TextWrapped("%s", view.tr("ui.lessons.invalid"));
        for (const auto& e : view.ui.lessonErrors) ImGui::TextWrapped("%s", e.c_str());
        ImGui::PopStyleColor();
    }
    if (view.ui.lessons.empty()) {
        ui::dimWrapped(view.tr("ui.lessons.none"));
        return;
    }
    ImGui::BeginChild("##list", ImVec2(0, 0), false);
    for (int i = 0; i < static_cast<int>(view.ui.lessons.size()); ++i) {
        const LessonEntry& lesson = view.ui.lessons[static_cast<size_t>(i)];
        const bool selected = view.ui.selectedLesson == i;
        if (lessonRow(view, i, lesson, selected)) view.ui.selectedLesson = selected ? -1 : i;
        if (!selected) continue;
        ImGui::Indent(ImGui::GetFontSize() * 1.6f);
        ui::dimWrapped(view.pick(lesson.summaryEn, lesson.summaryKo).c_str());
        const std::string& objective = view.pick(lesson.objectiveEn, lesson.objectiveKo);
        if (!objective.empty()) {
            ImGui::Spacing();
            ImGui::TextColored(view.palette.rebuilt, "%s", view.tr("ui.lessons.objective"));
            ImGui::TextWrapped("%s", objective.c_str());
        }
        if (lesson.playable && ImGui::Button(view.tr("ui.lessons.start"))) view.startLesson(i);
        if (view.ui.lesson.index == i && !view.ui.lesson.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, view.palette.failed);
            ImGui::TextWrapped("%s", view.ui.lesson.error.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Unindent(ImGui::GetFontSize() * 1.6f);
        ImGui::Spacing();
    }
    ImGui::EndChild();
}

}   // namespace layerlab::render::panels::lessons
