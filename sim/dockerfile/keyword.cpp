// Which instruction a keyword names, decided once per node. The parser, the
// typed instructions, heredocs and the teaching hints each used to lower-case
// the keyword into a new string and compare it with the names one by one.
#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

// The length picks one to five candidate names (instructionNames()); each
// comparison is then a fixed-size memcmp. (The first letter, then a lambda
// comparing string_views, showed up in the profile of the typed parse.)
Keyword byLowerName(std::string_view lower) {
    using K = Keyword;
    switch (lower.size()) {
        case 3:
            if (lower == "run") return K::Run;
            if (lower == "env") return K::Env;
            if (lower == "arg") return K::Arg;
            if (lower == "add") return K::Add;
            if (lower == "cmd") return K::Cmd;
            return K::Unknown;
        case 4:
            if (lower == "copy") return K::Copy;
            if (lower == "from") return K::From;
            if (lower == "user") return K::User;
            return K::Unknown;
        case 5:
            if (lower == "label") return K::Label;
            if (lower == "shell") return K::Shell;
            return K::Unknown;
        case 6:
            if (lower == "expose") return K::Expose;
            if (lower == "volume") return K::Volume;
            return K::Unknown;
        case 7:
            if (lower == "workdir") return K::Workdir;
            if (lower == "onbuild") return K::Onbuild;
            return K::Unknown;
        case 10:
            if (lower == "entrypoint") return K::Entrypoint;
            if (lower == "maintainer") return K::Maintainer;
            if (lower == "stopsignal") return K::Stopsignal;
            return K::Unknown;
        case 11:
            return lower == "healthcheck" ? K::Healthcheck : K::Unknown;
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
