// parse_number: integers typed by the learner, checked. Every number that
// comes from learner input (a flag value, a step number, a port in a program's
// source, an exit code) goes through here instead of std::stoi/atoi, which
// throw or overflow silently: the caller gets std::nullopt and says, in
// Docker's or the tool's words, what was wrong.
#pragma once
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace layerlab {

// An optional '+' or '-' and decimal digits, nothing else, within [min, max].
inline std::optional<int64_t> parseInteger(std::string_view text, int64_t min = std::numeric_limits<int64_t>::min(),
                                           int64_t max = std::numeric_limits<int64_t>::max()) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty() || text.front() == '+') return std::nullopt;
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (value < min || value > max) return std::nullopt;
    return value;
}

}   // namespace layerlab
