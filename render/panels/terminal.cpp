// "Terminal": the simulated host's shell, the same Machine `layerlab shell`
// drives. An input line, a scrolling output (scrollback.cpp), history on Up/Down, Tab
// completion from the same function the terminal mode uses
// (sim/cli/completion), and while attached to a container the two keys that
// matter (Ctrl-C, Ctrl-P Ctrl-Q).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"
#include "sim/cli/completion.hpp"

namespace layerlab::render::panels::terminal {
namespace {

// Tab: one choice (or the choices' common start) goes into the line, as in
// bash; a Tab that cannot add anything lists the choices in the scrollback
// (bash's second Tab: a window has no bell to ring on the first).
void completeInput(View& view, ImGuiInputTextCallbackData* data) {
    if (view.machine.attached() || view.machine.awaitingAnswer() || view.machine.needsMoreInput()) return;
    const std::string line(data->Buf, static_cast<size_t>(data->BufTextLen));
    const size_t cursor = static_cast<size_t>(data->CursorPos);
    const cli::Completion c = cli::complete(view.machine, line, cursor);
    const cli::CompletionEdit edit = cli::applyCompletion(line, c);
    if (edit.changed) {
        data->DeleteChars(static_cast<int>(c.start), static_cast<int>(c.end - c.start));
        data->InsertChars(static_cast<int>(c.start), edit.line.substr(c.start, edit.cursor - c.start).c_str());
        return;
    }
    const std::string list = cli::formatCandidates(c, 80);
    if (list.empty()) return;
    view.ui.terminal.push_back({TerminalLine::Kind::Command, view.machine.prompt() + line, ""});
    for (size_t pos = 0; pos < list.size();) {
        const size_t nl = list.find('\n', pos);
        view.ui.terminal.push_back({TerminalLine::Kind::Note, list.substr(pos, nl - pos), ""});
        pos = nl + 1;
    }
    view.ui.scrollToEnd = true;
}

// Up/Down walk the command history, as in a shell; Tab completes.
int inputCallback(ImGuiInputTextCallbackData* data) {
    auto* view = static_cast<View*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion) {
        completeInput(*view, data);
        return 0;
    }
    UiState* ui = &view->ui;
    if (data->EventFlag != ImGuiInputTextFlags_CallbackHistory || ui->history.empty()) return 0;
    const int count = static_cast<int>(ui->history.size());
    int pos = ui->historyPos;
    if (data->EventKey == ImGuiKey_UpArrow) pos = pos < 0 ? count - 1 : std::max(0, pos - 1);
    if (data->EventKey == ImGuiKey_DownArrow) pos = (pos < 0 || pos + 1 >= count) ? -1 : pos + 1;
    if (pos == ui->historyPos) return 0;
    ui->historyPos = pos;
    data->DeleteChars(0, data->BufTextLen);
    if (pos >= 0) data->InsertChars(0, ui->history[static_cast<size_t>(pos)].c_str());
    return 0;
}

void drawAttachedBar(View& view) {
    const std::string& id = view.machine.attachedContainerId();
    std::string name = id.substr(0, 12);
    for (const auto& c : view.state().containers)
        if (c.id == id) name = c.name;
    ImGui::PushStyleColor(ImGuiCol_Text, view.palette.warn);
    ImGui::TextWrapped("%s", view.strings.format("ui.terminal.attached", {name}).c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton(view.tr("ui.terminal.ctrl_c"))) view.run("^C");
    if (view.machine.attachedWithTty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(view.tr("ui.terminal.detach"))) view.run("^P^Q");
    }
}

}   // namespace

void draw(View& view) {
    UiState& ui = view.ui;
    ui::heading(view.fonts.heading(), view.tr("ui.panel.terminal"));
    // Copy: the text selected with the mouse (render/panels/scrollback.cpp), or all of it.
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(view.tr("ui.terminal.copy")).x -
                    ImGui::GetStyle().FramePadding.x * 2.0f);
    if (ImGui::SmallButton(view.tr("ui.terminal.copy"))) ImGui::SetClipboardText(copyText(view).c_str());
    if (ImGui::IsItemHovered()) ui::tooltip(view.tr("ui.terminal.copy_tip"));

    // Long lines wrap at the panel's edge: nothing is scrolled sideways.
    const float inputHeight = ImGui::GetFrameHeightWithSpacing() * (view.machine.attached() ? 3.2f : 1.2f);
    scrollback(view, -inputHeight);

    if (view.machine.attached()) drawAttachedBar(view);

    // The prompt, then the input line.
    ImGui::PushFont(view.fonts.mono());
    const std::string prompt = view.machine.prompt();
    if (!prompt.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(view.palette.ok, "%s", prompt.c_str());
        ImGui::SameLine(0, 0);
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ui.focusInput) {
        ImGui::SetKeyboardFocusHere();
        ui.focusInput = false;
    }
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory |
                                      ImGuiInputTextFlags_CallbackCompletion;
    if (ImGui::InputTextWithHint("##input", view.tr("ui.terminal.hint"), &ui.input, flags, inputCallback, &view)) {
        const std::string line = ui.input;
        ui.input.clear();
        if (!line.empty() && (ui.history.empty() || ui.history.back() != line)) ui.history.push_back(line);
        ui.historyPos = -1;
        view.run(line);
        ui.focusInput = true;
    }
    ImGui::PopFont();
}

}   // namespace layerlab::render::panels::terminal
