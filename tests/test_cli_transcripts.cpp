// Golden transcripts of `layerlab shell`: each tests/data/transcripts/NN-name.in
// is replayed through runRepl (the script path: prompts and commands echoed)
// and the output must equal NN-name.out byte for byte. A first line
// "# args: --lang ko --seed 7" sets the shell options.
//
// To regenerate after an intended change: LAYERLAB_UPDATE_GOLDENS=1 (see
// tests/golden.hpp; the same switch re-records every golden file).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include "tests/golden.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/repl.hpp"

namespace {

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

layerlab::frontend::ShellOptions optionsFor(const std::string& script) {
    layerlab::frontend::ShellOptions o;
    o.lang = "en";
    std::string first = script.substr(0, script.find('\n'));
    const std::string tag = "# args:";
    if (first.rfind(tag, 0) == 0) {
        std::istringstream words(first.substr(tag.size()));
        std::vector<std::string> args;
        for (std::string w; words >> w;) args.push_back(w);
        auto parsed = layerlab::frontend::parseShellArgs(args);
        REQUIRE(parsed.error.empty());
        o = parsed.options;
        if (o.lang.empty()) o.lang = "en";
    }
    return o;
}

}   // namespace

std::string replayTranscript(const std::string& script, int* status = nullptr) {
    layerlab::frontend::ShellOptions options = optionsFor(script);
    std::istringstream in(script);
    std::ostringstream out, err;
    layerlab::frontend::Io io{in, out, err, false};
    layerlab::frontend::ShellMachine sm = layerlab::frontend::makeShellMachine(options, false);
    int s = layerlab::frontend::runRepl(sm.machine, io, {});
    if (status) *status = s;
    return out.str() + err.str();
}

TEST_CASE("cli transcripts: every golden replays byte for byte") {
    namespace fsys = std::filesystem;
    const fsys::path dir = fsys::path(LAYERLAB_SOURCE_DIR) / "tests/data/transcripts";
    std::vector<fsys::path> inputs;
    for (const auto& e : fsys::directory_iterator(dir))
        if (e.path().extension() == ".in") inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 10);
    const bool update = goldens::updating();
    for (const auto& in : inputs) {
        const std::string name = in.filename().string();
        CAPTURE(name);
        std::string got = replayTranscript(readAll(in));
        fsys::path golden = in;
        golden.replace_extension(".out");
        if (update) {
            std::ofstream(golden, std::ios::binary) << got;
            continue;
        }
        REQUIRE(fsys::exists(golden));
        std::string expected = readAll(golden);
        if (got != expected) {
            // the first differing line, to read in the failure
            std::istringstream a(got), b(expected);
            std::string la, lb;
            int line = 1;
            while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
            CAPTURE(line);
            CAPTURE(la);
            CAPTURE(lb);
            CHECK(got == expected);
        }
    }
}

TEST_CASE("cli transcripts: the same seed and input give the same transcript") {
    const std::string script =
        "docker run node\ndocker run node\ndocker ps -a\ndocker run -d --name web -p 3000:80 nginx\ncurl localhost:3000\n";
    CHECK(replayTranscript(script) == replayTranscript(script));
    CHECK(replayTranscript("# args: --seed 2\n" + script) != replayTranscript("# args: --seed 3\n" + script));
}
