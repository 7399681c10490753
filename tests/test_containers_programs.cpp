// Containers: the simulated programs, data-driven from
// tests/data/containers/programs.txt (see its header for the format).
#include <doctest/doctest.h>

#include "containers_fixture.hpp"
#include "sim/engine/containers/process_model.hpp"

using namespace layerlab;
using namespace layerlab::engine;
using namespace layerlab::engine::containers;

namespace {

struct Case {
    std::string name;
    std::vector<std::string> argv;
    fs::FileTree files;
    std::vector<std::string> env;
    std::vector<std::string> expect;
};

std::vector<Case> loadCases() {
    std::istringstream in(test::readData("programs.txt"));
    std::vector<Case> cases;
    std::string line, section, file, content;
    auto flushFile = [&]() {
        if (!file.empty() && !cases.empty()) cases.back().files = cases.back().files.withFile(file, content);
        file.clear();
        content.clear();
    };
    while (std::getline(in, line)) {
        if (section.empty() && line.rfind("#", 0) == 0) continue;
        if (line.rfind("=== ", 0) == 0) {
            flushFile();
            cases.push_back({line.substr(4), {}, {}, {}, {}});
            section = "name";
            continue;
        }
        if (line.rfind("--- ", 0) == 0) {
            flushFile();
            section = line.substr(4);
            if (section.rfind("file ", 0) == 0) {
                file = section.substr(5);
                section = "file";
            }
            continue;
        }
        if (cases.empty()) continue;
        Case& c = cases.back();
        if (section == "argv") {
            if (line.rfind("/bin/sh -c ", 0) == 0) c.argv = {"/bin/sh", "-c", line.substr(11)};
            else {
                std::istringstream words(line);
                for (std::string w; words >> w;) c.argv.push_back(w);
            }
        } else if (section == "file") {
            content += line + "\n";
        } else if (section == "env") {
            c.env.push_back(line);
        } else if (section == "expect" && !line.empty()) {
            c.expect.push_back(line);
        }
    }
    flushFile();
    return cases;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

}   // namespace

TEST_CASE("containers programs: simulated programs read their own source (data)") {
    const std::vector<Case> cases = loadCases();
    CHECK(cases.size() >= 10);
    for (const Case& c : cases) {
        CAPTURE(c.name);
        ProgramContext ctx;
        ctx.argv = c.argv;
        ctx.rootfs = c.files;
        ctx.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NODE_VERSION=23.6.0",
                   "PYTHON_VERSION=3.13.1"};
        ctx.env.insert(ctx.env.end(), c.env.begin(), c.env.end());
        ctx.workdir = "/app";
        ctx.hostname = "0123456789ab";
        Program p = startProgram(ctx);
        REQUIRE(!c.expect.empty());
        const std::string& kind = c.expect[0];
        if (kind.rfind("error ", 0) == 0) {
            CHECK(p.startError == kind.substr(6));
            continue;
        }
        CHECK(p.startError.empty());
        if (kind.rfind("exits ", 0) == 0) {
            CHECK(p.kind == Program::Kind::Exits);
            CHECK(p.exitCode == std::stoi(kind.substr(6)));
        } else if (kind.rfind("serves ", 0) == 0) {
            CHECK(p.kind == Program::Kind::Serves);
            CHECK(p.http.port == std::stoi(kind.substr(7)));
        } else {
            CHECK(p.kind == Program::Kind::Waits);
        }
        std::vector<std::string> lines;
        for (const OutputLine& l : p.output) lines.push_back((l.stderrStream ? "err: " : "out: ") + l.text);
        std::vector<std::string> expectedLines;
        for (size_t i = 1; i < c.expect.size(); ++i) {
            const std::string& e = c.expect[i];
            if (e.rfind("out: ", 0) == 0 || e.rfind("err: ", 0) == 0 || e == "err:" || e == "out:")
                expectedLines.push_back(e.size() == 4 ? e + " " : e);
            if (e.rfind("GET ", 0) == 0) {
                size_t arrow = e.find(" -> ");
                REQUIRE(arrow != std::string::npos);
                std::string path = e.substr(4, arrow - 4), want = e.substr(arrow + 4);
                int status = 200;
                if (want.size() >= 4 && want.substr(0, 3) == "404" && want[3] == ' ') {
                    status = 404;
                    want = want.substr(4);
                }
                HttpAnswer a = answerHttp(p.http, ctx.rootfs, path);
                CAPTURE(path);
                CHECK(a.status == status);
                CHECK(a.body == unescape(want));
            }
        }
        CHECK(lines == expectedLines);
    }
}
