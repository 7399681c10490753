// Dockerfiles beyond the corpus (tests/data/dockerfile/extra): the probe
// results of FORMAT.md section 9, BuildKit's instruction errors and checks.
// Each NAME.Dockerfile has one or more expectation files:
//   NAME.dump      `layerlab parse --dump` output (parseAst)
//   NAME.asterror  parseAst's error, formatted
//   NAME.error     parseDockerfile's error, formatted
//   NAME.warnings  parseDockerfile's BuildKit-check warnings, formatted, one a line
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/limits.hpp"

namespace fs = std::filesystem;
using namespace layerlab::dockerfile;

namespace {

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const fs::path kExtraDir = fs::path(LAYERLAB_SOURCE_DIR) / "tests" / "data" / "dockerfile" / "extra";

}   // namespace

TEST_CASE("dockerfile extra cases (data-driven)") {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kExtraDir)) {
        if (e.path().extension() == ".Dockerfile") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 70);
    int checked = 0;
    for (const fs::path& file : files) {
        const std::string source = readBytes(file);
        const fs::path base = file.parent_path() / file.stem();
        INFO("case " << file.filename().string());
        int expectations = 0;
        if (fs::exists(base.string() + ".dump")) {
            ++expectations;
            const AstResult r = parseAst(source);
            const std::string got = r.root ? dump(*r.root) + "\n" : "error: " + r.error->formatted();
            CHECK(got == readBytes(base.string() + ".dump"));
        }
        if (fs::exists(base.string() + ".asterror")) {
            ++expectations;
            const AstResult r = parseAst(source);
            const std::string got = r.error ? r.error->formatted() + "\n" : "<parsed>";
            CHECK(got == readBytes(base.string() + ".asterror"));
            CHECK_FALSE(parseDockerfile(source).ok());
        }
        if (fs::exists(base.string() + ".error")) {
            ++expectations;
            const ParseResult r = parseDockerfile(source);
            const std::string got = r.error ? r.error->formatted() + "\n" : "<parsed>";
            CHECK(got == readBytes(base.string() + ".error"));
            CHECK_FALSE(r.dockerfile.has_value());
        }
        if (fs::exists(base.string() + ".warnings")) {
            ++expectations;
            const ParseResult r = parseDockerfile(source);
            CHECK(r.ok());
            std::string got;
            for (const Diagnostic& w : r.warnings) {
                if (w.origin != Diagnostic::Origin::Teaching) got += w.formatted() + "\n";
            }
            CHECK(got == readBytes(base.string() + ".warnings"));
        }
        CHECK(expectations > 0);
        checked += expectations > 0 ? 1 : 0;
    }
    MESSAGE("dockerfile extra cases: " << checked << " files checked");
}

TEST_CASE("dockerfile heredocs: bodies, quoting, chomp, descriptors") {
    SUBCASE("RUN body keeps its lines") {
        const AstResult r = parseAst("FROM x\nRUN <<EOF\necho hi\n\techo tab\nEOF\nUSER me\n");
        REQUIRE(r.root);
        REQUIRE(r.root->children.size() == 3);
        const Node& run = r.root->children[1];
        REQUIRE(run.heredocs.size() == 1);
        CHECK(run.heredocs[0].name == "EOF");
        CHECK(run.heredocs[0].content == "echo hi\n\techo tab\n");
        CHECK(run.heredocs[0].expand);
        CHECK_FALSE(run.heredocs[0].chomp);
        CHECK(run.range.startLine == 2);
        CHECK(run.range.endLine == 5);
        CHECK(r.root->children[2].range.startLine == 6);
    }
    SUBCASE("quoted name: no expansion; <<- chomps tabs; fd digits") {
        const AstResult r = parseAst("RUN 3<<-'END' cat\n\tline\n\tEND\n");
        REQUIRE(r.root);
        const Node& run = r.root->children[0];
        REQUIRE(run.heredocs.size() == 1);
        CHECK(run.heredocs[0].name == "END");
        CHECK_FALSE(run.heredocs[0].expand);
        CHECK(run.heredocs[0].chomp);
        CHECK(run.heredocs[0].fileDescriptor == 3);
        CHECK(run.heredocs[0].content == "\tline\n");
    }
    SUBCASE("CRLF bodies keep their line endings") {
        const AstResult r = parseAst("RUN <<EOF\r\na\r\nEOF\r\n");
        REQUIRE(r.root);
        CHECK(r.root->children[0].heredocs[0].content == "a\r\n");
    }
    SUBCASE("COPY heredoc sources become typed heredocs") {
        const ParseResult r = parseDockerfile("FROM x\nCOPY <<-A <<B /dst/\n\ta\nA\nb\nB\n");
        REQUIRE(r.dockerfile);
        const auto& copy = std::get<CopyInstruction>(r.dockerfile->stages[0].commands[0].instruction);
        CHECK(copy.sources == std::vector<std::string>{"<<-A", "<<B"});
        CHECK(copy.destination == "/dst/");
        REQUIRE(copy.heredocs.size() == 2);
        CHECK(copy.heredocs[0].content == "a\n");   // chomped
        CHECK(copy.heredocs[1].content == "b\n");
    }
    SUBCASE("cat<<EOF is not a heredoc") {
        const AstResult r = parseAst("RUN cat<<EOF\nEOF\n");
        REQUIRE(r.root);
        CHECK(r.root->children.size() == 2);
        CHECK(r.root->children[0].heredocs.empty());
    }
    SUBCASE("ONBUILD RUN heredoc") {
        const ParseResult r = parseDockerfile("FROM x\nONBUILD RUN <<EOF\necho\nEOF\n");
        REQUIRE(r.dockerfile);
        const auto& on = std::get<OnbuildInstruction>(r.dockerfile->stages[0].commands[0].instruction);
        CHECK(on.expression == "RUN <<EOF\necho\nEOF");
    }
}

