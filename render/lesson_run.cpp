// Playing a lesson in the window: the one lesson engine of the shell and
// `layerlab play` (sim/scenario/lesson_engine.hpp), shown in the Lessons
// panel. Starting a lesson makes a LessonSession over the window's Machine
// (it loads the lesson's start state); every command then goes through it
// (View::run), so goals, hints, predictions, disabled commands and progress
// are the shell's.
#include "render/view.hpp"
#include "sim/scenario/player.hpp"

namespace layerlab::render {

scenario::SessionConfig View::lessonConfig(int index, bool presented) const {
    const size_t i = static_cast<size_t>(index);
    scenario::SessionConfig config;
    config.lesson = &ui.catalog->lessons[i];
    config.lang = strings.lang();
    config.number = i + 1;
    config.total = ui.catalog->lessons.size();
    // The completion line names the next lesson as the window reaches it (the
    // shell names its command); without it every lesson would say it was the last.
    if (config.number < config.total) {
        const scenario::Scenario& next = ui.catalog->lessons[config.number];
        const std::string n = std::to_string(config.number + 1);
        config.next = {"lesson " + n + ", \"" + next.title.en + "\"", n + "번 레슨 「" + next.title.ko + "」"};
        if (!presented) {
            config.next.en +=
                " (the \"" + std::string(strings.trIn("en", "lesson.next")) + "\" button in the lesson panel)";
            config.next.ko += " (레슨 패널의 「" + std::string(strings.trIn("ko", "lesson.next")) + "」 버튼)";
        }
    }
    return config;
}

bool View::startLesson(int index) {
    LessonRun& run = ui.lesson;
    run = LessonRun{};
    run.index = index;
    closeScenario();
    if (!ui.catalog || index < 0 || index >= static_cast<int>(ui.catalog->lessons.size())) {
        run.error = tr("ui.lessons.not_found");
        return false;
    }
    const scenario::Scenario& lesson = ui.catalog->lessons[static_cast<size_t>(index)];
    scenario::SessionConfig config = lessonConfig(index, false);
    config.progress = ui.progress;
    ui.session = std::make_shared<scenario::LessonSession>(machine, config);
    if (!ui.session->errors().empty()) {
        run.error = ui.session->errors().front();
        ui.session = std::make_shared<scenario::LessonSession>(machine, scenario::SessionConfig{});
        return false;
    }
    run.active = true;
    run.lesson = lesson;
    afterReplay();
    note(TerminalLine::Kind::Note, bothLanguages("ui.lessons.started", lesson.title));
    ui.scrollToEnd = true;
    return true;
}

// The sandbox goes on from where the lesson left the machine.
void View::leaveLesson() {
    ui.lesson = LessonRun{};
    scenario::SessionConfig config;
    config.lang = strings.lang();
    ui.session = std::make_shared<scenario::LessonSession>(machine, config);
    ui.predict.close();
}

void View::refreshGoals() {
    LessonRun& run = ui.lesson;
    if (!run.active || !ui.session) return;
    run.goals = ui.session->goals();
    run.hintsShown = static_cast<int>(ui.session->hintsShown());
    for (const auto& goal : run.goals) {
        fonts.addText(goal.description.ko);
        fonts.addText(goal.missing.ko);
    }
}

}   // namespace layerlab::render
