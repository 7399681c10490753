// "Dockerfile": the build context's Dockerfile in an editor, its parse
// errors and warnings as BuildKit reports them (with the teaching
// explanation), and the Save / Build buttons. Save and Build are command
// lines sent through the Machine, like everything the window does.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels::dockerfile {
namespace {

using layerlab::dockerfile::Diagnostic;

void reparseIfChanged(View& view) {
    UiState& ui = view.ui;
    if (ui.parsedOnce && ui.parsedText == ui.dockerfile) return;
    ui.parsed = layerlab::dockerfile::parseDockerfile(ui.dockerfile);
    ui.parsedText = ui.dockerfile;
    ui.parsedOnce = true;
    // Diagnostics can quote the learner's own Hangul (the notes' inline comments).
    if (ui.parsed.error) view.fonts.addText(ui.parsed.error->message + ui.parsed.error->explainKo);
    for (const auto& w : ui.parsed.warnings) view.fonts.addText(w.message + w.explainKo);
}

void drawDiagnostic(View& view, const Diagnostic& d) {
    const bool error = d.severity == Diagnostic::Severity::Error;
    ImGui::PushID(&d);
    ui::badge(error ? view.tr("ui.dockerfile.error") : view.tr("ui.dockerfile.warning"),
              error ? view.palette.failed : view.palette.configOnly);
    ImGui::SameLine();
    const std::string where = d.range.startLine > 0
                                  ? view.strings.format("ui.dockerfile.line", {std::to_string(d.range.startLine)}) + " "
                                  : std::string();
    ImGui::TextWrapped("%s%s", where.c_str(), d.message.c_str());
    const std::string& explain = view.pick(d.explainEn, d.explainKo);
    if (!explain.empty()) {
        ImGui::Indent(ImGui::GetFontSize());
        ui::dimWrapped(explain.c_str());
        ImGui::Unindent(ImGui::GetFontSize());
    }
    ImGui::PopID();
}

void drawToolbar(View& view) {
    UiState& ui = view.ui;
    const bool dirty = ui.dockerfile != ui.dockerfileOnDisk;
    ImGui::BeginDisabled(!dirty);
    if (ImGui::Button(view.tr("ui.dockerfile.save"))) view.saveDockerfile();
    ImGui::SameLine();
    if (ImGui::Button(view.tr("ui.dockerfile.revert"))) ui.dockerfile = ui.dockerfileOnDisk;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, view.palette.rebuilt);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::mix(view.palette.rebuilt, ImVec4(1, 1, 1, 1), 0.15f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ui::mix(view.palette.rebuilt, ImVec4(0, 0, 0, 1), 0.15f));
    const bool build = ImGui::Button(view.tr("ui.dockerfile.build"));
    ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) ui::tooltip(view.strings.format("ui.dockerfile.build_tip", {kBuildCommand}).c_str());
    if (build) {
        // Build what the editor shows: unsaved edits are saved first, as a
        // learner would save before running docker build.
        if (!dirty || view.saveDockerfile().ok()) view.run(kBuildCommand);
    }
    ImGui::SameLine();
    ImGui::PushFont(view.fonts.mono());
    ImGui::TextDisabled("$ %s", kBuildCommand);
    ImGui::PopFont();
}

}   // namespace

void draw(View& view) {
    UiState& ui = view.ui;
    const bool dirty = ui.dockerfile != ui.dockerfileOnDisk;
    std::string title = view.tr("ui.panel.dockerfile");
    ImGui::PushFont(view.fonts.heading());
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s/Dockerfile%s", view.machine.cwdDisplay().c_str(),
                        dirty ? view.tr("ui.dockerfile.modified") : "");
    ImGui::Separator();

    drawToolbar(view);
    reparseIfChanged(view);

    const auto& parsed = ui.parsed;
    const int diagnostics = (parsed.error ? 1 : 0) + static_cast<int>(parsed.warnings.size());
    const float diagHeight =
        diagnostics == 0
            ? ImGui::GetTextLineHeightWithSpacing()
            : std::min(ImGui::GetContentRegionAvail().y * 0.4f,
                       ImGui::GetTextLineHeightWithSpacing() * (2.2f * static_cast<float>(diagnostics) + 0.5f));

    ImGui::PushFont(view.fonts.mono());
    ImGui::InputTextMultiline("##dockerfile", &ui.dockerfile, ImVec2(-FLT_MIN, -diagHeight),
                              ImGuiInputTextFlags_AllowTabInput);
    // The line of the block clicked in the layer stack (the editor's own
    // scroll is not known here; a course Dockerfile fits without scrolling).
    if (ui.picture.editorLine > 0) {
        const ImVec2 box = ImGui::GetItemRectMin();
        const ImVec2 boxMax = ImGui::GetItemRectMax();
        const float y = box.y + ImGui::GetStyle().FramePadding.y +
                        static_cast<float>(ui.picture.editorLine - 1) * ImGui::GetTextLineHeight();
        // Drawn over the editor's own child window (a window draw list would be under it).
        if (y + ImGui::GetTextLineHeight() < boxMax.y) {
            ImDrawList* over = ImGui::GetForegroundDrawList();
            const ImVec2 a(box.x + 2, y), b(boxMax.x - 14, y + ImGui::GetTextLineHeight());
            ImVec4 fill = view.palette.rebuilt;
            fill.w = 0.22f;
            over->AddRectFilled(a, b, ImGui::GetColorU32(fill));
            over->AddRect(a, b, ImGui::GetColorU32(view.palette.rebuilt));
        }
    }
    ImGui::PopFont();
    if (ImGui::IsItemEdited()) view.fonts.addText(ui.dockerfile);

    ImGui::BeginChild("##diagnostics", ImVec2(0, 0), false);
    if (!ui.dockerfileExists && ui.dockerfile.empty()) {
        ui::dimWrapped(view.tr("ui.dockerfile.missing"));
    } else if (diagnostics == 0) {
        ImGui::TextColored(view.palette.ok, "%s", view.tr("ui.dockerfile.ok"));
    } else {
        if (parsed.error) drawDiagnostic(view, *parsed.error);
        for (const auto& warning : parsed.warnings) drawDiagnostic(view, warning);
    }
    ImGui::EndChild();
}

}   // namespace layerlab::render::panels::dockerfile
