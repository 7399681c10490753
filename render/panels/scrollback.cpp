// The terminal's scrollback: each entry wrapped at the panel's edge into
// rows (nothing scrolls sideways), in its colour (commands, errors, notes,
// teaching hints), in the language chosen now for LayerLab's own lines.
// ImGui's text cannot be selected, so the rows are laid out here and the
// mouse is turned into positions in the text: a drag selects, Ctrl+C and
// the Copy button copy (render/terminal_select.hpp).
#include <imgui.h>
#include <imgui_internal.h>   // ImTextCharFromUtf8

#include <algorithm>
#include <cfloat>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"

namespace layerlab::render::panels::terminal {
namespace {

ImVec4 lineColour(const View& view, TerminalLine::Kind kind) {
    switch (kind) {
        case TerminalLine::Kind::Command:
            return view.palette.ok;
        case TerminalLine::Kind::Error:
            return view.palette.failed;
        case TerminalLine::Kind::Note:
            return view.palette.textDim;
        case TerminalLine::Kind::Hint:
            return ui::mix(view.palette.cached, view.palette.text, 0.45f);
        case TerminalLine::Kind::Output:
            break;
    }
    return view.palette.text;
}

size_t nextChar(const std::string& text, size_t at, size_t end) {
    unsigned int c = 0;
    const int len = ImTextCharFromUtf8(&c, text.data() + at, text.data() + end);
    return at + static_cast<size_t>(std::max(1, len));
}

// TEXT's rows at WIDTH: cut at its newlines, and where a line is too long
// at a word's end (ImGui's own wrapping rule); the blanks a wrap falls on
// start no row.
std::vector<std::pair<size_t, size_t>> wrapRows(const std::string& text, float width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::vector<std::pair<size_t, size_t>> rows;
    for (size_t pos = 0;;) {
        const size_t newline = text.find('\n', pos);
        const size_t lineEnd = newline == std::string::npos ? text.size() : newline;
        size_t at = pos;
        do {
            size_t cut = static_cast<size_t>(
                font->CalcWordWrapPositionA(scale, text.data() + at, text.data() + lineEnd, width) - text.data());
            if (cut <= at && at < lineEnd) cut = nextChar(text, at, lineEnd);   // one wide glyph: a row of its own
            rows.emplace_back(at, cut);
            at = cut;
            while (at < lineEnd && (text[at] == ' ' || text[at] == '\t')) ++at;
        } while (at < lineEnd);
        if (newline == std::string::npos) return rows;
        pos = newline + 1;
    }
}

float widthOf(const std::string& text, size_t from, size_t to) {
    return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, text.data() + from, text.data() + to).x;
}

// The position in the text under the mouse: the nearest character edge of
// the row under it (above the first row: its start; below the last: its end).
TextPos positionAt(const View& view, const std::vector<TerminalRow>& rows, ImVec2 mouse) {
    const bool korean = view.korean();
    if (mouse.y < rows.front().y) return {rows.front().line, rows.front().begin};
    auto row = std::find_if(rows.begin(), rows.end(), [&](const TerminalRow& r) { return mouse.y < r.y + r.h; });
    if (row == rows.end()) return {rows.back().line, rows.back().end};
    const std::string& text = view.ui.terminal[row->line].in(korean);
    float x = row->x;
    size_t at = row->begin;
    while (at < row->end) {
        const size_t next = nextChar(text, at, row->end);
        const float w = widthOf(text, at, next);
        if (mouse.x < x + w * 0.5f) break;
        x += w;
        at = next;
    }
    return {row->line, at};
}

// A press over the text starts a selection; dragging moves its end (and
// scrolls when it leaves the panel); the release ends the drag.
void mouseSelect(View& view, const std::vector<TerminalRow>& rows) {
    TerminalSelection& sel = view.ui.selection;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float textRight = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (!rows.empty() && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseClicked(0) && mouse.x < textRight) {
        sel.anchor = sel.head = positionAt(view, rows, mouse);
        sel.dragging = true;
        sel.korean = view.korean();
    }
    if (!sel.dragging) return;
    if (!ImGui::IsMouseDown(0) || rows.empty()) {
        sel.dragging = false;
        return;
    }
    sel.head = positionAt(view, rows, mouse);
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    const float step = ImGui::GetTextLineHeightWithSpacing();
    if (mouse.y < top) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - step));
    else if (mouse.y > bottom) ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + step));
}

