// event_log: the daemon's event log (`docker events`), kept in State.
//
// Engine operations record what moby's daemon logs, at the virtual time it
// happens: container create / attach / start / kill / die / stop / restart /
// destroy / pause / unpause / update, image pull / push / tag / untag /
// delete, volume create / destroy. Not yet: builds, rename, volume mount /
// unmount, network connect / disconnect.
// Attributes are those moby attaches (a container's image as typed, its name,
// its labels; die adds exitCode and execDuration; an image's name). The log
// keeps the last kEventsKept entries, as moby's in-memory buffer keeps 256,
// and like that buffer it is not saved with an export.
//
// `docker events` (events_command.hpp) prints them in docker/cli's format:
//   2026-01-05T09:00:03.000000000Z container start <id> (image=node, name=web)
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "sim/engine/state.hpp"

namespace layerlab::engine::events {

inline constexpr size_t kEventsKept = 256;

// Appends one event at `atMs` (dropping the oldest past kEventsKept).
void record(State& state, int64_t atMs, std::string type, std::string action, std::string actorId,
            std::map<std::string, std::string> attributes);

// A container event now (or at `atMs` when >= 0): attributes image, name,
// the image's labels, plus `extra` (exitCode, signal, ...).
void container(State& state, const Container& c, const std::string& action,
               std::map<std::string, std::string> extra = {}, int64_t atMs = -1);

// An image event now: actor `actorId` (an image ID or a reference), the
// image's labels when it still exists, and name=`name` when not empty.
void image(State& state, const std::string& actorId, const std::string& name, const std::string& action);

// docker/cli's prettyPrintEvent: RFC3339NanoFixed time, type, action, actor
// ID, then the attributes sorted by key in parentheses.
std::string line(const DaemonEvent& e);

}   // namespace layerlab::engine::events
