// report_json: a PlayReport as JSON (for `layerlab play --format json`) and
// as the text transcript `play` prints; plus events as JSON.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "sim/events.hpp"
#include "sim/scenario/player.hpp"

namespace layerlab::scenario {

nlohmann::json eventToJson(const Event& event);
nlohmann::json goalResultToJson(const GoalResult& result);
nlohmann::json reportToJson(const Scenario& scenario, const PlayReport& report, const std::string& lang);
// The transcript: prompts and commands, the terminal text, narration,
// predictions with their scores, checks, then the goals.
std::string reportToText(const Scenario& scenario, const PlayReport& report, const std::string& lang);

}   // namespace layerlab::scenario
