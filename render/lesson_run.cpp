// Playing a lesson in the window: the same lesson files, start states and
// goal checks as `layerlab shell --lesson` (sim/scenario), shown in the
// Lessons panel. Starting a lesson replaces the Machine's State with the
// lesson's start state (Machine::setState, the API meant for lesson starts);
// everything after that is command lines through Machine::execute.
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/player.hpp"
#include "render/view.hpp"

namespace layerlab::render {

bool View::startLesson(int index) {
    LessonRun& run = ui.lesson;
    run = LessonRun{};
    run.index = index;
    if (index < 0 || index >= static_cast<int>(ui.lessons.size())) return false;

    const scenario::LessonCatalog catalog = scenario::loadLessonCatalog(scenario::findLessonsDir());
    const scenario::Scenario* lesson = scenario::findLesson(catalog, ui.lessons[static_cast<size_t>(index)].id);
    if (!lesson) {
        run.error = catalog.errors.empty() ? std::string(tr("ui.lessons.not_found")) : catalog.errors.front();
        return false;
    }
    scenario::PlayOptions options;
    options.lang = strings.lang();
    std::vector<std::string> errors;
    engine::State start = scenario::startState(*lesson, options, errors);
    if (!errors.empty()) {
        run.error = errors.front();
        return false;
    }
    machine.setState(std::move(start));
    ui.sessionCommands.clear();
    run.active = true;
    run.lesson = *lesson;

    ui.failedBuild = FailedBuild{};
    ui.picture = PictureState{};   // a new machine: the picture starts from its last build
    refreshPicture(*this, /*restart=*/false);
    highlights.clear();
    ui.terminal.push_back({TerminalLine::Kind::Note,
                           formatPattern(tr("ui.lessons.started"), {pick(lesson->title.en, lesson->title.ko)})});
    ui.scrollToEnd = true;
    ui.dockerfileOnDisk.clear();
    ui.dockerfile.clear();
    syncDockerfile();
    refreshGoals();
    return true;
}

void View::leaveLesson() { ui.lesson = LessonRun{}; }

void View::refreshGoals() {
    LessonRun& run = ui.lesson;
    if (!run.active) return;
    run.goals = scenario::evaluateGoals(run.lesson.goals, state(), scenario::machineProbe());
    for (const auto& goal : run.goals) {
        fonts.addText(goal.description.ko);
        fonts.addText(goal.missing.ko);
    }
}

}   // namespace layerlab::render
