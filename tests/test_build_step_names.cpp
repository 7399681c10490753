// Step names, byte for byte: tests/data/build/step_names/*.names (format in
// FORMAT.md there), each built with BuildKit and with the legacy builder;
// and COPY --chmod as BuildKit reads it (octal, symbolic, invalid).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "sim/engine/builder/builder.hpp"
#include "sim/engine/builder/chmod.hpp"
#include "sim/engine/images/store.hpp"
#include "tests/build_test_util.hpp"

using namespace layerlab;
using engine::BuildOptions;

namespace {

const std::string kDir = std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/build/step_names/";

struct NamesCase {
    std::string dockerfile;
    std::vector<std::string> buildkit, legacy;
    bool hasLegacy = false;
};

NamesCase readCase(const std::string& path) {
    std::ifstream in(path);
    NamesCase c;
    std::string line, section;
    while (std::getline(in, line)) {
        if (section.empty()) {
            if (line == "dockerfile" || line == "buildkit" || line == "legacy") section = line;
            if (line == "legacy") c.hasLegacy = true;
            continue;   // comments and blank lines between sections
        }
        if (line == "end") {
            section.clear();
            continue;
        }
        if (section == "dockerfile") c.dockerfile += line + "\n";
        else if (section == "buildkit") c.buildkit.push_back(line);
        else c.legacy.push_back(line);
    }
    return c;
}

// "#5 [2/3] RUN ..." -> "[2/3] RUN ...": the first line of each vertex,
// without BuildKit's internal ones.
std::vector<std::string> vertexNames(const std::string& plain) {
    std::vector<std::string> names;
    std::map<std::string, bool> seen;
    size_t start = 0;
    while (start < plain.size()) {
        size_t nl = plain.find('\n', start);
        std::string line = plain.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        start = nl == std::string::npos ? plain.size() : nl + 1;
        if (line.size() < 3 || line[0] != '#' || !std::isdigit(static_cast<unsigned char>(line[1]))) continue;
        size_t sp = line.find(' ');
        if (sp == std::string::npos || seen[line.substr(0, sp)]) continue;
        seen[line.substr(0, sp)] = true;
        std::string name = line.substr(sp + 1);
        if (name.rfind("[internal]", 0) == 0 || name == "exporting to image" || name.rfind("building with", 0) == 0)
            continue;
        names.push_back(name);
    }
    return names;
}

std::vector<std::string> legacySteps(const std::string& out) {
    std::vector<std::string> steps;
    size_t start = 0;
    while (start < out.size()) {
        size_t nl = out.find('\n', start);
        std::string line = out.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        start = nl == std::string::npos ? out.size() : nl + 1;
        if (line.rfind("Step ", 0) == 0) steps.push_back(line);
    }
    return steps;
}

engine::State machineWith(const std::string& dockerfile) {
    engine::State s;
    buildtest::addLocalBase(s, "localbase:1");
    s.host = s.host.withFile("Dockerfile", dockerfile).withFile("run.sh", "echo hi\n", 0644);
    return s;
}

BuildOptions plain(bool legacy) {
    BuildOptions o;
    o.progress = BuildOptions::Progress::Plain;
    o.legacy = legacy;
    o.noCache = true;
    return o;
}

}   // namespace

TEST_CASE("step names are BuildKit's and the legacy builder's, byte for byte (data-driven)") {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
        if (entry.path().extension() != ".names") continue;
        ++files;
        CAPTURE(entry.path().filename().string());
        NamesCase c = readCase(entry.path().string());
        REQUIRE(!c.dockerfile.empty());
        engine::State s = machineWith(c.dockerfile);
        auto r = engine::build(s, plain(false));
        REQUIRE_MESSAGE(r.outcome.ok(), r.outcome.err);
        CHECK(vertexNames(r.outcome.err) == c.buildkit);
        if (!c.hasLegacy) continue;
        engine::State l = machineWith(c.dockerfile);
        auto rl = engine::build(l, plain(true));
        REQUIRE_MESSAGE(rl.outcome.ok(), rl.outcome.err);
        CHECK(legacySteps(rl.outcome.out) == c.legacy);
    }
    CHECK(files >= 3);
}

