// The simulated host (sim/cli/machine, host_shell, sim/shell/syntax,
// default_context): bash's words and coreutils' errors, heredocs, redirection,
// undo, the default course context, and `layerlab shell` options.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/cli/default_context.hpp"
#include "sim/cli/machine.hpp"
#include "frontend/repl.hpp"
#include "sim/shell/syntax.hpp"

using namespace layerlab::cli;
using namespace layerlab::frontend;   // `layerlab shell` options live in the front end

namespace {
std::string fileText(const Machine& m, const std::string& path) {
    const auto* e = m.state().host.find(path);
    return e && e->content ? *e->content : std::string("<missing>");
}
std::string run(Machine& m, const std::string& line) {
    m.execute(line);
    return m.lastTerminalText();
}
}   // namespace

TEST_CASE("cli shell syntax: quotes, operators, assignments, heredocs") {
    using layerlab::shell::Flavour;
    using layerlab::shell::Node;
    using layerlab::shell::parse;
    using layerlab::shell::ParseResult;
    SUBCASE("words and quotes") {
        CHECK(layerlab::shell::firstCommandWords(R"(echo 'a  b' "c \"d\"" e\ f)") ==
              std::vector<std::string>{"echo", "a  b", "c \"d\"", "e f"});
    }
    SUBCASE("assignment prefix and redirection") {
        ParseResult r = parse("DOCKER_BUILDKIT=0 docker build -t x . > log.txt", Flavour::Bash);
        REQUIRE(r.status == ParseResult::Status::Ok);
        REQUIRE(r.list.kids.size() == 1);
        const Node& c = r.list.kids[0];
        CHECK(c.words.size() == 6);
        CHECK(c.words[0][0].text == "DOCKER_BUILDKIT=0");
        REQUIRE(c.redirects.size() == 1);
        CHECK(c.redirects[0].target[0].text == "log.txt");
    }
    SUBCASE("&& || ; and comments") {
        ParseResult r = parse("docker stop web && docker rm web; ls # done", Flavour::Bash);
        REQUIRE(r.list.kids.size() == 2);
        CHECK(r.list.kids[0].kind == Node::Kind::AndOr);
        CHECK(r.list.kids[0].ops == std::vector<std::string>{"&&"});
        CHECK(r.list.kids[1].words.size() == 1);
    }
    SUBCASE("errors, and what used to be refused now parses") {
        CHECK(parse("echo 'open", Flavour::Bash).error == "bash: unexpected EOF while looking for matching `''");
        CHECK(parse("&& ls", Flavour::Bash).error == "bash: syntax error near unexpected token `&&'");
        CHECK(parse("docker ps | grep web", Flavour::Bash).status == ParseResult::Status::Ok);
        CHECK(parse("docker rm $(docker ps -aq)", Flavour::Bash).status == ParseResult::Status::Ok);
        CHECK(parse("docker build . 2>&1", Flavour::Bash).status == ParseResult::Status::Ok);
        CHECK(parse("for i in 1 2; do", Flavour::Bash).status == ParseResult::Status::Incomplete);
    }
    SUBCASE("heredoc") {
        CHECK(parse("cat > server.js <<'EOF'", Flavour::Bash).status == ParseResult::Status::Incomplete);
        ParseResult r = parse("cat > a.txt <<'EOF'\nline 1\n$HOME stays\nEOF", Flavour::Bash);
        REQUIRE(r.status == ParseResult::Status::Ok);
        REQUIRE(r.list.kids.size() == 1);
        const auto& redirects = r.list.kids[0].redirects;
        REQUIRE(redirects.size() == 2);
        CHECK_FALSE(redirects[1].heredocExpand);
        CHECK(redirects[1].heredoc == "line 1\n$HOME stays\n");
    }
}

