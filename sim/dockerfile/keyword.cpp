// Which instruction a keyword names, decided once per node. The parser, the
// typed instructions, heredocs and the teaching hints each used to lower-case
// the keyword into a new string and compare it with the names one by one.
#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

// The first letter picks one to three candidate names (instructionNames()).
Keyword byLowerName(std::string_view lower) {
    using K = Keyword;
    const auto either = [lower](std::string_view a, K ka, std::string_view b = {}, K kb = K::Unknown,
                                std::string_view c = {}, K kc = K::Unknown) {
        if (lower == a) return ka;
        if (!b.empty() && lower == b) return kb;
        if (!c.empty() && lower == c) return kc;
        return K::Unknown;
    };
    if (lower.empty()) return K::Unknown;
    switch (lower[0]) {
        case 'a':
            return either("add", K::Add, "arg", K::Arg);
        case 'c':
            return either("cmd", K::Cmd, "copy", K::Copy);
        case 'e':
            return either("entrypoint", K::Entrypoint, "env", K::Env, "expose", K::Expose);
        case 'f':
            return either("from", K::From);
        case 'h':
            return either("healthcheck", K::Healthcheck);
        case 'l':
            return either("label", K::Label);
        case 'm':
            return either("maintainer", K::Maintainer);
        case 'o':
            return either("onbuild", K::Onbuild);
        case 'r':
            return either("run", K::Run);
        case 's':
            return either("shell", K::Shell, "stopsignal", K::Stopsignal);
        case 'u':
            return either("user", K::User);
        case 'v':
            return either("volume", K::Volume);
        case 'w':
            return either("workdir", K::Workdir);
        default:
            return K::Unknown;
    }
}

}   // namespace

Keyword keywordOf(std::string_view written) {
    for (const char c : written) {
        // Not ASCII: strings.ToLower's full Unicode mapping (KELVIN SIGN
        // lower-cases to 'k', so "WOR\u212ADIR" is WORKDIR, as in Go).
        if (static_cast<unsigned char>(c) >= 0x80) return byLowerName(unicode::toLower(written));
    }
    constexpr std::size_t kLongest = 11;   // "healthcheck"
    if (written.size() > kLongest) return Keyword::Unknown;
    char lower[kLongest];
    for (std::size_t i = 0; i < written.size(); ++i) {
        const char c = written[i];
        lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return byLowerName(std::string_view(lower, written.size()));
}

}   // namespace layerlab::dockerfile::detail
