// `layerlab play FILE [--format text|json] [--lang en|ko] [--seed N] [--solution]`:
// replays a scenario (or a lesson's steps, or with --solution its reference
// solution) headless and prints the transcript or a JSON report. Exit 0 when
// every step went as written and every goal holds, 1 otherwise, 2 on usage.
#include <ostream>

#include "frontend/headless.hpp"
#include "frontend/scenario_commands.hpp"
#include "frontend/scenario_args.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/report_json.hpp"
#include "sim/json_text.hpp"

namespace layerlab::frontend {

int runPlay(const std::vector<std::string>& args, Io& io) {
    const char* usage = "Usage: layerlab play FILE [--format text|json] [--lang en|ko] [--seed N] [--solution]\n";
    ScenarioArgs a;
    std::string error;
    if (!parseScenarioArgs(args, a, error, /*allowFormat=*/true) || a.paths.size() != 1) {
        io.err << (error.empty() ? std::string() : "layerlab play: " + error + "\n") << usage;
        return 2;
    }
    const std::string& path = a.paths[0];
    scenario::LoadResult loaded = scenario::loadScenarioFile(path);
    if (!loaded.ok()) {
        for (const auto& e : loaded.errors) io.err << path << ": " << e << "\n";
        return 1;
    }
    const scenario::Scenario& sc = *loaded.scenario;
    scenario::PlayOptions options;
    options.lang = a.lang;
    options.seed = a.seed;
    options.solution = a.solution;
    scenario::PlayReport report = scenario::play(sc, options);
    const std::string lang = scenario::scenarioLang(sc, options);
    if (a.format == "json") io.out << jsonText(scenario::reportToJson(sc, report, lang), 2) << "\n";
    else io.out << scenario::reportToText(sc, report, lang);
    for (const auto& e : report.errors) io.err << path << ": " << e << "\n";
    return report.ok() && report.goalsMet() ? 0 : 1;
}

}   // namespace layerlab::frontend
