// line_editor: `layerlab shell`'s keyboard on a real terminal, on libedit
// (BSD editline, Debian's libedit-dev). libedit owns the terminal: raw mode,
// redrawing, wide characters (Hangul is one character of two columns; the
// program sets an UTF-8 LC_CTYPE first), the history list and Ctrl-R.
//
// Keys, as in bash's emacs mode:
//   Ctrl-A / Ctrl-E      start / end of line        Alt-B / Alt-F  word left / right
//   Ctrl-U / Ctrl-K      cut to the start / to the end of the line
//   Ctrl-W               cut the word before the cursor (up to a space, bash's unix-word-rubout)
//   Ctrl-Y               paste what the last cut took
//   Ctrl-L               clear the screen           Ctrl-R  search the history backwards
//   Up / Down, Ctrl-P / Ctrl-N   history            Tab     complete; Tab Tab lists the choices
//   Ctrl-C               abandon the line ("^C" where the cursor is, as bash)
//   Ctrl-D               end of input on an empty line, else delete the character under the cursor
// The four cut keys share one buffer of our own (libedit's ^W cuts a
// region, not a word, and its buffer is not reachable from outside).
//
// Attached mode (readLine(prompt, true)): the terminal belongs to a
// container, and four keys end the read as themselves instead of editing:
// Ctrl-C, Ctrl-D on an empty line, Ctrl-\ (LayerLab's "close this
// terminal") and the detach sequence Ctrl-P Ctrl-Q. The terminal's own
// signal keys (ISIG) and flow control (IXON) are off while editing so that
// these arrive as keys; the REPL turns them into the Machine's key lines.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/cli/completion.hpp"

namespace layerlab::frontend {

class LineEditor {
public:
    LineEditor();
    ~LineEditor();
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;

    enum class Kind { Line, CtrlC, CtrlD, CtrlBackslash, DetachKeys, Eof };
    struct Result {
        Kind kind = Kind::Eof;
        std::string line;
    };
    // Shows `prompt` and edits one line (without its newline).
    Result readLine(const std::string& prompt, bool attached = false);

    // Tab asks this for the choices (sim/cli/completion); without one, Tab
    // inserts a tab. Unset it while a heredoc body or an answer is typed.
    using Completer = std::function<cli::Completion(const std::string& line, size_t cursor)>;
    void setCompleter(Completer completer);

    // History: Up/Down and Ctrl-R walk it; blank lines and a repeat of the
    // line before are not kept (bash's HISTCONTROL=ignoreboth, less the
    // leading-space rule).
    void addHistory(const std::string& line);
    std::vector<std::string> history() const;   // oldest first
    // Reads / writes the history file (libedit's own format). load: false
    // with `error` set when the file exists but cannot be read.
    bool loadHistory(const std::string& path, std::string& error);
    bool saveHistory(const std::string& path, std::string& error) const;

    struct Impl;   // libedit's handles and the key functions (line_editor.cpp)

private:
    std::unique_ptr<Impl> m_impl;
};

// The history file for `layerlab shell` in the user's data folder
// ($XDG_DATA_HOME/layerlab/, else ~/.local/share/layerlab/): "history", or
// "history-<lesson id>" for a lesson. "" when there is no data folder.
std::string historyPath(const std::string& lessonId = "");

// Makes LC_CTYPE an UTF-8 one (the environment's when it is, else C.UTF-8)
// so that libedit reads and measures wide characters.
void useUtf8Ctype();

}   // namespace layerlab::frontend
