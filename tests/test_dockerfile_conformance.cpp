// BuildKit conformance: the parser corpus (exact AST dump bytes, negative
// cases, line numbers) and the shell-lexer corpus, read at test time from
// LAYERLAB_SHARED_DIR/conformance (see FORMAT.md in each folder).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace fs = std::filesystem;
using namespace layerlab::dockerfile;

namespace {

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> caseDirs(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.is_directory()) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string replaceCrlf(std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out.push_back(s[i]);
    }
    return out;
}

const fs::path kParserDir = fs::path(LAYERLAB_SHARED_DIR) / "conformance" / "buildkit-parser";
const fs::path kShellDir = fs::path(LAYERLAB_SHARED_DIR) / "conformance" / "buildkit-shell";

std::vector<std::string> splitOn(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) break;
        start = at + 1;
    }
    return out;
}

std::string trim(const std::string& s) { return std::string(unicode::trimSpace(s)); }

}   // namespace

TEST_CASE("dockerfile conformance: buildkit parser corpus") {
    const std::vector<fs::path> positive = caseDirs(kParserDir / "testfiles");
    const std::vector<fs::path> negative = caseDirs(kParserDir / "testfiles-negative");
    REQUIRE(positive.size() == 33);
    REQUIRE(negative.size() == 4);

    int positivePassed = 0;
    for (const fs::path& dir : positive) {
        const AstResult r = parseAst(readBytes(dir / "Dockerfile"));
        const std::string want = replaceCrlf(readBytes(dir / "result"));
        const std::string got = r.root ? dump(*r.root) + "\n" : "error: " + (r.error ? r.error->message : "");
        INFO("case " << dir.filename().string());
        CHECK(got == want);
        positivePassed += got == want ? 1 : 0;
    }
    int negativePassed = 0;
    for (const fs::path& dir : negative) {
        const AstResult r = parseAst(readBytes(dir / "Dockerfile"));
        INFO("case " << dir.filename().string());
        CHECK_FALSE(r.root.has_value());
        CHECK(r.error.has_value());
        negativePassed += (!r.root && r.error) ? 1 : 0;
    }
    MESSAGE("parser conformance: " << positivePassed << "/" << positive.size() << " positive, " << negativePassed << "/"
                                   << negative.size() << " negative");
    CHECK(positivePassed == 33);
    CHECK(negativePassed == 4);
}

TEST_CASE("dockerfile conformance: negative cases give BuildKit's messages") {
    const auto message = [](const char* name) {
        const AstResult r = parseAst(readBytes(kParserDir / "testfiles-negative" / name / "Dockerfile"));
        return r.error ? r.error->message : std::string("<no error>");
    };
    CHECK(message("empty_dockerfile") == "file with no instructions");
    CHECK(message("only_comments") == "file with no instructions");
    CHECK(message("env_no_value") == "ENV must have two arguments");
    CHECK(message("shykes-nested-json") == "when using JSON array syntax, arrays must be comprised of strings only");
}

TEST_CASE("dockerfile conformance: testfile-line line numbers") {
    const AstResult r = parseAst(readBytes(kParserDir / "testfile-line" / "Dockerfile"));
    REQUIRE(r.root.has_value());
    const Node& root = *r.root;
    CHECK(root.range.startLine == 5);
    CHECK(root.range.endLine == 31);
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].range.startLine == 5);
    CHECK(root.children[0].range.endLine == 5);
    CHECK(root.children[1].range.startLine == 11);
    CHECK(root.children[1].range.endLine == 12);
    CHECK(root.children[2].range.startLine == 17);
    CHECK(root.children[2].range.endLine == 31);
    // Its dump equals lines 1, 3 and 5 of brimstone-consuldock's result.
    const std::vector<std::string> lines =
        splitOn(readBytes(kParserDir / "testfiles" / "brimstone-consuldock" / "result"), '\n');
    REQUIRE(lines.size() >= 5);
    CHECK(dump(root) == lines[0] + "\n" + lines[2] + "\n" + lines[4]);
}

TEST_CASE("dockerfile conformance: buildkit shell corpus (normal mode)") {
    shell::Env envVarEnv;
    envVarEnv.vars = {{"PWD", "/home"}, {"SHELL", "bash"}, {"KOREAN", "한국어"}, {"NULL", ""}};
    int envCases = 0, envPassed = 0;
    {
        std::istringstream in(readBytes(kShellDir / "envVarTest"));
        std::string line;
        int lineNo = 0;
        while (std::getline(in, line)) {
            ++lineNo;
            if (!line.empty() && line[0] == '#') continue;
            line = trim(line);
            if (line.empty()) continue;
            const std::vector<std::string> fields = splitOn(line, '|');
            INFO("envVarTest line " << lineNo << ": " << line);
            REQUIRE(fields.size() == 3);
            const std::string platform = trim(fields[0]);
            REQUIRE((platform == "A" || platform == "U" || platform == "W"));
            if (platform == "W") continue;
            const std::string input = trim(fields[1]);
            const std::string expected = trim(fields[2]);
            const shell::Expansion e = shell::processWord(input, envVarEnv);
            const bool pass = expected == "error" ? !e.ok : (e.ok && e.value == expected);
            CHECK(pass);
            if (!pass) MESSAGE("got ok=" << e.ok << " value='" << e.value << "' error=" << e.error);
            ++envCases;
            envPassed += pass ? 1 : 0;
        }
    }
    int wordCases = 0, wordPassed = 0;
    {
        shell::Env env;
        std::istringstream in(readBytes(kShellDir / "wordsTest"));
        std::string line;
        int lineNo = 0;
        while (std::getline(in, line)) {
            ++lineNo;
            if (!line.empty() && line[0] == '#') continue;
            if (line.rfind("ENV ", 0) == 0) {
                std::string entry = line.substr(3);
                entry.erase(0, entry.find_first_not_of(' '));
                const std::size_t eq = entry.find('=');
                if (eq == std::string::npos) env.vars.push_back({entry, ""});
                else env.vars.push_back({entry.substr(0, eq), entry.substr(eq + 1)});
                continue;
            }
            const std::vector<std::string> fields = splitOn(line, '|');
            INFO("wordsTest line " << lineNo << ": " << line);
            REQUIRE(fields.size() == 2);
            const std::string input = trim(fields[0]);
            std::string want = fields[1];
            want.erase(0, want.find_first_not_of(' '));
            const std::vector<std::string> expected = splitOn(want, ',');
            const shell::Expansion e = shell::processWords(input, env);
            const std::vector<std::string> got = e.ok ? e.words : std::vector<std::string>{"error"};
            CHECK(got == expected);
            ++wordCases;
            wordPassed += got == expected ? 1 : 0;
        }
    }
    MESSAGE("shell conformance: envVarTest " << envPassed << "/" << envCases << ", wordsTest " << wordPassed << "/"
                                             << wordCases);
    CHECK(envCases == 228);
    CHECK(envPassed == envCases);
    CHECK(wordCases == 24);
    CHECK(wordPassed == wordCases);
}
