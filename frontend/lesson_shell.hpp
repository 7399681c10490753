// `layerlab shell --lesson ID`: a lesson played in the terminal.
//
// The shell starts from the lesson's start state (or where the learner left
// it: progress lives in the user's data folder, see lesson_session.hpp) and
// adds lesson commands to the normal shell: `hint`, `show goal`,
// `show solution`, `show lesson`, `predict N...`, `save FILE`, `restart`.
// After every command the goals are checked and newly met ones announced;
// when all hold, the lesson is marked done. Before the build a prediction
// is attached to, the shell asks which steps will run again (`predict 3 4`),
// then scores the answer against what the builder really did.
#pragma once
#include <string>
#include <vector>

#include "frontend/headless.hpp"

namespace layerlab::frontend {

// args: the `layerlab shell` arguments including --lesson ID (or --lesson=ID);
// also --restart (forget the saved session), --lang, --seed.
int runLessonShell(const std::vector<std::string>& args, Io& io);

// True when args ask for a lesson (`--lesson` present): runShell delegates.
bool wantsLesson(const std::vector<std::string>& args);

}   // namespace layerlab::frontend
