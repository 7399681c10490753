// Numbers typed by the learner never abort the program: each former
// std::sto* call site on learner input, with the input that used to throw.
// (COPY --chmod has its own cases in test_build_step_names.cpp.)
#include <doctest/doctest.h>

#include "sim/engine/containers/source_scan.hpp"
#include "sim/engine/images/filters.hpp"
#include "sim/engine/state.hpp"

using namespace layerlab;

TEST_CASE("image filter until=: malformed and huge numbers are Docker's parse error, not a crash") {
    engine::State s;
    const std::string prefix = "Error response from daemon: failed to parse value as time or duration: ";
    for (const char* bad : {".", "..", "1.2.3", ".h", "1..5h", "99999999999999999999999999", "9999999999999999999h"}) {
        CAPTURE(bad);
        auto r = engine::parseImageFilters(s, {std::string("until=") + bad}, {"until"});
        CHECK(r.error == prefix + "\"" + bad + "\"");
    }
    auto ok = engine::parseImageFilters(s, {"until=1.5h"}, {"until"});
    CHECK(ok.error.empty());
    REQUIRE(ok.filters.untilMs);
    CHECK(*ok.filters.untilMs == s.clock.nowMs - 5400000);
    auto unix = engine::parseImageFilters(s, {"until=1700000000.5"}, {"until"});
    REQUIRE(unix.filters.untilMs);
    CHECK(*unix.filters.untilMs == 1700000000500);
}

TEST_CASE("program sources: a + b of numbers the learner wrote") {
    using engine::containers::scan::evaluate;
    engine::containers::scan::Scope scope;
    CHECK(evaluate("1 + 2", scope) == std::optional<std::string>("3"));
    CHECK(evaluate("-.5 + 1", scope) == std::optional<std::string>("0.5"));
    CHECK(evaluate("1.5 + 2", scope) == std::optional<std::string>("3.5"));
    CHECK(evaluate("99999999999999999999 + 1", scope) == std::optional<std::string>("1e+20"));
    CHECK(evaluate("9223372036854775807 + 1", scope) == std::optional<std::string>("9223372036854775808"));
}

TEST_CASE("program sources: environment lookups read without std::regex, long input included") {
    using engine::containers::scan::evaluate;
    using engine::containers::scan::Lang;
    engine::containers::scan::Scope js;
    js.env = {"PORT=8080"};
    CHECK(evaluate("process.env.PORT", js) == std::optional<std::string>("8080"));
    CHECK(evaluate("process.env[ 'PORT' ]", js) == std::optional<std::string>("8080"));
    CHECK(evaluate("process.env.PORT || 3000", js) == std::optional<std::string>("8080"));
    CHECK(evaluate("Number(process.env.NOPE || 3000)", js) == std::optional<std::string>("3000"));
    CHECK(!evaluate("process.env.", js));
    CHECK(!evaluate("process.env['PORT'", js));
    engine::containers::scan::Scope py;
    py.lang = Lang::Python;
    py.env = {"PORT=8080"};
    CHECK(evaluate("os.environ.get('PORT', 5000)", py) == std::optional<std::string>("8080"));
    CHECK(evaluate("int(os.getenv(\"NOPE\", 5000))", py) == std::optional<std::string>("5000"));
    CHECK(evaluate("os.environ[\"PORT\"]", py) == std::optional<std::string>("8080"));
    CHECK(!evaluate("os.getenv('NOPE')", py));
    // A long line the learner pasted: no deep recursion, just no answer.
    CHECK(!evaluate("process.env." + std::string(200000, 'A') + "!", js));
    engine::containers::scan::Scope bound;
    engine::containers::scan::collectBindings("const a = 1;let b = a + 2\nvar c = `port ${b}`\nif (a == 1) {}\n",
                                              bound);
    CHECK(bound.values["b"] == "3");
    CHECK(bound.values["c"] == "port 3");
}
