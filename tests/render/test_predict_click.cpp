// Predict, then see, clicked on the layer stack of a real window (drawn by
// ImGui without a display, tests/render/headless_window.hpp): the blocks
// clicked are the answer the LessonSession scores, exactly as `predict 3 4`
// typed in the shell, and each block then carries its verdict.
#include <doctest/doctest.h>

#include "headless_window.hpp"
#include "sim/scenario/lesson_engine.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/state_json.hpp"

namespace {

using namespace layerlab;
using testing::HeadlessWindow;

render::AppOptions lessonSeven() {
    render::AppOptions options;
    options.lang = "en";
    options.lesson = "7";
    return options;
}

// The shell's side: lesson 7, the same edit, `predict 3 4`, the build.
scenario::PredictionScore shellScore(const scenario::Scenario* lesson) {
    cli::Machine machine;
    scenario::SessionConfig config;
    config.lesson = lesson;
    scenario::LessonSession shell(machine, config);
    shell.run("echo \"// changed\" >> server.js");
    REQUIRE(shell.run("docker build -t myapp .").question != nullptr);
    REQUIRE(shell.run("predict 3 4").handled);
    const scenario::Turn built = shell.run("docker build -t myapp .");
    REQUIRE(built.score.has_value());
    return *built.score;
}

}   // namespace

TEST_CASE("predict by clicking the stack: blocks 3 and 4 clicked, then Build, score as `predict 3 4`") {
    HeadlessWindow window(lessonSeven());
    window.workspace().runLine("echo \"// changed\" >> server.js");
    window.workspace().runLine("docker build -t myapp .");
    window.frame();
    window.frame();
    REQUIRE(window.state()["prediction"]["asking"] == true);

    // Click 3, 4, and 2 twice (taken back): the picture marks the guesses.
    window.click(window.blockCentre(3));
    window.click(window.blockCentre(2));
    window.click(window.blockCentre(4));
    window.click(window.blockCentre(2));
    CHECK(window.state()["prediction"]["picked"] == nlohmann::json::array({3, 4}));
    CHECK(window.mark(3) == "guess");
    CHECK(window.mark(4) == "guess");
    CHECK(window.mark(2) == "");

    window.click(window.controlCentre("predict.build"));
    const nlohmann::json prediction = window.state()["prediction"];
    CHECK(prediction["asking"] == false);
    REQUIRE(prediction.contains("score"));

    const scenario::PredictionScore shell =
        shellScore(scenario::findLesson(scenario::loadLessonCatalog(scenario::findLessonsDir()), "7"));
    CHECK(prediction["score"]["predicted"] == nlohmann::json(shell.predicted));
    CHECK(prediction["score"]["actual"] == nlohmann::json(shell.actual));
    CHECK(prediction["score"]["correct"] == shell.correct);
    CHECK(prediction["score"]["summary"] == shell.summary.en);
    CHECK(shell.correct);

    // The reveal: once the animation is over every step says right or wrong.
    window.settle();
    CHECK(window.mark(3) == "right");
    CHECK(window.mark(4) == "right");
    CHECK(window.mark(2) == "right");   // not clicked, and it came from the cache
}

TEST_CASE("predict by clicking the stack: a wrong guess is marked wrong on its block") {
    HeadlessWindow window(lessonSeven());
    window.workspace().runLine("echo \"// changed\" >> server.js");
    window.workspace().runLine("docker build -t myapp .");
    window.frame();
    window.frame();
    window.click(window.blockCentre(2));   // WORKDIR: it comes from the cache
    window.click(window.blockCentre(3));   // 4 not clicked: it runs again
    window.click(window.controlCentre("predict.build"));
    window.settle();
    const nlohmann::json prediction = window.state()["prediction"];
    CHECK(prediction["score"]["correct"] == false);
    CHECK(window.mark(2) == "wrong");
    CHECK(window.mark(3) == "right");
    CHECK(window.mark(4) == "wrong");
}

TEST_CASE("predict by clicking the stack: the checkboxes are the same toggle; outside a question a click inspects") {
    HeadlessWindow window(lessonSeven());
    window.frame();
    window.frame();
    // No question open: a click on a block selects it for the inspector, no guess.
    window.click(window.blockCentre(3));
    CHECK(window.state()["prediction"]["asking"] == false);
    CHECK(window.mark(3) == "");

    window.workspace().runLine("echo \"// changed\" >> server.js");
    window.workspace().runLine("docker build -t myapp .");
    window.frame();
    window.frame();
    window.click(window.controlCentre("predict.step", 4));
    window.click(window.blockCentre(3));
    CHECK(window.state()["prediction"]["picked"] == nlohmann::json::array({3, 4}));
    window.click(window.controlCentre("predict.none"));
    CHECK(window.state()["prediction"]["picked"] == nlohmann::json::array());
    CHECK(window.state()["prediction"]["none"] == true);
}

TEST_CASE("presenter at 1280x720 and 1920x1080: the whole stack stands above the question, in both languages") {
    for (const char* lang : {"en", "ko"})
        for (const ImVec2 size : {ImVec2(1280, 720), ImVec2(1920, 1080)}) {
            CAPTURE(lang);
            CAPTURE(size.x);
            render::AppOptions options = lessonSeven();
            options.lang = lang;
            options.presenter = true;
            options.steps = 5;   // three cards, the edit, then the question
            HeadlessWindow window(options, size);
            window.frame();
            REQUIRE(window.state()["prediction"]["asking"] == true);
            const float strip = window.controlCentre("predict.none").y;
            const nlohmann::json state = window.state();
            size_t blocks = 0;
            for (const auto& b : state["picture"]["blocks"]) {
                if (b["column"] != "after") continue;
                ++blocks;
                CHECK(b["y"].get<float>() > 0.0f);
                CHECK(b["y"].get<float>() + b["h"].get<float>() < strip);
            }
            CHECK(blocks == 5);   // FROM, WORKDIR, COPY, RUN and the config band
            // A click on a block of the projected stack is a guess too.
            window.click(window.blockCentre(4));
            CHECK(window.state()["prediction"]["picked"] == nlohmann::json::array({4}));
        }
}
