// image_filters: see the header. Errors as moby's daemon/images/images.go
// and api/types/filters word them.
#include "sim/engine/images/filters.hpp"

#include <cstdint>
#include <cstdlib>

#include "sim/engine/images/store.hpp"

namespace layerlab::engine {

namespace {

// One path.Match step: matches a class "[...]" at pattern[pi] against c.
bool matchClass(const std::string& p, size_t& pi, char c, bool& ok) {
    ++pi;   // '['
    bool negate = false;
    if (pi < p.size() && p[pi] == '^') {
        negate = true;
        ++pi;
    }
    bool matched = false;
    bool first = true;
    while (pi < p.size() && (p[pi] != ']' || first)) {
        first = false;
        char lo = p[pi];
        if (lo == '\\' && pi + 1 < p.size()) lo = p[++pi];
        ++pi;
        char hi = lo;
        if (pi + 1 < p.size() && p[pi] == '-' && p[pi + 1] != ']') {
            hi = p[pi + 1];
            if (hi == '\\' && pi + 2 < p.size()) hi = p[++pi + 1];
            pi += 2;
        }
        if (lo <= c && c <= hi) matched = true;
    }
    if (pi >= p.size()) {
        ok = false;   // unterminated class: ErrBadPattern
        return false;
    }
    ++pi;   // ']'
    return matched != negate;
}

bool matchFrom(const std::string& p, size_t pi, const std::string& s, size_t si, bool& ok) {
    while (pi < p.size()) {
        const char pc = p[pi];
        if (pc == '*') {
            while (pi < p.size() && p[pi] == '*') ++pi;
            for (size_t k = si;; ++k) {
                if (matchFrom(p, pi, s, k, ok)) return true;
                if (!ok || k >= s.size() || s[k] == '/') return false;
            }
        }
        if (si >= s.size()) return false;
        if (pc == '?') {
            if (s[si] == '/') return false;
            ++pi;
            ++si;
        } else if (pc == '[') {
            if (s[si] == '/' || !matchClass(p, pi, s[si], ok)) return false;
            ++si;
        } else {
            char lit = pc;
            if (pc == '\\' && pi + 1 < p.size()) lit = p[++pi];
            if (lit != s[si]) return false;
            ++pi;
            ++si;
        }
    }
    return si == s.size();
}

// "12", "1.5": digits with at most one '.', or nothing (".", "1.2.3").
std::optional<double> decimal(const std::string& s) {
    bool digit = false, dot = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '.' && !dot) dot = true;
        else return std::nullopt;
    }
    if (!digit) return std::nullopt;
    return std::strtod(s.c_str(), nullptr);
}

// Milliseconds that fit the clock, or nothing (a value too large to be a time).
std::optional<int64_t> millis(double ms) {
    if (!(ms >= 0 && ms < 9.0e18)) return std::nullopt;
    return static_cast<int64_t>(ms);
}

std::optional<int64_t> parseUntil(const std::string& v, int64_t nowMs) {
    // Go durations ("10m", "1h30m", "24h") count back from now; plain
    // numbers are Unix seconds.
    if (v.empty()) return std::nullopt;
    if (v.find_first_not_of("0123456789.") == std::string::npos) {
        auto seconds = decimal(v);
        return seconds ? millis(*seconds * 1000) : std::nullopt;
    }
    int64_t total = 0;
    size_t i = 0;
    while (i < v.size()) {
        size_t j = i;
        while (j < v.size() && ((v[j] >= '0' && v[j] <= '9') || v[j] == '.')) ++j;
        auto n = decimal(v.substr(i, j - i));
        if (!n) return std::nullopt;
        size_t k = j;
        while (k < v.size() && !((v[k] >= '0' && v[k] <= '9') || v[k] == '.')) ++k;
        const std::string unit = v.substr(j, k - j);
        const double ms = unit == "h" ? 3600000 : unit == "m" ? 60000 : unit == "s" ? 1000 : unit == "ms" ? 1 : -1;
        if (ms < 0) return std::nullopt;
        auto part = millis(*n * ms);
        if (!part || *part > INT64_MAX / 2 - total) return std::nullopt;
        total += *part;
        i = k;
    }
    return nowMs - total;
}

}   // namespace