// One row: the selection's background under the part it covers, then the text.
void drawRow(View& view, const TerminalLine& line, const std::string& text, const TerminalRow& row) {
    const TerminalSelection& sel = view.ui.selection;
    const auto [from, to] = sel.ordered();
    if (!sel.empty() && row.line >= from.line && row.line <= to.line) {
        const auto [first, last] = selectedRange(sel, row.line, text.size());
        const size_t lo = std::clamp(first, row.begin, row.end), hi = std::clamp(last, row.begin, row.end);
        // The selection goes on past this row's end (a wrapped line, the next entry): a little more is marked.
        const bool onward = last > row.end || (row.end == text.size() && row.line < to.line);
        if (hi > lo || (onward && first <= row.end)) {
            const float x0 = row.x + widthOf(text, row.begin, lo);
            const float x1 = row.x + widthOf(text, row.begin, hi) + (onward ? ImGui::GetFontSize() * 0.4f : 0.0f);
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x0, row.y), ImVec2(x1, row.y + row.h),
                                                      ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, lineColour(view, line.kind));
    ImGui::TextUnformatted(text.data() + row.begin, text.data() + row.end);
    ImGui::PopStyleColor();
}

}   // namespace

std::string copyText(const View& view) {
    const std::string selected = selectedText(view.ui.terminal, view.korean(), view.ui.selection);
    return selected.empty() ? allText(view.ui.terminal, view.korean()) : selected;
}

void scrollback(View& view, float height) {
    UiState& ui = view.ui;
    if (ui.selection.korean != view.korean() || ui.selection.anchor.line >= ui.terminal.size() ||
        ui.selection.head.line >= ui.terminal.size())
        ui.selection.clear();   // offsets count in the text of one language, in lines still kept
    ImGui::PushStyleColor(ImGuiCol_ChildBg, view.palette.terminalBg);
    ImGui::BeginChild("##scrollback", ImVec2(0, height), true);
    ImGui::PushFont(view.fonts.mono());
    if (ui.terminal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.textDim);
        ImGui::TextWrapped("%s", view.tr("ui.terminal.welcome"));
        ImGui::PopStyleColor();
    }
    // Wrapped lines differ in height, so no list clipper: the newest
    // kMaxShown entries are laid out (Copy still takes them all).
    constexpr size_t kMaxShown = 1500;
    const float width = std::max(ImGui::GetFontSize() * 2.0f, ImGui::GetContentRegionAvail().x);
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    // Scrolled to the end last frame: it stays there as lines come (or
    // rewrap when the font atlas grows), as a terminal does; a scroll up stays put.
    const bool atEnd = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    std::vector<TerminalRow> rows;
    ui.terminalRows.clear();
    for (size_t i = ui.terminal.size() > kMaxShown ? ui.terminal.size() - kMaxShown : 0; i < ui.terminal.size(); ++i) {
        const std::string& text = ui.terminal[i].in(view.korean());
        for (const auto& [begin, end] : wrapRows(text, width)) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            TerminalRow row{i, begin, end, at.x, at.y, widthOf(text, begin, end), lineH};
            drawRow(view, ui.terminal[i], text, row);
            rows.push_back(row);
            if (row.y + row.h > top && row.y < bottom) ui.terminalRows.push_back(row);
        }
    }
    mouseSelect(view, rows);
    if (ui.scrollToEnd || (atEnd && !ui.selection.dragging)) {
        ImGui::SetScrollHereY(1.0f);
        ui.scrollToEnd = false;
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    // Ctrl+C copies the selection while the terminal has the focus (an
    // input line that is being edited copies its own text instead).
    const ImGuiIO& io = ImGui::GetIO();
    if (!ui.selection.empty() && io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false) &&
        !ImGui::IsAnyItemActive() && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
        ImGui::SetClipboardText(selectedText(ui.terminal, view.korean(), ui.selection).c_str());
}

}   // namespace layerlab::render::panels::terminal
