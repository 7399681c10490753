// repl: `layerlab shell`. See repl.hpp.
#include "frontend/repl.hpp"
#include "frontend/external_editor.hpp"

#include <cstdlib>
#include <istream>
#include <ostream>

#include "frontend/line_editor.hpp"
#include "frontend/session_autosave.hpp"
#include "sim/cli/completion.hpp"
#include "sim/fs/disk_io.hpp"
#include "sim/locale.hpp"

namespace layerlab::frontend {
using namespace cli;

std::string formatHints(const std::vector<engine::Hint>& hints, const std::string& lang, bool colour) {
    std::string out;
    for (const auto& h : hints) {
        const std::string& text = lang == "ko" && !h.ko.empty() ? h.ko : h.en;
        if (text.empty()) continue;
        std::string line = (lang == "ko" ? "[힌트] " : "[hint] ") + text;
        out += colour ? "\x1b[36m" + line + "\x1b[0m\n" : line + "\n";
    }
    return out;
}

std::string languageFromEnvironment() { return languageFromLocale(std::getenv); }

ShellArgs parseShellArgs(const std::vector<std::string>& args) {
    ShellArgs r;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        std::string value;
        bool inlineValue = false;
        if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
            value = a.substr(a.find('=') + 1);
            a = a.substr(0, a.find('='));
            inlineValue = true;
        }
        auto take = [&](const char* name) -> bool {
            if (inlineValue) return true;
            if (i + 1 >= args.size()) {
                r.error = std::string("layerlab shell: ") + name + " needs a value";
                return false;
            }
            value = args[++i];
            return true;
        };
        if (a == "--context") {
            if (!take("--context")) return r;
            r.options.contextDir = value;
        } else if (a == "--lang") {
            if (!take("--lang")) return r;
            if (value != "ko" && value != "en") {
                r.error = "layerlab shell: --lang must be ko or en";
                return r;
            }
            r.options.lang = value;
        } else if (a == "--seed") {
            if (!take("--seed")) return r;
            if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 19) {
                r.error = "layerlab shell: --seed needs a number";
                return r;
            }
            r.options.seed = std::stoull(value);
        } else {
            r.options.extraArgs.push_back(args[i]);
        }
    }
    return r;
}

ShellMachine makeShellMachine(const ShellOptions& options, bool terminal) {
    std::string lang = options.lang.empty() ? languageFromEnvironment() : options.lang;
    engine::State state = Machine::defaultState(options.seed, lang);
    ShellMachine result{Machine(), "", {}};
    if (!options.contextDir.empty()) {
        fs::LoadResult loaded = fs::loadTree(options.contextDir);
        if (!loaded.ok()) {
            result.error = "layerlab shell: --context " + loaded.error;
            return result;
        }
        state.host = loaded.tree;
        result.warnings = loaded.warnings;
    }
    MachineOptions mo;
    mo.terminal = terminal;
    if (terminal) mo.editor = editInExternalEditor;   // nano/vi/edit open the learner's editor
    result.machine = Machine(std::move(state), mo);
    return result;
}

