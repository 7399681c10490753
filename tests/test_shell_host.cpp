// The one shell model where it meets the rest: the host terminal (Machine:
// multi-line commands, variables across lines, the editors, the loop limit)
// and RUN (control structures now run; the image decides the sh flavour).
#include <doctest/doctest.h>

#include "sim/cli/machine.hpp"
#include "sim/engine/run/simulator.hpp"

using namespace layerlab;
using cli::Machine;

namespace {
std::string run(Machine& m, const std::string& line) {
    m.execute(line);
    return m.lastTerminalText();
}
std::string fileText(const Machine& m, const std::string& path) {
    const auto* e = m.state().host.find(path);
    return e && e->content ? *e->content : std::string("<missing>");
}
std::string logText(const engine::run::RunResult& r) {
    std::string s;
    for (const auto& l : r.output) s += l.text + "\n";
    return s;
}
engine::run::RunRequest shReq(const std::string& script, fs::FileTree root = {}) {
    engine::run::RunRequest r;
    r.argv = {"/bin/sh", "-c", script};
    r.rootfs = root.withDirectory("app");
    r.workdir = "/app";
    return r;
}
}   // namespace

TEST_CASE("shell host: an open loop or && asks for more lines, then runs once") {
    Machine m;
    CHECK(run(m, "for i in 1 2; do") == "");
    CHECK(m.needsMoreInput());
    CHECK(m.prompt() == "> ");
    CHECK(run(m, "echo n$i") == "");
    CHECK(run(m, "done") == "n1\nn2\n");
    CHECK_FALSE(m.needsMoreInput());
    CHECK(m.commandLog().back() == "for i in 1 2; do\necho n$i\ndone");
    CHECK(run(m, "echo a &&") == "");
    CHECK(run(m, "echo b") == "a\nb\n");
}

TEST_CASE("shell host: variables and $? live across lines; docker sees only exported ones") {
    Machine m;
    m.execute("NAME=web");
    CHECK(run(m, "echo $NAME") == "web\n");
    m.execute("cat nope");
    CHECK(run(m, "echo $?") == "1\n");
    CHECK(run(m, "env | grep NAME") == "");
    m.execute("export NAME");
    CHECK(run(m, "env | grep NAME") == "NAME=web\n");
}

TEST_CASE("shell host: loops stop at LayerLab's limit with a clear message, in the session language") {
    Machine m;
    CHECK(run(m, "while true; do :; done") ==
          "layerlab: loop stopped after 1000 iterations (LayerLab's limit for a simulated loop)\n");
    CHECK(m.execute("while true; do :; done").exitCode == 1);
    Machine ko(Machine::defaultState(1, "ko"));
    CHECK(run(ko, "while true; do :; done").find("1000번") != std::string::npos);
}

TEST_CASE("shell host: nano/vi/edit use the front end's editor, or are refused with a heredoc hint") {
    Machine script;
    CHECK(run(script, "nano server.js") ==
          "nano: LayerLab cannot open an editor here (a script or the window). Write the file with a heredoc: "
          "cat > server.js <<'EOF' (then the lines, then EOF)\n");
    CHECK(script.execute("vi x").exitCode == 1);
    Machine ko(Machine::defaultState(1, "ko"));
    CHECK(run(ko, "edit a.txt").find("heredoc으로 파일을 쓰세요: cat > a.txt <<'EOF'") != std::string::npos);

    cli::MachineOptions options;
    std::string seen;
    options.editor = [&](const std::string& name, const std::string& text) -> std::optional<std::string> {
        seen = name + ":" + text;
        return text + "// edited\n";
    };
    Machine m(Machine::defaultState(), options);
    CHECK(run(m, "vi notes.txt") == "");
    CHECK(seen == "notes.txt:");
    CHECK(fileText(m, "notes.txt") == "// edited\n");
    CHECK(run(m, "edit notes.txt") == "");
    CHECK(fileText(m, "notes.txt") == "// edited\n// edited\n");
    CHECK(run(m, "nano /etc/hosts").find("nano: /etc/hosts: outside ~/app") == 0);
    CHECK(m.undo());
    CHECK(fileText(m, "notes.txt") == "// edited\n");
}

TEST_CASE("shell host: cp, mv, globs and redirections edit the build context") {
    Machine m;
    CHECK(run(m, "cp Dockerfile Other.Dockerfile && ls *.Dockerfile") == "Other.Dockerfile\n");
    CHECK(fileText(m, "Other.Dockerfile") == fileText(m, "Dockerfile"));
    CHECK(run(m, "mv Other.Dockerfile x && ls x") == "x\n");
    CHECK(run(m, "ls nope 2> err.txt; cat err.txt") == "ls: cannot access 'nope': No such file or directory\n");
    CHECK(run(m, "printf 'node_modules\\n' > .dockerignore; cat .dockerignore") == "node_modules\n");
    CHECK(run(m, "cp nope y") == "cp: cannot stat 'nope': No such file or directory\n");
}

