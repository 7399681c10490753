#include "frontend/lesson_shell.hpp"

#include <ostream>

#include "frontend/repl.hpp"
#include "frontend/session_hooks.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/lesson_session.hpp"
#include "sim/scenario/lesson_engine.hpp"
#include "sim/scenario/loader.hpp"

namespace layerlab::frontend {

bool wantsLesson(const std::vector<std::string>& args) {
    for (const auto& a : args)
        if (a == "--lesson" || a.rfind("--lesson=", 0) == 0) return true;
    return false;
}

int runLessonShell(const std::vector<std::string>& args, Io& io) {
    std::string id;
    bool restart = false;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lesson" && i + 1 < args.size()) id = args[++i];
        else if (args[i].rfind("--lesson=", 0) == 0) id = args[i].substr(9);
        else if (args[i] == "--restart") restart = true;
        else rest.push_back(args[i]);
    }
    if (id.empty()) {
        io.err << "layerlab shell: --lesson needs a lesson id or number (see `layerlab lessons`)\n";
        return 2;
    }
    frontend::ShellArgs parsed = frontend::parseShellArgs(rest);
    if (!parsed.error.empty()) {
        io.err << parsed.error << "\n";
        return 2;
    }
    if (!parsed.options.extraArgs.empty() || !parsed.options.contextDir.empty()) {
        io.err << "layerlab shell: "
               << (parsed.options.contextDir.empty() ? "unknown option '" + parsed.options.extraArgs.front() + "'"
                                                     : std::string("--context cannot be used with --lesson"))
               << "\n";
        return 2;
    }
    scenario::LessonCatalog catalog = scenario::loadLessonCatalog(scenario::findLessonsDir());
    for (const auto& e : catalog.errors) io.err << e << "\n";
    if (!catalog.errors.empty()) return 1;
    const scenario::Scenario* lesson = scenario::findLesson(catalog, id);
    if (!lesson) {
        io.err << "layerlab shell: no lesson \"" << id << "\" (see `layerlab lessons`)\n";
        return 2;
    }

    const std::string lang = parsed.options.lang.empty() ? frontend::languageFromEnvironment() : parsed.options.lang;
    scenario::ProgressStore store(scenario::ProgressStore::defaultPath());
    std::string error;
    if (!store.load(error)) io.err << "layerlab: " << error << "\n";

    scenario::SessionConfig config;
    config.lesson = lesson;
    config.lang = lang;
    if (parsed.options.seed != 1) config.seed = parsed.options.seed;
    config.total = catalog.lessons.size();
    for (size_t i = 0; i < catalog.lessons.size(); ++i)
        if (&catalog.lessons[i] == lesson) {
            config.number = i + 1;
            if (i + 1 < catalog.lessons.size()) {
                const std::string command = "layerlab shell --lesson " + catalog.lessons[i + 1].id;
                config.next = {command, command};
            }
        }
    config.progress = &store;
    config.restart = restart;
    cli::MachineOptions mopts;
    mopts.terminal = io.stdinIsTerminal;
    cli::Machine machine(engine::State{}, mopts);
    scenario::LessonSession session(machine, config);
    for (const auto& e : session.errors()) io.err << lesson->id << ": " << e << "\n";

    const bool ko = lang == "ko";
    frontend::ReplHooks hooks = sessionHooks(session, io, lesson->id + "-session");
    hooks.banner = session.intro().in(lang) +
                   (session.resumed() ? (ko ? "(지난번에 멈춘 곳에서 이어 합니다. `restart`로 처음부터 시작합니다.)\n"
                                            : "(Resuming where you left off; `restart` starts over.)\n")
                                      : std::string()) +
                   "\n";
    hooks.extraHelp = ko ? "레슨: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n"
                         : "Lesson: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n";
    hooks.extraHelp += sessionHelp(lang);
    hooks.commands = {"hint", "show goal", "show solution", "show lesson", "predict",
                      "save", "restart",   "undo",          "redo"};
    hooks.historyName = lesson->id;
    return frontend::runRepl(machine, io, hooks);
}

}   // namespace layerlab::frontend
