// run_simulator: what a Dockerfile RUN does, simulated instead of executed.
//
// A small model of /bin/sh (dash, as in Debian-based images) for the commands
// a course runs: words and quotes, $VAR / ${VAR:-x}, globs, `&&`, `||`, `;`,
// pipes, `>`/`>>`/`2>&1` redirections, heredocs, `cd`, `export`; coreutils
// (echo, printf, mkdir, touch, cp, mv, rm, cat, chmod, chown, ln, ls, pwd,
// true/false, exit); package managers (npm install / npm ci, pip install,
// apt-get update / install, apk add). Each has a deterministic effect on the
// file system and a plausible simulated duration. Errors use the real tools'
// words ("cp: cannot stat 'x': No such file or directory", npm's
// "npm error code EJSONPARSE" block) and exit codes.
//
// A command the model does not know runs with no effect on the file system
// and the log says so plainly; the simulator never pretends it ran a program.
//
// The result is a layer: the entries the command added or changed and the
// paths it deleted (whiteouts), plus the merged file system after it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::engine::run {

struct RunRequest {
    // The process to start, as BuildKit's ExecOp gets it: shell form is
    // {"/bin/sh", "-c", "npm install"}; exec (JSON) form is the array itself.
    std::vector<std::string> argv;
    fs::FileTree rootfs;   // the file system before the step
    std::string workdir = "/";   // absolute
    std::vector<std::string> env;   // "KEY=value", later entries win
    std::string user;   // "" = root
    int64_t nowMs = 0;   // virtual time, for mtimes of written files
};

struct OutputLine {
    int64_t atMs = 0;   // since the step started
    std::string text;   // without the newline
};

struct RunResult {
    int exitCode = 0;
    std::vector<OutputLine> output;   // stdout and stderr, in order
    fs::FileTree changes;   // the layer: added or changed entries
    std::vector<std::string> deleted;   // whiteouts (tree paths, no leading '/')
    fs::FileTree rootfs;   // the file system after the command
    int64_t durationMs = 0;
    std::vector<std::string> unmodelled;   // programs that ran with no simulated effect
};

RunResult simulateRun(const RunRequest& request);

}   // namespace layerlab::engine::run
