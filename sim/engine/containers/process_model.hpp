// process_model: what a container's program does when it starts, simulated.
//
// Nothing is executed. The program (Path + Args, after Docker composed the
// ENTRYPOINT and CMD) is looked up in the container's merged file system and
// known programs are modelled by reading their own files there:
//   node SCRIPT    console.log lines, app.listen(PORT)/server.listen, express
//                  routes (app.get('/x', …) answering res.send/res.json/
//                  res.end/res.redirect), express.static, http.createServer
//   python FILE    print(...) (block-buffered without a TTY, as Python is),
//                  Flask @app.route + app.run(host, port), -m http.server
//   nginx, httpd   their start-up lines and index.html from their web root
//   sh -c "…"      run by the builder's shell model (echo, ls, cat, >, &&, …)
//   node, python3, sh, bash with no script: a REPL/shell that exits at once
//                  without -i (stdin is closed) and waits with -i
// Reading is regex-level (see source_scan.hpp): a simplified model, and the
// hints say so. An executable not found in $PATH fails to start with runc's
// words. Signals follow PID 1 rules: a program without a handler ignores
// everything but SIGKILL (node and python ignore SIGTERM; nginx and httpd
// handle it).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/fs/file_tree.hpp"

namespace layerlab::engine::containers {

struct OutputLine {
    bool stderrStream = false;
    std::string text;
};

struct HttpRoute {
    std::string method = "GET";
    std::string path;   // "/", "/users"
    int status = 200;
    std::string body;
    std::string contentType;   // "text/html; charset=utf-8"
    std::string location;   // redirects
};

// What answers HTTP inside the container.
struct HttpServer {
    enum class Flavor { Express, NodeHttp, Nginx, Httpd, PythonHttp, Flask };
    Flavor flavor = Flavor::Express;
    int port = 0;   // container port it listens on
    bool loopbackOnly = false;   // bound to 127.0.0.1 (Flask's default): unreachable through -p
    std::vector<HttpRoute> routes;
    std::string staticRoot;   // tree path served as files ("usr/share/nginx/html"), "" = none
    std::string anyPathBody;   // http.createServer: the same answer for every path
    bool answersAnyPath = false;
    std::string version;   // "nginx/1.27.3" for error pages
};

struct Program {
    enum class Kind { Exits, Serves, Waits };
    Kind kind = Kind::Exits;
    std::string name;   // "node", "python", "nginx", "sh", …
    std::vector<OutputLine> output;   // printed as it starts
    int exitCode = 0;   // Kind::Exits
    int64_t runsForMs = 0;   // Exits/Waits: ends by itself after this long (0 = at once / never)
    std::string startError;   // the start fails: runc's error, without the daemon prefixes
    HttpServer http;   // Kind::Serves
    std::map<int, int> onSignal;   // signal number -> exit code; absent = ignored (PID 1)
    std::vector<OutputLine> signalOutput;   // printed when a handled signal ends it
    enum class Repl { None, Shell, Node, Python };
    Repl repl = Repl::None;   // Kind::Waits with stdin: what reads the typed lines
    std::string prompt;   // shown while waiting for input ("/ # ", "> "), TTY only
    fs::FileTree changes;   // a one-shot's writes (into the writable layer)
    std::vector<std::string> deleted;
    std::vector<Hint> hints;
};

struct ProgramContext {
    std::vector<std::string> argv;   // Path + Args
    fs::FileTree rootfs;   // image layers + writable layer
    std::vector<std::string> env;   // "KEY=value"
    std::string workdir = "/";
    bool interactive = false;   // stdin kept open (-i)
    bool tty = false;   // -t
    std::string hostname;   // short ID unless -h
    std::string ipAddress = "172.17.0.2";
    int64_t nowMs = 0;
    bool pid1 = true;   // false for `docker exec`
};

Program startProgram(const ProgramContext& ctx);

// Docker's composition (daemon getEntrypointAndArgs): Entrypoint + Cmd.
std::vector<std::string> composeArgv(const std::vector<std::string>& entrypoint, const std::vector<std::string>& cmd);

// Whether `name` can be executed in this file system with this environment:
// a path that exists, a file in a $PATH directory, or a program the image is
// known to ship (its *_VERSION variables, e.g. NODE_VERSION -> node, npm).
bool programExists(const std::string& name, const fs::FileTree& rootfs, const std::vector<std::string>& env);

// An HTTP GET answered by the server.
struct HttpAnswer {
    int status = 200;
    std::string body;
};
HttpAnswer answerHttp(const HttpServer& server, const fs::FileTree& rootfs, const std::string& path);

// Per-language models (process_node.cpp, process_python.cpp).
Program startNode(const ProgramContext& ctx, const std::vector<std::string>& args);
Program startPython(const ProgramContext& ctx, const std::vector<std::string>& args);

// Helpers shared by the models.
std::string envLookup(const std::vector<std::string>& env, const std::string& key);
std::string absolutePath(const std::string& workdir, const std::string& path);   // tree path, no leading '/'

}   // namespace layerlab::engine::containers
