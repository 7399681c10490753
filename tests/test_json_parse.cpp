// parseJson (sim/json_parse.hpp): JSON from a learner's bytes without
// exceptions (the browser build cannot catch them), with nlohmann's own error.
#include <doctest/doctest.h>

#include "sim/engine/run/simulator.hpp"
#include "sim/json_parse.hpp"

using namespace layerlab;

TEST_CASE("parseJson: a value, or nlohmann's first error with its byte") {
    JsonParseError e;
    auto ok = parseJson("{\"a\": [1, 2]}", e);
    REQUIRE(ok);
    CHECK((*ok)["a"][1] == 2);
    CHECK(e.what.empty());

    SUBCASE("an unexpected end: the byte after the input") {
        CHECK_FALSE(parseJson("{\"a\": ", e));
        CHECK(e.byte == 7);
        CHECK(e.what ==
              "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - "
              "unexpected end of input; expected '[', '{', or a literal");
    }
    SUBCASE("a stray comma: the byte of the brace after it") {
        CHECK_FALSE(parseJson("{\n  \"name\": \"goals\",\n}\n", e));
        CHECK(e.byte == 22);
    }
    SUBCASE("a number no double holds: out_of_range 406, not a throw") {
        CHECK_FALSE(parseJson("[1e400]", e));
        CHECK(e.what.rfind("[json.exception.out_of_range.406] number overflow parsing '1e400'", 0) == 0);
    }
    SUBCASE("empty input") {
        CHECK_FALSE(parseJson("", e));
        CHECK(e.byte == 1);
    }
}

TEST_CASE("npm install with 1e400 in package.json answers EJSONPARSE instead of ending the program") {
    engine::run::RunRequest req;
    req.argv = {"/bin/sh", "-c", "npm install"};
    req.rootfs = fs::FileTree().withFile("app/package.json", "{\"name\": \"a\", \"version\": 1e400}");
    req.workdir = "/app";
    req.env = {"PATH=/usr/local/bin:/usr/bin:/bin"};
    auto r = engine::run::simulateRun(req);
    CHECK(r.exitCode == 1);
    std::string log;
    for (const auto& line : r.output) log += line.text + "\n";
    CHECK(log.rfind("npm error code EJSONPARSE\nnpm error path /app/package.json\n", 0) == 0);
}
