// Random container names, as Docker makes them when --name is not given:
// "adjective_surname" (LayerLab's own word lists: ~100 adjectives, ~200
// scientists and hackers), never "boring_wozniak". Docker reserves the name
// and, when it is taken, retries up to five more times with one random digit
// appended, then falls back to the short ID (moby daemon/names.go,
// internal/namesgenerator). Drawn from State::rng, so a seed replays names.
#pragma once
#include <string>
#include <string_view>

#include "sim/engine/state.hpp"

namespace layerlab::engine {

// One draw: "adjective_surname", plus one digit when retry > 0.
std::string randomName(Rng& rng, int retry);

// A free name for a new container with this 64-hex ID, following Docker's
// retry rules against the names already in `state`.
std::string generateContainerName(State& state, std::string_view containerId);

// Docker's name rule: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (an optional leading '/'
// is accepted and dropped). Returns "" when valid, else the daemon's error
// text: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed
std::string validateContainerName(std::string_view name);

// How many words the lists hold (tests check the sizes and uniqueness).
size_t nameAdjectiveCount();
size_t nameSurnameCount();

}   // namespace layerlab::engine
