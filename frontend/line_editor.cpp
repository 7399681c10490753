// line_editor: termios raw mode, ANSI redraw. See line_editor.hpp.
#include "frontend/line_editor.hpp"

#include <termios.h>
#include <unistd.h>

#include "sim/engine/docker_format.hpp"

namespace layerlab::frontend {

struct LineEditor::Saved {
    termios attrs;
};

LineEditor::LineEditor(int fd, std::ostream& out) : m_fd(fd), m_out(out) {}

LineEditor::~LineEditor() {
    leaveRaw();
    delete m_saved;
}

bool LineEditor::enterRaw() {
    if (m_raw) return true;
    if (!m_saved) m_saved = new Saved{};
    if (tcgetattr(m_fd, &m_saved->attrs) != 0) return false;
    termios raw = m_saved->attrs;
    // no echo, no canonical lines, no signals from Ctrl-C/Ctrl-Z, no Ctrl-S/Q flow control
    raw.c_lflag &= static_cast<tcflag_t>(~(ECHO | ICANON | ISIG | IEXTEN));
    raw.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL | BRKINT | INPCK | ISTRIP));
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(m_fd, TCSAFLUSH, &raw) != 0) return false;
    m_raw = true;
    return true;
}

void LineEditor::leaveRaw() {
    if (!m_raw || !m_saved) return;
    tcsetattr(m_fd, TCSAFLUSH, &m_saved->attrs);
    m_raw = false;
}

int LineEditor::readByte() {
    unsigned char c = 0;
    ssize_t n = ::read(m_fd, &c, 1);
    return n == 1 ? c : -1;
}

void LineEditor::addHistory(const std::string& line) {
    if (line.empty() || (!m_history.empty() && m_history.back() == line)) return;
    m_history.push_back(line);
}

void LineEditor::redraw(const std::string& prompt, const std::vector<std::string>& chars, size_t cursor) {
    std::string all, after;
    for (size_t i = 0; i < chars.size(); ++i) {
        all += chars[i];
        if (i >= cursor) after += chars[i];
    }
    m_out << "\r" << prompt << all << "\x1b[K";
    int back = engine::format::displayWidth(after);
    if (back > 0) m_out << "\x1b[" << back << "D";
    m_out.flush();
}

LineEditor::Result LineEditor::readLine(const std::string& prompt) {
    Result result;
    if (!enterRaw()) {
        // not a terminal after all: plain read
        std::string line;
        int c;
        while ((c = readByte()) >= 0 && c != '\n') line += static_cast<char>(c);
        result.kind = c < 0 && line.empty() ? Kind::Eof : Kind::Line;
        result.line = line;
        return result;
    }
    std::vector<std::string> chars;   // one UTF-8 code point each
    size_t cursor = 0;
    size_t histIndex = m_history.size();
    std::vector<std::string> draft;
    redraw(prompt, chars, cursor);
    auto setText = [&](const std::string& text) {
        chars.clear();
        for (size_t i = 0; i < text.size();) {
            size_t len = 1;
            unsigned char b = static_cast<unsigned char>(text[i]);
            if (b >= 0xF0) len = 4;
            else if (b >= 0xE0) len = 3;
            else if (b >= 0xC0) len = 2;
            chars.push_back(text.substr(i, len));
            i += len;
        }
        cursor = chars.size();
    };
    auto text = [&] {
        std::string s;
        for (const auto& ch : chars) s += ch;
        return s;
    };
    for (;;) {
        int c = readByte();
        if (c < 0) {
            result.kind = Kind::Eof;
            break;
        }
        if (c == '\r' || c == '\n') {
            result.kind = Kind::Line;
            result.line = text();
            m_out << "\r\n";
            break;
        }
        if (c == 3) {   // Ctrl-C
            result.kind = Kind::CtrlC;
            result.line = text();
            m_out << "^C\r\n";
            break;
        }
        if (c == 28) {   // Ctrl-\ : LayerLab's "close this terminal"
            result.kind = Kind::CtrlBackslash;
            m_out << "^\\\r\n";
            break;
        }
        if (c == 4) {   // Ctrl-D: EOF on an empty line, delete otherwise
            if (chars.empty()) {
                result.kind = Kind::CtrlD;
                m_out << "\r\n";
                break;
            }
            if (cursor < chars.size()) chars.erase(chars.begin() + static_cast<long>(cursor));
        } else if (c == 16) {   // Ctrl-P: the first half of the detach keys
            int d = readByte();
            if (d == 17) {
                result.kind = Kind::DetachKeys;
                m_out << "\r\n";
                break;
            }
        } else if (c == 127 || c == 8) {
            if (cursor > 0) {
                chars.erase(chars.begin() + static_cast<long>(cursor) - 1);
                --cursor;
            }
        } else if (c == 1) {
            cursor = 0;
        } else if (c == 5) {
            cursor = chars.size();
        } else if (c == 27) {   // escape sequences: arrows, home/end, delete
            int a = readByte();
            int b = readByte();
            if (a == '[' || a == 'O') {
                if (b == 'D' && cursor > 0) --cursor;
                else if (b == 'C' && cursor < chars.size()) ++cursor;
                else if (b == 'H') cursor = 0;
                else if (b == 'F') cursor = chars.size();
                else if (b == 'A' && histIndex > 0) {
                    --histIndex;
                    setText(m_history[histIndex]);
                } else if (b == 'B') {
                    if (histIndex + 1 < m_history.size()) {
                        ++histIndex;
                        setText(m_history[histIndex]);
                    } else {
                        histIndex = m_history.size();
                        setText("");
                    }
                } else if (b >= '1' && b <= '8') {
                    int tilde = readByte();
                    if (tilde == '~') {
                        if (b == '1' || b == '7') cursor = 0;
                        else if (b == '4' || b == '8') cursor = chars.size();
                        else if (b == '3' && cursor < chars.size())
                            chars.erase(chars.begin() + static_cast<long>(cursor));
                    }
                }
            }
        } else if (c >= 32) {
            std::string ch(1, static_cast<char>(c));
            int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
            for (int k = 0; k < extra; ++k) {
                int d = readByte();
                if (d < 0) break;
                ch += static_cast<char>(d);
            }
            chars.insert(chars.begin() + static_cast<long>(cursor), ch);
            ++cursor;
        }
        redraw(prompt, chars, cursor);
    }
    leaveRaw();
    return result;
}

}  // namespace layerlab::frontend
