// numbers: reading integers out of learner text without std::stoi/atoi, the
// one number parser of the model. Every number that comes from learner input
// (a flag value, a step number, a port in a program's source, an exit code)
// goes through here: std::stoi throws on bad input and atoi is undefined on
// overflow; these never throw, never overflow, and let the caller word the
// error the way the simulated program (Docker, bash, node, python) would.
#pragma once
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace layerlab {

// The whole of `s` as a decimal integer with an optional leading '-' or '+'
// (Go's strconv.ParseInt(s, 10, 64) accepts the same shapes): nullopt for
// anything else, an empty string, or a value outside [min, max].
std::optional<long long> parseInteger(std::string_view s, long long min = std::numeric_limits<long long>::min(),
                                      long long max = std::numeric_limits<long long>::max());

// C's atoi without its undefined behaviour: leading blanks, a sign, then the
// digits up to the first non-digit; 0 when there are none. Saturates at the
// limits of int instead of overflowing. For places where the simulated
// program itself reads numbers this leniently (JavaScript's parseInt, a
// port taken from the start of a string).
int leadingInt(std::string_view s);

// Go's strconv.ParseInt(s, 0, bits) and ParseUint(s, 0, bits), which pflag
// uses for int, int64, uint and uint16 flags: an optional sign (signed
// only), base prefixes 0x 0o 0b and a leading 0 for octal, '_' between
// digits. error is Go's text after `parsing "s": `, "" when it parsed.
struct GoInteger {
    long long value = 0;   // clamped into long long for uint64 values above it
    std::string error;   // "invalid syntax" or "value out of range"
};
GoInteger parseGoInteger(std::string_view s, int bits, bool isUnsigned);

}   // namespace layerlab
