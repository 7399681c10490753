// Teaching diagnostics on the course notes' own Dockerfile
// (tests/data/dockerfile/course-notes.Dockerfile, copied byte for byte from
// the Dockerfile block in shared/seed). Expected diagnostics live next to it:
// one line each, "<severity> <line> <code> <message>", error first.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/dockerfile/dockerfile.hpp"

namespace fs = std::filesystem;
using namespace layerlab::dockerfile;

namespace {

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const fs::path kDataDir = fs::path(LAYERLAB_SOURCE_DIR) / "tests" / "data" / "dockerfile";

const char* severityName(Diagnostic::Severity s) {
    switch (s) {
        case Diagnostic::Severity::Error:
            return "error";
        case Diagnostic::Severity::Warning:
            return "warning";
        case Diagnostic::Severity::Hint:
            return "hint";
    }
    return "?";
}

std::string render(const ParseResult& r) {
    std::string out;
    const auto line = [&](const Diagnostic& d, const std::string& text) {
        out += std::string(severityName(d.severity)) + " " + std::to_string(d.range.startLine) + " " + d.code + " " +
               text + "\n";
    };
    if (r.error) line(*r.error, r.error->formatted());
    for (const Diagnostic& w : r.warnings) line(w, w.message);
    return out;
}

}   // namespace

TEST_CASE("dockerfile teaching: the course notes' Dockerfile") {
    for (const char* name : {"course-notes", "course-notes-from-fixed", "course-notes-all-fixed"}) {
        INFO("file " << name);
        const std::string source = readBytes(kDataDir / (std::string(name) + ".Dockerfile"));
        REQUIRE_FALSE(source.empty());
        const ParseResult r = parseDockerfile(source);
        CHECK(render(r) == readBytes(kDataDir / (std::string(name) + ".expected")));
        // Every inline-comment diagnostic explains why and how to fix, in both languages.
        std::vector<const Diagnostic*> all;
        if (r.error) all.push_back(&*r.error);
        for (const Diagnostic& w : r.warnings) all.push_back(&w);
        for (const Diagnostic* d : all) {
            if (d->code != "inline-comment" && !(d->severity == Diagnostic::Severity::Error && !d->explainEn.empty()))
                continue;
            CHECK(d->explainEn.find("# starts a comment only at the start of a line") != std::string::npos);
            CHECK(d->explainKo.find("줄 끝 주석이 없습니다") != std::string::npos);
            if (d->severity != Diagnostic::Severity::Hint) {
                CHECK(d->explainEn.find("Fix: put the comment on its own line") != std::string::npos);
                CHECK(d->explainKo.find("별도 줄로 옮기세요") != std::string::npos);
            }
        }
    }
}

TEST_CASE("dockerfile teaching: the FROM error itself is BuildKit's, explained on top") {
    const ParseResult r = parseDockerfile(readBytes(kDataDir / "course-notes.Dockerfile"));
    REQUIRE(r.error);
    CHECK(r.error->message == "FROM requires either one or three arguments");
    CHECK(r.error->range.startLine == 1);
    CHECK(r.error->origin == Diagnostic::Origin::Instruction);
    CHECK(r.error->explainEn.find("FROM gets 6 arguments") != std::string::npos);
    CHECK_FALSE(r.dockerfile.has_value());
}

TEST_CASE("dockerfile teaching: no hint without an inline comment") {
    const ParseResult r = parseDockerfile(
        "FROM node\n# a real comment\nWORKDIR /app\nRUN echo '# not a comment'\nCMD [\"node\", \"server.js\"]\n");
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
}

TEST_CASE("dockerfile teaching: ENV with an inline comment stops the parser, explained") {
    const ParseResult r = parseDockerfile("FROM node\nENV NODE_ENV=production # 운영 모드\n");
    REQUIRE(r.error);
    CHECK(r.error->formatted() ==
          "dockerfile parse error on line 2: Syntax error - can't find = in \"#\". Must be of the form: name=value");
    CHECK(r.error->explainEn.find("ENV reads # and the words of the comment as more name=value pairs") !=
          std::string::npos);
    CHECK(r.error->explainKo.find("이름=값") != std::string::npos);
}
