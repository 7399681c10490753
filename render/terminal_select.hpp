// Selecting text in the window's terminal with the mouse: where a drag
// began and where it is now, as positions in the scrollback's entries
// (entry index, byte offset in the text the entry shows in the current
// language), and the text between them, which Ctrl+C and the Copy button
// put on the clipboard. Plain data and string work (no ImGui): the panel
// (render/panels/terminal.cpp) turns the mouse into positions.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace layerlab::render {

struct TerminalLine;

struct TextPos {
    size_t line = 0;   // index into UiState::terminal
    size_t offset = 0;   // byte offset into that entry's shown text
    bool operator<(const TextPos& o) const { return line != o.line ? line < o.line : offset < o.offset; }
    bool operator==(const TextPos& o) const { return line == o.line && offset == o.offset; }
};

struct TerminalSelection {
    TextPos anchor, head;   // where the drag began, where it is now
    bool dragging = false;
    bool korean = false;   // the language the offsets count in (a switch clears the selection)
    bool empty() const { return anchor == head; }
    std::pair<TextPos, TextPos> ordered() const {
        return head < anchor ? std::pair{head, anchor} : std::pair{anchor, head};
    }
    void clear() { *this = TerminalSelection{}; }
};

// One row of the scrollback as drawn in the last frame: the piece
// [begin, end) of entry LINE's shown text, at x, y (screen pixels).
struct TerminalRow {
    size_t line = 0, begin = 0, end = 0;
    float x = 0, y = 0, w = 0, h = 0;
};

// The part of entry LINE's TEXT (shown text, SIZE bytes) the selection
// covers, as [first, second) byte offsets; first == second when none.
std::pair<size_t, size_t> selectedRange(const TerminalSelection& s, size_t line, size_t size);

// The selected text: entries joined by '\n', each as shown in the language chosen.
std::string selectedText(const std::vector<TerminalLine>& lines, bool korean, const TerminalSelection& s);

// Every entry as shown, one per line (Copy with nothing selected).
std::string allText(const std::vector<TerminalLine>& lines, bool korean);

}   // namespace layerlab::render
