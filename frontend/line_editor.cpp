// line_editor: libedit set up as bash's emacs mode. See line_editor.hpp.
#include "frontend/line_editor.hpp"

#include <histedit.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

#include "sim/scenario/lesson_session.hpp"

namespace layerlab::frontend {

struct LineEditor::Impl {
    EditLine* el = nullptr;
    History* hist = nullptr;
    std::string prompt;
    bool attached = false;
    Kind key = Kind::Line;   // set by a key function that ends the read as a key
    std::string cut;   // what Ctrl-U/K/W took last, for Ctrl-Y
    std::string lastTabLine;   // the line and cursor at the last Tab that changed nothing:
    size_t lastTabCursor = 0;   // a second Tab there lists the choices
    bool lastTabValid = false;
    Completer completer;
};

namespace {

using Impl = LineEditor::Impl;

Impl& self(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return *static_cast<Impl*>(data);
}

char* promptOf(EditLine* el) { return self(el).prompt.data(); }

// The line as UTF-8 and the cursor as a byte offset into it.
struct Typed {
    std::string text;
    size_t cursor = 0;
};
Typed typed(EditLine* el) {
    const LineInfo* li = el_line(el);
    return {std::string(li->buffer, li->lastchar), static_cast<size_t>(li->cursor - li->buffer)};
}

// libedit counts characters, not bytes.
int characters(std::string_view utf8) {
    int n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

// ---- keys that end the read as themselves -----------------------------------

unsigned char interruptKey(EditLine* el, int) {   // Ctrl-C
    self(el).key = LineEditor::Kind::CtrlC;
    return CC_EOF;
}

unsigned char eofKey(EditLine* el, int) {   // Ctrl-D
    Typed t = typed(el);
    if (t.text.empty()) {
        self(el).key = LineEditor::Kind::CtrlD;
        return CC_EOF;
    }
    if (t.cursor >= t.text.size()) return CC_NORM;   // at the end: nothing to delete, as bash
    el_cursor(el, 1);
    el_deletestr(el, 1);
    return CC_REFRESH;
}

unsigned char quitKey(EditLine* el, int) {   // Ctrl-\: only meaningful while attached
    Impl& s = self(el);
    if (!s.attached) return CC_NORM;
    s.key = LineEditor::Kind::CtrlBackslash;
    return CC_EOF;
}

unsigned char detachKeys(EditLine* el, int) {   // Ctrl-P Ctrl-Q (bound only while attached)
    self(el).key = LineEditor::Kind::DetachKeys;
    return CC_EOF;
}

// ---- bash's cut and paste ---------------------------------------------------

unsigned char cutToStart(EditLine* el, int) {   // Ctrl-U, bash's unix-line-discard
    Typed t = typed(el);
    self(el).cut = t.text.substr(0, t.cursor);
    el_deletestr(el, characters(self(el).cut));
    return CC_REFRESH;
}

unsigned char cutToEnd(EditLine* el, int) {   // Ctrl-K, kill-line
    Typed t = typed(el);
    self(el).cut = t.text.substr(t.cursor);
    const int n = characters(self(el).cut);
    el_cursor(el, n);
    el_deletestr(el, n);
    return CC_REFRESH;
}

unsigned char cutWord(EditLine* el, int) {   // Ctrl-W, unix-word-rubout: back to the previous blank
    Typed t = typed(el);
    size_t from = t.cursor;
    while (from > 0 && (t.text[from - 1] == ' ' || t.text[from - 1] == '\t')) --from;
    while (from > 0 && t.text[from - 1] != ' ' && t.text[from - 1] != '\t') --from;
    self(el).cut = t.text.substr(from, t.cursor - from);
    el_deletestr(el, characters(self(el).cut));
    return CC_REFRESH;
}

unsigned char paste(EditLine* el, int) {   // Ctrl-Y
    const std::string& cut = self(el).cut;
    if (cut.empty()) return CC_NORM;
    el_insertstr(el, cut.c_str());
    return CC_REFRESH;
}

// ---- Tab --------------------------------------------------------------------

int terminalWidth() {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

unsigned char completeKey(EditLine* el, int ch) {
    Impl& s = self(el);
    if (!s.completer) {
        const char tab[2] = {static_cast<char>(ch), 0};
        el_insertstr(el, tab);
        return CC_REFRESH;
    }
    Typed t = typed(el);
    cli::Completion c = s.completer(t.text, t.cursor);
    cli::CompletionEdit edit = cli::applyCompletion(t.text, c);
    if (edit.changed) {
        s.lastTabValid = false;
        el_deletestr(el, characters(std::string_view(t.text).substr(c.start, c.end - c.start)));
        el_insertstr(el, edit.line.substr(c.start, edit.cursor - c.start).c_str());
        return CC_REFRESH;
    }
    const bool second = s.lastTabValid && s.lastTabLine == t.text && s.lastTabCursor == t.cursor;
    s.lastTabValid = true;
    s.lastTabLine = t.text;
    s.lastTabCursor = t.cursor;
    if (c.candidates.empty() || !second) return CC_REFRESH_BEEP;   // bash rings, and lists on the second Tab
    // As libedit's own listing does: the choices under the line, then the
    // prompt and line drawn again below them.
    std::string list;
    for (char x : cli::formatCandidates(c, terminalWidth()))
        list += x == '\n' ? std::string("\r\n") : std::string(1, x);
    std::fputs(("\r\n" + list).c_str(), stdout);
    std::fflush(stdout);
    return CC_REDISPLAY;
}

void bind(EditLine* el, const char* keys, const char* function) { el_set(el, EL_BIND, keys, function, nullptr); }

}   // namespace

LineEditor::LineEditor() : m_impl(std::make_unique<Impl>()) {
    Impl& s = *m_impl;
    s.hist = history_init();
    HistEvent ev;
    ::history(s.hist, &ev, H_SETSIZE, 1000);
    ::history(s.hist, &ev, H_SETUNIQUE, 1);
    s.el = el_init("layerlab", stdin, stdout, stderr);
    if (!s.el) return;
    EditLine* el = s.el;
    el_set(el, EL_CLIENTDATA, &s);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);   // libedit restores the terminal on a fatal signal and follows window resizes
    el_set(el, EL_PROMPT, promptOf);
    el_set(el, EL_HIST, ::history, s.hist);
    // Ctrl-C, Ctrl-\, Ctrl-Q and Ctrl-S reach us as keys while editing
    el_set(el, EL_SETTY, "-d", "-isig", "-ixon", nullptr);

    el_set(el, EL_ADDFN, "ll-interrupt", "abandon the line (attached: send Ctrl-C)", interruptKey);
    el_set(el, EL_ADDFN, "ll-eof", "end of input on an empty line, else delete", eofKey);
    el_set(el, EL_ADDFN, "ll-quit", "attached: close this terminal", quitKey);
    el_set(el, EL_ADDFN, "ll-detach", "attached: the detach keys", detachKeys);
    el_set(el, EL_ADDFN, "ll-cut-to-start", "cut to the start of the line", cutToStart);
    el_set(el, EL_ADDFN, "ll-cut-to-end", "cut to the end of the line", cutToEnd);
    el_set(el, EL_ADDFN, "ll-cut-word", "cut the word before the cursor", cutWord);
    el_set(el, EL_ADDFN, "ll-paste", "paste the last cut", paste);
    el_set(el, EL_ADDFN, "ll-complete", "complete from the simulated machine", completeKey);

    bind(el, "^C", "ll-interrupt");
    bind(el, "^D", "ll-eof");
    bind(el, "^\\", "ll-quit");
    bind(el, "^U", "ll-cut-to-start");
    bind(el, "^K", "ll-cut-to-end");
    bind(el, "^W", "ll-cut-word");
    bind(el, "^Y", "ll-paste");
    bind(el, "^I", "ll-complete");
    bind(el, "^R", "em-inc-search-prev");
    bind(el, "^S", "em-inc-search-next");
    bind(el, "^Q", "ed-quoted-insert");
    bind(el, "^N", "ed-next-history");
    // keys terminals send that libedit's emacs map lacks
    bind(el, "\\e[H", "ed-move-to-beg");
    bind(el, "\\e[F", "ed-move-to-end");
    bind(el, "\\e[1~", "ed-move-to-beg");
    bind(el, "\\e[4~", "ed-move-to-end");
    bind(el, "\\e[7~", "ed-move-to-beg");
    bind(el, "\\e[8~", "ed-move-to-end");
    bind(el, "\\e[3~", "ed-delete-next-char");
    bind(el, "\\e[1;5D", "ed-prev-word");
    bind(el, "\\e[1;5C", "em-next-word");
}

LineEditor::~LineEditor() {
    if (m_impl->el) el_end(m_impl->el);
    if (m_impl->hist) history_end(m_impl->hist);
}

void LineEditor::setCompleter(Completer completer) { m_impl->completer = std::move(completer); }

LineEditor::Result LineEditor::readLine(const std::string& prompt, bool attached) {
    Impl& s = *m_impl;
    Result result;
    if (!s.el) return result;
    s.prompt = prompt;
    s.key = Kind::Line;
    s.lastTabValid = false;
    if (attached != s.attached) {
        s.attached = attached;
        // Ctrl-P is the history key at the prompt, the first detach key while attached
        if (attached) bind(s.el, "^P^Q", "ll-detach");
        else bind(s.el, "^P", "ed-prev-history");
    }
    int count = 0;
    const char* line = el_gets(s.el, &count);
    if (s.key != Kind::Line) {
        result.kind = s.key;
        return result;
    }
    if (!line || count <= 0) return result;   // Eof: the terminal went away
    result.kind = Kind::Line;
    result.line = std::string(line, static_cast<size_t>(count));
    while (!result.line.empty() && (result.line.back() == '\n' || result.line.back() == '\r')) result.line.pop_back();
    return result;
}

void LineEditor::addHistory(const std::string& line) {
    if (line.find_first_not_of(" \t") == std::string::npos) return;
    HistEvent ev;
    ::history(m_impl->hist, &ev, H_ENTER, line.c_str());
}

std::vector<std::string> LineEditor::history() const {
    std::vector<std::string> lines;
    HistEvent ev;
    // libedit keeps the newest first; H_LAST then H_PREV walks from the oldest
    for (int r = ::history(m_impl->hist, &ev, H_LAST); r != -1; r = ::history(m_impl->hist, &ev, H_PREV))
        lines.emplace_back(ev.str);
    return lines;
}

bool LineEditor::loadHistory(const std::string& path, std::string& error) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) return true;   // the first run
    HistEvent ev;
    if (::history(m_impl->hist, &ev, H_LOAD, path.c_str()) == -1) {
        error = "cannot read the history file " + path;
        return false;
    }
    return true;
}

bool LineEditor::saveHistory(const std::string& path, std::string& error) const {
    if (path.empty()) return true;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    HistEvent ev;
    if (::history(m_impl->hist, &ev, H_SAVE, path.c_str()) == -1) {
        error = "cannot write the history file " + path;
        return false;
    }
    return true;
}

std::string historyPath(const std::string& lessonId) {
    const std::string progress = scenario::ProgressStore::defaultPath();   // the data folder's progress.json
    if (progress.empty()) return "";
    const std::string dir = std::filesystem::path(progress).parent_path().string();
    return dir + "/" + (lessonId.empty() ? std::string("history") : "history-" + lessonId);
}

void useUtf8Ctype() {
    const char* chosen = std::setlocale(LC_CTYPE, "");
    if (chosen && MB_CUR_MAX > 1) return;
    std::setlocale(LC_CTYPE, "C.UTF-8");
}

}   // namespace layerlab::frontend
