// host_commands: what the learner's host has besides the shell and its
// coreutils (sim/shell): `curl` to localhost, LayerLab's own `why`, and the
// host's file system as the shell sees it. Machine registers them into its
// bash-flavoured Shell (host_shell.cpp); there is no second ls/cat/rm here.
//
//   curl [-s] [-i] URL   (http://localhost:PORT/PATH, answered by the container
//                         that publishes PORT: engine::curlLocalhost)
//   why [STEP]           the last build's steps, CACHED or REBUILT with the reason
//
// Only ~/app exists in the model (host_paths.hpp): HostFiles is State.host
// mounted at /home/learner/app. Each edit also records a FileChanged event
// for the window ("written", "touched" when only the mtime moved, "mode",
// "deleted"). Writes stamp the virtual clock as mtime: `touch` moves only the
// mtime, which Docker's build cache ignores, while `chmod` changes the mode,
// which it does not.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"
#include "sim/shell/shell.hpp"

namespace layerlab::cli {

// `why [STEP]` (LayerLab's own): the last build's steps, CACHED or REBUILT with the reason.
Outcome runWhy(const engine::State& state, const std::vector<std::string>& args);

// `curl URL` (host_curl.cpp).
engine::ContainerOutcome runCurl(const engine::State& state, const std::vector<std::string>& args);

// A command the host's shell runs (a builtin, a coreutil, docker, curl, why ...).
bool isHostCommandName(const std::string& name);
// The same names as a list (Tab completion offers them).
const std::vector<std::string>& hostCommandNames();

// State.host as the shell's Files.
class HostFiles : public shell::Files {
public:
    explicit HostFiles(engine::State& state) : m_state(state) {}
    const fs::FileTree& view() const override { return m_state.host; }
    std::string put(const std::string& path, fs::FileEntry entry) override;
    std::string mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) override;
    std::string remove(const std::string& path) override;
    std::string graft(const std::string& path, const fs::FileTree& sub) override;
    std::vector<Event> takeEvents() { return std::move(m_events); }
    bool changed() const { return m_changed; }

private:
    engine::State& m_state;
    std::vector<Event> m_events;
    bool m_changed = false;
};

}   // namespace layerlab::cli
