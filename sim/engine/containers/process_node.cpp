// process_node: the simulated `node` program (see process_model.hpp).
#include <algorithm>
#include <optional>
#include <string_view>
#include <set>

#include "sim/engine/containers/node_source.hpp"
#include "sim/engine/containers/process_model.hpp"
#include "sim/engine/containers/source_scan.hpp"
#include "sim/korean.hpp"
#include "sim/numbers.hpp"

namespace layerlab::engine::containers {
namespace {

using scan::Lang;
using namespace node_source;

const std::set<std::string>& builtinModules() {
    static const std::set<std::string> mods = {"assert",
                                               "buffer",
                                               "child_process",
                                               "cluster",
                                               "crypto",
                                               "dgram",
                                               "dns",
                                               "events",
                                               "fs",
                                               "fs/promises",
                                               "http",
                                               "http2",
                                               "https",
                                               "net",
                                               "os",
                                               "path",
                                               "process",
                                               "querystring",
                                               "readline",
                                               "stream",
                                               "string_decoder",
                                               "timers",
                                               "tls",
                                               "tty",
                                               "url",
                                               "util",
                                               "v8",
                                               "vm",
                                               "worker_threads",
                                               "zlib"};
    return mods;
}

std::string dirOf(const std::string& treePath) {
    size_t slash = treePath.rfind('/');
    return slash == std::string::npos ? "" : treePath.substr(0, slash);
}

bool moduleInstalled(const fs::FileTree& root, std::string dir, const std::string& module) {
    for (;;) {
        std::string base = dir.empty() ? "node_modules/" : dir + "/node_modules/";
        if (root.exists(base + module)) return true;
        if (dir.empty()) return false;
        dir = dirOf(dir);
    }
}

void addLines(std::vector<OutputLine>& out, const std::string& text, bool err) {
    size_t start = 0;
    for (;;) {
        size_t nl = text.find('\n', start);
        out.push_back({err, text.substr(start, nl == std::string::npos ? std::string::npos : nl - start)});
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
}

Hint simplifiedHint(const std::string& what) {
    return {"LayerLab reads " + what +
                " with a simplified model (it does not run JavaScript); some code may be "
                "beyond what it understands.",
            "LayerLab은 " + ko::with(what, ko::Particle::EulReul) +
                " 단순화된 모델로 읽습니다(JavaScript를 실제로 실행하지 않음). 일부 코드는 "
                "이해하지 못할 수 있습니다."};
}

struct Range {
    size_t begin, end;
};
bool inside(const std::vector<Range>& ranges, size_t pos) {
    for (const Range& r : ranges)
        if (pos >= r.begin && pos < r.end) return true;
    return false;
}

// The first res.* call in a handler body: its name ("" when none) and the call.
std::string firstResponseCall(const std::string& body, scan::Call& call) {
    size_t best = std::string::npos;
    std::string kind;
    for (const char* name :
         {"res.send", "res.end", "res.json", "res.redirect", "res.sendFile", "res.sendStatus", "res.status"}) {
        for (const scan::Call& c : scan::findCalls(body, name))
            if (c.begin < best) {
                best = c.begin;
                kind = name;
                call = c;
            }
    }
    return kind;
}

// res.sendStatus(CODE): the code and its reason phrase as express sends it.
HttpRoute sendStatusAnswer(const std::vector<std::string>& args, const scan::Scope& scope) {
    HttpRoute r;
    r.status = -1;
    r.contentType = "text/html; charset=utf-8";
    auto v = args.empty() ? std::nullopt : scan::evaluate(args[0], scope);
    if (!v) return r;
    r.status = leadingInt(*v);
    static const std::map<int, std::string> reasons = {
        {200, "OK"},           {201, "Created"},   {204, "No Content"}, {400, "Bad Request"},
        {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},  {500, "Internal Server Error"}};
    auto it = reasons.find(r.status);
    r.body = it == reasons.end() ? std::to_string(r.status) : it->second;
    return r;
}

// res.sendFile(path.join(__dirname, 'public', 'index.html')) or ('/app/index.html'):
// the file's content from the container's files.
HttpRoute sendFileAnswer(const std::vector<std::string>& args, const fs::FileTree& root, const std::string& scriptDir,
                         int status) {
    HttpRoute r;
    r.status = -1;
    r.contentType = "text/html; charset=utf-8";
    if (args.empty()) return r;
    std::string target;
    for (const std::string& part : quotedRuns(args[0])) target += (target.empty() ? "" : "/") + part;
    if (target.empty()) return r;
    std::string path = target.front() == '/' ? fs::normalizePath(target) : fs::normalizePath(scriptDir + "/" + target);
    const fs::FileEntry* e = root.find(path);
    if (!e || !e->content) return r;
    r.status = status;
    r.body = *e->content;
    return r;
}

// The answer of one express handler body, or status -1 when unknown.
HttpRoute handlerAnswer(const std::string& body, const scan::Scope& scope, const fs::FileTree& root,
                        const std::string& scriptDir) {
    HttpRoute r;
    r.status = -1;
    scan::Call call;
    const std::string kind = firstResponseCall(body, call);
    if (kind.empty()) return r;
    int status = 200;
    if (kind == "res.status") {
        // res.status(404).send('...')
        auto v = scan::evaluate(call.args, scope);
        if (!v) return r;
        status = leadingInt(*v);
        std::string rest = body.substr(call.end);
        size_t dot = rest.find_first_not_of(" \t\n");
        if (dot == std::string::npos || rest[dot] != '.') {
            r.status = status;
            return r;
        }
        HttpRoute inner = handlerAnswer("res" + rest.substr(dot), scope, root, scriptDir);
        if (inner.status == -1) return r;
        inner.status = status;
        return inner;
    }
    std::vector<std::string> args = scan::splitArgs(call.args);
    r.contentType = "text/html; charset=utf-8";
    if (kind == "res.sendStatus") return sendStatusAnswer(args, scope);
    if (kind == "res.redirect") {
        auto v = args.empty() ? std::nullopt : scan::evaluate(args.back(), scope);
        if (!v) return r;
        r.status = 302;
        r.location = *v;
        r.body = "Found. Redirecting to " + *v;
        return r;
    }
    if (kind == "res.sendFile") return sendFileAnswer(args, root, scriptDir, status);
    if (args.empty()) {
        r.status = status;
        return r;
    }
    if (kind == "res.json" || args[0].front() == '{' || args[0].front() == '[') {
        auto json = scan::jsLiteralToJson(args[0], scope);
        if (!json) return r;
        r.status = status;
        r.body = *json;
        r.contentType = "application/json; charset=utf-8";
        return r;
    }
    auto v = scan::evaluate(args[0], scope);
    if (!v) return r;
    r.status = status;
    r.body = *v;
    return r;
}

// node -e CODE / -p EXPR: console.log lines, or the printed value.
void evalArgument(const ProgramContext& ctx, const std::string& flag, const std::string& codeText, Program& p) {
    scan::Scope scope;
    scope.env = ctx.env;
    std::string code = scan::stripComments(codeText, Lang::JavaScript);
    scan::collectBindings(code, scope);
    if (flag == "-p" || flag == "--print") {
        auto v = scan::evaluate(code, scope);
        if (v) addLines(p.output, *v, false);
        else p.hints.push_back(simplifiedHint("the -p expression"));
        return;
    }
    for (const char* fn : {"console.log", "console.error"})
        for (const scan::Call& c : scan::findCalls(code, fn)) {
            std::string line;
            bool ok = true;
            for (const std::string& arg : scan::splitArgs(c.args)) {
                auto v = scan::evaluate(arg, scope);
                ok = ok && v.has_value();
                if (v) line += (line.empty() ? "" : " ") + *v;
            }
            if (ok) addLines(p.output, line, std::string(fn) == "console.error");
            else p.hints.push_back(simplifiedHint("the -e code"));
        }
}

// node with no script: its REPL.
void startRepl(const ProgramContext& ctx, const std::string& version, Program& p) {
    // The REPL: with stdin closed (no -i) it reads EOF and exits 0 at once.
    p.repl = Program::Repl::Node;
    if (!ctx.interactive) {
        p.hints.push_back(
            {"node with no script starts its interactive REPL; without -i the container's stdin is "
             "closed, so the REPL reads end-of-input and exits (0) at once. Try docker run -it node.",
             "스크립트 없이 실행한 node는 대화형 REPL을 시작합니다. -i가 없으면 컨테이너의 stdin이 닫혀 "
             "있어 REPL이 입력 끝을 읽고 바로 종료(0)합니다. docker run -it node를 해 보세요."});
        return;
    }
    p.kind = Program::Kind::Waits;
    if (ctx.tty) {
        p.output.push_back({false, "Welcome to Node.js " + version + "."});
        p.output.push_back({false, "Type \".help\" for more information."});
        p.prompt = "> ";
    }
}

// A bare require/import of a package that is not in node_modules fails at
// start, as node does. True when it did (p holds the error).
bool missingModule(const ProgramContext& ctx, const std::string& path, const std::string& src,
                   const std::string& version, Program& p) {
    const std::string scriptDir = dirOf(path);
    for (const std::string& mod : requiredModules(src)) {
        if (mod.rfind("node:", 0) == 0) continue;
        std::string pkg = mod;
        if (pkg.front() == '@') {
            size_t second = pkg.find('/', pkg.find('/') + 1);
            if (second != std::string::npos) pkg = pkg.substr(0, second);
        } else if (pkg.find('/') != std::string::npos && !builtinModules().count(pkg)) {
            pkg = pkg.substr(0, pkg.find('/'));
        }
        if (builtinModules().count(pkg) || moduleInstalled(ctx.rootfs, scriptDir, pkg)) continue;
        p.exitCode = 1;
        addLines(p.output,
                 "node:internal/modules/cjs/loader\n  throw err;\n  ^\n\nError: Cannot find module '" + mod +
                     "'\nRequire stack:\n- /" + path + "\n{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/" + path +
                     "' ]\n}\n\nNode.js " + version,
                 true);
        p.hints.push_back({"The package '" + pkg +
                               "' is not in node_modules inside the container (the stack trace is "
                               "shortened here). Did the Dockerfile run npm install after copying package.json?",
                           "컨테이너 안의 node_modules에 '" + pkg +
                               "' 패키지가 없습니다(스택 추적은 줄여서 보여 줍니다). "
                               "Dockerfile에서 package.json을 복사한 뒤 npm install을 실행했나요?"});
        return true;
    }

    return false;
}

// What the program answers over HTTP: express/router routes and static
// folders, or http.createServer's one answer. `handlers`: the source ranges
// of request-time code (not run at start).
struct Answers {
    HttpServer http;
    std::vector<Range> handlers;
    bool unknownAnswer = false;
};

Answers collectAnswers(const ProgramContext& ctx, const std::string& src, const scan::Scope& scope,
                       const std::string& scriptDir) {
    Answers out;
    HttpServer& http = out.http;
    std::vector<Range>& handlers = out.handlers;
    bool& unknownAnswer = out.unknownAnswer;
    std::vector<std::string> appNames = {"app", "router", "server"};
    for (const std::string& name : expressAppNames(src))
        if (std::find(appNames.begin(), appNames.end(), name) == appNames.end()) appNames.push_back(name);
    const bool isExpress = src.find("express") != std::string::npos;
    http.flavor = isExpress ? HttpServer::Flavor::Express : HttpServer::Flavor::NodeHttp;
    for (const std::string& app : appNames) {
        for (const char* method : {"get", "post", "put", "delete", "patch", "all", "use"}) {
            for (const scan::Call& c : scan::findCalls(src, app + "." + method)) {
                handlers.push_back({c.open, c.end});
                std::vector<std::string> args = scan::splitArgs(c.args);
                if (std::string(method) == "use") {
                    for (const std::string& a : args) {
                        std::string dir = staticFolder(a);
                        if (!dir.empty())
                            http.staticRoot =
                                dir.front() == '/' ? fs::normalizePath(dir) : absolutePath(ctx.workdir, dir);
                    }
                    continue;
                }
                if (args.size() < 2) continue;
                auto routePath = scan::evaluate(args[0], scope);
                if (!routePath) continue;
                HttpRoute r = handlerAnswer(c.args, scope, ctx.rootfs, scriptDir);
                r.method = method;
                for (char& ch : r.method) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                r.path = *routePath;
                if (r.status == -1) unknownAnswer = true;
                http.routes.push_back(r);
            }
        }
    }
    for (const scan::Call& c : scan::findCalls(src, "http.createServer")) {
        handlers.push_back({c.open, c.end});
        http.flavor = HttpServer::Flavor::NodeHttp;
        std::string body;
        bool ok = true;
        for (const char* fn : {"res.write", "res.end"})
            for (const scan::Call& w : scan::findCalls(c.args, fn)) {
                auto a = scan::splitArgs(w.args);
                if (a.empty()) continue;
                auto v = scan::evaluate(a[0], scope);
                ok = ok && v.has_value();
                if (v) body += *v;
            }
        http.answersAnyPath = true;
        http.anyPathBody = body;
        if (!ok) unknownAnswer = true;
    }

    return out;
}

// The first listen(PORT, ...) outside request handlers: its callback's range
// and the port (or the text LayerLab could not evaluate). False: no listen.
bool findListen(const std::string& src, const scan::Scope& scope, const std::vector<Range>& handlers, HttpServer& http,
                std::vector<Range>& listenCallbacks, std::string& portText) {
    bool listens = false;
    for (size_t at = src.find(".listen"); at != std::string::npos; at = src.find(".listen", at + 1)) {
        size_t open = skipSpaces(src, at + 7);
        if (open >= src.size() || src[open] != '(') continue;
        size_t end = scan::matchBracket(src, open);
        if (end == std::string::npos || inside(handlers, open)) continue;
        listens = true;
        listenCallbacks.push_back({open, end});
        auto args = scan::splitArgs(std::string_view(src).substr(open + 1, end - open - 2));
        if (!args.empty()) {
            auto port = scan::evaluate(args[0], scope);
            if (port) http.port = leadingInt(*port);
            else portText = args[0];
        }
        break;
    }

    return listens;
}

// console.* lines of start-up code: synchronous ones in source order, then
// those in the listen callback (when the program listens).
void startupOutput(const std::string& src, const scan::Scope& scope, const std::vector<Range>& handlers,
                   const std::vector<Range>& listenCallbacks, bool listens, Program& p, bool& unknownLog) {
    std::vector<std::pair<size_t, OutputLine>> startLines, laterLines;
    for (const char* fn : {"console.log", "console.info", "console.error", "console.warn", "console.debug"}) {
        const bool err = std::string(fn) == "console.error" || std::string(fn) == "console.warn";
        for (const scan::Call& c : scan::findCalls(src, fn)) {
            if (inside(handlers, c.begin)) continue;
            std::string line;
            bool ok = true;
            for (const std::string& arg : scan::splitArgs(c.args)) {
                auto v = scan::evaluate(arg, scope);
                if (!v) {
                    ok = false;
                    break;
                }
                line += (line.empty() ? "" : " ") + *v;
            }
            if (!ok) {
                unknownLog = true;
                continue;
            }
            auto& bucket = inside(listenCallbacks, c.begin) ? laterLines : startLines;
            std::vector<OutputLine> lines;
            addLines(lines, line, err);
            for (auto& l : lines) bucket.push_back({c.begin, l});
        }
    }
    auto byOffset = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::stable_sort(startLines.begin(), startLines.end(), byOffset);
    std::stable_sort(laterLines.begin(), laterLines.end(), byOffset);
    for (auto& l : startLines) p.output.push_back(l.second);
    if (listens)
        for (auto& l : laterLines) p.output.push_back(l.second);
}

// process.on('SIGTERM', ...) / ('SIGINT', ...): a handler makes node exit on it.
void signalHandlers(const std::string& src, Program& p) {
    for (const std::string& sig : handledSignals(src)) {
        int n = sig == "SIGTERM" ? 15 : sig == "SIGINT" ? 2 : sig == "SIGHUP" ? 1 : sig == "SIGQUIT" ? 3 : 0;
        if (n) p.onSignal[n] = 0;
    }
}

}   // namespace

Program startNode(const ProgramContext& ctx, const std::vector<std::string>& args) {
    Program p;
    p.name = "node";
    const std::string version = "v" + envLookup(ctx.env, "NODE_VERSION");
    std::string script;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-v" || a == "--version") {
            p.output.push_back({false, version});
            return p;
        }
        if ((a == "-e" || a == "--eval" || a == "-p" || a == "--print") && i + 1 < args.size()) {
            evalArgument(ctx, a, args[i + 1], p);
            return p;
        }
        if (!a.empty() && a.front() == '-') continue;
        script = a;
        break;
    }
    if (script.empty()) {
        startRepl(ctx, version, p);
        return p;
    }

