// The RUN simulator: shell syntax, coreutils effects and errors, package
// managers (npm install / ci, pip, apt-get), layers and whiteouts.
#include <doctest/doctest.h>

#include "sim/engine/run/simulator.hpp"

using namespace layerlab;
using engine::run::RunRequest;
using engine::run::simulateRun;

namespace {

RunRequest shReq(const std::string& script, fs::FileTree root = {}, std::string workdir = "/app") {
    RunRequest r;
    r.argv = {"/bin/sh", "-c", script};
    r.rootfs = root.withDirectory("app");
    r.workdir = std::move(workdir);
    r.env = {"PATH=/usr/local/bin:/usr/bin:/bin"};
    return r;
}

std::string logText(const engine::run::RunResult& r) {
    std::string s;
    for (const auto& l : r.output) s += l.text + "\n";
    return s;
}

std::string content(const fs::FileTree& t, const std::string& p) {
    const fs::FileEntry* e = t.find(p);
    return e && e->content ? *e->content : "<missing>";
}

}   // namespace

TEST_CASE("run simulator: shell syntax") {
    SUBCASE("echo with redirections writes into the layer") {
        auto r = simulateRun(shReq("echo hello > a.txt && echo 'second line' >> a.txt"));
        CHECK(r.exitCode == 0);
        CHECK(content(r.rootfs, "app/a.txt") == "hello\nsecond line\n");
        CHECK(content(r.changes, "app/a.txt") == "hello\nsecond line\n");
        CHECK(r.output.empty());
    }
    SUBCASE("variables, quotes and cd") {
        auto req = shReq("mkdir -p /srv/x && cd /srv/x && NAME=\"big world\"; echo \"hi $NAME\" '$NAME' > out; pwd");
        auto r = simulateRun(req);
        CHECK(r.exitCode == 0);
        CHECK(content(r.rootfs, "srv/x/out") == "hi big world $NAME\n");
        CHECK(logText(r) == "/srv/x\n");
    }
    SUBCASE("&& stops, || recovers, ; continues") {
        auto r = simulateRun(shReq("false && echo no; false || echo yes; echo end"));
        CHECK(r.exitCode == 0);
        CHECK(logText(r) == "yes\nend\n");
        auto failed = simulateRun(shReq("echo a && false && echo b"));
        CHECK(failed.exitCode == 1);
        CHECK(logText(failed) == "a\n");
    }
    SUBCASE("globs remove the matching files and leave whiteouts for base files") {
        fs::FileTree base = fs::FileTree().withFile("var/lib/apt/lists/a", "1").withFile("var/lib/apt/lists/b", "2");
        auto r = simulateRun(shReq("rm -rf /var/lib/apt/lists/*", base));
        CHECK(r.exitCode == 0);
        CHECK(r.rootfs.list("var/lib/apt/lists").empty());
        CHECK(r.deleted == std::vector<std::string>{"var/lib/apt/lists/a", "var/lib/apt/lists/b"});
    }
    SUBCASE("heredoc into a file") {
        auto r = simulateRun(shReq("cat > conf.txt <<EOF\nport=$PORT\nEOF\n", {}, "/app"));
        CHECK(r.exitCode == 0);
        CHECK(content(r.rootfs, "app/conf.txt") == "port=\n");
    }
    SUBCASE("exec form runs one command without a shell") {
        RunRequest req = shReq("");
        req.argv = {"mkdir", "-p", "/data/db"};
        auto r = simulateRun(req);
        CHECK(r.exitCode == 0);
        CHECK(r.rootfs.isDirectory("data/db"));
    }
    SUBCASE("unknown programs run with no effect and say so") {
        auto r = simulateRun(shReq("node build.js"));
        CHECK(r.exitCode == 0);
        CHECK(logText(r) ==
              "[LayerLab] 'node' is not modelled by the simulator: it ran with no effect on the file system\n");
        CHECK(r.unmodelled == std::vector<std::string>{"node"});
        CHECK(r.changes.fileCount() == 0);
    }
}

TEST_CASE("run simulator: coreutils errors use the tools' words") {
    struct Case {
        const char* script;
        int code;
        const char* log;
    };
    const Case cases[] = {
        {"cp x y", 1, "cp: cannot stat 'x': No such file or directory\n"},
        {"mv x y", 1, "mv: cannot stat 'x': No such file or directory\n"},
        {"cat nope", 1, "cat: nope: No such file or directory\n"},
        {"rm nope", 1, "rm: cannot remove 'nope': No such file or directory\n"},
        {"rm -f nope", 0, ""},
        {"mkdir a/b", 1, "mkdir: cannot create directory 'a/b': No such file or directory\n"},
        {"mkdir /app", 1, "mkdir: cannot create directory '/app': File exists\n"},
        {"chmod +x nope", 1, "chmod: cannot access 'nope': No such file or directory\n"},
        {"touch a/b", 1, "touch: cannot touch 'a/b': No such file or directory\n"},
        {"cd /nope", 2, "/bin/sh: 1: cd: can't cd to /nope\n"},
        {"echo x > /nope/f", 2, "/bin/sh: 1: cannot create /nope/f: Directory nonexistent\n"},
        {"exit 3", 3, ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.script);
        auto r = simulateRun(shReq(c.script));
        CHECK(r.exitCode == c.code);
        CHECK(logText(r) == c.log);
    }
}

