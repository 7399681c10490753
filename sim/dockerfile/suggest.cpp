// Suggestions for misspelt names: BuildKit's util/suggest (Levenshtein
// distance under 3, case-insensitive for instructions, answer in the user's case).
#include <algorithm>

#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

std::vector<char32_t> toRunes(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const unicode::Rune r = unicode::decode(s, i);
        out.push_back(r.cp);
        i += static_cast<std::size_t>(r.width);
    }
    return out;
}

std::size_t levenshtein(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string toUpperAscii(std::string s) {
    for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    return s;
}

// matchCase: all-lower input gets a lower answer, all-upper an upper one.
std::string matchCase(const std::string& lowerOption, std::string_view original) {
    const std::string lowered = unicode::toLower(original);
    if (original == lowered) return lowerOption;
    bool upper = true;
    for (char c : original) upper = upper && !(c >= 'a' && c <= 'z');
    if (upper) return toUpperAscii(lowerOption);
    return lowerOption;
}

}   // namespace

const std::vector<std::string_view>& instructionNames() {
    static const std::vector<std::string_view> names = {
        "add",   "arg",        "cmd",     "copy", "entrypoint", "env",        "expose", "from",   "healthcheck",
        "label", "maintainer", "onbuild", "run",  "shell",      "stopsignal", "user",   "volume", "workdir"};
    return names;
}

std::string suggest(std::string_view value, const std::vector<std::string_view>& options, bool caseSensitive) {
    const std::string val = caseSensitive ? std::string(value) : unicode::toLower(value);
    const std::vector<char32_t> valRunes = toRunes(val);
    std::string match;
    std::size_t minDist = 3;
    for (std::string_view option : options) {
        const std::string opt = caseSensitive ? std::string(option) : unicode::toLower(option);
        if (opt == val) return "";   // an exact match means the error is about something else
        const std::size_t dist = levenshtein(valRunes, toRunes(opt));
        if (dist < minDist) {
            match = caseSensitive ? opt : matchCase(opt, value);
            minDist = dist;
        }
    }
    return match;
}

}   // namespace layerlab::dockerfile::detail
