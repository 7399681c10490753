// `layerlab parse`: runParse() through frontend::Io with string streams.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/parse_command.hpp"

namespace fs = std::filesystem;
using layerlab::frontend::Io;
using layerlab::frontend::runParse;

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run parse(const std::vector<std::string>& args, const std::string& stdinText = "") {
    std::istringstream in(stdinText);
    std::ostringstream out, err;
    Io io{in, out, err, false};
    const int code = runParse(args, io);
    return {code, out.str(), err.str()};
}

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const fs::path kCorpus = fs::path(LAYERLAB_SHARED_DIR) / "conformance" / "buildkit-parser" / "testfiles";
const fs::path kData = fs::path(LAYERLAB_SOURCE_DIR) / "tests" / "data" / "dockerfile";

}   // namespace

TEST_CASE("layerlab parse --dump prints BuildKit's dump byte for byte") {
    SUBCASE("from a file") {
        const Run r = parse({"--dump", (kCorpus / "health" / "Dockerfile").string()});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(r.out == readBytes(kCorpus / "health" / "result"));
    }
    SUBCASE("from stdin") {
        const Run r = parse({"--dump", "-"}, "FROM alpine\nRUN echo hi\n");
        CHECK(r.code == 0);
        CHECK(r.out == "(from \"alpine\")\n(run \"echo hi\")\n");
    }
    SUBCASE("parser errors go to stderr with exit 1") {
        const Run r = parse({"--dump", "-"}, "FROM x\nRUN <<EOF\necho\n");
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err ==
              "Dockerfile:2\n"
              "--------------------\n"
              "   1 |     FROM x\n"
              "   2 | >>> RUN <<EOF\n"
              "   3 | >>> echo\n"
              "--------------------\n"
              "ERROR: failed to solve: dockerfile parse error on line 2: unterminated heredoc\n");
    }
}

TEST_CASE("layerlab parse prints stages, instructions with line ranges, and warnings") {
    const Run r = parse({"-"},
                        "FROM golang:1.22 AS build\n"
                        "RUN go build \\\n"
                        "    -o /app .\n"
                        "FROM alpine\n"
                        "COPY --from=build /app /app\n"
                        "CMD /app\n");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(
        r.out ==
        "stage 0 \"build\": FROM golang:1.22 AS build  (line 1)\n"
        "  RUN  RUN go build     -o /app .  (lines 2-3)\n"
        "stage 1: FROM alpine  (line 4)\n"
        "  COPY  COPY --from=build /app /app  (line 5)\n"
        "  CMD  CMD /app  (line 6)\n"
        "warning: line 6: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals\n");
}

TEST_CASE("layerlab parse: the course notes' Dockerfile fails like Docker, then explains") {
    const Run r = parse({(kData / "course-notes.Dockerfile").string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("Dockerfile:1\n--------------------\n   1 | >>> FROM node # 베이스 이미지 파일 설정 \n") == 0);
    CHECK(
        r.err.find(
            "ERROR: failed to solve: dockerfile parse error on line 1: FROM requires either one or three arguments\n") !=
        std::string::npos);
    CHECK(r.err.find("  why: Dockerfiles have no inline comments") != std::string::npos);
    CHECK(r.err.find("  설명: Dockerfile에는 줄 끝 주석이 없습니다") != std::string::npos);
    CHECK(r.out.find("warning: line 3: inline-comment: WORKDIR is literally \"/app # working directory 설정\"\n") !=
          std::string::npos);
    CHECK(r.out.find("hint: line 7: inline-comment:") != std::string::npos);
}

TEST_CASE("layerlab parse: usage and unreadable files") {
    CHECK(parse({}).code == 2);
    CHECK(parse({"--bogus", "x"}).code == 2);
    const Run missing = parse({"/nonexistent/Dockerfile"});
    CHECK(missing.code == 1);
    CHECK(missing.err == "ERROR: failed to read dockerfile: open /nonexistent/Dockerfile: no such file or directory\n");
    const Run unknown = parse({"-"}, "FROM alpine\n\nRUNN echo\n");
    CHECK(unknown.code == 1);
    CHECK(
        unknown.err.find(
            "ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)\n") !=
        std::string::npos);
}
