// host_paths: where the simulated host's files are.
//
// The learner's home is /home/learner and the build-context folder is
// /home/learner/app (shown as ~/app). Only ~/app exists in the model: it is
// State.host, and State.cwd is the shell's directory inside it ("" = ~/app).
// Paths typed in the terminal (relative, ./, ../, ~/app/..., absolute) are
// resolved to State.host tree paths here; a path that leaves ~/app is
// reported as outside the model rather than pretended to exist or not.
#pragma once
#include <string>
#include <string_view>

#include "sim/engine/state.hpp"

namespace layerlab::cli {

inline constexpr const char* kHomeDir = "/home/learner";
inline constexpr const char* kAppDir = "/home/learner/app";

struct HostPath {
    std::string tree;   // path in State.host ("" = ~/app itself)
    bool outside = false;   // the path leaves ~/app
};

// Resolves `arg` against state.cwd. "~" expansion was done by the shell syntax.
HostPath resolveHostPath(const engine::State& state, std::string_view arg);

// "/home/learner/app/src" for a tree path.
std::string absoluteHostPath(std::string_view treePath);

// "~/app", "~/app/src": the current directory as bash's prompt shows it.
std::string promptDir(const engine::State& state);

// "cat: /etc/passwd: outside ~/app ..." in the session language.
std::string outsideMessage(const engine::State& state, std::string_view command, std::string_view arg);

}   // namespace layerlab::cli