TEST_CASE("--chmod: octal and symbolic modes as dchapes-mode applies them") {
    struct Case {
        const char* text;
        uint32_t from;
        bool dir;
        uint32_t want;
    };
    const Case cases[] = {
        {"755", 0644, false, 0755},    {"0600", 0755, false, 0600},        {"7777", 0, false, 07777},
        {"u+x", 0644, false, 0744},    {"+x", 0644, false, 0755},          {"a+x", 0600, false, 0711},
        {"go-w", 0666, false, 0644},   {"u=rwx,go=rx", 0, false, 0755},    {"=r", 0755, false, 0444},
        {"=rw,+X", 0644, false, 0666}, {"=rw,+X", 0744, false, 0777},      {"=rw,+X", 0600, true, 0777},
        {"go=u-w", 0750, false, 0755}, {"u+s", 0755, false, 04755},        {"o+s", 0755, false, 0755},
        {"+t", 0755, true, 01755},     {"u-x+r", 0300, false, 0600},       {"g=u", 0640, false, 0660},
        {"=", 0777, false, 0},         {"ug+rw,o-rwx", 0604, false, 0660},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto spec = engine::bk::ChmodSpec::parse(c.text);
        REQUIRE(spec.ok());
        CHECK(spec.apply(c.from, c.dir) == c.want);
    }
}

TEST_CASE("--chmod: invalid modes get BuildKit's words") {
    const std::string octal = "it should be octal string and between 0 and 07777";
    const std::pair<const char*, std::string> cases[] = {
        {"9999", "invalid chmod parameter: '9999'. " + octal},
        {"10000", "invalid chmod parameter: '10000'. " + octal},
        {"0x1ff", "invalid chmod parameter: '0x1ff'. " + octal},
        {"77777777777777777777777", "invalid chmod parameter: '77777777777777777777777'. " + octal},
        {"u+z", "invalid syntax"},
        {"x+u", "invalid syntax"},
        {"+0755", "invalid syntax"},
        {"u", "invalid syntax"},
        {"u+x,", "invalid syntax"},
        {"rwx", "invalid syntax"},
    };
    for (const auto& entry : cases) {
        // Named, not a structured binding: clang 14 cannot capture bindings in CAPTURE's lambda.
        const auto& text = entry.first;
        const auto& error = entry.second;
        CAPTURE(text);
        CHECK(engine::bk::ChmodSpec::parse(text).error() == error);
    }
}

TEST_CASE("COPY --chmod in a build: symbolic modes work, invalid ones fail with the line, legacy refuses") {
    SUBCASE("symbolic mode on the copied file") {
        engine::State s = machineWith("FROM localbase:1\nCOPY --chmod=u+x run.sh /app/\n");
        auto r = engine::build(s, plain(false));
        REQUIRE_MESSAGE(r.outcome.ok(), r.outcome.err);
        fs::FileTree root = engine::imageRootfs(s, s.images.at(r.imageId));
        REQUIRE(root.find("app/run.sh"));
        CHECK(root.find("app/run.sh")->mode == 0744);
    }
    for (const char* bad : {"9999", "u+z"}) {
        CAPTURE(bad);
        engine::State s =
            machineWith(std::string("FROM localbase:1\nRUN true\nCOPY --chmod=") + bad + " run.sh /app/\n");
        engine::State before = s;
        auto r = engine::build(s, plain(false));
        CHECK(r.outcome.exitCode == 1);
        std::string want = std::string(bad) == "9999"
                               ? "invalid chmod parameter: '9999'. it should be octal string and between 0 and 07777"
                               : "invalid syntax";
        const std::string& e = r.outcome.err;
        CHECK(e.find("Dockerfile:3\n--------------------\n") != std::string::npos);
        CHECK(e.find(" >>> COPY --chmod=") != std::string::npos);
        CHECK(e.size() >= want.size() + 1);
        CHECK(e.substr(e.size() - want.size() - 1) == want + "\n");
        CHECK(e.find("ERROR: failed to build: failed to solve: " + want + "\n") != std::string::npos);
        // Nothing ran: BuildKit fails while converting the Dockerfile.
        CHECK(e.find("] RUN true") == std::string::npos);
        CHECK(s.images.size() == before.images.size());
        CHECK(s.tags == before.tags);
    }
    SUBCASE("the legacy builder refuses --chmod at its step") {
        engine::State s = machineWith("FROM localbase:1\nCOPY --chmod=755 run.sh /app/\n");
        auto r = engine::build(s, plain(true));
        CHECK(r.outcome.exitCode == 1);
        CHECK(r.outcome.out.find("Step 2/2 : COPY --chmod=755 run.sh /app/\n") != std::string::npos);
        const std::string want =
            "the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build "
            "images with BuildKit enabled\n";
        CHECK(r.outcome.err.size() >= want.size());
        CHECK(r.outcome.err.substr(r.outcome.err.size() - want.size()) == want);
    }
}

TEST_CASE("a RUN line with bytes that are not UTF-8 builds (the image config writes U+FFFD, as Go's json does)") {
    // fuzz_build found this: nlohmann's dump threw type_error and ended the program.
    engine::State s = machineWith("FROM localbase:1\nRUN echo \x84\x84\x84 ok\n");
    auto r = engine::build(s, plain(false));
    CHECK_MESSAGE(r.outcome.ok(), r.outcome.err);
}
