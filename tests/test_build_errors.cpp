// Failing builds: Docker's words, the Dockerfile excerpt, what changes in the
// State (images and tags never; the build cache keeps completed steps).
#include <doctest/doctest.h>

#include "sim/engine/builder/builder.hpp"
#include "tests/build_test_util.hpp"

using namespace layerlab;
using engine::BuildOptions;

namespace {

engine::State courseState(const std::string& packageJson) {
    engine::State s;
    buildtest::addLocalBase(s, "localbase:1");
    s.host =
        s.host
            .withFile(
                "Dockerfile",
                "FROM localbase:1\nWORKDIR /app\nCOPY . /app\nRUN npm install\nEXPOSE 80\nCMD [\"node\", \"server.js\"]\n")
            .withFile("package.json", packageJson)
            .withFile("server.js", "require('express')\n");
    return s;
}

BuildOptions plain(bool legacy = false) {
    BuildOptions o;
    o.progress = BuildOptions::Progress::Plain;
    o.legacy = legacy;
    o.tags = {"goals"};
    return o;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}   // namespace

TEST_CASE("npm install with a broken package.json fails the build") {
    const std::string broken = "{\n  \"name\": \"goals\",\n}\n";
    SUBCASE("BuildKit") {
        engine::State s = courseState(broken);
        auto tagsBefore = s.tags;
        auto imagesBefore = s.images.size();
        auto r = engine::build(s, plain());
        CHECK(r.outcome.exitCode == 1);
        const std::string& e = r.outcome.err;
        CHECK(e.find("#8 [4/4] RUN npm install\n#8 0.520 npm error code EJSONPARSE\n") != std::string::npos);
        CHECK(e.find("#8 ERROR: process \"/bin/sh -c npm install\" did not complete successfully: exit code: 1\n") !=
              std::string::npos);
        CHECK(e.find("------\n > [4/4] RUN npm install:\n0.520 npm error code EJSONPARSE\n") != std::string::npos);
        CHECK(e.find("Dockerfile:4\n--------------------\n"
                     "   2 |     WORKDIR /app\n"
                     "   3 |     COPY . /app\n"
                     "   4 | >>> RUN npm install\n"
                     "   5 |     EXPOSE 80\n"
                     "   6 |     CMD [\"node\", \"server.js\"]\n"
                     "--------------------\n") != std::string::npos);
        CHECK(endsWith(e,
                       "ERROR: failed to build: failed to solve: process \"/bin/sh -c npm install\" did not complete "
                       "successfully: exit code: 1\n"));
        CHECK(s.tags == tagsBefore);
        CHECK(s.images.size() == imagesBefore);
        CHECK(r.imageId.empty());
        // The cache keeps what completed: a rebuild reuses WORKDIR and COPY.
        s.host = s.host.withFile("package.json", "{\"name\":\"goals\"}\n");
        auto fixed = engine::build(s, plain());
        REQUIRE(fixed.outcome.ok());
        REQUIRE(fixed.steps.size() == 4);
        CHECK(fixed.steps[1].cached);
        CHECK_FALSE(fixed.steps[2].cached);   // package.json changed
        bool failedEvent = false;
        for (const auto& ev : r.outcome.events)
            if (const auto* f = std::get_if<StepFailed>(&ev)) failedEvent = f->instruction == "RUN npm install";
        CHECK(failedEvent);
        CHECK_FALSE(s.lastBuild.steps.empty());
    }
    SUBCASE("legacy") {
        engine::State s = courseState(broken);
        auto tagsBefore = s.tags;
        auto r = engine::build(s, plain(true));
        CHECK(r.outcome.exitCode == 1);
        CHECK(r.outcome.out.find("Step 4/6 : RUN npm install\n ---> Running in ") != std::string::npos);
        CHECK(r.outcome.out.find("npm error code EJSONPARSE\n") != std::string::npos);
        CHECK(r.outcome.out.find("Successfully built") == std::string::npos);
        CHECK(endsWith(r.outcome.err, "The command '/bin/sh -c npm install' returned a non-zero code: 1\n"));
        CHECK(s.tags == tagsBefore);
    }
}

TEST_CASE("build errors in Docker's words") {
    engine::State base;
    buildtest::addLocalBase(base, "localbase:1");
    struct Case {
        const char* dockerfile;
        const char* buildkitTail;   // the last line BuildKit prints
        const char* legacyTail;   // the legacy builder's error line
        const char* target = "";
    };
    const Case cases[] = {
        {"FROM localbase:1\nCOPY nope.txt /app/\n", nullptr,
         "COPY failed: file not found in build context or excluded by .dockerignore: stat nope.txt: file does not exist\n"},
        {"FROM nosuchimage\nRUN true\n",
         "ERROR: failed to build: failed to solve: nosuchimage: failed to resolve source metadata for "
         "docker.io/library/nosuchimage:latest: pull access denied, repository does not exist or may require "
         "authorization: server message: insufficient_scope: authorization failed\n",
         "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: "
         "requested access to the resource is denied\n"},
        {"FROM localbase:1 AS a\nRUN true\n",
         "ERROR: failed to build: failed to solve: target stage \"nope\" could not be found\n",
         "failed to reach build target nope in Dockerfile\n", "nope"},
        {"FROM localbase:1\nRUN cp missing.txt /x\n",
         "ERROR: failed to build: failed to solve: process \"/bin/sh -c cp missing.txt /x\" did not complete "
         "successfully: exit code: 1\n",
         "The command '/bin/sh -c cp missing.txt /x' returned a non-zero code: 1\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.dockerfile);
        for (bool legacy : {false, true}) {
            engine::State s = base;
            s.host = s.host.withFile("Dockerfile", c.dockerfile);
            BuildOptions o = plain(legacy);
            o.target = c.target;
            auto r = engine::build(s, o);
            CHECK(r.outcome.exitCode == 1);
            const std::string& e = r.outcome.err;
            if (legacy) CHECK(endsWith(e, c.legacyTail));
            else if (c.buildkitTail) CHECK(endsWith(e, c.buildkitTail));
            CHECK(s.tags == base.tags);
        }
    }
    SUBCASE("COPY of a missing file") {
        engine::State s = base;
        s.host = s.host.withFile("Dockerfile", "FROM localbase:1\nCOPY nope.txt /app/\n");
        auto r = engine::build(s, plain());
        CHECK(r.outcome.err.find("ERROR: failed to build: failed to solve: failed to compute cache key: failed to "
                                 "calculate checksum of ref ") != std::string::npos);
        CHECK(endsWith(r.outcome.err, "\"/nope.txt\": not found\n"));
        CHECK(r.outcome.err.find(" > [2/2] COPY nope.txt /app/:\n------\nDockerfile:2\n") != std::string::npos);
    }
    SUBCASE("parse error and missing Dockerfile") {
        engine::State s = base;
        s.host = s.host.withFile("Dockerfile", "FROM localbase:1\nRUN true\nRUNN x\n");
        auto r = engine::build(s, plain());
        CHECK(r.outcome.exitCode == 1);
        CHECK(r.outcome.err.find("ERROR: failed to build: failed to solve: dockerfile parse error on line 3: unknown "
                                 "instruction: RUNN") != std::string::npos);
        CHECK(r.outcome.err.find("   3 | >>> RUNN x\n") != std::string::npos);
        auto l = engine::build(s, plain(true));
        CHECK(l.outcome.err.find(
                  "Error response from daemon: dockerfile parse error on line 3: unknown instruction: RUNN") !=
              std::string::npos);
        engine::State empty = base;
        auto m = engine::build(empty, plain());
        CHECK(m.outcome.err ==
              "ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such "
              "file or directory\n");
        auto ml = engine::build(empty, plain(true));
        CHECK(endsWith(ml.outcome.err,
                       "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                       "Dockerfile: no such file or directory\n"));
    }
    SUBCASE("invalid tag") {
        engine::State s = base;
        BuildOptions o = plain();
        o.tags = {"Hello"};
        auto r = engine::build(s, o);
        CHECK(r.outcome.exitCode == 1);
        CHECK(r.outcome.err.rfind(
                  "invalid argument \"Hello\" for \"-t, --tag\" flag: invalid reference format: repository "
                  "name (library/Hello) must be lowercase\n",
                  0) == 0);
    }
}
