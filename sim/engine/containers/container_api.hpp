// Containers: the engine side of every `docker container …` command.
//
// Each operation is a plain function on engine::State. It returns Docker's
// exact stdout/stderr text and exit code plus events (ContainerOutcome, an
// Outcome with teaching hints and an optional attachment). An operation that
// fails leaves the State exactly as it was; a multi-container command (`docker
// stop a b`) applies what succeeds and reports each failure, as Docker does.
//
// The model (docs for learners live in the hints; see also the README):
//   - A container is its image's layers plus one writable layer
//     (Container::writable). Files written by the program or by `docker exec`
//     live there and vanish with `docker rm`; the image never changes.
//   - The program is simulated: at start it reads its own source inside the
//     container (node server.js, python app.py, nginx/httpd's index.html, a
//     shell one-liner) with a simplified, regex-level reading, which decides
//     the port it listens on, what it logs, and what it answers to curl.
//   - Time is the virtual clock. These functions do not tick it for "a command
//     happened": the shell advances State::clock by kCommandTickMs per command
//     line. They advance it only by what the operation itself takes (the 10 s a
//     `docker stop` waits for a program that ignores SIGTERM).
//
// [SECTION] Lifecycle: run, create, start, stop, restart, kill, pause, unpause, rm
// [SECTION] Reading: ps, logs, inspect, system df
// [SECTION] Inside: exec, curl
// [SECTION] Attached terminal: Ctrl-C, Ctrl-P Ctrl-Q, input, EOF, closing the terminal
// [SECTION] Housekeeping: container prune
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

// How far the shell moves the virtual clock for each command line it runs.
inline constexpr int64_t kCommandTickMs = 1000;

// ---------------------------------------------------------------- [SECTION] Lifecycle

// `docker run`: resolve (and if missing pull, with "Unable to find image …"
// and the pull progress on stderr) the image, create, start, and attach unless
// -d. -d prints the full ID. When the program keeps running and the run is
// attached, the result carries an Attachment. Exit code: the program's, or
// 125 (daemon error), 127 (executable not found), as the docker CLI returns.
ContainerOutcome runContainer(State& state, const RunOptions& options);

// `docker create`: prints the full ID; the container is Created.
ContainerOutcome createContainer(State& state, const RunOptions& options);

// `docker start [-a] [-i] CONTAINER...`: prints each name as given (detached),
// or attaches to one container with -a.
ContainerOutcome startContainers(State& state, const StartOptions& options);

// `docker stop`: SIGTERM (or the image's STOPSIGNAL), then SIGKILL after the
// timeout when the program ignores it (node as PID 1 does: Exited (137)).
ContainerOutcome stopContainers(State& state, const StopOptions& options);

// `docker restart`: stop (as above) then start again; RestartCount is not
// changed (that counts automatic restarts only, as in Docker).
ContainerOutcome restartContainers(State& state, const StopOptions& options);

// `docker kill [-s SIGNAL]`
ContainerOutcome killContainers(State& state, const KillOptions& options);

// `docker pause` / `docker unpause`
ContainerOutcome pauseContainers(State& state, const std::vector<std::string>& containers);
ContainerOutcome unpauseContainers(State& state, const std::vector<std::string>& containers);

// `docker rm [-f]`
ContainerOutcome removeContainers(State& state, const RmOptions& options);

// ---------------------------------------------------------------- [SECTION] Reading

// `docker ps` / `docker container ls`
ContainerOutcome listContainers(const State& state, const PsOptions& options);

// `docker logs`. With -f on a running container the result is attached
// (Kind::LogsFollow); Ctrl-C ends the follow and leaves the container running.
ContainerOutcome containerLogs(const State& state, const LogsOptions& options);
// Counts a successful `docker logs` on the container (Container::logsRead),
// so a lesson can ask "did the learner read bg's logs?".
void noteLogsRead(State& state, const std::string& container);

// `docker attach`: attaches the terminal to a running container (its past
// output is not repeated; see containerLogs). Errors as the CLI prints them:
// "You cannot attach to a stopped container, start it first".
ContainerOutcome attachContainer(State& state, const AttachOptions& options);

// `docker container inspect`: the JSON array Docker prints (4-space indent),
// or one line per container for -f FORMAT.
ContainerOutcome inspectContainers(const State& state, const InspectOptions& options);

// True when `ref` names a container (exact ID, name, or unique ID prefix):
// `docker inspect X` tries containers before images, as Docker does.
bool isContainerRef(const State& state, std::string_view ref);

// `docker system df`'s Containers row.
struct ContainersDiskUsage {
    int total = 0;
    int active = 0;   // running or paused
    uint64_t size = 0;   // bytes in writable layers
    uint64_t reclaimable = 0;   // bytes in the writable layers of stopped containers
};
ContainersDiskUsage containersDiskUsage(const State& state);

// The containers created from an image ID, in creation order (`docker rmi`
// conflicts, `docker system df` ACTIVE images).
std::vector<const Container*> containersUsingImage(const State& state, std::string_view imageId);

// ---------------------------------------------------------------- [SECTION] Inside

// `docker exec`: a small command set run against the container's merged
// filesystem (ls, cat, echo [> file], mkdir -p, touch, rm, pwd, env, sh -c "…"
// with && ; ||). Writes go to the writable layer.
ContainerOutcome execInContainer(State& state, const ExecOptions& options);

// `curl http://localhost:PORT/PATH` from the host: answered by the container
// that publishes PORT, from the program it started (what it loaded at start:
// editing server.js on the host changes nothing until a rebuild and re-run).
// Errors exactly as curl 7.88 prints them.
ContainerOutcome curlLocalhost(const State& state, int port, std::string_view path);

// ---------------------------------------------------------------- [SECTION] Attached terminal

// Ctrl-C while attached. Without a TTY and with --sig-proxy the CLI forwards
// SIGINT to the program; with -t the TTY turns it into SIGINT too. Whether the
// program dies (and its exit code) is the program's business: a shell exits
// 130, nginx/httpd stop cleanly, node as PID 1 ignores it. For LogsFollow it
// only ends the follow.
ContainerOutcome attachedInterrupt(State& state, const Attachment& attachment);

// The detach keys (Ctrl-P Ctrl-Q, or --detach-keys). They detach only when
// stdin is attached with a TTY (-it): "read escape sequence"; otherwise they
// are ordinary input and nothing happens.
ContainerOutcome attachedDetachKeys(State& state, const Attachment& attachment);

// A line typed while stdin is attached (-i): a shell runs it, a REPL answers
// what the simulator understands (.exit, exit).
ContainerOutcome attachedInput(State& state, const Attachment& attachment, std::string_view line);

// Ctrl-D while stdin is attached: end of input; shells and REPLs exit 0.
ContainerOutcome attachedEof(State& state, const Attachment& attachment);

// Closing the terminal window: the docker client dies, the container keeps
// running (with --rm it is not removed until it exits).
ContainerOutcome attachedCloseTerminal(State& state, const Attachment& attachment);

// ---------------------------------------------------------------- [SECTION] Housekeeping

// `docker container prune`: removes every stopped (created, exited, dead)
// container. Output: "Deleted Containers:" + IDs, then "Total reclaimed space: …".
ContainerOutcome pruneContainers(State& state, const PruneOptions& options);

}   // namespace layerlab::engine
