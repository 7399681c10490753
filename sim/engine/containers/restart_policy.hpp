// restart_policy: `--restart` and the daemon's restart manager.
//
// Parsing and validation in Docker's words (docker/cli opts.ParseRestartPolicy,
// moby's container.ValidateRestartPolicy), and what happens when a
// container's process ends by itself (moby restartmanager.ShouldRestart):
//   no              never restarted
//   always          restarted whatever the exit code
//   unless-stopped  the same, here (see below)
//   on-failure[:N]  restarted when the exit code is not 0, at most N times
// The restart waits a back-off on the virtual clock: 100 ms, doubled at
// each restart up to one minute, back to 100 ms once the process had run
// 10 seconds. Meanwhile the container is Restarting (`docker ps`: "Restarting
// (1) 2 seconds ago"); each restart adds one to RestartCount.
// `docker stop` / `docker kill` (and Ctrl-C forwarded by an attached client)
// stop it for good: HasBeenManuallyStopped; `docker start` / `restart`
// clear that and RestartCount.
//
// Simplified: the engine never restarts, so `always` and `unless-stopped`
// never differ here. On a real daemon they differ only when dockerd itself
// restarts: an `always` container that was stopped by hand is started again
// then, an `unless-stopped` one is not.
#pragma once
#include <cstdint>
#include <string>

#include "sim/engine/state.hpp"

namespace layerlab::engine::containers {

// The CLI's parse of "on-failure:3": error "invalid restart policy format:
// maximum retry count must be an integer" / "... no policy provided before colon".
struct RestartParse {
    RestartPolicy policy;
    std::string error;
};
RestartParse parseRestartPolicy(const std::string& text);

// The daemon's check: "invalid restart policy: unknown policy 'x'; use one of
// 'no', 'always', 'on-failure', or 'unless-stopped'", "" when valid.
std::string validateRestartPolicy(const RestartPolicy& policy);

// The restart manager on an exit at `exitMs` that nobody asked for: true when
// the policy restarts the container (it is then Restarting, restartAtMs set).
bool scheduleRestart(Container& c, int exitCode, int64_t exitMs);

}   // namespace layerlab::engine::containers