TEST_CASE("dockerfile physical lines: over-long line") {
    const std::string ok = "FROM x\nRUN " + std::string(65531, 'a') + "\n";   // 65535 bytes + LF
    CHECK(parseAst(ok).root.has_value());
    const std::string bad = "FROM x\nRUN " + std::string(65532, 'a') + "\n";   // 65536 bytes + LF
    const AstResult r = parseAst(bad);
    REQUIRE(r.error);
    CHECK(r.error->message == "dockerfile line greater than max allowed size of 65535");
    CHECK(r.error->range.startLine == 2);
}

TEST_CASE("dockerfile typed instructions and stages") {
    const ParseResult r = parseDockerfile(
        "# syntax=docker/dockerfile:1\n"
        "ARG BASE=alpine:3.19\n"
        "FROM --platform=$BUILDPLATFORM ${BASE} AS Build\n"
        "ENV A=1 B=\"two words\"\n"
        "RUN --mount=type=cache,target=/var/cache/apk --network=none apk add curl\n"
        "COPY --chown=1000:1000 --chmod=0644 --link a b /dst/\n"
        "EXPOSE 8080 53/udp\n"
        "HEALTHCHECK --interval=30s CMD [\"curl\", \"-f\", \"http://localhost\"]\n"
        "FROM scratch\n"
        "COPY --from=build /out /\n"
        "CMD [\"/out\"]\n");
    REQUIRE(r.dockerfile);
    const Dockerfile& df = *r.dockerfile;
    CHECK(df.syntax == "docker/dockerfile:1");
    REQUIRE(df.metaArgs.size() == 1);
    CHECK(df.metaArgs[0].name == "BASE");
    CHECK(df.metaArgs[0].defaultValue == std::optional<std::string>("alpine:3.19"));
    REQUIRE(df.stages.size() == 2);
    CHECK(df.stages[0].name == "build");
    CHECK(df.stages[0].baseImage == "${BASE}");
    CHECK(df.stages[0].platform == "$BUILDPLATFORM");
    CHECK(df.stages[0].from.range.startLine == 3);
    REQUIRE(df.stages[0].commands.size() == 5);
    const auto& env = std::get<EnvInstruction>(df.stages[0].commands[0].instruction);
    REQUIRE(env.pairs.size() == 2);
    CHECK(env.pairs[1].key == "B");
    CHECK(env.pairs[1].value == "\"two words\"");   // raw: the builder expands
    const auto& run = std::get<RunInstruction>(df.stages[0].commands[1].instruction);
    CHECK(run.shellForm);
    CHECK(run.args == std::vector<std::string>{"apk add curl"});
    CHECK(run.mounts == std::vector<std::string>{"type=cache,target=/var/cache/apk"});
    CHECK(run.network == "none");
    const auto& copy = std::get<CopyInstruction>(df.stages[0].commands[2].instruction);
    CHECK(copy.sources == std::vector<std::string>{"a", "b"});
    CHECK(copy.destination == "/dst/");
    CHECK(copy.chown == "1000:1000");
    CHECK(copy.chmod == "0644");
    CHECK(copy.link);
    const auto& expose = std::get<ExposeInstruction>(df.stages[0].commands[3].instruction);
    CHECK(expose.ports == std::vector<std::string>{"53/udp", "8080"});   // BuildKit sorts them
    const auto& hc = std::get<HealthcheckInstruction>(df.stages[0].commands[4].instruction);
    CHECK(hc.type == "CMD");
    CHECK_FALSE(hc.shellForm);
    CHECK(hc.test == std::vector<std::string>{"curl", "-f", "http://localhost"});
    CHECK(df.stages[1].index == 1);
    CHECK(std::get<CopyInstruction>(df.stages[1].commands[0].instruction).from == "build");
    const auto& cmd = std::get<CmdInstruction>(df.stages[1].commands[1].instruction);
    CHECK_FALSE(cmd.shellForm);
    CHECK(df.stages[1].commands[1].keyword == "CMD");
    CHECK(df.stages[1].commands[1].original == "CMD [\"/out\"]");
    CHECK(df.stages[1].commands[1].range.startLine == 11);
}

