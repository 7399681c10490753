// numbers: see numbers.hpp.
#include "sim/numbers.hpp"

#include <cctype>
#include <charconv>
#include <climits>

namespace layerlab {

std::optional<long long> parseInteger(std::string_view s, long long min, long long max) {
    const bool plus = !s.empty() && s.front() == '+';
    if (plus) s.remove_prefix(1);
    if (s.empty() || (plus && s.front() == '-')) return std::nullopt;
    long long v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 10);
    if (ec != std::errc() || end != s.data() + s.size() || v < min || v > max) return std::nullopt;
    return v;
}

int leadingInt(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    long long v = 0;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i)
        if (v <= INT_MAX) v = v * 10 + (s[i] - '0');
    if (negative) return v > INT_MAX ? INT_MIN : static_cast<int>(-v);
    return v > INT_MAX ? INT_MAX : static_cast<int>(v);
}

GoInteger parseGoInteger(std::string_view s, int bits, bool isUnsigned) {
    GoInteger r;
    bool negative = false;
    if (!isUnsigned && !s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    unsigned base = 10;
    bool prefixed = false;   // a base prefix allows '_' right after it
    if (s.size() >= 2 && s[0] == '0') {
        const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
        if (p == 'x' || p == 'o' || p == 'b') {
            base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            s.remove_prefix(2);
            prefixed = true;
        } else {
            base = 8;
            s.remove_prefix(1);
            prefixed = true;
            if (s.empty()) s = "0";
        }
    }
    // As Go: digits are checked in order and an overflow is reported at
    // once; the '_' placement (underscoreOK) is checked after the loop.
    const unsigned long long maxVal = bits >= 64 ? ~0ull : (1ull << bits) - 1;
    bool underscoresOk = !s.empty() && s.back() != '_';
    unsigned long long v = 0;
    bool sawDigit = false;
    char prev = prefixed ? '0' : '_';
    for (char c : s) {
        if (c == '_') {
            underscoresOk = underscoresOk && prev != '_' && (sawDigit || prefixed);
            prev = c;
            continue;
        }
        const int lower = std::tolower(static_cast<unsigned char>(c));
        const unsigned d = std::isdigit(static_cast<unsigned char>(c)) ? static_cast<unsigned>(c - '0')
                           : (lower >= 'a' && lower <= 'f')            ? static_cast<unsigned>(lower - 'a' + 10)
                                                                       : 99;
        if (d >= base) {
            r.error = "invalid syntax";
            return r;
        }
        sawDigit = true;
        prev = c;
        if (v > (maxVal - d) / base) {
            r.error = "value out of range";
            return r;
        }
        v = v * base + d;
    }
    if (!sawDigit || !underscoresOk) {
        r.error = "invalid syntax";
        return r;
    }
    if (!isUnsigned && v > (1ull << (bits - 1)) - (negative ? 0 : 1)) {
        r.error = "value out of range";
        return r;
    }
    if (negative) r.value = v == (1ull << 63) ? LLONG_MIN : -static_cast<long long>(v);
    else r.value = v > static_cast<unsigned long long>(LLONG_MAX) ? LLONG_MAX : static_cast<long long>(v);
    return r;
}

}   // namespace layerlab
