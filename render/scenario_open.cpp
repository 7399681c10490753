// Opening a scenario file in the window (the browser's file picker, its
// autosaved session, a #scenario= link): the scenario's start state replaces
// the Machine's State (Machine::setState, as a lesson start does) and a new
// sandbox LessonSession begins there, then each command step goes through
// View::run (the terminal's path) and each write step through the session's
// writeFile (an editor's save), so the session records them again and the
// terminal, the picture and the model show what replaying it gives. Say and
// check steps are the headless player's (`layerlab play`).
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
    machine.setState(std::move(start));
    leaveLesson();   // after setState: the new session's recording starts at the scenario's start
    afterReplay();
    replaySteps(scenario.steps);
    return true;
}

void View::replaySteps(const std::vector<scenario::Step>& steps) {
    for (const auto& step : steps) {
        if (step.kind == scenario::Step::Kind::Command) {
            run(step.command);
        } else if (step.kind == scenario::Step::Kind::Write && ui.session) {
            const std::string why = ui.session->writeFile(step.path, step.content, step.mode);
            if (why.empty()) note(TerminalLine::Kind::Note, "ui.lessons.write", {step.path});
            else ui.terminal.push_back({TerminalLine::Kind::Error, why, ""});
            syncDockerfile();
            ui.picture.dirty = true;
        }
    }
}

}   // namespace layerlab::render
