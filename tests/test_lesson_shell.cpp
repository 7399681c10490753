// Golden transcripts of `layerlab shell --lesson ID`: each
// tests/data/lessons/transcripts/NAME.in starts with "# args: --lesson N ..."
// and is replayed as a script through runLessonShell (with --restart, and the
// progress file in a fresh temporary data folder); the output must equal
// NAME.out byte for byte. They show what the lesson shell adds to the shell:
// a prediction asked only when its precondition holds and explained from the
// build's real steps, `show solution` after the hints (or a confirmation) and
// without prediction answers, goals announced as they are met, and Docker's
// triple Ctrl-C in lesson 11.
//
// Re-record after an intended change: LAYERLAB_UPDATE_GOLDENS=1
// ./build/tests/layerlab_tests -tc='lesson shell*', then read every diff.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "frontend/lesson_shell.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string replayLesson(const std::string& script, const std::filesystem::path& dataHome) {
    std::vector<std::string> args;
    const std::string tag = "# args:";
    const std::string first = script.substr(0, script.find('\n'));
    REQUIRE(first.rfind(tag, 0) == 0);
    std::istringstream words(first.substr(tag.size()));
    for (std::string w; words >> w;) args.push_back(w);
    args.push_back("--restart");
    std::filesystem::remove_all(dataHome);
    ::setenv("XDG_DATA_HOME", dataHome.c_str(), 1);
    std::istringstream in(script);
    std::ostringstream out, err;
    layerlab::frontend::Io io{in, out, err, false};
    layerlab::frontend::runLessonShell(args, io);
    ::unsetenv("XDG_DATA_HOME");
    return out.str() + err.str();
}

}   // namespace

TEST_CASE("lesson shell: transcripts replay byte for byte") {
    namespace fsys = std::filesystem;
    const fsys::path dir = fsys::path(LAYERLAB_SOURCE_DIR) / "tests/data/lessons/transcripts";
    const fsys::path dataHome = fsys::temp_directory_path() / ("layerlab-lesson-shell-" + std::to_string(::getpid()));
    std::vector<fsys::path> inputs;
    for (const auto& e : fsys::directory_iterator(dir))
        if (e.path().extension() == ".in") inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 3);
    const bool update = std::getenv("LAYERLAB_UPDATE_GOLDENS") != nullptr;
    for (const auto& in : inputs) {
        CAPTURE(in.filename().string());
        const std::string got = replayLesson(slurp(in), dataHome);
        fsys::path golden = in;
        golden.replace_extension(".out");
        if (update) {
            std::ofstream(golden, std::ios::binary) << got;
            continue;
        }
        REQUIRE(fsys::exists(golden));
        CHECK(got == slurp(golden));
    }
    fsys::remove_all(dataHome);
}