TEST_CASE("shell run: if, for and while now run inside a RUN") {
    auto r = engine::run::simulateRun(
        shReq("for d in a b; do mkdir -p /data/$d; done; if [ -d /data/b ]; then echo yes; else echo no; fi; "
              "i=0; while [ $i -lt 2 ]; do i=$((i+1)); touch /data/f$i; done"));
    CHECK(r.exitCode == 0);
    CHECK(logText(r) == "yes\n");
    CHECK(r.rootfs.isDirectory("data/a"));
    CHECK(r.rootfs.isDirectory("data/b"));
    CHECK(r.rootfs.exists("data/f2"));
    CHECK(r.unmodelled.empty());
}

TEST_CASE("shell run: the image's /bin/sh decides the flavour (dash, or busybox ash in Alpine)") {
    auto debian = engine::run::simulateRun(shReq("cd /nope"));
    CHECK(logText(debian) == "/bin/sh: 1: cd: can't cd to /nope\n");
    fs::FileTree alpine = fs::FileTree().withFile("bin/busybox", "ELF", 0755);
    auto ash = engine::run::simulateRun(shReq("cd /nope", alpine));
    CHECK(ash.exitCode == 2);
    CHECK(logText(ash) == "/bin/sh: cd: line 0: can't cd to /nope: No such file or directory\n");
    auto echo = engine::run::simulateRun(shReq("echo 'a\\tb'", alpine));
    CHECK(logText(echo) == "a\\tb\n");
    auto dashEcho = engine::run::simulateRun(shReq("echo 'a\\tb'"));
    CHECK(logText(dashEcho) == "a\tb\n");
    auto setE = engine::run::simulateRun(shReq("set -e; false; echo never"));
    CHECK(setE.exitCode == 1);
    CHECK(logText(setE) == "");
}

TEST_CASE("shell host: nesting and loops have limits, and odd input never crashes") {
    Machine m;
    CHECK(run(m, "for i in $(seq 200); do for j in $(seq 200); do :; done; done; echo after") ==
          "layerlab: loops stopped after 10000 iterations in all (LayerLab's limit for simulated loops)\n");
    CHECK(run(m, "echo " + std::string(5000, '(')) == "bash: syntax error near unexpected token `('\n");
    CHECK(run(m, "echo $((" + std::string(300, '(') + "1" + std::string(300, ')') + "))")
              .find(": syntax error: operand expected (error token is") != std::string::npos);
    // A deterministic spray of shell punctuation: every line ends with an
    // answer (or a request for more input), never a crash or a hang.
    const std::string alphabet = " \t'\"`$(){}[]|&;<>*?!#=\\~-0123456789abcdeEOF\n";
    uint64_t x = 12345;
    for (int n = 0; n < 1500; ++n) {
        std::string line;
        size_t len = 1 + n % 24;
        for (size_t i = 0; i < len; ++i) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            line += alphabet[(x >> 33) % alphabet.size()];
        }
        CAPTURE(line);
        Machine fresh;
        fresh.execute(line);
        if (fresh.needsMoreInput()) fresh.execute("EOF");
    }
}

TEST_CASE("shell host: functions, case and read across lines, the docker idioms with them") {
    Machine m;
    CHECK(run(m, "greet() {") == "");
    CHECK(m.needsMoreInput());
    CHECK(run(m, "echo \"hi $1\"") == "");
    CHECK(run(m, "}") == "");
    CHECK(run(m, "greet web") == "hi web\n");
    CHECK(run(m, "case web in w*) echo front;; *) echo other;; esac") == "front\n");
    CHECK(run(m, "read NAME <<EOF") == "");
    CHECK(run(m, "web") == "");
    CHECK(run(m, "EOF") == "");
    CHECK(run(m, "echo \"[$NAME]\"") == "[web]\n");
    m.execute("docker pull busybox");
    CHECK(run(m,
              "up() { docker run -d --name \"$1\" busybox sleep infinity > /dev/null; }; up web; up db; "
              "docker ps --format '{{.Names}}'") == "db\nweb\n");
    CHECK(run(m, "docker ps --format '{{.Names}}' | while read n; do case $n in w*) docker rm -f $n;; esac; done") ==
          "web\n");
}

TEST_CASE("shell host: read from the keyboard is refused with a hint; & runs the job to its end") {
    Machine m;
    CHECK(run(m, "read NAME") ==
          "layerlab: read: LayerLab's terminal does not pass the keyboard to commands; give read its input with a "
          "heredoc (read NAME <<EOF) or a pipe\n");
    CHECK(run(m, "echo $?") == "1\n");
    // No job line: the model has no background processes (syntax.hpp says why).
    CHECK(run(m, "echo first & echo second; wait; echo $?") == "first\nsecond\n0\n");
}

TEST_CASE("shell run: functions and case inside a RUN, a runaway function stopped") {
    auto r =
        engine::run::simulateRun(shReq("f() { case $1 in a) echo alpha;; *) echo \"other $1\";; esac; }; f a; f b"));
    CHECK(logText(r) == "alpha\nother b\n");
    CHECK(r.exitCode == 0);
    auto loop = engine::run::simulateRun(shReq("f() { f; }; f; echo not reached"));
    CHECK(logText(loop) ==
          "layerlab: f: functions nested 100 deep; stopped (LayerLab's limit for simulated functions)\n");
    CHECK(loop.exitCode == 1);
}
