// The schema's "pattern" keyword without std::regex: the subset the scenario
// schema uses, unanchored search as RegExp.test, patterns outside the subset
// refused when the schema is loaded, and no blow-up on long learner strings.
#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "sim/scenario/json_schema.hpp"
#include "sim/scenario/schema_pattern.hpp"

using namespace layerlab::scenario;
using nlohmann::json;

TEST_CASE("schema pattern: the scenario schema's own patterns") {
    const std::string id = "^[a-z0-9][a-z0-9-]*$";
    CHECK(patternSearch(id, "first-build") == std::optional<bool>(true));
    CHECK(patternSearch(id, "a") == std::optional<bool>(true));
    CHECK(patternSearch(id, "-lead") == std::optional<bool>(false));
    CHECK(patternSearch(id, "Upper") == std::optional<bool>(false));
    CHECK(patternSearch(id, "") == std::optional<bool>(false));
    CHECK(patternSearch(id, "ok\n") == std::optional<bool>(false));
    const std::string mode = "^0?[0-7]{3,4}$";
    for (const char* good : {"755", "0755", "4755", "04755"}) {
        CAPTURE(good);
        CHECK(patternSearch(mode, good) == std::optional<bool>(true));
    }
    for (const char* bad : {"75", "789", "007555", "u+x", "0x755", " 755"}) {
        CAPTURE(bad);
        CHECK(patternSearch(mode, bad) == std::optional<bool>(false));
    }
}

TEST_CASE("schema pattern: search, classes and quantifiers as ECMAScript") {
    CHECK(patternSearch("b+", "aabbb") == std::optional<bool>(true));
    CHECK(patternSearch("^b", "ab") == std::optional<bool>(false));
    CHECK(patternSearch("b$", "ab") == std::optional<bool>(true));
    CHECK(patternSearch("[^0-9]", "123") == std::optional<bool>(false));
    CHECK(patternSearch("[^0-9]", "12x") == std::optional<bool>(true));
    CHECK(patternSearch("^a.c$", "abc") == std::optional<bool>(true));
    CHECK(patternSearch("^a\\.c$", "abc") == std::optional<bool>(false));
    CHECK(patternSearch("^a\\.c$", "a.c") == std::optional<bool>(true));
    CHECK(patternSearch("^x{2}$", "xx") == std::optional<bool>(true));
    CHECK(patternSearch("^x{2}$", "xxx") == std::optional<bool>(false));
    CHECK(patternSearch("^x{2,}$", "xxxxx") == std::optional<bool>(true));
    CHECK(patternSearch("^a*a*a*a*a*b$", std::string(20000, 'a')) == std::optional<bool>(false));
}

TEST_CASE("schema pattern: outside the subset is refused, not guessed") {
    CHECK(patternSearch("(a|b)", "a") == std::nullopt);
    CHECK(patternProblem("^[a-z") == "unterminated character class");
    CHECK(patternProblem("^x{3,1}$") == "a '{' that is not a repetition count");
    CHECK(patternProblem("a|b") == "'|' is outside the pattern subset LayerLab supports");
    CHECK(patternProblem("^[a-z0-9][a-z0-9-]*$").empty());
    CHECK_THROWS_WITH_AS(SchemaValidator(json::parse(R"j({"type": "string", "pattern": "(a)"})j")),
                         "#: pattern \"(a)\": '(' is outside the pattern subset LayerLab supports",
                         std::invalid_argument);
}

TEST_CASE("schema pattern: the validator reports a mismatch in its words") {
    SchemaValidator v(json::parse(R"({"type": "object", "properties": {"id": {"type": "string",
                                       "pattern": "^[a-z0-9][a-z0-9-]*$"}}})"));
    CHECK(v.validate(json::parse(R"({"id": "ok-1"})")).empty());
    auto errors = v.validate(json::parse(R"({"id": "Not OK"})"));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].text() == "/id: does not match the pattern ^[a-z0-9][a-z0-9-]*$");
}
