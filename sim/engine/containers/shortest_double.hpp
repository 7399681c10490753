// shortestDouble: a double as std::to_chars(first, last, value) writes it
// (the shortest text that reads back as the same value, fixed or
// scientific, whichever is shorter, fixed on a tie), without to_chars: the
// browser build's libc++ (LLVM 14) has no floating-point to_chars. Native
// builds use std::to_chars; tests/test_shortest_double.cpp checks that both
// agree.
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace layerlab::engine {

inline std::string shortestDouble(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    // The fewest significant digits that read back as VALUE.
    char sci[48];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(sci, sizeof sci, "%.*e", digits - 1, value);
        if (std::strtod(sci, nullptr) == value) break;
    }
    // sci is "-d.ddde+XX": the digits and the exponent, then the fixed form of the same digits.
    std::string text(sci);
    const size_t e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    std::string mantissa = text.substr(0, e);
    const bool negative = mantissa[0] == '-';
    std::string digits;
    for (char c : mantissa)
        if (c >= '0' && c <= '9') digits += c;
    std::string fixed;
    if (exponent >= 0) {
        if (static_cast<int>(digits.size()) <= exponent + 1) {
            // A whole number: to_chars writes all its digits exactly, as %.0f does.
            char whole[400];
            std::snprintf(whole, sizeof whole, "%.0f", std::fabs(value));
            fixed = whole;
        } else {
            fixed = digits.substr(0, static_cast<size_t>(exponent) + 1) + "." +
                    digits.substr(static_cast<size_t>(exponent) + 1);
        }
    } else {
        fixed = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    }
    if (negative) fixed = "-" + fixed;
    return fixed.size() <= text.size() ? fixed : text;
}

}   // namespace layerlab::engine
