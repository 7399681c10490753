// process_model: which simulated program a container starts (see the header).
#include "sim/engine/containers/process_model.hpp"

#include "sim/engine/timings.hpp"

#include <cstdio>
#include <set>

#include "sim/engine/civil_time.hpp"
#include "sim/engine/run/simulator.hpp"

namespace layerlab::engine::containers {
namespace {

using fs::baseName;

enum class Distro { Debian, Ubuntu, Alpine, Busybox };

Distro detectDistro(const fs::FileTree& root) {
    if (const fs::FileEntry* e = root.find("etc/os-release"); e && e->content) {
        const std::string& s = *e->content;
        if (s.find("ID=alpine") != std::string::npos) return Distro::Alpine;
        if (s.find("ID=ubuntu") != std::string::npos) return Distro::Ubuntu;
        return Distro::Debian;
    }
    if (root.exists("bin/busybox")) return Distro::Busybox;
    if (root.exists("etc/alpine-release")) return Distro::Alpine;
    return Distro::Debian;
}

bool isShell(const std::string& name) {
    const std::string b = baseName(name);
    return b == "sh" || b == "bash" || b == "dash" || b == "ash";
}

// Every simulated Linux image has these (coreutils or busybox).
const std::set<std::string>& baseUtilities() {
    static const std::set<std::string> s = {
        "sh",    "echo", "cat",  "ls",   "env",    "sleep", "true",     "false",    "pwd",     "mkdir",
        "touch", "rm",   "cp",   "mv",   "printf", "date",  "hostname", "whoami",   "id",      "uname",
        "head",  "tail", "grep", "wc",   "sort",   "test",  "[",        "chmod",    "chown",   "ln",
        "find",  "sed",  "tr",   "cut",  "uniq",   "tee",   "xargs",    "basename", "dirname", "readlink",
        "stat",  "df",   "du",   "kill", "expr",   "seq",   "yes",      "nproc"};
    return s;
}

const std::set<std::string>& shellBuiltins() {
    static const std::set<std::string> s = {"cd",   "export", "exit", "set",   "unset",  ":",     ".",     "exec",
                                            "if",   "then",   "else", "fi",    "for",    "while", "do",    "done",
                                            "case", "esac",   "read", "shift", "trap",   "wait",  "umask", "source",
                                            "{",    "}",      "!",    "eval",  "return", "local", "type",  "command"};
    return s;
}

std::string twoDigits(int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}

struct Civil {
    int year, month, day, hour, minute, second, weekday;
};
Civil civil(int64_t ms) {
    const CivilTime t = civilFromMs(ms);
    return {static_cast<int>(t.year),   static_cast<int>(t.month),  static_cast<int>(t.day),
            static_cast<int>(t.hour),   static_cast<int>(t.minute), static_cast<int>(t.second),
            static_cast<int>(t.weekday)};
}

Program startNginx(const ProgramContext& ctx, bool viaEntrypoint, const std::vector<std::string>& args) {
    Program p;
    p.name = "nginx";
    const std::string version = "nginx/" + envLookup(ctx.env, "NGINX_VERSION");
    for (const std::string& a : args)
        if (a == "-v" || a == "-V") {
            p.output.push_back({true, "nginx version: " + version});
            return p;
        }
    if (viaEntrypoint) {
        for (const char* l :
             {"/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
              "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
              "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
              "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
              "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
              "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
              "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
              "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
              "/docker-entrypoint.sh: Configuration complete; ready for start up"})
            p.output.push_back({false, l});
    }
    Civil c = civil(ctx.nowMs);
    const std::string stamp = std::to_string(c.year) + "/" + twoDigits(c.month) + "/" + twoDigits(c.day) + " " +
                              twoDigits(c.hour) + ":" + twoDigits(c.minute) + ":" + twoDigits(c.second) +
                              " [notice] 1#1: ";
    for (const std::string& l :
         {std::string("using the \"epoll\" event method"), version,
          std::string("built by gcc 12.2.0 (Debian 12.2.0-14)"), std::string("OS: Linux 6.1.0-28-amd64"),
          std::string("getrlimit(RLIMIT_NOFILE): 1048576:1048576"), std::string("start worker processes"),
          std::string("start worker process 29")})
        p.output.push_back({true, stamp + l});
    p.kind = Program::Kind::Serves;
    p.http.flavor = HttpServer::Flavor::Nginx;
    p.http.port = 80;
    p.http.staticRoot = "usr/share/nginx/html";
    p.http.version = version;
    p.onSignal = {{2, 0}, {3, 0}, {15, 0}};   // INT/TERM: fast shutdown, QUIT: graceful (the image's STOPSIGNAL)
    return p;
}

Program startHttpd(const ProgramContext& ctx) {
    Program p;
    p.name = "httpd";
    const std::string version = "Apache/" + envLookup(ctx.env, "HTTPD_VERSION") + " (Unix)";
    static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Civil c = civil(ctx.nowMs);
    char ms[16];
    std::snprintf(ms, sizeof ms, "%06d", static_cast<int>(ctx.nowMs % 1000) * 1000);
    const std::string stamp = std::string("[") + kDays[c.weekday] + " " + kMonths[c.month - 1] + " " +
                              twoDigits(c.day) + " " + twoDigits(c.hour) + ":" + twoDigits(c.minute) + ":" +
                              twoDigits(c.second) + "." + ms + " " + std::to_string(c.year) + "] ";
    const std::string ah00558 =
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain "
        "name, using " +
        ctx.ipAddress + ". Set the 'ServerName' directive globally to suppress this message";
    p.output = {{true, ah00558},
                {true, ah00558},
                {true, stamp + "[mpm_event:notice] [pid 1:tid 1] AH00489: " + version +
                           " configured -- resuming normal operations"},
                {true, stamp + "[core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"}};
    p.kind = Program::Kind::Serves;
    p.http.flavor = HttpServer::Flavor::Httpd;
    p.http.port = 80;
    p.http.staticRoot = "usr/local/apache2/htdocs";
    p.onSignal = {{2, 0}, {15, 0}, {28, 0}};   // TERM/INT stop, WINCH graceful stop (the image's STOPSIGNAL)
    return p;
}

std::string unquoteWord(std::string w) {
    std::string out;
    for (char c : w)
        if (c != '\'' && c != '"') out += c;
    return out;
}

// The first word of a shell script's first command, as the shell would look it up.
std::string firstCommandWord(const std::string& script) {
    size_t i = script.find_first_not_of(" \t\n");
    if (i == std::string::npos) return "";
    std::string word;
    char quote = 0;
    for (; i < script.size(); ++i) {
        char c = script[i];
        if (quote) {
            if (c == quote) quote = 0;
            else word += c;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|') break;
        word += c;
    }
    return word;
}

Program shellNotFound(const ProgramContext& ctx, const std::string& shell, const std::string& word) {
    Program p;
    p.name = baseName(shell);
    p.exitCode = 127;
    Distro d = detectDistro(ctx.rootfs);
    if (p.name == "bash") p.output.push_back({true, shell + ": line 1: " + word + ": command not found"});
    else if (d == Distro::Alpine || d == Distro::Busybox)
        p.output.push_back({true, shell + ": " + word + ": not found"});
    else p.output.push_back({true, shell + ": 1: " + word + ": not found"});
    return p;
}

Program runOneShot(const ProgramContext& ctx, const std::vector<std::string>& argv) {
    Program p;
    p.name = baseName(argv[0]);
    run::RunRequest req;
    req.argv = argv;
    req.rootfs = ctx.rootfs;
    req.workdir = ctx.workdir.empty() ? "/" : ctx.workdir;
    req.env = ctx.env;
    req.nowMs = ctx.nowMs;
    run::RunResult r = run::simulateRun(req);
    for (const run::OutputLine& l : r.output) {
        if (l.text.rfind("[LayerLab]", 0) == 0) {
            p.hints.push_back({l.text.substr(11), l.text.substr(11)});
            continue;
        }
        p.output.push_back({false, l.text});
    }
    if (!r.unmodelled.empty())
        p.hints.push_back({"The simulator does not model: " + r.unmodelled.front() + " (it ran with no effect).",
                           "시뮬레이터가 모델링하지 않는 명령: " + r.unmodelled.front() + " (효과 없이 실행됨)."});
    p.exitCode = r.exitCode;
    p.changes = r.changes;
    p.deleted = r.deleted;
    // A script that waits (`sh -c 'sleep 3; exit 1'`) ends that much later on
    // the virtual clock, so a restart policy or `docker ps` sees it running
    // meanwhile (its output is still all printed at the start). The run's
    // fixed costs (start, commit, 2 ms a command) are no wait: only a second
    // or more counts, so quick one-shots still end at once.
    const int64_t waited = r.durationMs - timing::kRunContainerStartMs - timing::kRunCommitMs;
    if (ctx.pid1 && waited >= 1000) p.runsForMs = waited;
    return p;
}

Program startShell(const ProgramContext& ctx, const std::vector<std::string>& argv) {
    const std::string& shell = argv[0];
    size_t c = 1;
    while (c < argv.size() && argv[c] != "-c" && !argv[c].empty() && argv[c].front() == '-') ++c;
    if (c < argv.size() && argv[c] == "-c") {
        const std::string script = c + 1 < argv.size() ? argv[c + 1] : "";
        const std::string word = firstCommandWord(script);
        if (!word.empty() && !shellBuiltins().count(word) && !programExists(word, ctx.rootfs, ctx.env))
            return shellNotFound(ctx, shell, word);
        // `sh -c "node server.js"` and friends: the shell runs the program as its
        // child; sh is PID 1 with no signal handlers, so it ignores SIGTERM/SIGINT.
        const std::string b = baseName(word);
        if (b == "node" || b == "python" || b == "python3" || b == "nginx" || b == "httpd-foreground" || b == "sleep" ||
            b == "tail") {
            std::vector<std::string> inner;
            std::string cur;
            bool any = false;
            for (char ch : script + " ") {
                if (ch == ';' || ch == '&' || ch == '|' || ch == '\n') {
                    any = true;
                    break;
                }
                if (ch == ' ' || ch == '\t') {
                    if (!cur.empty()) inner.push_back(unquoteWord(cur));
                    cur.clear();
                } else {
                    cur += ch;
                }
            }
            if (!any && !inner.empty()) {
                ProgramContext sub = ctx;
                sub.argv = inner;
                Program p = startProgram(sub);
                if (p.kind != Program::Kind::Exits && ctx.pid1) {
                    p.onSignal.clear();
                    p.name = baseName(shell) + " -c " + p.name;
                }
                return p;
            }
        }
        return runOneShot(ctx, argv);
    }
    // An interactive shell with no script: without -i its stdin is closed, it
    // reads end-of-input and exits 0.
    Program p;
    p.name = baseName(shell);
    p.repl = Program::Repl::Shell;
    p.onSignal = {};   // a shell as PID 1 ignores SIGTERM; with a TTY it catches SIGINT itself
    if (!ctx.interactive) return p;
    p.kind = Program::Kind::Waits;
    if (ctx.tty) {
        Distro d = detectDistro(ctx.rootfs);
        const std::string dir = ctx.workdir.empty() ? "/" : ctx.workdir;
        if (p.name == "bash") p.prompt = "root@" + ctx.hostname + ":" + dir + "# ";
        else if (d == Distro::Alpine || d == Distro::Busybox) p.prompt = dir + " # ";
        else p.prompt = "# ";
    }
    return p;
}

}   // namespace

std::string envLookup(const std::vector<std::string>& env, const std::string& key) {
    std::string v;
    for (const std::string& kv : env)
        if (kv.size() > key.size() && kv.compare(0, key.size(), key) == 0 && kv[key.size()] == '=')
            v = kv.substr(key.size() + 1);
    return v;
}

std::string absolutePath(const std::string& workdir, const std::string& path) {
    if (!path.empty() && path.front() == '/') return fs::normalizePath(path);
    return fs::normalizePath((workdir.empty() ? std::string("/") : workdir) + "/" + path);
}

std::vector<std::string> composeArgv(const std::vector<std::string>& entrypoint, const std::vector<std::string>& cmd) {
    std::vector<std::string> argv = entrypoint;
    argv.insert(argv.end(), cmd.begin(), cmd.end());
    return argv;
}

bool programExists(const std::string& name, const fs::FileTree& rootfs, const std::vector<std::string>& env) {
    if (name.empty()) return false;
    if (name.find('/') != std::string::npos) {
        const fs::FileEntry* e = rootfs.find(fs::normalizePath(name));
        if (e && !e->isDir()) return true;
        // Well-known absolute paths of the programs below.
        const std::string b = baseName(name);
        if (name != "/bin/" + b && name != "/usr/bin/" + b && name != "/usr/local/bin/" + b) return false;
        return programExists(b, rootfs, env);
    }
    std::string path = envLookup(env, "PATH");
    if (path.empty()) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    size_t start = 0;
    for (;;) {
        size_t colon = path.find(':', start);
        std::string dir = path.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        const fs::FileEntry* e = rootfs.find(fs::normalizePath(dir + "/" + name));
        if (e && !e->isDir()) return true;
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    if (baseUtilities().count(name)) return true;
    const Distro d = detectDistro(rootfs);
    if (name == "bash") return d == Distro::Debian || d == Distro::Ubuntu;
    if (name == "apt-get" || name == "apt" || name == "dpkg") return d == Distro::Debian || d == Distro::Ubuntu;
    if (name == "apk") return d == Distro::Alpine;
    auto has = [&](const char* var) { return !envLookup(env, var).empty(); };
    if (name == "node" || name == "npm" || name == "npx" || name == "corepack") return has("NODE_VERSION");
    if (name == "yarn") return has("YARN_VERSION");
    if (name == "python" || name == "python3" || name == "pip" || name == "pip3") return has("PYTHON_VERSION");
    if (name == "nginx") return has("NGINX_VERSION");
    if (name == "httpd" || name == "httpd-foreground" || name == "apachectl") return has("HTTPD_VERSION");
    if (name == "docker-entrypoint.sh") return has("NODE_VERSION");
    return false;
}

Program startProgram(const ProgramContext& ctx) {
    Program p;
    if (ctx.argv.empty()) return p;
    const std::string& exe = ctx.argv[0];
    if (!programExists(exe, ctx.rootfs, ctx.env)) {
        if (exe.find('/') != std::string::npos)
            p.startError = "exec: \"" + exe + "\": stat " + exe + ": no such file or directory";
        else p.startError = "exec: \"" + exe + "\": executable file not found in $PATH";
        return p;
    }
    const std::string b = baseName(exe);
    std::vector<std::string> args(ctx.argv.begin() + 1, ctx.argv.end());
    if (b == "docker-entrypoint.sh" && !envLookup(ctx.env, "NODE_VERSION").empty()) {
        // The node image's entrypoint: `set -- node "$@"` when the first argument is
        // an option or not a command, then `exec "$@"`.
        ProgramContext sub = ctx;
        sub.argv = args;
        if (args.empty() || args[0].front() == '-' || !programExists(args[0], ctx.rootfs, ctx.env))
            sub.argv.insert(sub.argv.begin(), "node");
        return startProgram(sub);
    }
    if (exe == "/docker-entrypoint.sh" && !envLookup(ctx.env, "NGINX_VERSION").empty()) {
        if (!args.empty() && (args[0] == "nginx" || args[0] == "nginx-debug"))
            return startNginx(ctx, true, std::vector<std::string>(args.begin() + 1, args.end()));
        ProgramContext sub = ctx;
        sub.argv = args;
        return sub.argv.empty() ? p : startProgram(sub);
    }
    if (b == "node") return startNode(ctx, args);
    if (b == "python" || b == "python3") return startPython(ctx, args);
    if (b == "nginx") return startNginx(ctx, false, args);
    if (b == "httpd-foreground") return startHttpd(ctx);
    if (isShell(exe)) return startShell(ctx, ctx.argv);
    if (b == "sleep") {
        p.name = "sleep";
        p.kind = Program::Kind::Waits;
        if (!args.empty() && args[0] != "infinity")
            p.runsForMs = static_cast<int64_t>(std::atof(args[0].c_str()) * 1000);
        return p;
    }
    if (b == "tail" && args.size() == 2 && args[0] == "-f") {
        p.name = "tail";
        p.kind = Program::Kind::Waits;
        return p;
    }
    if (baseUtilities().count(b)) return runOneShot(ctx, ctx.argv);
    // A file in the image that is a shell script: run it with the shell model.
    const fs::FileEntry* e =
        ctx.rootfs.find(fs::normalizePath(exe.find('/') != std::string::npos ? exe : "usr/local/bin/" + exe));
    if (e && e->content && e->content->rfind("#!", 0) == 0 && e->content->find("sh") < e->content->find('\n')) {
        std::vector<std::string> sh = {"/bin/sh", "-c", *e->content};
        ProgramContext sub = ctx;
        sub.argv = sh;
        return startShell(sub, sh);
    }
    p.name = b;
    p.hints.push_back(
        {"LayerLab does not simulate the program '" + b + "': it started and exited (0) with no output.",
         "LayerLab은 '" + b + "' 프로그램을 시뮬레이션하지 않습니다: 출력 없이 시작하고 종료(0)했습니다."});
    return p;
}

HttpAnswer answerHttp(const HttpServer& server, const fs::FileTree& rootfs, const std::string& pathIn) {
    std::string path = pathIn.empty() ? "/" : pathIn;
    size_t q = path.find('?');
    if (q != std::string::npos) path = path.substr(0, q);
    if (server.answersAnyPath) return {200, server.anyPathBody};
    for (const HttpRoute& r : server.routes)
        if ((r.method == "GET" || r.method == "ALL") && r.path == path) return {r.status, r.body};
    if (!server.staticRoot.empty()) {
        std::string file = fs::normalizePath(server.staticRoot + "/" + path);
        if (rootfs.isDirectory(file)) file = fs::normalizePath(file + "/index.html");
        const fs::FileEntry* e = rootfs.find(file);
        if (e && e->content) return {200, *e->content};
    }
    switch (server.flavor) {
        case HttpServer::Flavor::Express:
            return {404,
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
                    "</head>\n<body>\n<pre>Cannot GET " +
                        path + "</pre>\n</body>\n</html>\n"};
        case HttpServer::Flavor::Nginx:
            return {404,
                    "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1>"
                    "</center>\r\n<hr><center>" +
                        server.version + "</center>\r\n</body>\r\n</html>\r\n"};
        case HttpServer::Flavor::Httpd:
            return {404,
                    "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n"
                    "</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n"
                    "</body></html>\n"};
        case HttpServer::Flavor::Flask:
            return {404,
                    "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The "
                    "requested URL was not found on the server. If you entered the URL manually please check your "
                    "spelling and try again.</p>\n"};
        case HttpServer::Flavor::PythonHttp:
            return {404,
                    "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        "
                    "<title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        "
                    "<p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code "
                    "explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n"};
        case HttpServer::Flavor::NodeHttp:
            return {200, ""};
    }
    return {404, ""};
}

}   // namespace layerlab::engine::containers
