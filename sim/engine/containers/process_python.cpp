// process_python: the simulated `python` program (see process_model.hpp).
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "sim/engine/containers/process_model.hpp"
#include "sim/engine/containers/source_scan.hpp"
#include "sim/korean.hpp"
#include "sim/numbers.hpp"

namespace layerlab::engine::containers {
namespace {

bool packageInstalled(const fs::FileTree& root, const std::string& pkg) {
    bool found = false;
    root.forEach(
        [&](const std::string& path, const fs::FileEntry&) {
            if (found) return;
            size_t at = path.find("site-packages/");
            if (at == std::string::npos) return;
            std::string rest = path.substr(at + 14);
            std::string lower;
            for (char c : rest) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == pkg || lower.rfind(pkg + "/", 0) == 0 || lower.rfind(pkg + "-", 0) == 0) found = true;
        },
        "usr");
    return found;
}

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The identifier at `at` (Python's [A-Za-z_]\w*), or "" when none starts there.
std::string identifierAt(std::string_view s, size_t at) {
    if (at >= s.size() || !isIdentStart(s[at])) return "";
    size_t end = at + 1;
    while (end < s.size() && isIdentChar(s[end])) ++end;
    return std::string(s.substr(at, end - at));
}

// The first module of every `import M` / `from M ...` at the start of a line
// (after indentation), in source order. Read by hand: the source is the
// learner's file, never given to std::regex.
std::vector<std::string> importedModules(std::string_view src) {
    std::vector<std::string> mods;
    size_t lineStart = 0;
    while (lineStart <= src.size()) {
        size_t i = lineStart;
        while (i < src.size() && isSpace(src[i])) ++i;
        for (std::string_view keyword : {std::string_view("from"), std::string_view("import")}) {
            if (src.substr(i, keyword.size()) != keyword) continue;
            size_t j = i + keyword.size();
            if (j >= src.size() || !isSpace(src[j])) continue;
            while (j < src.size() && isSpace(src[j])) ++j;
            std::string mod = identifierAt(src, j);
            if (!mod.empty()) mods.push_back(mod);
            break;
        }
        size_t nl = src.find('\n', lineStart);
        if (nl == std::string_view::npos) break;
        lineStart = nl + 1;
    }
    return mods;
}

// How python was started: `python [-u] [-m MODULE | SCRIPT] [ARGS...]`.
struct PythonArgs {
    bool version = false;   // -V / --version
    bool unbuffered = false;   // -u
    std::string script, module;
    std::vector<std::string> rest;   // after the script or module
};

PythonArgs parsePythonArgs(const std::vector<std::string>& args) {
    PythonArgs r;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!r.script.empty() || !r.module.empty()) {
            r.rest.push_back(a);
            continue;
        }
        if (a == "-V" || a == "--version") {
            r.version = true;
            return r;
        }
        if (a == "-u") {
            r.unbuffered = true;
            continue;
        }
        if (a == "-m" && i + 1 < args.size()) {
            r.module = args[++i];
            continue;
        }
        if (!a.empty() && a.front() == '-') continue;
        r.script = a;
    }
    return r;
}

// `python -m http.server [PORT]`: serves the working directory.
void serveHttpModule(Program& p, const ProgramContext& ctx, const PythonArgs& a, bool unbuffered) {
    int port = 8000;
    // A digit-led first argument is the port (python's argparse would reject
    // "80x"; simplified here to its leading digits).
    if (!a.rest.empty() && std::isdigit(static_cast<unsigned char>(a.rest[0][0]))) port = leadingInt(a.rest[0]);
    p.kind = Program::Kind::Serves;
    p.http.flavor = HttpServer::Flavor::PythonHttp;
    p.http.port = port;
    p.http.staticRoot = absolutePath(ctx.workdir, ".");
    const std::string line =
        "Serving HTTP on 0.0.0.0 port " + std::to_string(port) + " (http://0.0.0.0:" + std::to_string(port) + "/) ...";
    if (unbuffered) p.output.push_back({false, line});
    else
        p.hints.push_back({"python's stdout is block-buffered without a TTY, so \"" + line +
                               "\" stays in its buffer and docker logs shows nothing. Use -t, python -u or "
                               "ENV PYTHONUNBUFFERED=1.",
                           "TTY가 없으면 python의 stdout은 블록 버퍼링되어 \"" + line +
                               "\" 줄이 버퍼에 남고 docker logs에 보이지 않습니다. -t, python -u 또는 "
                               "ENV PYTHONUNBUFFERED=1을 쓰세요."});
}

