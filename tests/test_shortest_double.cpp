// shortestDouble (the browser build's stand-in for floating-point
// std::to_chars) must write what std::to_chars writes: seeded random doubles
// of every magnitude, whole numbers, and the edges where fixed and
// scientific forms trade places.
#include <doctest/doctest.h>

#include <charconv>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "sim/engine/containers/shortest_double.hpp"

namespace {

std::string viaToChars(double value) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    REQUIRE(ec == std::errc());
    return std::string(buf, end);
}

}   // namespace

TEST_CASE("shortestDouble writes what std::to_chars writes") {
    std::vector<double> values = {
        0.0,    -0.0,    1.0,  3.5,  0.1,  0.3,  1e21,   1e22,  123456789012345678.0,   1e-7,  1e-6,      1e-5,
        0.0001, 123.456, -2.5, 1e15, 1e16, 1e17, 5e-324, 1e308, 1.7976931348623157e308, 100.0, 1000000.0, 0.5e-3};
    std::mt19937_64 rng(20261202);
    for (int i = 0; i < 3000; ++i) {
        uint64_t bits = rng();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        if (!std::isfinite(value)) continue;
        values.push_back(value);
        values.push_back(static_cast<double>(static_cast<int64_t>(rng() >> (rng() % 64))));
        values.push_back(std::uniform_real_distribution<double>(-1000, 1000)(rng));
    }
    for (double value : values) {
        CAPTURE(value);
        CHECK(layerlab::engine::shortestDouble(value) == viaToChars(value));
    }
}