    std::string path = absolutePath(ctx.workdir, script);
    const fs::FileEntry* entry = ctx.rootfs.find(path);
    if ((!entry || entry->isDir()) && ctx.rootfs.find(path + ".js")) {
        path += ".js";
        entry = ctx.rootfs.find(path);
    }
    if (!entry || entry->isDir() || !entry->content) {
        p.exitCode = 1;
        addLines(p.output,
                 "node:internal/modules/cjs/loader\n  throw err;\n  ^\n\nError: Cannot find module '/" + path +
                     "'\n{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js " + version,
                 true);
        p.hints.push_back({"Node could not find /" + path +
                               " inside the container (the stack trace is shortened here). "
                               "Was the file copied into the image (COPY) and is the WORKDIR right?",
                           "컨테이너 안에서 /" + path +
                               " 파일을 찾지 못했습니다(스택 추적은 줄여서 보여 줍니다). 파일을 "
                               "이미지에 COPY 했는지, WORKDIR가 맞는지 확인하세요."});
        return p;
    }
    const std::string scriptDir = dirOf(path);
    const std::string src = scan::stripComments(*entry->content, Lang::JavaScript);

    if (missingModule(ctx, path, src, version, p)) return p;

    scan::Scope scope;
    scope.env = ctx.env;
    scope.values["__dirname"] = "/" + scriptDir;
    scan::collectBindings(src, scope);
    Answers answers = collectAnswers(ctx, src, scope, scriptDir);
    HttpServer& http = answers.http;
    std::vector<Range> listenCallbacks;
    std::string portText;
    const bool listens = findListen(src, scope, answers.handlers, http, listenCallbacks, portText);
    bool unknownLog = false;
    startupOutput(src, scope, answers.handlers, listenCallbacks, listens, p, unknownLog);
    signalHandlers(src, p);

    if (unknownLog || answers.unknownAnswer) p.hints.push_back(simplifiedHint("/" + path));
    if (listens) {
        p.kind = Program::Kind::Serves;
        p.http = http;
        if (!portText.empty())
            p.hints.push_back({"LayerLab could not work out the port in listen(" + portText + ").",
                               "listen(" + portText + ")의 포트를 알아내지 못했습니다."});
        return p;
    }
    if (src.find("setInterval(") != std::string::npos) {
        p.kind = Program::Kind::Waits;
        p.hints.push_back(
            {"This script keeps running (setInterval); the simulator does not re-run timers as time passes.",
             "이 스크립트는 계속 실행됩니다(setInterval). 시뮬레이터는 시간이 지나도 타이머를 다시 실행하지 "
             "않습니다."});
    }
    return p;
}

}   // namespace layerlab::engine::containers