// `python` with no script: the REPL (waits on an open stdin).
void startRepl(Program& p, const ProgramContext& ctx, const std::string& version) {
    p.repl = Program::Repl::Python;
    if (!ctx.interactive) return;   // stdin closed: the REPL reads EOF and exits 0
    p.kind = Program::Kind::Waits;
    if (ctx.tty) {
        p.output.push_back({false, "Python " + version + " (main) [GCC 12.2.0] on linux"});
        p.output.push_back({false, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information."});
        p.prompt = ">>> ";
    }
}

// The first import that neither the standard library, a module next to the
// script nor an installed package provides; "" when all are there.
std::string missingImport(const ProgramContext& ctx, std::string_view src) {
    static const std::set<std::string> stdlib = {"os",           "sys",         "time",   "json",       "http",
                                                 "socketserver", "datetime",    "math",   "random",     "re",
                                                 "pathlib",      "logging",     "signal", "subprocess", "threading",
                                                 "urllib",       "collections", "typing", "socket"};
    for (const std::string& mod : importedModules(src))
        if (!stdlib.count(mod) && !ctx.rootfs.exists(absolutePath(ctx.workdir, mod + ".py")) &&
            !packageInstalled(ctx.rootfs, mod))
            return mod;
    return "";
}

void failImport(Program& p, const std::string& path, const std::string& mod) {
    p.exitCode = 1;
    p.output.push_back({true, "Traceback (most recent call last):"});
    p.output.push_back({true, "  File \"/" + path + "\", line 1, in <module>"});
    p.output.push_back({true, "ModuleNotFoundError: No module named '" + mod + "'"});
    p.hints.push_back({"The package '" + mod +
                           "' is not installed in the image (the traceback is shortened). Did "
                           "the Dockerfile run pip install?",
                       "이미지에 '" + mod +
                           "' 패키지가 없습니다(트레이스백은 줄여서 보여 줍니다). Dockerfile에서 pip "
                           "install을 실행했나요?"});
}

// True when the indented line starting at `lineStart` belongs to a def, a
// decorator or a class: the nearest line above that is not indented says.
bool insideDefinition(const std::string& src, size_t lineStart) {
    size_t back = lineStart;
    while (back > 0) {
        size_t prev = src.rfind('\n', back - 2);
        prev = prev == std::string::npos ? 0 : prev + 1;
        std::string line = src.substr(prev, back - prev);
        if (!line.empty() && !isSpace(line[0]))
            return line.rfind("def ", 0) == 0 || line.rfind("@", 0) == 0 || line.rfind("class ", 0) == 0;
        if (prev == 0) break;
        back = prev;
    }
    return false;
}

// What the script's top-level print() calls write when it starts.
struct Printed {
    std::vector<OutputLine> lines;
    bool flushedAll = true;   // every print had flush=True
    bool unknown = false;   // some print the model could not evaluate
};

Printed topLevelPrints(const std::string& src, const scan::Scope& scope) {
    Printed r;
    for (const scan::Call& c : scan::findCalls(src, "print")) {
        // Only top-level prints (not indented inside a def) run at start.
        size_t lineStart = src.rfind('\n', c.begin);
        lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
        if (c.begin != lineStart && insideDefinition(src, lineStart)) continue;
        bool flush = false;
        auto text = scan::pythonPrint(c.args, scope, &flush);
        if (!text) {
            r.unknown = true;
            continue;
        }
        r.flushedAll = r.flushedAll && flush;
        r.lines.push_back({false, *text});
    }
    return r;
}

// `host=EXPR` / `port=EXPR`, one argument of app.run(...): the keyword and the
// expression, or nullopt for any other argument.
std::optional<std::pair<std::string, std::string>> runKeyword(std::string_view a) {
    for (std::string_view key : {std::string_view("host"), std::string_view("port")}) {
        if (a.substr(0, key.size()) != key) continue;
        size_t i = key.size();
        while (i < a.size() && isSpace(a[i])) ++i;
        if (i >= a.size() || a[i] != '=') continue;
        ++i;
        while (i < a.size() && isSpace(a[i])) ++i;
        std::string_view value = a.substr(i);
        if (value.find('\n') != std::string_view::npos) return std::nullopt;
        return std::make_pair(std::string(key), std::string(value));
    }
    return std::nullopt;
}

// A Flask route in its simplest shape, the one course examples use:
//   @app.route('/path'...)
//   def name(...):
//       return EXPR
// read with a cursor. routeText is the quoted path, body the rest of the
// return line.
struct FlaskRouteText {
    std::string routeText, body;
};

std::optional<FlaskRouteText> flaskRouteAt(std::string_view s, size_t at) {
    size_t i = at + std::string_view("@app.route(").size();
    auto spaces = [&] {
        while (i < s.size() && isSpace(s[i])) ++i;
    };
    auto quote = [&](size_t k) { return k < s.size() && (s[k] == '\'' || s[k] == '"'); };
    auto literal = [&](std::string_view t) {
        if (s.substr(i, t.size()) != t) return false;
        i += t.size();
        return true;
    };
    FlaskRouteText r;
    spaces();
    if (!quote(i)) return std::nullopt;
    size_t litStart = i++;
    while (i < s.size() && !quote(i)) ++i;
    if (!quote(i)) return std::nullopt;
    r.routeText = std::string(s.substr(litStart, ++i - litStart));
    while (i < s.size() && s[i] != ')') ++i;
    if (!literal(")")) return std::nullopt;
    size_t wsStart = i;
    spaces();
    if (s.substr(wsStart, i - wsStart).find('\n') == std::string_view::npos) return std::nullopt;
    if (!literal("def") || i >= s.size() || !isSpace(s[i])) return std::nullopt;
    spaces();
    if (i >= s.size() || !isIdentChar(s[i])) return std::nullopt;
    while (i < s.size() && isIdentChar(s[i])) ++i;
    if (!literal("(")) return std::nullopt;
    while (i < s.size() && s[i] != ')') ++i;
    if (!literal(")")) return std::nullopt;
    spaces();
    if (!literal(":")) return std::nullopt;
    spaces();
    if (!literal("return") || i >= s.size() || !isSpace(s[i])) return std::nullopt;
    spaces();
    size_t eol = s.find('\n', i);
    if (eol == std::string_view::npos) eol = s.size();
    if (eol == i) return std::nullopt;
    r.body = std::string(s.substr(i, eol - i));
    return r;
}

// Flask: @app.route('/x') def f(): return '...'; app.run(host=..., port=...)
// Returns the host it listens on.
std::string serveFlask(Program& p, const std::string& src, const scan::Scope& scope, const scan::Call& run,
                       bool& unknown) {
    p.kind = Program::Kind::Serves;
    p.http.flavor = HttpServer::Flavor::Flask;
    p.http.port = 5000;
    std::string host = "127.0.0.1";
    for (const std::string& a : scan::splitArgs(run.args)) {
        auto kw = runKeyword(a);
        if (!kw) continue;
        auto v = scan::evaluate(kw->second, scope);
        if (!v) continue;
        if (kw->first == "host") host = *v;
        else p.http.port = leadingInt(*v);
    }
    p.http.loopbackOnly = host == "127.0.0.1" || host == "localhost";
    for (size_t at = src.find("@app.route("); at != std::string::npos; at = src.find("@app.route(", at + 1)) {
        auto found = flaskRouteAt(src, at);
        if (!found) continue;
        auto rp = scan::evaluate(found->routeText, scope);
        auto body = scan::evaluate(found->body, scope);
        if (!rp) continue;
        HttpRoute r;
        r.path = *rp;
        r.status = body ? 200 : -1;
        if (body) r.body = *body;
        else unknown = true;
        p.http.routes.push_back(r);
    }
    return host;
}

void flaskBanner(Program& p, const ProgramContext& ctx, const std::string& path, const std::string& host) {
    const std::string portText = std::to_string(p.http.port);
    p.output.push_back(
        {true, " * Serving Flask app '" + path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 4) + "'"});
    p.output.push_back({true, " * Debug mode: off"});
    p.output.push_back({true,
                        "WARNING: This is a development server. Do not use it in a production deployment. "
                        "Use a production WSGI server instead."});
    if (p.http.loopbackOnly) {
        p.output.push_back({true, " * Running on http://127.0.0.1:" + portText});
        p.hints.push_back(
            {"Flask listens on 127.0.0.1 by default: inside the container only, so a published port "
             "cannot reach it. Use app.run(host='0.0.0.0').",
             "Flask는 기본으로 127.0.0.1(컨테이너 안쪽)에서만 수신하므로 게시한 포트로 접근할 수 "
             "없습니다. app.run(host='0.0.0.0')을 쓰세요."});
    } else {
        p.output.push_back({true, " * Running on all addresses (" + host + ")"});
        p.output.push_back({true, " * Running on http://127.0.0.1:" + portText});
        p.output.push_back({true, " * Running on http://" + ctx.ipAddress + ":" + portText});
    }
    p.output.push_back({true, "Press CTRL+C to quit"});
}

}   // namespace

