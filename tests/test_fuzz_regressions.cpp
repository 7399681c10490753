// Inputs the fuzz targets (fuzz/) found crashes with, kept as plain tests so
// the normal suite (and its sanitizer run) guards them.
#include <doctest/doctest.h>

#include <string>

#include "sim/cli/machine.hpp"
#include "sim/dockerfile/dockerfile.hpp"
#include "sim/fs/dockerignore.hpp"
#include "sim/korean.hpp"

using namespace layerlab;

TEST_CASE("fuzz regression: a .dockerignore path with a broken UTF-8 sequence before '/' (fuzz_dockerignore)") {
    // "\xE0" announces three bytes; the '/' after it is not a continuation byte,
    // so it stays a '/' (Go decodes the lead byte alone) and its parent is tried.
    const fs::DockerIgnore ignore = fs::DockerIgnore::parse("a\xE0\n");
    CHECK(ignore.error().empty());
    CHECK(ignore.matches("a\xE0/x"));
    CHECK_FALSE(ignore.matches("b\xE0/x"));
}

TEST_CASE("fuzz regression: inspect of an image whose CMD holds invalid UTF-8 (fuzz_build)") {
    engine::State s = cli::Machine::defaultState(1, "en");
    s.host = fs::FileTree().withFile("Dockerfile", "FROM node\nCMD [\"no\xB5\xCB\xFC\xFF\"]\n");
    cli::Machine m(std::move(s));
    REQUIRE(m.execute("docker build -t fuzz .").exitCode == 0);
    const Outcome inspect = m.execute("docker image inspect fuzz");
    CHECK(inspect.exitCode == 0);
    // Each invalid byte is U+FFFD, as Go's encoding/json writes it.
    CHECK(inspect.out.find("\"no\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"") != std::string::npos);
}

TEST_CASE("fuzz regression: a Korean particle after an overlong UTF-8 letter (fuzz_instructions)") {
    // "\xC1\xA1" is an overlong 'a': not a letter, so no final consonant to read.
    CHECK(ko::finalConsonant("x\xC1\xA1") == ko::finalConsonant("\xEF\xBF\xBD"));
    CHECK(ko::particle("\xC1\xA1", ko::Particle::IGa) == ko::particle("\xEF\xBF\xBD", ko::Particle::IGa));
}

TEST_CASE("fuzz regression: a Korean particle after a letter and stray continuation bytes (fuzz_instructions)") {
    // "a\x80": the 0x80 belongs to no sequence; the word does not end in 'a'.
    CHECK(ko::finalConsonant("run\x80") == ko::finalConsonant("\xEF\xBF\xBD"));
    CHECK(ko::finalConsonant("80\x80\x80") == ko::finalConsonant("\xEF\xBF\xBD"));
    CHECK(ko::finalConsonant("run") != ko::finalConsonant("\xEF\xBF\xBD"));   // the same word, whole, reads 런
    // The whole Dockerfile the fuzzer found: a RUN in JSON form with text after ']'.
    const dockerfile::ParseResult r = dockerfile::parseDockerfile("FROM x\nRUN [\"a\"] #b\x80\n");
    CHECK(r.dockerfile);
}

TEST_CASE("fuzz regression: a JSON-form number with a 99-digit exponent (fuzz_instructions, UBSan overflow)") {
    const std::string text = "FROM alpine\nRUN [[[1e" + std::string(99, '3') + "]]]\n";
    auto result = dockerfile::parseDockerfile(text);   // UBSan: no signed overflow in the exponent
    CHECK((result.dockerfile.has_value() || result.error.has_value()));
}

TEST_CASE("fuzz regression: npm install of a package name with invalid UTF-8 in a RUN step (fuzz_build)") {
    // npm writes package.json and the lock file with the name in them; the
    // name's stray byte is U+FFFD there instead of ending the program.
    engine::State s = cli::Machine::defaultState(1, "en");
    s.host = fs::FileTree().withFile("Dockerfile", "FROM node\nWORKDIR /app\nRUN npm i caf\xF2\n");
    cli::Machine m(std::move(s));
    const Outcome build = m.execute("docker build -t fuzz .");
    CHECK(build.exitCode == 0);
    const Outcome cat = m.execute("docker run --rm fuzz cat package.json");
    CHECK(cat.exitCode == 0);
    CHECK(cat.out.find("\"caf\xEF\xBF\xBD\"") != std::string::npos);
}