TEST_CASE("run simulator: file effects") {
    fs::FileTree base = fs::FileTree().withFile("app/server.js", "x", 0644);
    SUBCASE("cp, mv, chmod, touch") {
        auto r =
            simulateRun(shReq("cp server.js copy.js && mv copy.js moved.js && chmod 755 moved.js && touch new", base));
        CHECK(r.exitCode == 0);
        CHECK(r.rootfs.find("app/moved.js")->mode == 0755);
        CHECK_FALSE(r.rootfs.exists("app/copy.js"));
        CHECK(r.rootfs.exists("app/new"));
        CHECK(r.deleted.empty());   // copy.js was created and removed in this layer
    }
    SUBCASE("symbolic chmod") {
        auto r = simulateRun(shReq("chmod u+x,go-r server.js", base));
        CHECK(r.rootfs.find("app/server.js")->mode == 0700);
    }
    SUBCASE("cp -r of a directory") {
        fs::FileTree t = base.withFile("app/src/a.js", "a").withFile("app/src/b.js", "b");
        auto r = simulateRun(shReq("cp -r src /dist", t));
        CHECK(r.exitCode == 0);
        CHECK(content(r.rootfs, "dist/a.js") == "a");
        auto norec = simulateRun(shReq("cp src /dist", t));
        CHECK(norec.exitCode == 1);
        CHECK(logText(norec) == "cp: -r not specified; omitting directory 'src'\n");
    }
}

TEST_CASE("run simulator: npm") {
    const std::string pkg =
        "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"express\": \"^4.18.2\",\n    \"body-parser\": \"^1.20.2\"\n  }\n}\n";
    fs::FileTree base = fs::FileTree().withFile("app/package.json", pkg);
    SUBCASE("npm install installs the dependencies and writes a lock file") {
        auto r = simulateRun(shReq("npm install", base));
        CHECK(r.exitCode == 0);
        CHECK(r.rootfs.exists("app/node_modules/express/package.json"));
        CHECK(r.rootfs.exists("app/node_modules/body-parser/package.json"));
        CHECK(r.rootfs.exists("app/package-lock.json"));
        CHECK(logText(r) == "\nadded 2 packages, and audited 3 packages in 2s\n\nfound 0 vulnerabilities\n");
        CHECK(r.durationMs == 20 + 1200 + 900 + 30);
    }
    SUBCASE("a broken package.json fails with EJSONPARSE") {
        fs::FileTree bad = fs::FileTree().withFile("app/package.json", "{\n  \"name\": \"app\",\n}\n");
        auto r = simulateRun(shReq("npm install", bad));
        CHECK(r.exitCode == 1);
        CHECK(
            logText(r) ==
            "npm error code EJSONPARSE\n"
            "npm error path /app/package.json\n"
            "npm error JSON.parse Expected double-quoted property name in JSON at position 19 (line 3 column 1)\n"
            "npm error JSON.parse Failed to parse JSON data.\n"
            "npm error JSON.parse Note: package.json must be actual JSON, not just JavaScript.\n"
            "npm error A complete log of this run can be found in: /root/.npm/_logs/1970-01-01T00_00_00_000Z-debug-0.log\n");
        CHECK(r.changes.fileCount() == 0);
    }
    SUBCASE("no package.json: ENOENT and exit code 254") {
        auto r = simulateRun(shReq("npm install"));
        CHECK(r.exitCode == 254);
        CHECK(logText(r).rfind("npm error code ENOENT\nnpm error syscall open\nnpm error path /app/package.json\n",
                               0) == 0);
    }
    SUBCASE("npm ci needs a lock file") {
        auto r = simulateRun(shReq("npm ci", base));
        CHECK(r.exitCode == 1);
        CHECK(
            logText(r).rfind(
                "npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\n",
                0) == 0);
        auto installed = simulateRun(shReq("npm install", base));
        auto ci = simulateRun(shReq("npm ci", installed.rootfs));
        CHECK(ci.exitCode == 0);
        CHECK(logText(ci) == "\nadded 2 packages, and audited 3 packages in 2s\n\nfound 0 vulnerabilities\n");
    }
    SUBCASE("same inputs, same layer bytes") {
        auto a = simulateRun(shReq("npm install", base));
        auto b = simulateRun(shReq("npm install", base));
        CHECK(content(a.rootfs, "app/package-lock.json") == content(b.rootfs, "app/package-lock.json"));
        CHECK(a.changes.totalBytes() == b.changes.totalBytes());
    }
}

TEST_CASE("run simulator: pip and apt-get") {
    SUBCASE("pip install -r reads requirements.txt") {
        fs::FileTree base = fs::FileTree().withFile("app/requirements.txt", "flask==3.0.3\n# comment\nrequests\n");
        auto r = simulateRun(shReq("pip install --no-cache-dir -r requirements.txt", base));
        CHECK(r.exitCode == 0);
        CHECK(r.rootfs.exists("usr/local/lib/python3.12/site-packages/flask/__init__.py"));
        CHECK(logText(r).find("Successfully installed flask-3.0.3 requests-1.0.0\n") != std::string::npos);
        auto missing = simulateRun(shReq("pip install -r requirements.txt"));
        CHECK(missing.exitCode == 1);
        CHECK(logText(missing) ==
              "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'\n");
    }
    SUBCASE("apt-get install needs apt-get update first") {
        auto without = simulateRun(shReq("apt-get install -y curl"));
        CHECK(without.exitCode == 100);
        CHECK(logText(without).find("E: Unable to locate package curl\n") != std::string::npos);
        auto with = simulateRun(shReq("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"));
        CHECK(with.exitCode == 0);
        CHECK(with.rootfs.exists("usr/bin/curl"));
        CHECK(with.rootfs.list("var/lib/apt/lists").empty());
    }
}