TEST_CASE("dockerfile shell lexer beyond the corpus") {
    shell::Env env;
    env.vars = {{"x", "aabbcc"}, {"p", "/usr/local/bin"}, {"e", ""}};
    const auto word = [&](const char* w) {
        const shell::Expansion e = shell::processWord(w, env);
        return e.ok ? e.value : "error: " + e.error;
    };
    CHECK(word("${x#a*b}") == "bcc");
    CHECK(word("${x##a*b}") == "cc");
    CHECK(word("${x%b*c}") == "aab");
    CHECK(word("${x%%b*c}") == "aa");
    CHECK(word("${x/b/X}") == "aaXbcc");
    CHECK(word("${x//b/X}") == "aaXXcc");
    CHECK(word("${p##*/}") == "bin");
    CHECK(word("${p%/*}") == "/usr/local");
    CHECK(word("${e-default}") == "");
    CHECK(word("${e:-default}") == "default");
    CHECK(word("${unset-default}") == "default");
    CHECK(word("${e+alt}") == "alt");
    CHECK(word("${e:+alt}") == "");
    CHECK(word("${unset:?must be set}") == "error: failed to process \"${unset:?must be set}\": unset: must be set");
    CHECK(shell::processWord("`$x", env, '`').value == "$x");
    CHECK(shell::processWords("a \"b c\" 'd e'", env).words == std::vector<std::string>{"a", "b c", "d e"});
}

TEST_CASE("dockerfile hostile input stays bounded") {
    SUBCASE("patterns with many stars are not exponential") {
        shell::Env env;
        env.vars = {{"x", std::string(3000, 'a')}};
        const shell::Expansion e = shell::processWord("${x#*a*a*a*a*a*a*a*a*a*a*a*a*b}", env);
        CHECK(e.ok);
        CHECK(e.value == std::string(3000, 'a'));
    }
    SUBCASE("deeply nested substitutions are refused, not a stack overflow") {
        std::string word;
        for (int i = 0; i < 20000; ++i) word += "${a:-";
        const shell::Expansion e = shell::processWord(word, shell::Env{});
        CHECK_FALSE(e.ok);
    }
    SUBCASE("ONBUILD nested to the line limit") {
        std::string line;
        while (line.size() < 65000) line += "ONBUILD ";
        line += "RUN x\n";
        const AstResult r = parseAst(line);
        REQUIRE(r.root);
        CHECK(dump(*r.root).rfind("(onbuild (onbuild", 0) == 0);
        // Nested to limits::kOnbuildNesting, then the rest is one word: the AST
        // stays shallow enough for the browser's call stack.
        const Node* n = &r.root->children[0];
        int depth = 1;
        while (!n->next.empty() && !n->next[0].children.empty()) {
            n = &n->next[0].children[0];
            ++depth;
        }
        CHECK(depth == layerlab::limits::kOnbuildNesting);
        REQUIRE(n->next.size() == 1);
        CHECK(n->next[0].value.rfind("ONBUILD ONBUILD", 0) == 0);
        CHECK(n->next[0].value.size() > 60000);
        const ParseResult p = parseDockerfile("FROM x\n" + line);
        REQUIRE(p.error);
        CHECK(p.error->message == "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }
}
