// Numbers typed by the learner never abort the program: each former
// std::sto* call site on learner input, with the input that used to throw.
// (COPY --chmod has its own cases in test_build_step_names.cpp.)
#include <doctest/doctest.h>

#include <climits>
#include <optional>

#include "sim/cli/docker_commands.hpp"
#include "sim/cli/flags.hpp"
#include "sim/cli/machine.hpp"
#include "sim/engine/containers/source_scan.hpp"
#include "sim/engine/images/filters.hpp"
#include "sim/engine/state.hpp"
#include "sim/numbers.hpp"

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

TEST_CASE("parseGoInteger: Go's strconv.ParseInt/ParseUint with base 0, as pflag reads int flags") {
    struct Row {
        const char* text;
        int bits;
        bool isUnsigned;
        long long value;
        const char* error;
    };
    const Row rows[] = {
        {"10", 64, false, 10, ""},
        {"-10", 64, false, -10, ""},
        {"+7", 64, false, 7, ""},
        {"0x1f", 64, false, 31, ""},
        {"0X1F", 64, false, 31, ""},
        {"0o17", 64, false, 15, ""},
        {"017", 64, false, 15, ""},   // a leading 0 is octal
        {"0b101", 64, false, 5, ""},
        {"1_000", 64, false, 1000, ""},
        {"0x_1f", 64, false, 31, ""},
        {"0", 64, false, 0, ""},
        {"9223372036854775807", 64, false, 9223372036854775807LL, ""},
        {"-9223372036854775808", 64, false, -9223372036854775807LL - 1, ""},
        {"9223372036854775808", 64, false, 0, "value out of range"},
        {"99999999999999999999", 64, false, 0, "value out of range"},
        {"99999999999999999999x", 64, false, 0, "value out of range"},   // Go stops at the overflow
        {"abc", 64, false, 0, "invalid syntax"},
        {"", 64, false, 0, "invalid syntax"},
        {"-", 64, false, 0, "invalid syntax"},
        {"08", 64, false, 0, "invalid syntax"},
        {"0x", 64, false, 0, "invalid syntax"},
        {"1__0", 64, false, 0, "invalid syntax"},
        {"_1", 64, false, 0, "invalid syntax"},
        {"1_", 64, false, 0, "invalid syntax"},
        {"1.5", 64, false, 0, "invalid syntax"},
        {" 1", 64, false, 0, "invalid syntax"},
        {"65535", 16, true, 65535, ""},
        {"65536", 16, true, 0, "value out of range"},
        {"-1", 16, true, 0, "invalid syntax"},
        {"18446744073709551615", 64, true, 9223372036854775807LL, ""},   // clamped into long long
        {"18446744073709551616", 64, true, 0, "value out of range"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        GoInteger n = parseGoInteger(r.text, r.bits, r.isUnsigned);
        CHECK(n.error == r.error);
        if (n.error.empty()) CHECK(n.value == r.value);
    }
}

TEST_CASE("int flags: the values pflag accepts and its errors for the rest") {
    using namespace layerlab::cli;
    auto parse = [](const char* cmd, std::vector<std::string> argv) { return parseFlags(*findCommandSpec(cmd), argv); };
    CHECK(parse("stop", {"-t", "99999999999999999999", "web"}).error ==
          "invalid argument \"99999999999999999999\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing "
          "\"99999999999999999999\": value out of range");
    CHECK(parse("stop", {"--timeout=1.5", "web"}).error ==
          "invalid argument \"1.5\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax");
    CHECK(parse("ps", {"-n", "x"}).error ==
          "invalid argument \"x\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"x\": invalid syntax");
    CHECK(parse("run", {"--blkio-weight", "70000", "node"}).error ==
          "invalid argument \"70000\" for \"--blkio-weight\" flag: strconv.ParseUint: parsing \"70000\": value out of "
          "range");
    CHECK(parse("stop", {"-t", "0x10", "web"}).error.empty());
    CHECK(parse("stop", {"-t", "1_0", "web"}).error.empty());
    CHECK(parse("stop", {"-t", "-1", "web"}).error.empty());
}

TEST_CASE("docker stop -t: a hex or huge-but-valid value is read as pflag reads it") {
    cli::Machine m;
    m.execute("docker pull busybox");
    m.execute("docker run -d --name web busybox sleep infinity");
    // 0x1 is one second; busybox's sleep ignores SIGTERM, so stop waits it out.
    auto r = m.execute("docker stop -t 0x1 web");
    CHECK(r.out == "web\n");
    CHECK(r.exitCode == 0);
    auto big = m.execute("docker stop -t 9223372036854775807 web");   // Go's int: valid; already stopped
    CHECK(big.out == "web\n");
    CHECK(big.exitCode == 0);
}

TEST_CASE("parseInteger and leadingInt: no exceptions, no overflow") {
    CHECK(parseInteger("42", 0, 100) == std::optional<long long>(42));
    CHECK(parseInteger("+5", 0, 100) == std::optional<long long>(5));
    CHECK(parseInteger("-1", 0, 100) == std::nullopt);   // below the minimum
    CHECK(parseInteger("101", 0, 100) == std::nullopt);
    CHECK(parseInteger("99999999999999999999", 0, LLONG_MAX) == std::nullopt);
    CHECK(parseInteger("4x", 0, 100) == std::nullopt);
    CHECK(parseInteger("", 0, 100) == std::nullopt);
    CHECK(parseInteger("+-1", -10, 10) == std::nullopt);
    CHECK(leadingInt("8080abc") == 8080);
    CHECK(leadingInt("  -12") == -12);
    CHECK(leadingInt("abc") == 0);
    CHECK(leadingInt("99999999999999999999") == INT_MAX);
    CHECK(leadingInt("-99999999999999999999") == INT_MIN);
}
