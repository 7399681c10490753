// Transcript tests for the image commands: tests/data/images/*.transcript.
//
// Each file is a session on one State. A line "$ <command>" runs a command
// (the engine functions, not the CLI parser); the lines after it, up to the
// next "$" or a "#" comment, are the exact expected output: stdout as is,
// stderr lines prefixed "! ", "[exit N]" when the exit code is not 0, and
// "<no newline>" when stdout ends without one (the prune prompt).
//
// Commands: pull [-q] [-a] [--run] [--tty] REF | images [-a] [-q] [--digests]
// [--no-trunc] [--filter F]... [--format F] [NAME] | history [-H=false]
// [--no-trunc] [-q] REF | inspect [-f F] REF... | tag SRC DST |
// rmi [-f] [--no-prune] REF... | prune [-a] [-f] [--answer A] [--filter F] |
// df | container NAME IMAGE running|exited | stop NAME | commit BASE NAME:TAG CMD... |
// advance SECONDS
//
// Set LAYERLAB_UPDATE_GOLDENS=1 (tests/golden.hpp) to rewrite the files with the actual output (review
// the diff before committing it).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include "tests/golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/fs/sha256.hpp"

using namespace layerlab;
using namespace layerlab::engine;

namespace {

std::vector<std::string> tokenize(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false, any = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) out.push_back(cur);
            cur.clear();
            any = false;
        } else {
            cur += c;
            any = true;
        }
    }
    if (any) out.push_back(cur);
    return out;
}

std::string render(const Outcome& o) {
    std::string text = o.out;
    if (!text.empty() && text.back() != '\n') text += "<no newline>\n";
    std::istringstream err(o.err);
    for (std::string l; std::getline(err, l);) text += "! " + l + "\n";
    if (o.exitCode != 0) text += "[exit " + std::to_string(o.exitCode) + "]\n";
    return text;
}

Outcome run(State& s, const std::vector<std::string>& a) {
    const std::string& cmd = a.at(0);
    auto has = [&](const std::string& flag) { return std::find(a.begin(), a.end(), flag) != a.end(); };
    std::vector<std::string> positional, filters;
    std::string format, answer;
    bool answered = false;
    for (size_t i = 1; i < a.size(); ++i) {
        if (a[i] == "--filter" || a[i] == "--format" || (a[i] == "-f" && cmd == "inspect") || a[i] == "--answer") {
            const std::string v = i + 1 < a.size() ? a[i + 1] : "";
            if (a[i] == "--filter") filters.push_back(v);
            else if (a[i] == "--answer") answer = v, answered = true;
            else format = v;
            ++i;
        } else if (a[i].rfind("-", 0) != 0) {
            positional.push_back(a[i]);
        }
    }
    if (cmd == "pull") {
        PullOptions p;
        p.reference = positional.at(0);
        p.quiet = has("-q");
        p.forRun = has("--run");
        p.tty = has("--tty");
        p.allTags = has("-a");
        return pullImage(s, p);
    }
    if (cmd == "images") {
        ImagesOptions o;
        o.all = has("-a");
        o.quiet = has("-q");
        o.digests = has("--digests");
        o.noTrunc = has("--no-trunc");
        o.filters = filters;
        o.format = format;
        if (!positional.empty()) o.matchName = positional[0];
        return listImages(s, o);
    }
    if (cmd == "history") {
        HistoryOptions h;
        h.image = positional.at(0);
        h.human = !has("-H=false");
        h.noTrunc = has("--no-trunc");
        h.quiet = has("-q");
        return imageHistory(s, h);
    }
    if (cmd == "inspect") {
        ImageInspectOptions o;
        o.images = positional;
        o.format = format;
        return inspectImages(s, o);
    }
    if (cmd == "tag") {
        TagOptions t;
        t.source = positional.at(0);
        t.target = positional.at(1);
        return tagImageCommand(s, t);
    }
    if (cmd == "rmi") {
        RemoveImagesOptions r;
        r.images = positional;
        r.force = has("-f");
        r.noPrune = has("--no-prune");
        return removeImages(s, r);
    }
    if (cmd == "prune") {
        PruneImagesOptions p;
        p.all = has("-a");
        p.force = has("-f");
        p.filters = filters;
        if (answered) p.answer = answer;
        return pruneImages(s, p);
    }
    if (cmd == "df") {
        Outcome o;
        format::Table t;
        t.addRow({"TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"});
        t.addRow(imagesDiskUsage(s).row());
        o.out = t.render();
        return o;
    }
    if (cmd == "container") {
        // A stand-in for `docker run`: a container of the named image.
        Container c;
        c.id = format::hexOf(fs::sha256Digest(positional.at(0)));
        c.name = positional.at(0);
        c.imageId = resolveImageRef(s, positional.at(1)).image->id;
        c.status = positional.at(2) == "running" ? Container::Status::Running : Container::Status::Exited;
        s.containers.push_back(c);
        return {};
    }
    if (cmd == "stop") {
        for (auto& c : s.containers)
            if (c.name == positional.at(0)) c.status = Container::Status::Exited;
        return {};
    }
    if (cmd == "commit") {
        // A stand-in for a config-only build step: BASE with a new CMD, tagged.
        Image img = *resolveImageRef(s, positional.at(0)).image;
        std::vector<std::string> words(positional.begin() + 2, positional.end());
        img.config.cmd = words;
        std::string by = "CMD [";
        for (size_t k = 0; k < words.size(); ++k) by += (k ? " \"" : "\"") + words[k] + "\"";
        img.history.push_back({s.clock.nowMs, by + "]", "buildkit.dockerfile.v0", true, 0});
        img.createdMs = s.clock.nowMs;
        img.repoDigests.clear();
        const Digest id = addImage(s, img);
        tagImage(s, id, format::parseNormalizedNamed(positional.at(1)).ref->tagKey());
        s.images.at(id).lastTagMs = s.clock.nowMs;
        return {};
    }
    if (cmd == "advance") {
        s.clock.advance(std::stoll(positional.at(0)) * 1000);
        return {};
    }
    FAIL("unknown transcript command " << cmd);
    return {};
}

}   // namespace

TEST_CASE("images transcripts: tests/data/images/*.transcript") {
    const std::filesystem::path dir = std::filesystem::path(LAYERLAB_SOURCE_DIR) / "tests/data/images";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".transcript") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 3);
    const bool record = goldens::updating();
    for (const auto& path : files) {
        SUBCASE(path.filename().string().c_str()) {
            std::ifstream in(path);
            std::vector<std::string> lines;
            for (std::string l; std::getline(in, l);) lines.push_back(l);
            State state;
            std::string recorded;
            for (size_t i = 0; i < lines.size();) {
                if (lines[i].rfind("$ ", 0) != 0) {
                    recorded += lines[i] + "\n";   // comments and blank lines between commands
                    ++i;
                    continue;
                }
                const std::string command = lines[i].substr(2);
                std::string expected;
                size_t j = i + 1;
                for (; j < lines.size() && lines[j].rfind("$ ", 0) != 0 && lines[j].rfind("#", 0) != 0; ++j)
                    expected += lines[j] + "\n";
                const std::string actual = render(run(state, tokenize(command)));
                recorded += "$ " + command + "\n" + actual;
                CAPTURE(path.filename().string());
                CAPTURE(command);
                if (!record) CHECK(actual == expected);
                i = j;
            }
            if (record) std::ofstream(path) << recorded;
        }
    }
}
