// container_core: the small pieces every container command shares.
//
// IDs (64 hex from State::rng, never all digits in the short form, as
// stringid.GenerateRandomID), finding a container the way the daemon's
// GetContainer does (exact ID, exact name, then a unique ID prefix), the
// status words of `docker ps` and inspect, the container's merged file system
// (image layers + writable layer), and "settling" programs that ended by
// themselves as virtual time passed.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <vector>

#include "sim/engine/state.hpp"
#include "sim/events.hpp"

namespace layerlab::engine::containers {

// 64 lower-case hex digits; redrawn while the 12-char short ID is all digits.
std::string newContainerId(Rng& rng);

// Docker's container lookup. index is into state.containers, -1 on error;
// error is the daemon's text without "Error response from daemon: ":
//   "No such container: nope"
//   "multiple IDs found with provided prefix: 4"
//   "invalid container name or ID: value is empty"
struct Lookup {
    int index = -1;
    std::string error;
};
Lookup findContainer(const State& state, std::string_view ref);

// Running, Paused or Restarting: the process exists (ps without -a shows it,
// it holds its ports, `rm` refuses it without -f).
bool isUp(const Container& c);

// `docker ps` STATUS: "Created", "Up 5 seconds", "Up 5 seconds (Paused)",
// "Exited (0) 3 seconds ago", "Restarting (1) 2 seconds ago", "Dead"
// (moby container/state.go State.String).
std::string statusText(const Container& c, int64_t nowMs);

// inspect .State.Status and the ps status filter: "created", "running",
// "paused", "restarting", "exited", "dead".
std::string stateName(const Container& c);
// The word of a status alone: what stateName says for a container that has
// started (an Exited container that never started is "created" there).
std::string stateName(Container::Status status);

// The container's root file system: image layers, then the writable layer
// (whiteouts applied). asLoaded: the writable layer as the program saw it when
// it last started (what a running server serves).
fs::FileTree containerRootfs(const State& state, const Container& c, bool asLoaded = false);

// Bytes in the writable layer (ps -s SIZE, system df).
uint64_t writableSize(const Container& c);
// Image size + writable layer (ps -s "virtual").
uint64_t virtualSize(const State& state, const Container& c);

// Programs that end by themselves (exitAtMs) and whose time has come are
// marked Exited at that time; --rm ones are removed. Returns the events.
std::vector<Event> settleContainers(State& state);

// Docker's exit code for a process killed by a signal: 128 + signal number.
int signalNumber(std::string_view signal);   // "KILL", "SIGKILL", "9" -> 9; 0 when unknown
std::string signalName(int number);   // 9 -> "SIGKILL"

}   // namespace layerlab::engine::containers
