// session_hooks: the shell's view of a scenario::LessonSession. The REPL
// hands each line to the session first (lesson commands, disabled commands,
// the question before a build), runs the rest through the Machine, then
// prints what the session adds (a prediction's score, goals met). Every
// shell, with or without a lesson, also gets `save FILE` (the session as a
// replayable scenario), `undo`, `redo` and `restart`.
#pragma once
#include <string>

#include "frontend/repl.hpp"
#include "sim/scenario/lesson_engine.hpp"

namespace layerlab::frontend {

// saveId: the id a saved scenario gets ("03-dockerfile-session", "shell-session").
ReplHooks sessionHooks(scenario::LessonSession& session, Io& io, const std::string& saveId);

// The session commands for `help` in the session's language.
std::string sessionHelp(const std::string& lang);

}   // namespace layerlab::frontend
