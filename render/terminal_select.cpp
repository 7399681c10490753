// terminal_select: see terminal_select.hpp.
#include "render/terminal_select.hpp"

#include <algorithm>

#include "render/view.hpp"

namespace layerlab::render {

std::pair<size_t, size_t> selectedRange(const TerminalSelection& s, size_t line, size_t size) {
    const auto [from, to] = s.ordered();
    if (s.empty() || line < from.line || line > to.line) return {0, 0};
    const size_t first = line == from.line ? std::min(from.offset, size) : 0;
    const size_t last = line == to.line ? std::min(to.offset, size) : size;
    return {first, std::max(first, last)};
}

std::string selectedText(const std::vector<TerminalLine>& lines, bool korean, const TerminalSelection& s) {
    if (s.empty()) return {};
    const auto [from, to] = s.ordered();
    std::string text;
    for (size_t i = from.line; i <= to.line && i < lines.size(); ++i) {
        const std::string& shown = lines[i].in(korean);
        const auto [first, last] = selectedRange(s, i, shown.size());
        if (i > from.line) text += '\n';
        text += shown.substr(first, last - first);
    }
    return text;
}

std::string allText(const std::vector<TerminalLine>& lines, bool korean) {
    std::string text;
    for (const TerminalLine& line : lines) text += line.in(korean) + "\n";
    return text;
}

}   // namespace layerlab::render
