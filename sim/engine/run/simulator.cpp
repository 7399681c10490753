// simulateRun: starts the simulated process of a RUN step. A shell
// (`/bin/sh -c SCRIPT`, `bash -c`, ...) runs the script through the shell
// model; an exec-form command runs as one simple command.
#include "sim/engine/run/simulator.hpp"

#include "sim/engine/run/shell.hpp"

namespace layerlab::engine::run {

RunResult simulateRun(const RunRequest& request) {
    detail::Shell sh(request.rootfs);
    sh.cwd = request.workdir.empty() ? "/" : request.workdir;
    sh.user = request.user;
    sh.nowMs = request.nowMs;
    for (const auto& kv : request.env) {
        auto eq = kv.find('=');
        if (eq != std::string::npos) sh.vars[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    sh.vars.emplace("HOME", sh.user.empty() || sh.user == "root" ? "/root" : "/home/" + sh.user);

    RunResult result;
    const auto& argv = request.argv;
    auto base = [](const std::string& p) { auto s = p.rfind('/'); return s == std::string::npos ? p : p.substr(s + 1); };
    bool shell = argv.size() >= 3 && argv[1] == "-c" &&
                 (base(argv[0]) == "sh" || base(argv[0]) == "bash" || base(argv[0]) == "dash" || base(argv[0]) == "ash");
    sh.elapsedMs = 20;   // container start
    if (argv.empty()) {
        result.exitCode = 0;
    } else if (shell) {
        result.exitCode = detail::runScript(sh, argv[2]);
    } else {
        detail::CommandIo io;
        result.exitCode = detail::runCommand(sh, argv, io);
        sh.emit(io.out.size() && io.out.back() == '\n' ? io.out.substr(0, io.out.size() - 1) : io.out);
        sh.emit(io.err.size() && io.err.back() == '\n' ? io.err.substr(0, io.err.size() - 1) : io.err);
    }
    sh.elapsedMs += 30;   // commit
    result.output = std::move(sh.log);
    result.changes = sh.fs.changes();
    result.deleted = sh.fs.deleted();
    result.rootfs = sh.fs.view();
    result.durationMs = sh.elapsedMs;
    result.unmodelled = std::move(sh.unmodelled);
    return result;
}

}  // namespace layerlab::engine::run
