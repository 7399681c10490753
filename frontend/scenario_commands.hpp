// The scenario and lesson subcommands (frontend/*_command.cpp):
//   layerlab play FILE [--format text|json] [--lang en|ko] [--seed N] [--solution]
//   layerlab check PATH...
//   layerlab lessons [--lang en|ko]
//   layerlab export [FILE] [--lang en|ko] [--seed N] < commands
// and `layerlab shell --lesson ID` (lesson_shell.hpp).
#pragma once
#include <string>
#include <vector>

#include "frontend/headless.hpp"

namespace layerlab::frontend {

int runPlay(const std::vector<std::string>& args, Io& io);
int runCheck(const std::vector<std::string>& args, Io& io);
int runLessons(const std::vector<std::string>& args, Io& io);
int runExport(const std::vector<std::string>& args, Io& io);

}   // namespace layerlab::frontend
