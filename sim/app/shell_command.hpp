// `layerlab shell`: the terminal mode (sim/app/shell_command.cpp).
#pragma once
#include <string>
#include <vector>

#include "sim/app/headless.hpp"

namespace layerlab::app {

int runShell(const std::vector<std::string>& args, Io& io);

}  // namespace layerlab::app
