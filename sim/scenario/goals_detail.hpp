// Internal to sim/scenario/goals*.cpp: small helpers shared by the goal kinds.
#pragma once
#include <string>

#include "sim/engine/state.hpp"
#include "sim/scenario/goals.hpp"

namespace layerlab::scenario::detail {

inline LocalizedText txt(std::string en, std::string ko) { return {std::move(en), std::move(ko)}; }
inline std::string q(const std::string& s) { return "\"" + s + "\""; }
inline std::string num(long long n) { return std::to_string(n); }

// A result that holds (missing empty) or not.
inline GoalResult result(bool met, LocalizedText description, LocalizedText missing) {
    GoalResult r;
    r.met = met;
    r.description = std::move(description);
    if (!met) r.missing = std::move(missing);
    return r;
}

std::string statusKo(const std::string& word);
const engine::Image* imageByRef(const engine::State& state, const std::string& ref);
const engine::Container* containerByName(const engine::State& state, const std::string& name);
std::string shortId(const std::string& id);

GoalResult imageGoal(const Goal& goal, const engine::State& state);
GoalResult containerGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe);
GoalResult buildGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe);
GoalResult fileGoal(const Goal& goal, const engine::State& state);

}  // namespace layerlab::scenario::detail
