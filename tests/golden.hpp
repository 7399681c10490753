// The one switch that re-records every golden file of the test suite:
//
//   LAYERLAB_UPDATE_GOLDENS=1 ./build/tests/layerlab_tests
//
// rewrites tests/data/transcripts/*.out and tests/data/images/*.transcript
// from what the program prints now. Read every diff before committing it:
// a golden changes only where behaviour changed on purpose, and each must
// still be what real Docker prints.
#pragma once
#include <cstdlib>

namespace goldens {

inline bool updating() { return std::getenv("LAYERLAB_UPDATE_GOLDENS") != nullptr; }

}   // namespace goldens