namespace {

// Returns the part of the output left on the current line when a question
// waits for its answer (a terminal's line editor shows it as the prompt).
std::string printOutcome(Machine& m, frontend::Io& io, const std::string& line, const Outcome& o,
                         const ReplHooks& hooks) {
    if (m.takeClearRequest() && io.stdinIsTerminal) io.out << "\x1b[H\x1b[2J";
    std::string text = m.lastTerminalText();
    std::string pendingLine;
    if (io.stdinIsTerminal && m.awaitingAnswer()) {
        size_t nl = text.rfind('\n');
        pendingLine = nl == std::string::npos ? text : text.substr(nl + 1);
        text.erase(text.size() - pendingLine.size());
    }
    io.out << text;
    std::string trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.pop_back();
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.erase(0, 1);
    if (trimmed == "help" && !hooks.extraHelp.empty()) io.out << hooks.extraHelp;
    io.out << formatHints(m.hints(), m.state().lang, io.stdinIsTerminal);
    io.out.flush();
    if (hooks.afterCommand) hooks.afterCommand(line, o);
    return pendingLine;
}

int runScript(Machine& m, frontend::Io& io, const ReplHooks& hooks) {
    int status = 0;
    std::string line;
    for (;;) {
        std::string prompt = m.prompt();
        if (!std::getline(io.in, line)) {
            if (m.needsMoreInput()) {
                // bash runs a heredoc cut short by the end of input, with a warning
                io.out << "\n";
                io.err << "bash: warning: here-document delimited by end-of-file\n";
            }
            break;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        io.out << prompt << line << "\n";
        const bool complete = !m.needsMoreInput() && !m.attached() && !m.awaitingAnswer();
        if (complete && hooks.onLine && hooks.onLine(line)) continue;
        Outcome o = m.execute(line);
        if (m.needsMoreInput()) continue;
        status = o.exitCode;
        printOutcome(m, io, line, o, hooks);
        if (m.exitRequested()) break;
    }
    return status;
}

// What the terminal echoes for a key that ended a read (the tty is back in
// cooked mode, so "\n" starts a fresh line). Ctrl-C shows "^C" where the
// cursor was, as bash does.
const char* keyEcho(LineEditor::Kind kind) {
    switch (kind) {
        case LineEditor::Kind::CtrlC:
            return "^C\n";
        case LineEditor::Kind::CtrlBackslash:
            return "^\\\n";
        case LineEditor::Kind::CtrlD:
        case LineEditor::Kind::DetachKeys:
            return "\n";
        default:
            return "";
    }
}

int runTerminal(Machine& m, frontend::Io& io, const ReplHooks& hooks) {
    useUtf8Ctype();
    LineEditor editor;
    const std::string historyFile = historyPath(hooks.historyName);
    std::string error;
    if (!editor.loadHistory(historyFile, error)) io.err << "layerlab: " << error << "\n";
    m.setEarlierHistory(editor.history());
    int status = 0;
    std::string questionLine;
    for (;;) {
        // Tab completes only at a command prompt: not in a heredoc body, an answer, or a container
        const bool atPrompt = !m.attached() && !m.awaitingAnswer() && !m.needsMoreInput();
        if (atPrompt)
            editor.setCompleter([&m, &hooks](const std::string& line, size_t cursor) {
                return cli::complete(m, line, cursor, hooks.commands);
            });
        else editor.setCompleter(nullptr);
        io.out.flush();
        LineEditor::Result r = editor.readLine(m.awaitingAnswer() ? questionLine : m.prompt(), m.attached());
        // (Ctrl-D at the prompt leaves the cursor after it: bash's "exit" goes there)
        if (m.attached() || r.kind != LineEditor::Kind::CtrlD) io.out << keyEcho(r.kind);
        std::string line;
        if (m.attached()) {
            if (r.kind == LineEditor::Kind::Eof) break;
            line = r.kind == LineEditor::Kind::CtrlC           ? "^C"
                   : r.kind == LineEditor::Kind::DetachKeys    ? "^P^Q"
                   : r.kind == LineEditor::Kind::CtrlD         ? "^D"
                   : r.kind == LineEditor::Kind::CtrlBackslash ? "^\\"
                                                               : r.line;
        } else if (m.awaitingAnswer() && r.kind != LineEditor::Kind::Line) {
            line = "";   // Ctrl-C / Ctrl-D at a [y/N] question: no, as docker reads EOF
            if (r.kind == LineEditor::Kind::Eof) io.out << "\n";
        } else {
            if (r.kind == LineEditor::Kind::Eof || r.kind == LineEditor::Kind::CtrlD) {
                io.out << "exit\n";
                break;
            }
            if (r.kind == LineEditor::Kind::CtrlC) {
                status = 130;
                continue;
            }
            if (r.kind != LineEditor::Kind::Line) continue;
            line = r.line;
            if (atPrompt) editor.addHistory(line);
        }
        const bool complete = !m.needsMoreInput() && !m.attached() && !m.awaitingAnswer();
        if (complete && hooks.onLine && hooks.onLine(line)) continue;
        Outcome o = m.execute(line);
        if (m.needsMoreInput()) continue;
        status = o.exitCode;
        questionLine = printOutcome(m, io, line, o, hooks);
        if (m.exitRequested()) break;
    }
    io.out.flush();
    if (!editor.saveHistory(historyFile, error)) io.err << "layerlab: " << error << "\n";
    return status;
}

}   // namespace

int runRepl(Machine& machine, frontend::Io& io, const ReplHooks& hooks) {
    if (!hooks.banner.empty()) io.out << hooks.banner;
    return io.stdinIsTerminal ? runTerminal(machine, io, hooks) : runScript(machine, io, hooks);
}

int runShellWith(const ShellOptions& options, frontend::Io& io, const ReplHooks& hooks) {
    ShellMachine sm = makeShellMachine(options, io.stdinIsTerminal);
    if (!sm.error.empty()) {
        io.err << sm.error << "\n";
        return 1;
    }
    for (const auto& w : sm.warnings) io.err << "layerlab shell: " << w << "\n";
    if (io.stdinIsTerminal)
        io.out << (sm.machine.state().lang == "ko"
                       ? "LayerLab 셸: Docker가 있는 가상 호스트입니다. help로 할 수 있는 것을, exit로 종료합니다.\n"
                       : "LayerLab shell: a simulated host with Docker. Type help to see what works, exit to leave.\n");
    if (!io.stdinIsTerminal) return runRepl(sm.machine, io, hooks);
    // A terminal session is kept after every command and offered back after
    // an unclean exit (frontend/session_autosave.hpp); a clean end drops it.
    const scenario::SessionStore store(scenario::SessionStore::defaultPath("shell"));
    offerRestore(sm.machine, io.in, io.out, store);
    const int status = runRepl(sm.machine, io, withAutosave(hooks, sm.machine, store, io.err));
    store.clear();
    return status;
}

}   // namespace layerlab::frontend
