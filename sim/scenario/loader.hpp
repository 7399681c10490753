// loader: scenario and lesson files -> Scenario, or errors with JSON pointers.
//
// Order of checks: the bytes must be JSON ("invalid JSON: parse error at line
// 3, column 5: ..."); a version newer than this LayerLab is refused alone
// ("/version: format version 2 is newer than this LayerLab supports (1)");
// then the schema (lessons/schema/scenario.schema.json, every error with its
// pointer); then what a schema cannot say (an embedded state that does not
// import, a solution that uses a command the lesson disables). Nothing is
// half-loaded: with any error, the result holds no Scenario.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/scenario.hpp"

namespace layerlab::scenario {

struct LoadResult {
    std::optional<Scenario> scenario;
    std::vector<std::string> errors;   // "/steps/3/command: expected a string"
    bool ok() const { return scenario.has_value(); }
};

LoadResult parseScenario(std::string_view text);
LoadResult scenarioFromJson(const nlohmann::json& document);
// Reads the file; "cannot read FILE" when it cannot. Sets sourcePath.
LoadResult loadScenarioFile(const std::string& path);

// The disabled-command entry that `line` falls under ("docker build" matches
// "docker build -t x ." and "docker  build ."), or nullopt. Words are compared
// after splitting on blanks; "docker image build" is not "docker build".
std::optional<std::string> disabledBy(std::string_view line, const std::vector<std::string>& disabled);

// A Dockerfile-style line split on blanks (for command matching only).
std::vector<std::string> splitWords(std::string_view line);

}   // namespace layerlab::scenario
