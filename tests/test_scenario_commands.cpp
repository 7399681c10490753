// The headless subcommands of the scenario module: check (pointer errors,
// exit codes), play (text and JSON), export -> play reproduces the state,
// lessons (listing with progress).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/headless.hpp"
#include "sim/scenario/loader.hpp"

using layerlab::frontend::Io;
using layerlab::frontend::runHeadless;

namespace {
struct Run {
    int code = 0;
    std::string out, err;
};
Run run(const std::vector<std::string>& args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    Io io{in, out, err, false};
    Run r;
    r.code = runHeadless(args, io).value_or(-1);
    r.out = out.str();
    r.err = err.str();
    return r;
}
const std::string kSource = LAYERLAB_SOURCE_DIR;
}   // namespace

TEST_CASE("layerlab check: a malformed lesson fails with its pointer and reason") {
    const std::string file = kSource + "/tests/data/scenario/bad-lesson/01-broken.json";
    Run r = run({"check", file});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == file + ": /solution/3/command: expected a string\n");
}

TEST_CASE("layerlab check: every malformed example fails, each message names the file") {
    const std::string file = kSource + "/tests/data/scenario/bad/future-version.json";
    Run r = run({"check", file});
    CHECK(r.code == 1);
    CHECK(r.err == file + ": /version: format version 2 is newer than this LayerLab supports (1)\n");
    Run usage = run({"check"});
    CHECK(usage.code == 2);
    CHECK(usage.err.rfind("Usage: layerlab check PATH...", 0) == 0);
}

TEST_CASE("layerlab play: usage errors and unreadable files") {
    CHECK(run({"play"}).code == 2);
    CHECK(run({"play", "a.json", "--format", "xml"}).err ==
          "layerlab play: --format takes text or json\n"
          "Usage: layerlab play FILE [--format text|json] [--lang en|ko] [--seed N] [--solution]\n");
    Run r = run({"play", "/nonexistent.json"});
    CHECK(r.code == 1);
    CHECK(r.err == "/nonexistent.json: cannot read /nonexistent.json\n");
}

TEST_CASE("layerlab export: the session replays to the same state") {
    const std::string script = "docker pull node\ndocker run node\ndocker run --name second node\necho hi > note.txt\n";
    Run exported = run({"export", "--seed", "5"}, script);
    REQUIRE(exported.code == 0);
    auto loaded = layerlab::scenario::parseScenario(exported.out);
    for (const auto& e : loaded.errors) MESSAGE(e);
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->steps.size() == 4);
    CHECK(loaded.scenario->steps[3].command == "echo hi > note.txt");
    REQUIRE(loaded.scenario->finalState.has_value());
    CHECK(loaded.scenario->finalState->host.exists("note.txt"));

    const auto path = std::filesystem::temp_directory_path() / "layerlab-export-test.json";
    {
        std::ofstream f(path);
        f << exported.out;
    }
    Run played = run({"play", path.string(), "--format", "json"});
    CHECK(played.code == 0);
    auto report = nlohmann::json::parse(played.out);
    CHECK(report["finalStateMatches"] == true);
    CHECK(report["steps"].size() == 4);
    CHECK(report["steps"][1]["command"] == "docker run node");
    Run again = run({"export", "--seed", "5"}, script);
    CHECK(again.out == exported.out);   // same seed and input, same bytes
    std::filesystem::remove(path);
}

TEST_CASE("layerlab lessons: lists the lessons in order with progress") {
    const auto home = std::filesystem::temp_directory_path() / "layerlab-lessons-test";
    std::filesystem::remove_all(home);
    std::filesystem::create_directories(home / "layerlab");
    {
        std::ofstream f(home / "layerlab/progress.json");
        f << R"({"version": 1, "lessons": {"02-official-images": {"completed": true}}})";
    }
    setenv("XDG_DATA_HOME", home.c_str(), 1);
    Run r = run({"lessons", "--lang", "en"});
    unsetenv("XDG_DATA_HOME");
    CHECK(r.code == 0);
    std::istringstream lines(r.out);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    CHECK(first == " 1  01-images-and-containers      Images and containers");
    CHECK(second.rfind(" 2  02-official-images", 0) == 0);
    CHECK(second.size() > 4);
    CHECK(second.substr(second.size() - 4) == "done");
    std::filesystem::remove_all(home);
}
