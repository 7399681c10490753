// process_python: the simulated `python` program (see process_model.hpp).
#include <regex>
#include <set>

#include "sim/parse_number.hpp"
#include "sim/engine/containers/process_model.hpp"
#include "sim/engine/containers/source_scan.hpp"
#include "sim/korean.hpp"

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

}   // namespace

Program startPython(const ProgramContext& ctx, const std::vector<std::string>& args) {
    Program p;
    p.name = "python";
    const std::string version = envLookup(ctx.env, "PYTHON_VERSION");
    // Python dies on SIGINT (KeyboardInterrupt, exit 130); as PID 1 it has no
    // SIGTERM handler, so docker stop waits and kills it.
    p.onSignal[2] = 130;
    bool unbuffered = !envLookup(ctx.env, "PYTHONUNBUFFERED").empty() || ctx.tty;
    std::string script, module;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!script.empty() || !module.empty()) {
            rest.push_back(a);
            continue;
        }
        if (a == "-V" || a == "--version") {
            p.output.push_back({false, "Python " + version});
            return p;
        }
        if (a == "-u") {
            unbuffered = true;
            continue;
        }
        if (a == "-m" && i + 1 < args.size()) {
            module = args[++i];
            continue;
        }
        if (!a.empty() && a.front() == '-') continue;
        script = a;
    }
    if (module == "http.server") {
        int port = 8000;
        if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0][0])))
            port = static_cast<int>(parseInteger(rest[0], 0, 65535).value_or(0));
        p.kind = Program::Kind::Serves;
        p.http.flavor = HttpServer::Flavor::PythonHttp;
        p.http.port = port;
        p.http.staticRoot = absolutePath(ctx.workdir, ".");
        const std::string line = "Serving HTTP on 0.0.0.0 port " + std::to_string(port) +
                                 " (http://0.0.0.0:" + std::to_string(port) + "/) ...";
        if (unbuffered) p.output.push_back({false, line});
        else
            p.hints.push_back({"python's stdout is block-buffered without a TTY, so \"" + line +
                                   "\" stays in its buffer and docker logs shows nothing. Use -t, python -u or "
                                   "ENV PYTHONUNBUFFERED=1.",
                               "TTY가 없으면 python의 stdout은 블록 버퍼링되어 \"" + line +
                                   "\" 줄이 버퍼에 남고 docker logs에 보이지 않습니다. -t, python -u 또는 "
                                   "ENV PYTHONUNBUFFERED=1을 쓰세요."});
        return p;
    }
    if (!module.empty()) {
        p.exitCode = 1;
        p.output.push_back({true, "/usr/local/bin/python: No module named " + module});
        return p;
    }
    if (script.empty()) {
        p.repl = Program::Repl::Python;
        if (!ctx.interactive) return p;   // stdin closed: the REPL reads EOF and exits 0
        p.kind = Program::Kind::Waits;
        if (ctx.tty) {
            p.output.push_back({false, "Python " + version + " (main) [GCC 12.2.0] on linux"});
            p.output.push_back(
                {false, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information."});
            p.prompt = ">>> ";
        }
        return p;
    }
    const std::string path = absolutePath(ctx.workdir, script);
    const fs::FileEntry* entry = ctx.rootfs.find(path);
    if (!entry || entry->isDir() || !entry->content) {
        p.exitCode = 2;
        p.output.push_back({true, "python: can't open file '/" + path + "': [Errno 2] No such file or directory"});
        return p;
    }
    const std::string src = scan::stripComments(*entry->content, scan::Lang::Python);
    static const std::regex imports(R"((?:^|\n)\s*(?:from\s+([A-Za-z_]\w*)|import\s+([A-Za-z_]\w*)))");
    static const std::set<std::string> stdlib = {"os",           "sys",         "time",   "json",       "http",
                                                 "socketserver", "datetime",    "math",   "random",     "re",
                                                 "pathlib",      "logging",     "signal", "subprocess", "threading",
                                                 "urllib",       "collections", "typing", "socket"};
    for (auto it = std::sregex_iterator(src.begin(), src.end(), imports); it != std::sregex_iterator(); ++it) {
        std::string mod = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
        if (stdlib.count(mod) || ctx.rootfs.exists(absolutePath(ctx.workdir, mod + ".py")) ||
            packageInstalled(ctx.rootfs, mod))
            continue;
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
        return p;
    }
    scan::Scope scope;
    scope.lang = scan::Lang::Python;
    scope.env = ctx.env;
    scan::collectBindings(src, scope);

    std::vector<OutputLine> printed;
    bool flushedAll = true, unknown = false;
    for (const scan::Call& c : scan::findCalls(src, "print")) {
        // Only top-level prints (not indented inside a def) run at start.
        size_t lineStart = src.rfind('\n', c.begin);
        lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
        if (c.begin != lineStart) {
            bool inDef = false;
            size_t back = lineStart;
            while (back > 0) {
                size_t prev = src.rfind('\n', back - 2);
                prev = prev == std::string::npos ? 0 : prev + 1;
                std::string line = src.substr(prev, back - prev);
                if (!line.empty() && !std::isspace(static_cast<unsigned char>(line[0]))) {
                    inDef = line.rfind("def ", 0) == 0 || line.rfind("@", 0) == 0 || line.rfind("class ", 0) == 0;
                    break;
                }
                if (prev == 0) break;
                back = prev;
            }
            if (inDef) continue;
        }
        bool flush = false;
        auto text = scan::pythonPrint(c.args, scope, &flush);
        if (!text) {
            unknown = true;
            continue;
        }
        flushedAll = flushedAll && flush;
        printed.push_back({false, *text});
    }

    // Flask: @app.route('/x') def f(): return '...'; app.run(host=..., port=...)
    const bool flask = src.find("Flask(") != std::string::npos;
    auto runs = scan::findCalls(src, "app.run");
    if (flask && !runs.empty()) {
        p.kind = Program::Kind::Serves;
        p.http.flavor = HttpServer::Flavor::Flask;
        p.http.port = 5000;
        std::string host = "127.0.0.1";
        for (const std::string& a : scan::splitArgs(runs.front().args)) {
            static const std::regex kw(R"(^(host|port)\s*=\s*(.*)$)");
            std::smatch m;
            if (!std::regex_match(a, m, kw)) continue;
            auto v = scan::evaluate(m[2].str(), scope);
            if (!v) continue;
            if (m[1] == "host") host = *v;
            else p.http.port = static_cast<int>(parseInteger(*v, 0, 65535).value_or(0));
        }
        p.http.loopbackOnly = host == "127.0.0.1" || host == "localhost";
        static const std::regex route(
            R"(@app\.route\(\s*(['"][^'"]*['"])[^)]*\)\s*\n\s*def\s+\w+\([^)]*\)\s*:\s*\n?\s*return\s+([^\n]+))");
        for (auto it = std::sregex_iterator(src.begin(), src.end(), route); it != std::sregex_iterator(); ++it) {
            auto rp = scan::evaluate((*it)[1].str(), scope);
            auto body = scan::evaluate((*it)[2].str(), scope);
            if (!rp) continue;
            HttpRoute r;
            r.path = *rp;
            r.status = body ? 200 : -1;
            if (body) r.body = *body;
            else unknown = true;
            p.http.routes.push_back(r);
        }
        if (unbuffered || flushedAll)
            for (auto& l : printed) p.output.push_back(l);
        const std::string portText = std::to_string(p.http.port);
        p.output.push_back({true, " * Serving Flask app '" +
                                      path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 4) + "'"});
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
    } else {
        // A script: buffered output is flushed when it exits.
        for (auto& l : printed) p.output.push_back(l);
    }
    if (p.kind == Program::Kind::Serves && !unbuffered && !flushedAll && !printed.empty())
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
