// Opening a scenario file in the window (the browser's file picker, its
// autosaved session, a #scenario= link): the scenario's start state replaces
// the Machine's State (Machine::setState, as a lesson start does), then each
// command step goes through View::run, the terminal's path, so the terminal,
// the picture and the model show what replaying it gives. Say, write and
// check steps are the headless player's (`layerlab play`); here only the
// commands run.
#include "render/view.hpp"
#include "sim/scenario/player.hpp"

namespace layerlab::render {

bool View::playScenario(const scenario::Scenario& scenario, std::string& error) {
    scenario::PlayOptions options;
    options.lang = strings.lang();
    std::vector<std::string> errors;
    engine::State start = scenario::startState(scenario, options, errors);
    if (!errors.empty()) {
        error = errors.front();
        return false;
    }
    leaveLesson();
    machine.setState(std::move(start));
    ui.sessionCommands.clear();
    ui.failedBuild = FailedBuild{};
    ui.picture = PictureState{};
    highlights.clear();
    ui.dockerfileOnDisk.clear();
    ui.dockerfile.clear();
    syncDockerfile();
    refreshPicture(*this, /*restart=*/false);
    for (const auto& step : scenario.steps)
        if (step.kind == scenario::Step::Kind::Command) run(step.command);
    return true;
}

}   // namespace layerlab::render