bool goPathMatch(const std::string& pattern, const std::string& name) {
    bool ok = true;
    return matchFrom(pattern, 0, name, 0, ok) && ok;
}

bool ImageFilters::matchesTimeAndLabels(const Image& image) const {
    if (beforeMs && image.createdMs >= *beforeMs) return false;
    if (sinceMs && image.createdMs <= *sinceMs) return false;
    if (untilMs && image.createdMs > *untilMs) return false;
    auto has = [&](const std::string& l) {
        const auto eq = l.find('=');
        const auto it = image.config.labels.find(l.substr(0, eq));
        return it != image.config.labels.end() && (eq == std::string::npos || it->second == l.substr(eq + 1));
    };
    for (const auto& l : labels)
        if (!has(l)) return false;
    for (const auto& l : notLabels)
        if (has(l)) return false;
    return true;
}

bool ImageFilters::matchesReference(const std::string& familiarRef) const {
    if (references.empty()) return true;
    // Name part: strip ":tag" (after the last '/') or "@digest".
    std::string name = familiarRef;
    if (const auto at = name.find('@'); at != std::string::npos) name = name.substr(0, at);
    else if (const auto colon = name.rfind(':');
             colon != std::string::npos && name.find('/', colon) == std::string::npos)
        name = name.substr(0, colon);
    for (const auto& pattern : references)
        if (goPathMatch(pattern, familiarRef) || goPathMatch(pattern, name)) return true;
    return false;
}

ParsedImageFilters parseImageFilters(const State& state, const std::vector<std::string>& args,
                                     const std::set<std::string>& allowedKeys) {
    ParsedImageFilters r;
    std::vector<std::string> danglingValues;
    for (const auto& arg : args) {
        const auto eq = arg.find('=');
        if (eq == std::string::npos) {
            r.error = "bad format of filter (expected name=value)";
            return r;
        }
        const std::string key = arg.substr(0, eq);
        const std::string value = arg.substr(eq + 1);
        if (!allowedKeys.count(key)) {
            r.error = "Error response from daemon: invalid filter '" + key + "'";
            return r;
        }
        auto& f = r.filters;
        if (key == "dangling") {
            f.hasDangling = true;
            danglingValues.push_back(value);
        } else if (key == "reference") {
            f.references.push_back(value);
        } else if (key == "label") {
            f.labels.push_back(value);
        } else if (key == "label!") {
            f.notLabels.push_back(value);
        } else if (key == "before" || key == "since") {
            const auto resolved = resolveImageRef(state, value);
            if (!resolved.image) {
                r.error = "Error response from daemon: " + resolved.error;
                return r;
            }
            (key == "before" ? f.beforeMs : f.sinceMs) = resolved.image->createdMs;
        } else if (key == "until") {
            f.untilMs = parseUntil(value, state.clock.nowMs);
            if (!f.untilMs) {
                r.error = "Error response from daemon: failed to parse value as time or duration: \"" + value + "\"";
                return r;
            }
        }
    }
    if (!danglingValues.empty()) {
        // ExactMatch("dangling", "true") / ("false"), else invalidFilter.
        bool isTrue = false, isFalse = false;
        for (const auto& v : danglingValues) {
            if (v == "true" || v == "1") isTrue = true;
            else if (v == "false" || v == "0") isFalse = true;
        }
        if (!isTrue && !isFalse) {
            std::string list;
            for (const auto& v : danglingValues) list += (list.empty() ? "" : " ") + v;
            r.error = "Error response from daemon: invalid filter 'dangling=[" + list + "]'";
            return r;
        }
        r.filters.danglingOnly = isTrue;
    }
    return r;
}

}   // namespace layerlab::engine
