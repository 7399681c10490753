// Internal to sim/scenario/goals*.cpp: small helpers shared by the goal kinds.
#pragma once
#include <optional>
#include <string>

#include "sim/engine/state.hpp"
#include "sim/korean.hpp"
#include "sim/scenario/goals.hpp"

namespace layerlab::scenario::detail {

inline LocalizedText txt(std::string en, std::string ko) { return {std::move(en), std::move(ko)}; }
inline std::string q(const std::string& s) { return "\"" + s + "\""; }
inline std::string num(long long n) { return std::to_string(n); }
// A value with its Korean particle attached: k("node", ko::Particle::EunNeun) -> "node는".
inline std::string k(const std::string& word, ko::Particle p) { return ko::with(word, p); }
using P = ko::Particle;

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
// The content of the file at `path` (absolute, e.g. "/app/server.js") in the
// image's filesystem, top layer first; nullopt when absent or not a file.
std::optional<std::string> imageFileContent(const engine::State& state, const engine::Image& image,
                                            const std::string& path);

GoalResult imageGoal(const Goal& goal, const engine::State& state);
GoalResult containerGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe);
GoalResult buildGoal(const Goal& goal, const engine::State& state, const CommandProbe& probe);
GoalResult fileGoal(const Goal& goal, const engine::State& state);

}   // namespace layerlab::scenario::detail
