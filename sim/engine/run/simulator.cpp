// simulateRun: starts the simulated process of a RUN step. A shell
// (`/bin/sh -c SCRIPT`, `bash -c`, ...) runs the script through the one shell
// model (sim/shell) in the flavour of the image's /bin/sh: busybox ash when
// the image has /bin/busybox (Alpine, busybox), else dash (Debian, Ubuntu);
// an exec-form command runs as one simple command.
#include "sim/engine/run/simulator.hpp"

#include "sim/engine/run/shell.hpp"
#include "sim/engine/timings.hpp"

namespace layerlab::engine::run {

RunResult simulateRun(const RunRequest& request) {
    detail::Overlay overlay(request.rootfs);
    const auto& argv = request.argv;
    auto base = [](const std::string& p) {
        auto s = p.rfind('/');
        return s == std::string::npos ? p : p.substr(s + 1);
    };
    std::string program = argv.empty() ? "" : base(argv[0]);
    shell::Config config;
    config.flavour = program == "bash"                                           ? shell::Flavour::Bash
                     : request.rootfs.exists("bin/busybox") && program != "dash" ? shell::Flavour::Ash
                                                                                 : shell::Flavour::Dash;
    shell::Shell sh(overlay, config);
    sh.cwd = request.workdir.empty() ? "/" : request.workdir;
    sh.user = request.user;
    sh.nowMs = request.nowMs;
    for (const auto& kv : request.env) {
        auto eq = kv.find('=');
        if (eq == std::string::npos) continue;
        sh.vars[kv.substr(0, eq)] = kv.substr(eq + 1);
        sh.exported.insert(kv.substr(0, eq));
    }
    if (sh.vars.emplace("HOME", sh.user.empty() || sh.user == "root" ? "/root" : "/home/" + sh.user).second)
        sh.exported.insert("HOME");

    // The build log: each command's output, line by line, at the simulated time.
    std::vector<OutputLine> log;
    auto emit = [&](std::string_view text) {
        if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
        if (text.empty()) return;
        size_t start = 0;
        while (start <= text.size()) {
            size_t nl = text.find('\n', start);
            if (nl == std::string_view::npos) nl = text.size();
            log.push_back({sh.elapsedMs, std::string(text.substr(start, nl - start))});
            start = nl + 1;
        }
    };
    sh.terminal = [&](std::string_view out, std::string_view err, const shell::Io&) {
        emit(out);
        emit(err);
    };
    std::vector<std::string> unmodelled;
    sh.fallback = [&](shell::Shell& s, const std::vector<std::string>& args, shell::Io& io) {
        int r = detail::runPackageManager(s, args, io);
        if (r >= 0) return r;
        // Not modelled: it "ran", changed nothing, and the log says so.
        std::string cmd = base(args[0]);
        s.elapsedMs += timing::kRunUnmodelledCommandMs;
        unmodelled.push_back(cmd);
        io.out +=
            "[LayerLab] '" + cmd + "' is not modelled by the simulator: it ran with no effect on the file system\n";
        return 0;
    };

    RunResult result;
    bool shellForm = argv.size() >= 3 && argv[1] == "-c" &&
                     (program == "sh" || program == "bash" || program == "dash" || program == "ash");
    sh.elapsedMs = timing::kRunContainerStartMs;
    if (argv.empty()) {
        result.exitCode = 0;
    } else if (shellForm) {
        result.exitCode = sh.run(argv[2]);
    } else {
        shell::Io io;
        result.exitCode = sh.runArgv(argv, io);
        emit(io.out);
        emit(io.err);
    }
    sh.elapsedMs += timing::kRunCommitMs;
    result.output = std::move(log);
    result.changes = overlay.changes();
    result.deleted = overlay.deleted();
    result.rootfs = overlay.view();
    result.durationMs = sh.elapsedMs;
    result.unmodelled = std::move(unmodelled);
    return result;
}

}   // namespace layerlab::engine::run
