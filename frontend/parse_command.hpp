// `layerlab parse [--dump] FILE|-`: the Dockerfile front end from the command
// line. --dump prints BuildKit's AST dump (byte-identical to the conformance
// corpus' `result` files); without it, the stages and instructions with their
// line ranges, then every warning and teaching hint. Errors go to stderr in
// Docker's wording (with the buildx-style source excerpt) and exit 1.
#pragma once
#include <string>
#include <vector>

#include "frontend/headless.hpp"

namespace layerlab::frontend {

int runParse(const std::vector<std::string>& args, Io& io);

}   // namespace layerlab::frontend
