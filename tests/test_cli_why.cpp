// `why [STEP]`: the shell's answer to "why did this step rebuild?", read from
// the builder's own records of the last build.
#include <doctest/doctest.h>

#include "sim/cli/machine.hpp"

using layerlab::cli::Machine;

TEST_CASE("cli why: explains the last build step by step") {
    Machine m;
    SUBCASE("before any build") {
        auto o = m.execute("why");
        CHECK(o.exitCode == 1);
        CHECK(o.err == "why: there is no build yet; run docker build first.\n");
    }
    SUBCASE("after editing server.js under the notes' Dockerfile") {
        REQUIRE(m.execute("docker build -t app .").exitCode == 0);
        REQUIRE(m.execute("echo '// edit' >> server.js").exitCode == 0);
        REQUIRE(m.execute("docker build -t app .").exitCode == 0);
        auto all = m.execute("why");
        CHECK(all.exitCode == 0);
        CHECK(all.out.find("Last build: app:latest #2 (BuildKit, compared with #1), 2 cached, 2 rebuilt\n") == 0);
        CHECK(all.out.find("  [2] WORKDIR /app") != std::string::npos);
        CHECK(all.out.find("CACHED: the cached result was reused\n") != std::string::npos);
        auto copy = m.execute("why 3");
        CHECK(copy.out.find("  [3] COPY . /app") == 0);
        CHECK(copy.out.find("REBUILT: missed by its own change: server.js changed (sha256:") != std::string::npos);
        auto run = m.execute("why 4");
        CHECK(run.out.find("REBUILT: rebuilt because step 3 changed (its parent layer is new); same result: the same "
                           "layer as before (same contents, same digest)\n") != std::string::npos);
        auto none = m.execute("why 9");
        CHECK(none.exitCode == 1);
        CHECK(none.err == "why: the last build has no step 9.\n");
        CHECK(m.execute("why x").err == "why: usage: why [STEP NUMBER]\n");
    }
}
