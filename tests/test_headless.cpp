// The headless dispatcher: `layerlab --help`, unknown commands.
#include <doctest/doctest.h>

#include <sstream>

#include "frontend/headless.hpp"

using layerlab::frontend::Io;
using layerlab::frontend::runHeadless;

TEST_CASE("headless dispatch") {
    std::istringstream in;
    std::ostringstream out, err;
    Io io{in, out, err, false};
    SUBCASE("no arguments opens the window") { CHECK_FALSE(runHeadless({}, io).has_value()); }
    SUBCASE("--help lists commands") {
        CHECK(runHeadless({"--help"}, io) == 0);
        CHECK(out.str().find("Usage: layerlab") == 0);
    }
    SUBCASE("unknown command") {
        CHECK(runHeadless({"frobnicate"}, io) == 2);
        CHECK(err.str().find("layerlab: unknown command 'frobnicate'\n") == 0);
    }
}
