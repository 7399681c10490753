// BuildKit's build checks (frontend/dockerfile/linter) that teach something:
// JSONArgsRecommended, MaintainerDeprecated, StageNameCasing, FromAsCasing,
// ConsistentInstructionCasing, DuplicateStageName, ReservedStageName,
// MultipleInstructionsDisallowed, LegacyKeyValueFormat, WorkdirRelativePath,
// UndefinedArgInFrom. "# check=skip=A,B" (or skip=all) turns rules off.
#pragma once
#include <string>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::detail {

void addChecks(const Node& root, const Dockerfile& df, const std::string& checkDirective,
               std::vector<Diagnostic>& warnings);

}   // namespace layerlab::dockerfile::detail
