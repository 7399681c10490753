// Table-driven build cache cases: tests/data/build/*.case (format in
// tests/data/build/FORMAT.md), each run with BuildKit and with the legacy
// builder on a fresh machine, asserting every step's outcome and reason.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/engine/builder/builder.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/fs/file_checksum.hpp"
#include "tests/build_test_util.hpp"

using namespace layerlab;
using engine::BuildOptions;

namespace {

const std::string kDir = std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/build/";

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    std::string l;
    while (std::getline(in, l)) {
        if (l.rfind("include ", 0) == 0) {
            auto more = readLines(kDir + l.substr(8));
            lines.insert(lines.end(), more.begin(), more.end());
        } else {
            lines.push_back(l);
        }
    }
    return lines;
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> w;
    std::string x;
    while (in >> x) w.push_back(x);
    return w;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t i = s.find_first_not_of(" \t");
    return i == std::string::npos ? "" : s.substr(i);
}

std::string shortSum(const fs::FileTree& t, const std::string& path) {
    const fs::FileEntry* e = t.find(path);
    if (!e) return "<no " + path + ">";
    std::string d = fs::fileChecksum(*e);
    return d.substr(0, 19) + "\u2026";
}

std::string substitute(std::string s, const fs::FileTree& before, const fs::FileTree& after) {
    for (const char* tag : {"{before:", "{after:"}) {
        size_t p;
        while ((p = s.find(tag)) != std::string::npos) {
            size_t end = s.find('}', p);
            std::string path = s.substr(p + std::string(tag).size(), end - p - std::string(tag).size());
            s.replace(p, end - p + 1, shortSum(std::string(tag) == "{before:" ? before : after, path));
        }
    }
    return s;
}

void runCase(const std::string& file, bool legacy) {
    auto lines = readLines(file);
    engine::State state;
    fs::FileTree before;
    engine::BuildResult last;
    std::string prevImage, lastImage;
    const std::string me = legacy ? "legacy" : "buildkit";
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string line = trim(lines[i]);
        if (line.empty() || line[0] == '#') continue;
        auto w = words(line);
        const std::string& op = w[0];
        std::string where = file.substr(file.rfind('/') + 1) + ":" + std::to_string(i + 1) + " [" + me + "]";
        CAPTURE(where);
        auto body = [&]() {
            std::string text;
            while (++i < lines.size() && lines[i] != "EOF") text += lines[i] + "\n";
            return text;
        };
        if (op == "base") {
            buildtest::addLocalBase(state, w.at(1));
        } else if (op == "file" || op == "write") {
            before = state.host;
            const fs::FileEntry* e = state.host.find(w.at(1));
            uint32_t mode = e ? e->mode : 0644;
            state.host = state.host.withFile(w.at(1), body(), mode, 0, 0, state.clock.nowMs);
        } else if (op == "append") {
            before = state.host;
            state.host = state.host.withAppended(w.at(1), line.substr(line.find(w.at(1)) + w.at(1).size() + 1) + "\n");
        } else if (op == "touch") {
            before = state.host;
            state.host = state.host.withMtime(w.at(1), state.clock.nowMs + 60000);
        } else if (op == "mode") {
            before = state.host;
            state.host = state.host.withMode(w.at(2), static_cast<uint32_t>(std::stoul(w.at(1), nullptr, 8)));
        } else if (op == "rm") {
            before = state.host;
            state.host = state.host.without(w.at(1));
        } else if (op == "build") {
            BuildOptions o;
            o.legacy = legacy;
            o.progress = BuildOptions::Progress::Plain;
            for (size_t k = 1; k < w.size(); ++k) {
                if (w[k] == "--no-cache") o.noCache = true;
                else if (w[k] == "--pull") o.pull = true;
                else if (w[k] == "--target") o.target = w.at(++k);
                else if (w[k] == "-f") o.dockerfilePath = w.at(++k);
                else if (w[k] == "-t") o.tags.push_back(w.at(++k));
                else if (w[k] == "--build-arg") {
                    std::string kv = w.at(++k);
                    o.buildArgs[kv.substr(0, kv.find('='))] = kv.substr(kv.find('=') + 1);
                }
            }
            last = engine::build(state, o);
            INFO(last.outcome.out, last.outcome.err);
            REQUIRE(last.outcome.exitCode == 0);
            prevImage = lastImage;
            lastImage = last.imageId;
            state.clock.advance(60000);
        } else if (op == "expect") {
            bool mine = w.at(1) == me;
            std::vector<std::string> expected;
            while (++i < lines.size() && trim(lines[i]) != "end") {
                std::string l = trim(lines[i]);
                if (l.empty() || l[0] == '#') continue;
                expected.push_back(substitute(l, before, state.host));
            }
            if (!mine) continue;
            std::vector<std::string> got;
            for (const auto& s : last.steps) {
                std::string g = s.instruction + " | " + (s.cached ? "cached" : "built");
                if (!s.cached) g += " | " + s.reason;
                got.push_back(g);
            }
            std::string want, have;
            for (const auto& e : expected) want += e + "\n";
            for (const auto& g : got) have += g + "\n";
            INFO(last.outcome.out, last.outcome.err);
            CHECK(have == want);
        } else if (op == "same-image") {
            CHECK(lastImage == prevImage);
        } else if (op == "new-image") {
            CHECK(lastImage != prevImage);
        } else if (op == "warning" || op == "no-warning") {
            if (w.at(1) != me) continue;
            std::string text = trim(line.substr(line.find(w[1]) + w[1].size()));
            std::string all = last.outcome.out + last.outcome.err;
            INFO(all);
            if (op == "warning") CHECK(all.find(text) != std::string::npos);
            else CHECK(all.find(text) == std::string::npos);
        } else {
            FAIL("unknown case command: " << line);
        }
    }
}

}   // namespace

TEST_CASE("build cache cases (tests/data/build/*.case), BuildKit and legacy") {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(kDir))
        if (e.path().extension() == ".case") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);
    for (const auto& f : files)
        for (bool legacy : {false, true}) runCase(f, legacy);
}
