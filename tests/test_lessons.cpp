// The lessons in lessons/: every file loads against the schema, the index
// lists each one once in order, and every learner-visible string exists in
// English and Korean.
#include <doctest/doctest.h>

#include <set>

#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/loader.hpp"

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
}  // namespace

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
        CHECK(all == dir + "/wrong-id.json: /id: \"other\" differs from the file name \"wrong-id\"\n" +
                         dir + "/index.json: /lessons/1: expected a string\n" +
                         dir + "/stray.json: not listed in " + dir + "/index.json\n");
    }
}
