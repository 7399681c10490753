// The lessons in lessons/: every file loads against the schema, the index
// lists each one once in order, every learner-visible string exists in
// English and Korean, and every lesson's reference solution, replayed through
// cli::Machine, reaches every goal while no goal holds at the start (the
// reference predictions must match what the builder does). The state after
// each solution survives export -> import -> export byte for byte, and the
// teacher demos in examples/scenarios play headless with their goals met.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "sim/scenario/checker.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/state_json.hpp"

using namespace layerlab;
using namespace layerlab::scenario;

namespace {
const LessonCatalog& catalog() {
    static const LessonCatalog c = loadLessonCatalog(std::string(LAYERLAB_SOURCE_DIR) + "/lessons");
    return c;
}
void checkText(const LocalizedText& t, const std::string& where) {
    INFO(where);
    CHECK_FALSE(t.en.empty());
    CHECK_FALSE(t.ko.empty());
}
}   // namespace

TEST_CASE("lessons: the catalog loads, in the index's order") {
    for (const auto& e : catalog().errors) MESSAGE(e);
    REQUIRE(catalog().errors.empty());
    REQUIRE(catalog().lessons.size() == 11);
    CHECK(catalog().lessons.front().id == "01-images-and-containers");
    CHECK(catalog().lessons.back().id == "11-attached-and-detached");
    CHECK(findLesson(catalog(), "3")->id == "03-writing-a-dockerfile");
    CHECK(findLesson(catalog(), "07-cache-invalidation")->id == "07-cache-invalidation");
    CHECK(findLesson(catalog(), "12") == nullptr);
}

TEST_CASE("lessons: every learner-visible string is in English and Korean") {
    for (const auto& l : catalog().lessons) {
        checkText(l.title, l.id + " title");
        checkText(l.summary, l.id + " summary");
        checkText(l.objective, l.id + " objective");
        CHECK_MESSAGE(!l.cards.empty(), l.id);
        for (size_t i = 0; i < l.cards.size(); ++i) {
            checkText(l.cards[i].title, l.id + " card " + std::to_string(i) + " title");
            checkText(l.cards[i].text, l.id + " card " + std::to_string(i));
        }
        CHECK_MESSAGE(!l.hints.empty(), l.id);
        for (size_t i = 0; i < l.hints.size(); ++i) checkText(l.hints[i], l.id + " hint " + std::to_string(i));
        for (const auto& p : l.predictions) {
            checkText(p.question, l.id + " prediction question");
            checkText(p.explain, l.id + " prediction explanation");
        }
        CHECK_MESSAGE(!l.goals.empty(), l.id);
        CHECK_MESSAGE(!l.solution.empty(), l.id);
    }
}

TEST_CASE("lessons: the index refuses what it cannot order") {
    SUBCASE("a missing folder") {
        auto c = loadLessonCatalog("/nonexistent/lessons");
        REQUIRE(c.errors.size() == 1);
        CHECK(c.errors[0] == "cannot read /nonexistent/lessons/index.json");
    }
    SUBCASE("a bad index, an unlisted lesson and a mismatched id") {
        const std::string dir = std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/scenario/bad-index";
        auto c = loadLessonCatalog(dir);
        CHECK(c.lessons.empty());
        std::string all;
        for (const auto& e : c.errors) all += e + "\n";
        CHECK(all == dir + "/wrong-id.json: /id: \"other\" differs from the file name \"wrong-id\"\n" + dir +
                         "/index.json: /lessons/1: expected a string\n" + dir + "/stray.json: not listed in " + dir +
                         "/index.json\n");
    }
}

TEST_CASE("lessons: each reference solution reaches every goal, none of which holds at the start") {
    REQUIRE(catalog().errors.empty());
    for (const auto& lesson : catalog().lessons) {
        SUBCASE(lesson.id.c_str()) {
            CheckOutcome c = checkScenario(lesson);
            for (const auto& e : c.errors) MESSAGE(lesson.id << ": " << e);
            CHECK(c.errors.empty());
            REQUIRE(c.atStart.size() == lesson.goals.size());
            for (size_t i = 0; i < c.atStart.size(); ++i) CHECK_MESSAGE(!c.atStart[i].met, lesson.id << " goal " << i);
            for (size_t i = 0; i < c.report.goals.size(); ++i)
                CHECK_MESSAGE(c.report.goals[i].met,
                              lesson.id << " goal " << i << ": " << c.report.goals[i].missing.en);
        }
    }
}

TEST_CASE("lessons: the state after each solution round-trips through JSON byte for byte") {
    for (const auto& lesson : catalog().lessons) {
        SUBCASE(lesson.id.c_str()) {
            PlayOptions options;
            options.solution = true;
            PlayReport report = play(lesson, options);
            const std::string first = stateToText(report.state);
            StateImport back = stateFromJson(nlohmann::json::parse(first));
            REQUIRE(back.state.has_value());
            CHECK(stateToText(*back.state) == first);
        }
    }
}

TEST_CASE("examples: the teacher demos play headless with every goal met") {
    const std::filesystem::path dir = std::filesystem::path(LAYERLAB_SOURCE_DIR) / "examples/scenarios";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        ++count;
        LoadResult r = loadScenarioFile(entry.path().string());
        for (const auto& e : r.errors) MESSAGE(e);
        REQUIRE(r.ok());
        CheckOutcome c = checkScenario(*r.scenario);
        for (const auto& e : c.errors) MESSAGE(entry.path().filename().string() << ": " << e);
        CHECK(c.errors.empty());
    }
    CHECK(count == 2);
}

TEST_CASE("lessons: a solution answers each prediction exactly where the lesson shell asks it") {
    const Scenario* seven = findLesson(catalog(), "7");
    REQUIRE(seven != nullptr);
    SUBCASE("answered before the edit that makes it due") {
        Scenario s = *seven;
        std::swap(s.solution[0], s.solution[1]);   // predict, then edit, then build
        CheckOutcome c = checkScenario(s);
        std::string all;
        for (const auto& e : c.errors) all += e + "\n";
        CHECK(all.find(s.solution[0].pointer + ": the lesson asks no prediction before the next build here "
                                               "(/predictions/0 is not due: see its atBuild and when)") !=
              std::string::npos);
    }
    SUBCASE("due but not answered") {
        Scenario s = *seven;
        s.solution.erase(s.solution.begin() + 1);   // edit, build: the shell would ask first
        CheckOutcome c = checkScenario(s);
        std::string all;
        for (const auto& e : c.errors) all += e + "\n";
        CHECK(all.find(s.solution[1].pointer + ": the lesson asks /predictions/0 before this build, but the solution "
                                               "does not answer it") != std::string::npos);
    }
}
