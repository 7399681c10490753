// events_command: `docker events` over the recorded event log (event_log.hpp).
//
// --since and --until take what the daemon takes (timetypes.GetTimestamp):
// a Go duration counted back from now ("10m", "1h30m"), Unix seconds
// ("1767603600", "1767603600.5"), or an RFC 3339 date ("2026-01-05",
// "2026-01-05T09:00:00Z"). --filter type=, event=, container=, image= narrow it.
//
// A real `docker events` without --until streams until Ctrl-C, and without
// --since it shows only what happens from then on. LayerLab prints what is
// recorded in the window (nothing without --since or --until, as Docker;
// with --until alone, the log from its start) and
// returns at once, saying that the real one would keep waiting; with
// --until, Docker too prints the window and exits.
#pragma once
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

struct EventsOptions {
    std::string since;
    std::string until;
    std::vector<std::string> filters;
};
ContainerOutcome listEvents(const State& state, const EventsOptions& options);

}   // namespace layerlab::engine
