// line_editor: a small raw-mode line editor for `layerlab shell` on a real
// terminal (termios, no external library): left/right, home/end, backspace,
// delete, up/down history, UTF-8 aware (Hangul counts two columns).
//
// It also reports the control keys the shell gives meaning to: Ctrl-C,
// Ctrl-D, and the detach sequence Ctrl-P Ctrl-Q (read as one key).
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace layerlab::frontend {

class LineEditor {
public:
    LineEditor(int fd, std::ostream& out);
    ~LineEditor();
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;

    enum class Kind { Line, CtrlC, CtrlD, CtrlBackslash, DetachKeys, Eof };
    struct Result {
        Kind kind = Kind::Eof;
        std::string line;
    };
    // Shows `prompt` and edits one line. The terminal is in raw mode only
    // while this runs.
    Result readLine(const std::string& prompt);
    void addHistory(const std::string& line);

private:
    bool enterRaw();
    void leaveRaw();
    int readByte();
    void redraw(const std::string& prompt, const std::vector<std::string>& chars, size_t cursor);

    int m_fd;
    std::ostream& m_out;
    std::vector<std::string> m_history;
    bool m_raw = false;
    struct Saved;
    Saved* m_saved = nullptr;
};

}  // namespace layerlab::frontend
