// session_export: a shell session as a replayable scenario file.
//
// `layerlab export` and the shell's `save FILE` write the state the session
// started from (start.state), every command it ran (steps), and the state it
// reached (finalState). `layerlab play` on that file replays the commands
// from the start state and checks that the result equals finalState, byte
// for byte: the export proves its own reproducibility.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/engine/state.hpp"

namespace layerlab::scenario {

nlohmann::json sessionToScenario(const std::string& id, const engine::State& start,
                                 const std::vector<std::string>& commands, const engine::State& now);
// dump(2) + "\n"
std::string sessionToText(const std::string& id, const engine::State& start, const std::vector<std::string>& commands,
                          const engine::State& now);

}   // namespace layerlab::scenario
