// LayerLab's own lines in the terminal (View::note): each keeps its English
// and its Korean, so the terminal shows every old line of LayerLab's in the
// language chosen now (TerminalLine::in), not the one it was written in.
// Docker's own output is not translated: real Docker prints it in English.
#include "render/view.hpp"

namespace layerlab::render {
namespace {

// A text as one scrollback entry: without its last newline, and with the
// shell's ✔ and ✘, which the window's font (NanumGothic) lacks, as √ and ×.
std::string entryText(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"✔", "√"}, {"✘", "×"}})
        for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    return text;
}

}   // namespace

void View::note(TerminalLine::Kind kind, const char* key, std::initializer_list<std::string> args) {
    note(kind, scenario::LocalizedText{formatPattern(strings.trIn("en", key), args),
                                       formatPattern(strings.trIn("ko", key), args)});
}

void View::note(TerminalLine::Kind kind, const scenario::LocalizedText& text) {
    if (text.en.empty() && text.ko.empty()) return;
    const std::string en = entryText(text.en.empty() ? text.ko : text.en);
    const std::string ko = entryText(text.ko);
    fonts.addText(en + ko);
    ui.terminal.push_back({kind, en, ko == en ? std::string() : ko});
    ui.scrollToEnd = true;
}

scenario::LocalizedText View::bothLanguages(const char* key, const scenario::LocalizedText& arg) const {
    return {formatPattern(strings.trIn("en", key), {arg.en}),
            formatPattern(strings.trIn("ko", key), {arg.ko.empty() ? arg.en : arg.ko})};
}

}   // namespace layerlab::render
