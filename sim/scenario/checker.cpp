#include "sim/scenario/checker.hpp"

#include <algorithm>

namespace layerlab::scenario {

CheckOutcome checkScenario(const Scenario& scenario) {
    CheckOutcome c;
    PlayOptions options;
    options.lang = "en";
    options.solution = scenario.lesson;
    if (scenario.lesson) {
        std::vector<std::string> setupErrors;
        engine::State start = startState(scenario, options, setupErrors);
        c.errors.insert(c.errors.end(), setupErrors.begin(), setupErrors.end());
        c.atStart = evaluateGoals(scenario.goals, start, machineProbe());
        for (size_t i = 0; i < c.atStart.size(); ++i)
            if (c.atStart[i].met)
                c.errors.push_back("/goals/" + std::to_string(i) +
                                   ": already holds at the start: " + c.atStart[i].description.en);
    }
    c.report = play(scenario, options);
    for (const auto& e : c.report.errors)
        if (std::find(c.errors.begin(), c.errors.end(), e) == c.errors.end()) c.errors.push_back(e);
    const char* after = scenario.lesson ? "not met after the solution: " : "not met after the steps: ";
    for (size_t i = 0; i < c.report.goals.size(); ++i)
        if (!c.report.goals[i].met)
            c.errors.push_back("/goals/" + std::to_string(i) + ": " + after + c.report.goals[i].missing.en);
    return c;
}

}   // namespace layerlab::scenario
