// scenario_args: the options `play`, `check`, `lessons` and `export` share.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace layerlab::frontend {

struct ScenarioArgs {
    std::vector<std::string> paths;
    std::string format = "text";   // --format text|json
    std::string lang = "en";   // --lang en|ko (default: from LANG/LC_ALL, else en)
    std::optional<uint64_t> seed;   // --seed N
    bool solution = false;   // --solution
};

// Fills `out`; false with `error` set on a bad option. The default language
// comes from the locale (LC_ALL, LC_MESSAGES, LANG starting with "ko").
bool parseScenarioArgs(const std::vector<std::string>& args, ScenarioArgs& out, std::string& error, bool allowFormat);
std::string localeLang();

}   // namespace layerlab::frontend
