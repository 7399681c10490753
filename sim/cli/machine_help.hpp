// machine_help: the terminal's `help` text and the teaching notes for a
// command the simulated host does not have (node, npm, python ...), in
// English or Korean.
#pragma once
#include <optional>
#include <string>

#include "sim/engine/containers/container_options.hpp"

namespace layerlab::cli {

// What `help` prints: host commands, docker commands, keys while attached.
std::string machineHelp(const std::string& lang);

// A note after "bash: NAME: command not found" when a learner probably
// expected the program on the host (node, npm) or mistyped docker.
std::optional<engine::Hint> commandNotFoundHint(const std::string& name);

}   // namespace layerlab::cli