Program startPython(const ProgramContext& ctx, const std::vector<std::string>& args) {
    Program p;
    p.name = "python";
    const std::string version = envLookup(ctx.env, "PYTHON_VERSION");
    // Python dies on SIGINT (KeyboardInterrupt, exit 130); as PID 1 it has no
    // SIGTERM handler, so docker stop waits and kills it.
    p.onSignal[2] = 130;
    const PythonArgs a = parsePythonArgs(args);
    if (a.version) {
        p.output.push_back({false, "Python " + version});
        return p;
    }
    const bool unbuffered = !envLookup(ctx.env, "PYTHONUNBUFFERED").empty() || ctx.tty || a.unbuffered;
    if (a.module == "http.server") {
        serveHttpModule(p, ctx, a, unbuffered);
        return p;
    }
    if (!a.module.empty()) {
        p.exitCode = 1;
        p.output.push_back({true, "/usr/local/bin/python: No module named " + a.module});
        return p;
    }
    if (a.script.empty()) {
        startRepl(p, ctx, version);
        return p;
    }
    const std::string path = absolutePath(ctx.workdir, a.script);
    const fs::FileEntry* entry = ctx.rootfs.find(path);
    if (!entry || entry->isDir() || !entry->content) {
        p.exitCode = 2;
        p.output.push_back({true, "python: can't open file '/" + path + "': [Errno 2] No such file or directory"});
        return p;
    }
    const std::string src = scan::stripComments(*entry->content, scan::Lang::Python);
    if (std::string mod = missingImport(ctx, src); !mod.empty()) {
        failImport(p, path, mod);
        return p;
    }
    scan::Scope scope;
    scope.lang = scan::Lang::Python;
    scope.env = ctx.env;
    scan::collectBindings(src, scope);

    Printed printed = topLevelPrints(src, scope);
    bool unknown = printed.unknown;
    const bool flask = src.find("Flask(") != std::string::npos;
    auto runs = scan::findCalls(src, "app.run");
    if (flask && !runs.empty()) {
        const std::string host = serveFlask(p, src, scope, runs.front(), unknown);
        if (unbuffered || printed.flushedAll)
            for (auto& l : printed.lines) p.output.push_back(l);
        flaskBanner(p, ctx, path, host);
    } else {
        // A script: buffered output is flushed when it exits.
        for (auto& l : printed.lines) p.output.push_back(l);
    }
    if (p.kind == Program::Kind::Serves && !unbuffered && !printed.flushedAll && !printed.lines.empty())
        p.hints.push_back(
            {"python's print() output is block-buffered without a TTY, so it is not in the logs yet. Use "
             "-t, python -u, print(..., flush=True) or ENV PYTHONUNBUFFERED=1.",
             "TTY가 없으면 python의 print() 출력은 블록 버퍼링되어 아직 로그에 없습니다. -t, python -u, "
             "print(..., flush=True) 또는 ENV PYTHONUNBUFFERED=1을 쓰세요."});
    if (unknown)
        p.hints.push_back({"LayerLab reads /" + path +
                               " with a simplified model (it does not run Python); some code "
                               "may be beyond what it understands.",
                           "LayerLab은 " + ko::with("/" + path, ko::Particle::EulReul) +
                               " 단순화된 모델로 읽습니다(Python을 실제로 실행하지 않음)."});
    return p;
}

}   // namespace layerlab::engine::containers
