#include "frontend/scenario_args.hpp"

#include <cstdlib>

#include "sim/locale.hpp"

namespace layerlab::frontend {

std::string localeLang() { return languageFromLocale(std::getenv); }

bool parseScenarioArgs(const std::vector<std::string>& args, ScenarioArgs& out, std::string& error, bool allowFormat) {
    out.lang = localeLang();
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const std::string& name) -> std::optional<std::string> {
            if (a.rfind(name + "=", 0) == 0) return a.substr(name.size() + 1);
            if (a == name && i + 1 < args.size()) return args[++i];
            return std::nullopt;
        };
        if (a == "--format" || a.rfind("--format=", 0) == 0) {
            auto v = value("--format");
            if (!allowFormat || !v || (*v != "text" && *v != "json")) {
                error = "--format takes text or json";
                return false;
            }
            out.format = *v;
        } else if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
            auto v = value("--lang");
            if (!v || (*v != "en" && *v != "ko")) {
                error = "--lang takes en or ko";
                return false;
            }
            out.lang = *v;
        } else if (a == "--seed" || a.rfind("--seed=", 0) == 0) {
            auto v = value("--seed");
            if (!v || v->empty() || v->size() > 19 || v->find_first_not_of("0123456789") != std::string::npos) {
                error = "--seed takes a number";
                return false;
            }
            out.seed = std::stoull(*v);
        } else if (a == "--solution") {
            out.solution = true;
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            error = "unknown option " + a;
            return false;
        } else {
            out.paths.push_back(a);
        }
    }
    return true;
}

}   // namespace layerlab::frontend
