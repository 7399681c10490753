// The window's lessons, predictions and presenter through the one lesson
// engine, without a window: a View over a real Machine, driven by the same
// functions the clicks and keys call (the drawing code only calls these).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <sstream>

#include "frontend/lesson_shell.hpp"
#include "render/panels/classroom.hpp"
#include "render/presenter/presenter.hpp"
#include "render/view.hpp"
#include "render/workspace.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/state_json.hpp"

namespace {

using namespace layerlab;

// Everything a View refers to, as the Workspace keeps it.
struct Window {
    cli::Machine machine;
    render::StringTable strings;
    render::Fonts fonts;
    render::UiState ui;
    render::anim::Highlights highlights;

    Window() {
        std::string error;
        REQUIRE(strings.load(render::dataDir() + "/assets/lang", &error));
        ui.catalog = std::make_shared<scenario::LessonCatalog>(
            scenario::loadLessonCatalog(std::string(LAYERLAB_SOURCE_DIR) + "/lessons"));
        REQUIRE(ui.catalog->errors.empty());
        ui.session = std::make_shared<scenario::LessonSession>(machine, scenario::SessionConfig{});
    }
    render::View view() { return render::View{machine, strings, fonts, ui, highlights, render::palette(), 0.0}; }
};

int lessonIndex(const render::UiState& ui, const std::string& number) {
    const scenario::Scenario* lesson = scenario::findLesson(*ui.catalog, number);
    REQUIRE(lesson != nullptr);
    return static_cast<int>(lesson - ui.catalog->lessons.data());
}

}   // namespace

TEST_CASE("window lessons: a started lesson is a LessonSession; its question opens before the build") {
    Window w;
    render::View view = w.view();
    REQUIRE(view.startLesson(lessonIndex(w.ui, "7")));
    REQUIRE(w.ui.session->isLesson());
    CHECK(w.ui.session->lesson() == &w.ui.catalog->lessons[static_cast<size_t>(lessonIndex(w.ui, "7"))]);
    view.run("echo \"// changed\" >> server.js");
    const std::string before = scenario::stateToText(w.machine.state());
    view.run("docker build -t myapp .");
    // The build waits for the answer: the window shows the question over the stack.
    CHECK(w.ui.predict.asking);
    CHECK(scenario::stateToText(w.machine.state()) == before);
    REQUIRE(w.ui.predict.blocks.size() == 4);   // [1/4] FROM .. [4/4] RUN: EXPOSE and CMD are no build steps
    CHECK(w.ui.predict.blocks[2].step == 3);
    CHECK(w.ui.predict.blocks[2].instruction == "COPY . /app");
    // Disabled commands are the lesson's, refused in the terminal.
    CHECK(view.run("docker builder prune -f").exitCode == 1);
    CHECK(w.ui.terminal.back().kind == render::TerminalLine::Kind::Error);
}

TEST_CASE("window predictions: blocks clicked then Build score as `predict 3 4` does in the shell") {
    // The window: click blocks 3 and 4 (the function the click calls), then Build.
    Window w;
    render::View view = w.view();
    REQUIRE(view.startLesson(lessonIndex(w.ui, "7")));
    view.run("echo \"// changed\" >> server.js");
    view.run("docker build -t myapp .");
    REQUIRE(w.ui.predict.asking);
    w.ui.predict.toggle(3);
    w.ui.predict.toggle(5);
    w.ui.predict.toggle(4);
    w.ui.predict.toggle(5);   // clicked twice: not picked
    CHECK(w.ui.predict.answer() == std::vector<int>{3, 4});
    render::submitPrediction(view);
    REQUIRE(w.ui.predict.reveal.has_value());
    CHECK_FALSE(w.ui.predict.asking);
    const scenario::PredictionScore clicked = *w.ui.predict.reveal;
    CHECK(w.ui.predict.revealBlocks.size() == 4);
    CHECK_FALSE(w.ui.predict.explain.empty());

    // The shell: the same lesson, `predict 3 4`, the same build.
    cli::Machine machine;
    scenario::SessionConfig config;
    config.lesson = w.ui.session->lesson();
    scenario::LessonSession shell(machine, config);
    shell.run("echo \"// changed\" >> server.js");
    REQUIRE(shell.run("docker build -t myapp .").question != nullptr);
    REQUIRE(shell.run("predict 3 4").handled);
    const scenario::Turn built = shell.run("docker build -t myapp .");
    REQUIRE(built.score.has_value());

    CHECK(clicked.predicted == built.score->predicted);
    CHECK(clicked.actual == built.score->actual);
    CHECK(clicked.correct == built.score->correct);
    CHECK(clicked.correct);
    CHECK(clicked.summary.en == built.score->summary.en);
    CHECK(clicked.summary.ko == built.score->summary.ko);
    CHECK(w.ui.session->progressRecord().predictionsRight == shell.progressRecord().predictionsRight);
    CHECK(scenario::stateToText(w.machine.state()) == scenario::stateToText(machine.state()));
}

TEST_CASE("window predictions: the sandbox's predict toggle asks before any build; none is an answer") {
    Window w;
    render::View view = w.view();
    view.run("docker build -t app .");
    CHECK_FALSE(w.ui.predict.asking);
    w.ui.predict.sandboxToggle = true;
    view.run("docker build -t app .");
    REQUIRE(w.ui.predict.asking);
    w.ui.predict.chooseNone();
    render::submitPrediction(view);
    REQUIRE(w.ui.predict.reveal.has_value());
    CHECK(w.ui.predict.reveal->correct);   // nothing changed: every step from the cache
    CHECK(w.ui.predict.sandboxToggle);
}

TEST_CASE("presenter keys: Right, Right, Left returns to the State of one Right") {
    Window w;
    render::View view = w.view();
    REQUIRE(view.openScenario(std::string(LAYERLAB_SOURCE_DIR) + "/examples/scenarios/cache-cascade-demo.json"));
    const size_t total = w.ui.scenarioRun.stepper->size();
    for (size_t n = 1; n + 1 < total; n += 3) {
        CAPTURE(n);
        render::panels::session::startOver(view);
        for (size_t i = 0; i < n; ++i) render::presenter::press(view, render::presenter::Key::Next);
        const std::string one = scenario::stateToText(w.machine.state());
        render::presenter::press(view, render::presenter::Key::Next);
        render::presenter::press(view, render::presenter::Key::Back);
        CHECK(w.ui.scenarioRun.stepper->done() == n);
        CHECK(scenario::stateToText(w.machine.state()) == one);
    }
}

TEST_CASE("presenter keys: L switches the language of the window and of the lesson's text") {
    Window w;
    render::View view = w.view();
    REQUIRE(view.presentLesson(lessonIndex(w.ui, "7")));
    w.strings.setLang("en");
    render::presenter::press(view, render::presenter::Key::Language);
    CHECK(w.strings.lang() == "ko");
    CHECK(w.ui.session->lang() == "ko");
    render::presenter::press(view, render::presenter::Key::Bigger);
    render::presenter::press(view, render::presenter::Key::Bigger);
    CHECK(w.ui.presenterScale == doctest::Approx(1.5f));
    for (int i = 0; i < 10; ++i) render::presenter::press(view, render::presenter::Key::Bigger);
    CHECK(w.ui.presenterScale == doctest::Approx(2.5f));
}
