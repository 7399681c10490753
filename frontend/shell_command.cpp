// `layerlab shell [--context DIR] [--lang ko|en] [--seed N]`: the terminal
// mode, a simulated host with Docker (frontend/repl.hpp). A script on stdin
// is replayed with every prompt and command echoed, so transcripts diff.
#include <ostream>

#include "frontend/headless.hpp"
#include "frontend/lesson_shell.hpp"
#include "frontend/shell_command.hpp"
#include "frontend/repl.hpp"
#include "frontend/session_hooks.hpp"

namespace layerlab::frontend {

int runShell(const std::vector<std::string>& args, Io& io) {
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            io.out << "Usage: layerlab shell [--context DIR] [--lang ko|en] [--seed N] [--lesson ID]\n\n"
                      "A terminal on a simulated host with Docker. The build-context folder ~/app starts as\n"
                      "the course's node app, or as a copy of DIR. Reads a script when stdin is not a\n"
                      "terminal and prints the transcript (same seed and input, same transcript).\n"
                      "--lesson ID plays a lesson (see `layerlab lessons`).\n";
            return 0;
        }
    // `--lesson ID`: the lesson shell (frontend/lesson_shell.cpp) runs the same REPL with lesson commands
    if (wantsLesson(args)) return runLessonShell(args, io);
    frontend::ShellArgs parsed = frontend::parseShellArgs(args);
    if (!parsed.error.empty()) {
        io.err << parsed.error << "\n";
        return 2;
    }
    if (!parsed.options.extraArgs.empty()) {
        io.err << "layerlab shell: unknown option '" << parsed.options.extraArgs.front() << "'\n";
        return 2;
    }
    // A sandbox session: `save FILE`, `undo`, `redo` and `restart` (frontend/session_hooks.hpp).
    ShellMachine sm = makeShellMachine(parsed.options, io.stdinIsTerminal);
    if (!sm.error.empty()) {
        io.err << sm.error << "\n";
        return 1;
    }
    for (const auto& w : sm.warnings) io.err << "layerlab shell: " << w << "\n";
    const std::string lang = sm.machine.state().lang;
    if (io.stdinIsTerminal)
        io.out << (lang == "ko"
                       ? "LayerLab 셸: Docker가 있는 가상 호스트입니다. help로 할 수 있는 것을, exit로 종료합니다.\n"
                       : "LayerLab shell: a simulated host with Docker. Type help to see what works, exit to leave.\n");
    scenario::SessionConfig config;
    config.lang = lang;
    scenario::LessonSession session(sm.machine, config);
    ReplHooks hooks = sessionHooks(session, io, "shell-session");
    hooks.extraHelp = sessionHelp(lang);
    return runRepl(sm.machine, io, hooks);
}

}   // namespace layerlab::frontend
