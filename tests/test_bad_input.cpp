// Bad input, catalogued (issue 11): what a learner gets wrong all day, each
// case with the exact text the learner sees and a check that nothing changed.
//
// tests/data/bad_input/*.txt, one file per kind of input, cases separated by
// a header line "=== name". In a case, before the "---" line:
//   $ COMMAND        a setup command; it must succeed (exit 0)
//   @file PATH       the following lines up to "@end" become ~/app/PATH
//   @gen PATH P R N S   ~/app/PATH is P + R repeated N times + S (C escapes:
//                    \n \t \\ \xHH), for inputs too big or too binary to keep
//   > LINE           the bad input: one line, or several '>' lines fed one by
//                    one (a heredoc); for scenario files, the file's text
//   @scenario-gen P R N S   the scenario file's text, generated as @gen
//   @keeps-build-cache   a build failing after some steps: see comparable()
// After "---" comes the exact text the learner sees, up to the next "===".
//
// Docker commands and host commands (dockerfile.txt, docker_cli.txt,
// host.txt): the bad lines run through Machine::execute; the expected text is
// the terminal's (stdout and stderr in a terminal's order) and the State
// export after them must equal the one before, byte for byte, except for the
// record a failed build leaves (see comparable()). The clock does not move
// between commands (thinkTimeMs 0) so that any change is a real one.
//
// Scenario files (scenario.txt): the text is loaded as `layerlab play` loads
// a file; the expected text is the error list, one per line, and the load
// must hold no half-loaded scenario.
//
// LAYERLAB_UPDATE_GOLDENS=1 rewrites the expected texts from what the program
// prints now (tests/golden.hpp); read every diff: each text must be Docker's
// wording where Docker has one.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include "tests/golden.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/cli/machine.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/state_json.hpp"

namespace {

namespace fsys = std::filesystem;
using layerlab::cli::Machine;

struct Case {
    std::string name;
    std::vector<std::string> setup;   // the raw lines before "---"
    std::string expected;
};

std::string readAll(const fsys::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return lines;
}

// The file's header comment (before the first "===") and its cases.
std::vector<Case> parseCatalogue(const std::string& text, std::string& header) {
    std::vector<Case> cases;
    size_t pos = 0;
    size_t first = text.rfind("=== ", 0) == 0 ? 0 : text.find("\n=== ");
    header = first == std::string::npos ? text : text.substr(0, first == 0 ? 0 : first + 1);
    if (first == std::string::npos) return cases;
    pos = first == 0 ? 0 : first + 1;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        REQUIRE(eol != std::string::npos);
        Case c;
        c.name = text.substr(pos + 4, eol - pos - 4);
        size_t sep = text.find("\n---\n", eol);
        REQUIRE_MESSAGE(sep != std::string::npos, "case without ---: " << c.name);
        c.setup = splitLines(text.substr(eol + 1, sep - eol));
        size_t body = sep + 5;
        size_t next = text.find("\n=== ", body - 1);
        size_t end = next == std::string::npos ? text.size() : next + 1;
        c.expected = text.substr(body, end - body);
        cases.push_back(c);
        pos = end;
    }
    return cases;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        char n = s[++i];
        if (n == 'n') out += '\n';
        else if (n == 't') out += '\t';
        else if (n == 's') out += ' ';
        else if (n == 'x' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else out += n;
    }
    return out;
}

// "P R N S" of @gen: prefix, repeated part, count, suffix (blank-separated,
// "\s" for a space inside a part, "" for an empty part).
std::string generate(const std::string& spec) {
    std::istringstream in(spec);
    std::string p, r, s;
    size_t n = 0;
    in >> p >> r >> n >> s;
    auto part = [](const std::string& x) { return x == "\"\"" ? std::string() : unescape(x); };
    std::string out = part(p);
    const std::string rep = part(r);
    out.reserve(out.size() + rep.size() * n + s.size());
    for (size_t i = 0; i < n; ++i) out += rep;
    return out + part(s);
}

void writeHostFile(Machine& m, const std::string& path, const std::string& content) {
    layerlab::engine::State s = m.state();
    s.host = s.host.withFile(path, content);
    m.setState(std::move(s));
}

// Runs a case's setup on `m` and returns the bad lines (or scenario text).
std::vector<std::string> runSetup(Machine& m, const Case& c, std::string& scenarioText) {
    std::vector<std::string> bad;
    for (size_t i = 0; i < c.setup.size(); ++i) {
        const std::string& line = c.setup[i];
        if (line.rfind("$ ", 0) == 0) {
            auto o = m.execute(line.substr(2));
            INFO("setup: " << line << "\n" << m.lastTerminalText());
            REQUIRE(o.exitCode == 0);
        } else if (line.rfind("@file ", 0) == 0) {
            std::string content;
            for (++i; i < c.setup.size() && c.setup[i] != "@end"; ++i) content += c.setup[i] + "\n";
            writeHostFile(m, line.substr(6), content);
        } else if (line.rfind("@gen ", 0) == 0) {
            std::istringstream in(line.substr(5));
            std::string path, rest;
            in >> path;
            std::getline(in, rest);
            writeHostFile(m, path, generate(rest));
        } else if (line.rfind("@scenario-gen ", 0) == 0) {
            scenarioText = generate(line.substr(14));
        } else if (line == "@keeps-build-cache") {
            // read by runMachineCase
        } else if (line.rfind("> ", 0) == 0 || line == ">") {
            bad.push_back(line.size() > 2 ? line.substr(2) : "");
        } else {
            REQUIRE_MESSAGE(line.empty(), "unknown catalogue line: " << line);
        }
    }
    return bad;
}

