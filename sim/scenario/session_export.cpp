#include "sim/scenario/session_export.hpp"

#include "sim/scenario/schema.hpp"
#include "sim/scenario/state_json.hpp"
#include "sim/json_text.hpp"

namespace layerlab::scenario {

nlohmann::json sessionToScenario(const std::string& id, const engine::State& start,
                                 const std::vector<std::string>& commands, const engine::State& now) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& c : commands) steps.push_back({{"command", c}});
    return {{"version", kFormatVersion},
            {"id", id},
            {"seed", start.seed},
            {"lang", start.lang},
            {"start", {{"state", stateToJson(start)}}},
            {"steps", steps},
            {"finalState", stateToJson(now)}};
}

std::string sessionToText(const std::string& id, const engine::State& start, const std::vector<std::string>& commands,
                          const engine::State& now) {
    return jsonText(sessionToScenario(id, start, commands, now), 2) + "\n";
}

}   // namespace layerlab::scenario
