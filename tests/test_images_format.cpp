// Tests for sim/engine/docker_format: sizes, durations, IDs, timestamps,
// the tabwriter table and image reference parsing, as Docker prints them.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "sim/engine/docker_format.hpp"

using namespace layerlab::engine::format;

TEST_CASE("images format: sizes and durations from tests/data/images/format_cases.txt") {
    std::ifstream in(std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/images/format_cases.txt");
    REQUIRE(in.good());
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string kind, input, expected;
        std::getline(fields, kind, '\t');
        std::getline(fields, input, '\t');
        std::getline(fields, expected);
        CAPTURE(line);
        if (kind == "size") CHECK(humanSize(std::stoull(input)) == expected);
        else if (kind == "duration") CHECK(humanDuration(std::stoll(input)) == expected);
        else FAIL("unknown kind " << kind);
        ++checked;
    }
    CHECK(checked > 20);
}

TEST_CASE("images format: ids, timestamps and ellipsis") {
    CHECK(shortId("sha256:d3c57de53eea0123456789abcdef") == "d3c57de53eea");
    CHECK(shortId("a124b1c34d50ffff") == "a124b1c34d50");
    CHECK(hexOf("sha256:abc") == "abc");
    CHECK(createdSince(0, 3000) == "3 seconds ago");
    CHECK(rfc3339Nano(1767603600000) == "2026-01-05T09:00:00Z");
    CHECK(rfc3339Nano(1767603600250) == "2026-01-05T09:00:00.25Z");
    CHECK(rfc3339(1767603600250) == "2026-01-05T09:00:00Z");
    CHECK(rfc3339Nano(951782400000) == "2000-02-29T00:00:00Z");
    CHECK(ellipsis("abc", 5) == "abc");
    CHECK(ellipsis("abcdef", 5) == "abcd\xE2\x80\xA6");
    CHECK(ellipsis("abcdef", 1) == "a");
    CHECK(ellipsis("", 3) == "");
    // Hangul is two columns wide: 4 syllables = 8 columns.
    CHECK(displayWidth("\xEC\x84\xA4\xEC\xA0\x95") == 4);
    CHECK(ellipsis("\xEC\x84\xA4\xEC\xA0\x95\xEC\x84\xA4\xEC\xA0\x95", 6) == "\xEC\x84\xA4\xEC\xA0\x95\xE2\x80\xA6");
}

TEST_CASE("images format: tabwriter table as docker/cli prints it") {
    SUBCASE("docker images header and rows") {
        Table t;
        t.addRow({"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"});
        t.addRow({"node", "latest", "d3c57de53eea", "2 weeks ago", "1.12GB"});
        t.addRow({"<none>", "<none>", "0123456789ab", "About a minute ago", "187MB"});
        CHECK(t.render() ==
              "REPOSITORY   TAG       IMAGE ID       CREATED              SIZE\n"
              "node         latest    d3c57de53eea   2 weeks ago          1.12GB\n"
              "<none>       <none>    0123456789ab   About a minute ago   187MB\n");
    }
    SUBCASE("header only, minimum width 10") {
        Table t;
        t.addRow({"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"});
        CHECK(t.render() == "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
    }
    SUBCASE("unicode cells count code points") {
        Table t;
        t.addRow({"a\xE2\x80\xA6", "x"});
        t.addRow({"bbbbbbbbbbbb", "y"});
        CHECK(t.render() == "a\xE2\x80\xA6             x\nbbbbbbbbbbbb   y\n");
    }
    SUBCASE("rows with fewer cells end a column block") {
        Table t;
        t.addRow({"Deleted Images:"});
        t.addRow({"a", "b"});
        CHECK(t.render() == "Deleted Images:\na         b\n");
    }
}

TEST_CASE("images format: reference parsing and normalisation") {
    struct Case {
        const char* input;
        const char* full;
        const char* tagKey;
        const char* familiar;
    };
    const Case ok[] = {
        {"node", "docker.io/library/node", "node:latest", "node"},
        {"node:18", "docker.io/library/node", "node:18", "node:18"},
        {"docker.io/library/node:18", "docker.io/library/node", "node:18", "node:18"},
        {"index.docker.io/library/node", "docker.io/library/node", "node:latest", "node"},
        {"library/node:lts-alpine", "docker.io/library/node", "node:lts-alpine", "node:lts-alpine"},
        {"myuser/app:1.0", "docker.io/myuser/app", "myuser/app:1.0", "myuser/app:1.0"},
        {"localhost:5000/app", "localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app"},
        {"my-app_x.y__z", "docker.io/library/my-app_x.y__z", "my-app_x.y__z:latest", "my-app_x.y__z"},
    };
    for (const auto& c : ok) {
        CAPTURE(c.input);
        const auto p = parseNormalizedNamed(c.input);
        REQUIRE(p.ref);
        CHECK(p.error.empty());
        CHECK(p.ref->fullName() == c.full);
        CHECK(p.ref->tagKey() == c.tagKey);
        CHECK(p.ref->familiarString() == c.familiar);
    }
    const std::string hex64(64, 'a');
    const auto withDigest = parseNormalizedNamed("node@sha256:" + hex64);
    REQUIRE(withDigest.ref);
    CHECK(withDigest.ref->digest == "sha256:" + hex64);
    CHECK(withDigest.ref->tagOrLatest() == "");

    struct Bad {
        std::string input;
        std::string error;
    };
    const Bad bad[] = {
        {"Node", "invalid reference format: repository name (library/Node) must be lowercase"},
        {"node:", "invalid reference format"},
        {"node:-x", "invalid reference format"},
        {"no de", "invalid reference format"},
        {"", "invalid reference format"},
        {"node@sha256:abc", "invalid reference format"},
        {"-node", "invalid reference format"},
        {hex64, "invalid repository name (" + hex64 + "), cannot specify 64-byte hexadecimal strings"},
    };
    for (const auto& b : bad) {
        CAPTURE(b.input);
        const auto p = parseNormalizedNamed(b.input);
        CHECK_FALSE(p.ref);
        CHECK(p.error == b.error);
    }
}
