// container_lifecycle: the state machine under create/start/stop/kill/pause/
// rm, shared by the command functions (run.cpp, lifecycle_commands.cpp, …).
//
// Created --start--> Running --(program exits | stop | kill)--> Exited
// Running <--pause/unpause--> Paused; any --rm(-f)--> gone.
// A start allocates the published ports, starts the simulated program
// (process_model.hpp) and records its start-up output in the logs; a stop
// delivers the stop signal and, when the program ignores it (PID 1 without a
// handler), waits the timeout on the virtual clock and kills it (137).
#pragma once
#include <string>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/containers/process_model.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine::containers {

// The program a container runs, rebuilt from what it loaded at its last start
// (deterministic, so asking again gives the same model).
Program programOf(const State& state, const Container& c);

// Starting: on success the container is Running (or already Exited when the
// program ended at once, and gone if it was --rm). error: the daemon's text
// without "Error response from daemon: " (port conflicts, runc's exec error).
struct StartResult {
    bool ok = false;
    std::string error;
    Program program;
    bool removed = false;   // --rm container that already exited and was removed
};
StartResult startAt(State& state, size_t index, ContainerOutcome& out);

// The program ends (exit code), ports are released, --rm removes it. Returns
// true when the container was removed (index is then invalid).
bool endProcess(State& state, size_t index, int exitCode, ContainerOutcome& out);

// Delivers a signal to a running container's program: it ends with the
// program's exit code if it handles the signal (or on SIGKILL: 137), else
// nothing happens. Returns whether it ended; *removed as above.
bool deliverSignal(State& state, size_t index, int signal, ContainerOutcome& out, bool* removed);

// docker stop's sequence (signal, wait `timeoutSeconds` on the clock, SIGKILL).
void stopAt(State& state, size_t index, const std::string& signal, int timeoutSeconds, ContainerOutcome& out,
            bool* removed);

// Appends `lines` to the outcome: stdout lines to out, stderr lines to err
// (with a TTY everything goes to out, as one stream).
void printLines(ContainerOutcome& out, const std::vector<OutputLine>& lines, bool tty);

// Runs a command inside a running container (docker exec, or a line typed
// into an attached shell): the program model with pid1=false over the merged
// file system; what it writes lands in the writable layer.
Program runInside(State& state, size_t index, const std::vector<std::string>& argv, const std::string& workdir,
                  const std::vector<std::string>& extraEnv, bool interactive, bool tty);

// Removes the container record (no checks); its anonymous volumes go too when
// asked (rm -v) or when it was started with --rm.
void eraseAt(State& state, size_t index, ContainerOutcome& out, bool removeAnonymousVolumes = false);

// The docker CLI's reportError for `docker run`: "docker: " + msg + "." and,
// with help, a blank line and "Run 'docker run --help' for more information".
std::string runError(const std::string& message, bool withHelp, const std::string& command = "run");

}   // namespace layerlab::engine::containers