layerlab::cli::MachineOptions quietClock() {
    layerlab::cli::MachineOptions o;
    o.thinkTimeMs = 0;   // a change in the export is then the command's own
    return o;
}

// The State as the catalogue compares it. A failed `docker build` records
// itself, as BuildKit keeps failed builds in its history: buildHistory and
// lastBuild (what `why` and the picture read) and the build's own time on the
// clock. Everything else (images, layers, cache, containers, files, names,
// the random source) must be exactly as before.
// A case marked "@keeps-build-cache" is a build that fails after some steps
// completed: BuildKit keeps their cache (and the base image's layers it
// pulled), so buildCache and layers may grow too; images, tags, containers
// and files still may not change.
std::string comparable(const layerlab::engine::State& state, bool keepsBuildCache) {
    nlohmann::json j = layerlab::scenario::stateToJson(state);
    j.erase("buildHistory");
    j.erase("lastBuild");
    j.erase("clock");
    if (keepsBuildCache) {
        j.erase("buildCache");
        j.erase("layers");
    }
    return j.dump(1);
}

std::string runMachineCase(const Case& c) {
    Machine m(Machine::defaultState(1, "en"), quietClock());
    std::string unused;
    std::vector<std::string> bad = runSetup(m, c, unused);
    REQUIRE_MESSAGE(!bad.empty(), "case without a '>' line: " << c.name);
    const bool keepsCache = std::find(c.setup.begin(), c.setup.end(), "@keeps-build-cache") != c.setup.end();
    const std::string before = comparable(m.state(), keepsCache);
    std::string seen;
    for (const std::string& line : bad) {
        m.execute(line);
        seen += m.lastTerminalText();
    }
    // A bad command may leave an open heredoc or a question; the state must
    // still be the one before it.
    CHECK_MESSAGE(comparable(m.state(), keepsCache) == before, "the state changed: " << c.name);
    return seen;
}

std::string runScenarioCase(const Case& c) {
    Machine m(Machine::defaultState(1, "en"), quietClock());
    std::string text;
    std::vector<std::string> lines = runSetup(m, c, text);
    if (text.empty())
        for (const std::string& l : lines) text += l + "\n";
    auto r = layerlab::scenario::parseScenario(text);
    CHECK_MESSAGE(!r.scenario, "a bad scenario loaded: " << c.name);
    CHECK_MESSAGE(!r.errors.empty(), "a rejected scenario without a message: " << c.name);
    std::string seen;
    for (const std::string& e : r.errors) seen += e + "\n";
    return seen;
}

size_t runCatalogue(const std::string& file, bool scenario) {
    const fsys::path path = fsys::path(LAYERLAB_SOURCE_DIR) / "tests/data/bad_input" / file;
    std::string header;
    std::vector<Case> cases = parseCatalogue(readAll(path), header);
    const bool update = goldens::updating();
    std::string rewritten = header;
    for (const Case& c : cases) {
        CAPTURE(c.name);
        std::string got = scenario ? runScenarioCase(c) : runMachineCase(c);
        if (!got.empty() && got.back() != '\n') got += "\n";   // the file keeps whole lines
        if (update) {
            rewritten += "=== " + c.name + "\n";
            for (const std::string& l : c.setup) rewritten += l + "\n";
            rewritten += "---\n" + got;
        } else {
            CHECK(got == c.expected);
        }
    }
    if (update) std::ofstream(path, std::ios::binary) << rewritten;
    return cases.size();
}

size_t g_total = 0;

}   // namespace

TEST_CASE("bad input: broken Dockerfiles") { g_total += runCatalogue("dockerfile.txt", false); }
TEST_CASE("bad input: wrong docker command lines") { g_total += runCatalogue("docker_cli.txt", false); }
TEST_CASE("bad input: wrong host commands") { g_total += runCatalogue("host.txt", false); }
TEST_CASE("bad input: malformed scenario files") { g_total += runCatalogue("scenario.txt", true); }
TEST_CASE("bad input: the catalogue holds at least 100 cases") {
    size_t n = 0;
    for (const char* f : {"dockerfile.txt", "docker_cli.txt", "host.txt", "scenario.txt"}) {
        std::string header;
        n += parseCatalogue(readAll(fsys::path(LAYERLAB_SOURCE_DIR) / "tests/data/bad_input" / f), header).size();
    }
    CHECK(n >= 100);
}