TEST_CASE("cli machine: the default context is the course's node app, equal to assets/context/node-app") {
    namespace fsys = std::filesystem;
    const fsys::path dir = fsys::path(LAYERLAB_SOURCE_DIR) / "assets/context/node-app";
    size_t onDisk = 0;
    for (const auto& e : fsys::directory_iterator(dir)) {
        (void)e;
        ++onDisk;
    }
    CHECK(onDisk == defaultContextFiles().size());
    for (const auto& file : defaultContextFiles()) {
        const auto& name = file.first;   // named: clang 14 cannot capture a structured binding in CAPTURE
        const auto& content = file.second;
        CAPTURE(name);
        std::ifstream in(dir / name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        CHECK(ss.str() == content);
    }
    Machine m;
    CHECK(m.prompt() == "learner@layerlab:~/app$ ");
    CHECK(fileText(m, "package.json").find("\"express\": \"^4.18.2\"") != std::string::npos);
    CHECK(fileText(m, "Dockerfile.notes").rfind("FROM node # ", 0) == 0);
}

TEST_CASE("cli machine: host commands speak bash and coreutils") {
    Machine m;
    CHECK(run(m, "ls") == "Dockerfile  Dockerfile.notes  package.json  server.js\n");
    CHECK(run(m, "cat nope") == "cat: nope: No such file or directory\n");
    CHECK(m.execute("cat nope").exitCode == 1);
    CHECK(run(m, "foo") == "bash: foo: command not found\n");
    CHECK(m.execute("foo").exitCode == 127);
    CHECK(run(m, "rm nope") == "rm: cannot remove 'nope': No such file or directory\n");
    CHECK(run(m, "mkdir src") == "");
    CHECK(run(m, "mkdir src") == "mkdir: cannot create directory \u2018src\u2019: File exists\n");
    CHECK(run(m, "rm src") == "rm: cannot remove 'src': Is a directory\n");
    CHECK(run(m, "cd nope") == "bash: cd: nope: No such file or directory\n");
    CHECK(run(m, "cd src") == "");
    CHECK(m.prompt() == "learner@layerlab:~/app/src$ ");
    CHECK(run(m, "pwd") == "/home/learner/app/src\n");
    CHECK(run(m, "cd ..") == "");
    CHECK(run(m, "echo x > nope/y") == "bash: nope/y: No such file or directory\n");
    CHECK(run(m, "cat src") == "cat: src: Is a directory\n");
    CHECK(run(m, "chmod +x nope") == "chmod: cannot access 'nope': No such file or directory\n");
    CHECK(run(m, "touch nope/x") == "touch: cannot touch 'nope/x': No such file or directory\n");
    CHECK(run(m, "cd /etc").find("bash: cd: /etc: outside ~/app") == 0);
}

TEST_CASE("cli machine: echo > >>, heredocs, touch, chmod edit the build context") {
    Machine m;
    m.execute("echo hello > a.txt");
    m.execute("echo world >> a.txt");
    CHECK(fileText(m, "a.txt") == "hello\nworld\n");
    CHECK(m.execute("cat > server.js <<'EOF'").out.empty());
    CHECK(m.needsMoreInput());
    CHECK(m.prompt() == "> ");
    m.execute("console.log(`${1 + 1}`);");
    m.execute("EOF");
    CHECK_FALSE(m.needsMoreInput());
    CHECK(fileText(m, "server.js") == "console.log(`${1 + 1}`);\n");
    CHECK(m.commandLog().back() == "cat > server.js <<'EOF'\nconsole.log(`${1 + 1}`);\nEOF");

    const auto before = *m.state().host.find("a.txt");
    m.execute("touch a.txt");
    const auto after = *m.state().host.find("a.txt");
    CHECK(after.content == before.content);
    CHECK(after.mode == before.mode);
    CHECK(after.mtimeMs > before.mtimeMs);
    m.execute("chmod +x a.txt");
    CHECK(m.state().host.find("a.txt")->mode == 0755);
    m.execute("chmod 600 a.txt");
    CHECK(m.state().host.find("a.txt")->mode == 0600);
    m.execute("rm a.txt");
    CHECK_FALSE(m.state().host.exists("a.txt"));
}

TEST_CASE("cli machine: && stops at a failure, undo restores the state before a command") {
    Machine m;
    m.execute("cat nope && echo never > b.txt");
    CHECK_FALSE(m.state().host.exists("b.txt"));
    m.execute("cat nope || echo fallback > b.txt");
    CHECK(fileText(m, "b.txt") == "fallback\n");
    m.execute("rm b.txt");
    CHECK_FALSE(m.state().host.exists("b.txt"));
    CHECK(m.undo());
    CHECK(fileText(m, "b.txt") == "fallback\n");
}

TEST_CASE("cli machine: layerlab shell options") {
    auto a = parseShellArgs({"--lang", "ko", "--seed=7", "--context", "/nonexistent/layerlab-ctx", "--lesson", "3"});
    CHECK(a.error.empty());
    CHECK(a.options.lang == "ko");
    CHECK(a.options.seed == 7);
    CHECK(a.options.contextDir == "/nonexistent/layerlab-ctx");
    CHECK(a.options.extraArgs == std::vector<std::string>{"--lesson", "3"});
    CHECK(parseShellArgs({"--lang", "fr"}).error == "layerlab shell: --lang must be ko or en");
    CHECK(parseShellArgs({"--seed", "x"}).error == "layerlab shell: --seed needs a number");
    auto missing = makeShellMachine(a.options, false);
    CHECK(missing.error.find("layerlab shell: --context") == 0);
}
