// locale: see the header.
#include "sim/locale.hpp"

#include <string_view>

namespace layerlab {

std::string languageFromLocale(const EnvLookup& getenv) {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = getenv(var);
        if (value && *value) return std::string_view(value).substr(0, 2) == "ko" ? "ko" : "en";
    }
    return "en";
}

}   // namespace layerlab
