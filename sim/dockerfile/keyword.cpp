// Which instruction a keyword names, decided once per node. The parser, the
// typed instructions, heredocs and the teaching hints each used to lower-case
// the keyword into a new string and compare it with the names one by one.
#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

Keyword byLowerName(std::string_view lower) {
    // instructionNames() order, so the two lists are easy to compare.
    static constexpr std::pair<std::string_view, Keyword> kNames[] = {
        {"add", Keyword::Add},
        {"arg", Keyword::Arg},
        {"cmd", Keyword::Cmd},
        {"copy", Keyword::Copy},
        {"entrypoint", Keyword::Entrypoint},
        {"env", Keyword::Env},
        {"expose", Keyword::Expose},
        {"from", Keyword::From},
        {"healthcheck", Keyword::Healthcheck},
        {"label", Keyword::Label},
        {"maintainer", Keyword::Maintainer},
        {"onbuild", Keyword::Onbuild},
        {"run", Keyword::Run},
        {"shell", Keyword::Shell},
        {"stopsignal", Keyword::Stopsignal},
        {"user", Keyword::User},
        {"volume", Keyword::Volume},
        {"workdir", Keyword::Workdir},
    };
    for (const auto& [name, keyword] : kNames) {
        if (name == lower) return keyword;
    }
    return Keyword::Unknown;
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
