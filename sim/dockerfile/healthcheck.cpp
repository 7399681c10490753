// Duration and integer parsing with Go's grammar and error texts.
#include "sim/dockerfile/healthcheck.hpp"

#include "sim/dockerfile/internal.hpp"

namespace layerlab::dockerfile::detail {

DurationResult parseGoDuration(std::string_view orig) {
    DurationResult r;
    const auto invalid = [&](const std::string& why) {
        r.ok = false;
        r.error = "time: " + why + " " + goQuote(orig);
        return r;
    };
    std::string_view s = orig;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return r;
    if (s.empty()) return invalid("invalid duration");
    long double total = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid("invalid duration");
        long double v = 0;
        std::size_t i = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
        const bool pre = i > 0;
        long double frac = 0, scale = 1;
        bool post = false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            const std::size_t start = i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                frac = frac * 10 + (s[i++] - '0');
                scale *= 10;
            }
            post = i > start;
        }
        if (!pre && !post) return invalid("invalid duration");
        s.remove_prefix(i);
        std::size_t u = 0;
        while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
        if (u == 0) return invalid("missing unit in duration");
        const std::string_view unit = s.substr(0, u);
        long double mult = 0;
        if (unit == "ns") mult = 1;
        else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") mult = 1e3L;
        else if (unit == "ms") mult = 1e6L;
        else if (unit == "s") mult = 1e9L;
        else if (unit == "m") mult = 60e9L;
        else if (unit == "h") mult = 3600e9L;
        else {
            r.ok = false;
            r.error = "time: unknown unit " + goQuote(unit) + " in duration " + goQuote(orig);
            return r;
        }
        s.remove_prefix(u);
        total += (v + frac / scale) * mult;
        if (total > 9223372036854775807.0L) return invalid("invalid duration");
    }
    r.nanoseconds = neg ? -total : total;
    return r;
}

IntResult parseGoInt32(std::string_view s) {
    IntResult r;
    const auto err = [&](const char* why) {
        r.ok = false;
        r.error = "strconv.ParseInt: parsing " + goQuote(s) + ": " + why;
        return r;
    };
    std::string_view d = s;
    bool neg = false;
    if (!d.empty() && (d[0] == '+' || d[0] == '-')) {
        neg = d[0] == '-';
        d.remove_prefix(1);
    }
    if (d.empty()) return err("invalid syntax");
    long long v = 0;
    bool overflow = false;
    for (std::size_t i = 0; i < d.size(); ++i) {
        const char c = d[i];
        if (c == '_') return err("invalid syntax");
        if (c < '0' || c > '9') return err("invalid syntax");
        if (!overflow) {
            v = v * 10 + (c - '0');
            if (v > 2147483648LL) overflow = true;
        }
    }
    if (overflow || (!neg && v > 2147483647LL)) return err("value out of range");
    r.value = neg ? -v : v;
    return r;
}

}   // namespace layerlab::dockerfile::detail
