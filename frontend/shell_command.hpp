// `layerlab shell`: the terminal mode (frontend/shell_command.cpp).
#pragma once
#include <string>
#include <vector>

#include "frontend/headless.hpp"

namespace layerlab::frontend {

int runShell(const std::vector<std::string>& args, Io& io);

}   // namespace layerlab::frontend
