// locale.hpp: which of LayerLab's two languages the learner's locale asks
// for, the rule every front end (window, shell, headless subcommands) uses
// when --lang is not given: the first of LC_ALL, LC_MESSAGES, LANG that is
// set and not empty decides, "ko..." gives Korean, anything else English.
// The caller passes its environment lookup (std::getenv), so the model
// itself reads nothing from the process.
#pragma once
#include <functional>
#include <string>

namespace layerlab {

using EnvLookup = std::function<const char*(const char*)>;

std::string languageFromLocale(const EnvLookup& getenv);

}   // namespace layerlab
