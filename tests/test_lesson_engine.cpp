// The one lesson engine (sim/scenario/lesson_engine.hpp) and the presenter's
// stepper (stepper.hpp): the shell, the window and `layerlab play` all drive
// a LessonSession, so a lesson played through it reaches the play's state;
// a build is recognised from the engine's events whatever the command looks
// like; undo replays to the state before the step; a recorded session saves
// as a scenario that passes `check` and replays to the same state; and the
// presenter's Right, Right, Left equals one Right.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include "sim/scenario/checker.hpp"
#include "sim/scenario/lesson_engine.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/state_json.hpp"
#include "sim/scenario/stepper.hpp"

using namespace layerlab;
using namespace layerlab::scenario;

namespace {

const LessonCatalog& lessons() {
    static const LessonCatalog c = loadLessonCatalog(std::string(LAYERLAB_SOURCE_DIR) + "/lessons");
    return c;
}

const Scenario& lesson(const std::string& id) {
    const Scenario* s = findLesson(lessons(), id);
    REQUIRE(s != nullptr);
    return *s;
}

Scenario exampleScenario(const std::string& name) {
    LoadResult loaded = loadScenarioFile(std::string(LAYERLAB_SOURCE_DIR) + "/examples/scenarios/" + name);
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

SessionConfig lessonConfig(const Scenario& s) {
    SessionConfig config;
    config.lesson = &s;
    return config;
}

}   // namespace

TEST_CASE("lesson session: a lesson's solution typed line by line reaches the state `play --solution` reaches") {
    for (const char* id : {"3", "7", "8"}) {
        CAPTURE(id);
        const Scenario& s = lesson(id);
        cli::Machine machine;
        LessonSession session(machine, lessonConfig(s));
        bool completed = false;
        for (const Step& step : s.solution) {
            if (step.kind == Step::Kind::Command) {
                Turn turn = session.run(step.command);
                CHECK_FALSE(turn.handled);   // the solution answers every question before it is asked
                completed = completed || turn.completed;
            } else if (step.kind == Step::Kind::Write) {
                CHECK(session.writeFile(step.path, step.content, step.mode) == "");
            } else if (step.kind == Step::Kind::Predict) {
                std::string line = "predict";
                for (int n : step.answer) line += " " + std::to_string(n);
                if (step.answer.empty()) line += " none";
                CHECK(session.run(line).handled);
            }
        }
        PlayOptions options;
        options.solution = true;
        const PlayReport report = play(s, options);
        CHECK(report.ok());
        CHECK(stateToText(machine.state()) == stateToText(report.state));
        CHECK(session.allGoalsMet());
        CHECK(completed);
        CHECK(session.completed());
    }
}

TEST_CASE("lesson session: a build is recognised from the engine's events, not the command's words") {
    const Scenario& seven = lesson("7");
    cli::Machine machine;
    LessonSession session(machine, lessonConfig(seven));
    REQUIRE_FALSE(session.run("echo \"// changed\" >> server.js").handled);
    REQUIRE(session.duePrediction() != nullptr);
    // Each of these builds, so the lesson asks its question first and the build does not run.
    for (const char* line : {"docker build -t myapp .", "docker image build -t myapp .",
                             "D=docker; $D build -t myapp .", "true && docker buildx build -t myapp ."}) {
        CAPTURE(line);
        const std::string before = stateToText(machine.state());
        Turn turn = session.run(line);
        CHECK(turn.handled);
        CHECK(turn.question == &seven.predictions[0]);
        CHECK(turn.text.en.rfind("? You changed server.js.", 0) == 0);
        CHECK(stateToText(machine.state()) == before);
    }
    // Lines that mention a build but run none pass straight through.
    for (const char* line : {"echo docker build -t myapp .", "docker images", "docker build --help"}) {
        CAPTURE(line);
        CHECK_FALSE(session.run(line).handled);
    }
    // Answered, the build runs and is scored against what the builder did.
    CHECK(session.run("predict 3 4").handled);
    Turn built = session.run("docker build -t myapp .");
    CHECK(built.built);
    REQUIRE(built.score.has_value());
    CHECK(built.score->correct);
    CHECK(built.explained == &seven.predictions[0]);
    CHECK(session.progressRecord().predictionsAsked == 1);
    CHECK(session.progressRecord().predictionsRight == 1);
}

TEST_CASE("lesson session: commands the lesson switches off are refused, in both languages") {
    const Scenario& seven = lesson("7");
    cli::Machine machine;
    LessonSession session(machine, lessonConfig(seven));
    Turn turn = session.run("docker builder prune -f");
    CHECK(turn.handled);
    CHECK(turn.refused);
    CHECK(turn.text.en == "`docker builder prune` is switched off in this lesson.\n");
    CHECK(turn.text.ko == "`docker builder prune` 명령은 이 레슨에서 사용할 수 없습니다.\n");
}

TEST_CASE("lesson session: hints in order, then the solution without the prediction's answer") {
    const Scenario& seven = lesson("7");
    cli::Machine machine;
    LessonSession session(machine, lessonConfig(seven));
    const size_t hints = seven.hints.size();
    REQUIRE(hints >= 1);
    CHECK(session.showSolution().en.rfind("The solution gives the whole answer away. ", 0) == 0);
    for (size_t i = 0; i < hints; ++i)
        CHECK(session.hint().en ==
              "Hint " + std::to_string(i + 1) + "/" + std::to_string(hints) + ": " + seven.hints[i].en + "\n");
    const LocalizedText solution = session.showSolution();
    CHECK(solution.en.find("docker build -t myapp .") != std::string::npos);
    CHECK(solution.en.find("3, 4") == std::string::npos);
    CHECK(solution.en.find("[3, 4]") == std::string::npos);
}

TEST_CASE("lesson session: undo replays to the state before the step, redo runs it again") {
    cli::Machine machine;
    LessonSession session(machine, SessionConfig{});
    REQUIRE(session.run("docker build -t app .").outcome.ok());
    REQUIRE(session.writeFile("server.js", "console.log('v2')\n") == "");
    const std::string afterEdit = stateToText(machine.state());
    REQUIRE(session.run("docker build -t app .").built);
    const std::string afterSecond = stateToText(machine.state());
    REQUIRE(afterSecond != afterEdit);

    CHECK(session.undo());
    CHECK(stateToText(machine.state()) == afterEdit);
    CHECK(session.canRedo());
    CHECK(session.redo());
    CHECK(stateToText(machine.state()) == afterSecond);
    CHECK_FALSE(session.redo());

    // A new command after an undo drops what could have been redone.
    CHECK(session.undo());
    session.run("docker images");
    CHECK_FALSE(session.canRedo());

    session.restart();
    CHECK(stateToText(machine.state()) == stateToText(cli::Machine().state()));
    CHECK_FALSE(session.canUndo());
}

TEST_CASE("lesson session: undo and redo keep the shell's history (what was typed, undone lines too)") {
    cli::Machine machine;
    machine.setEarlierHistory({"ls -la"});   // a history file's lines from an earlier session
    LessonSession session(machine, SessionConfig{});
    session.run("echo one > a.txt");
    session.run("echo two > b.txt");
    CHECK(session.undo());
    CHECK(machine.state().host.find(machine.state().cwd + "/b.txt") == nullptr);
    const std::vector<std::string> typed = {"ls -la", "echo one > a.txt", "echo two > b.txt"};
    CHECK(machine.historyLines() == typed);
    CHECK(session.redo());   // redone, not typed: no second line
    CHECK(machine.historyLines() == typed);
    CHECK(session.undo());
    const Turn listed = session.run("history");
    CHECK(listed.outcome.out == "    1  ls -la\n    2  echo one > a.txt\n    3  echo two > b.txt\n    4  history\n");
    // The next undo, after a new command, still has every line.
    CHECK(session.undo());
    CHECK(machine.historyLines().back() == "history");
    CHECK(machine.historyLines().size() == 4);
}

TEST_CASE(
    "lesson session: a recorded session with narration cards saves as a scenario that passes check and "
    "replays to the same state") {
    cli::Machine machine;
    LessonSession session(machine, SessionConfig{});
    session.addCard({"First build: every step runs.", "첫 빌드: 모든 단계가 실행됩니다."});
    REQUIRE(session.run("docker build -t app .").outcome.ok());
    session.addCard({"Change one line.", ""});   // one language: the other repeats it
    REQUIRE(session.writeFile("server.js", "const x = 1;\n") == "");
    REQUIRE(session.writeFile("run.sh", "echo hi\n", 0755) == "");
    REQUIRE(session.run("docker build -t app .").built);
    session.run("docker run -d --name web -p 3000:80 app");

    const nlohmann::json saved = session.toScenario("recorded-demo");
    CHECK(saved["steps"].size() == 7);
    CHECK(saved["steps"][0]["say"]["ko"] == "첫 빌드: 모든 단계가 실행됩니다.");
    CHECK(saved["steps"][2]["say"]["ko"] == "Change one line.");
    CHECK(saved["steps"][4]["write"]["mode"] == "0755");
    LoadResult loaded = parseScenario(saved.dump(2));
    for (const auto& e : loaded.errors) CAPTURE(e);
    REQUIRE(loaded.ok());
    const CheckOutcome checked = checkScenario(*loaded.scenario);
    for (const auto& e : checked.errors) CAPTURE(e);
    CHECK(checked.errors.empty());
    const PlayReport replay = play(*loaded.scenario);
    CHECK(replay.ok());
    REQUIRE(replay.finalStateMatches.has_value());
    CHECK(*replay.finalStateMatches);
    CHECK(stateToText(replay.state) == stateToText(machine.state()));
}

TEST_CASE("stepper: Right, Right, Left gives the State of one Right, at every step") {
    SUBCASE("a teacher's scenario") {
        const Scenario demo = exampleScenario("cache-cascade-demo.json");
        std::vector<std::string> errors;
        cli::Machine machine(startState(demo, {}, errors));
        REQUIRE(errors.empty());
        LessonSession session(machine, SessionConfig{});
        Stepper stepper(demo, session);
        REQUIRE(stepper.size() == demo.steps.size());
        std::vector<std::string> states{stateToText(machine.state())};
        while (stepper.forward()) states.push_back(stateToText(machine.state()));
        for (size_t n = 1; n + 1 < states.size(); ++n) {
            CAPTURE(n);
            stepper.rewind();
            for (size_t i = 0; i < n + 1; ++i) REQUIRE(stepper.forward());
            REQUIRE(stepper.back());
            CHECK(stepper.done() == n);
            CHECK(stateToText(machine.state()) == states[n]);
        }
    }
    SUBCASE("a lesson: its cards, then its solution, with the prediction scored by the build") {
        const Scenario& seven = lesson("7");
        cli::Machine machine;
        SessionConfig config = lessonConfig(seven);
        config.blockUnanswered = false;
        LessonSession session(machine, config);
        Stepper stepper(seven, session);
        REQUIRE(stepper.size() == seven.cards.size() + seven.solution.size());
        REQUIRE(stepper.forward());
        REQUIRE(stepper.card().has_value());
        CHECK(stepper.card()->en == seven.cards[0].text.en);
        while (!stepper.atEnd() && stepper.next()->kind != Step::Kind::Predict) stepper.forward();
        REQUIRE(stepper.forward());
        CHECK(stepper.asking());
        stepper.setRoomGuess({4});   // the room guesses wrong
        Turn turn;
        REQUIRE(stepper.forward(&turn));
        REQUIRE(turn.score.has_value());
        CHECK_FALSE(turn.score->correct);
        CHECK(turn.score->missed == std::vector<int>{3});
        const std::string end = stateToText(machine.state());
        REQUIRE(stepper.back());
        REQUIRE(stepper.forward());
        CHECK(stateToText(machine.state()) == end);
    }
}
