// The opening of every command on one named container (attach, exec, logs):
// find it the daemon's way, or answer with the daemon's error and exit code 1.
#pragma once
#include <string_view>

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_options.hpp"

namespace layerlab::engine::containers {

// The container REF names, or nullptr after writing
// "Error response from daemon: No such container: REF" (or the prefix
// errors of findContainer) into OUT.
inline const Container* findOrAnswer(const State& state, std::string_view ref, ContainerOutcome& out) {
    const Lookup l = findContainer(state, ref);
    if (l.index >= 0) return &state.containers[static_cast<size_t>(l.index)];
    out.err = "Error response from daemon: " + l.error + "\n";
    out.exitCode = 1;
    return nullptr;
}

}   // namespace layerlab::engine::containers
