// Container command options and results: what the docker CLI parser fills in
// and what the container operations (container_api.hpp) hand back.
//
// The structs mirror docker/cli's flags one to one (raw strings where Docker
// parses them on the daemon side, e.g. `-p` specs), so a parser only copies
// values and every validation error comes from the engine in Docker's words.
//
// [SECTION] Options: RunOptions (run/create), StartOptions, StopOptions,
//           KillOptions, RmOptions, PsOptions, LogsOptions, AttachOptions,
//           ExecOptions, InspectOptions, PruneOptions
// [SECTION] Results: Hint, Attachment, ContainerOutcome
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/events.hpp"

namespace layerlab::engine {

struct State;

// ---------------------------------------------------------------- [SECTION] Options

// `docker run` / `docker create` (create ignores detach, sigProxy, detachKeys).
struct RunOptions {
    std::string image;   // IMAGE as typed: "node", "myapp:1", "sha256:…", a short ID
    std::vector<std::string> command;   // [COMMAND] [ARG...] after IMAGE; empty = image CMD
    std::string name;   // --name ("" = random adjective_surname)
    bool detach = false;   // -d
    bool rm = false;   // --rm
    bool interactive = false;   // -i
    bool tty = false;   // -t
    std::vector<std::string> publish;   // -p, raw: "3000:80", "127.0.0.1:8080:80/tcp", "80"
    bool publishAll = false;   // -P
    std::vector<std::string> expose;   // --expose, raw: "80", "8080/udp"
    std::vector<std::string> env;   // -e, raw: "KEY=value" or "KEY" (taken from the host: unset here)
    std::string workdir;   // -w
    std::optional<std::string> entrypoint;   // --entrypoint; set to "" by `--entrypoint=` (clears it)
    std::vector<std::string> attach;   // -a stdin|stdout|stderr (empty = Docker's default)
    std::string pull = "missing";   // --pull always|missing|never
    bool quiet = false;   // -q: no pull progress
    bool sigProxy = true;   // --sig-proxy
    std::string detachKeys;   // --detach-keys ("" = ctrl-p,ctrl-q)
    std::string hostname;   // -h / --hostname ("" = short ID)
    std::string user;   // -u
    bool terminal = false;   // the shell's output is a terminal: pull progress as it stays on screen
    std::vector<std::string> volumes;   // -v, raw: "data:/data", "/data", "./src:/app:ro"
    std::vector<std::string> mounts;   // --mount, raw: "type=volume,source=data,target=/data"
    std::string network;   // --network / --net ("" = the default bridge): "host", "none", a network's name or ID
    bool networkGiven = false;   // --network was typed (`--network ""` is an error)
    std::vector<std::string> networkAliases;   // --network-alias / --net-alias
    // Turns a typed host path into a State.host tree path (nullopt: outside
    // ~/app). The CLI owns the host's paths; without it binds are refused.
    std::optional<std::string> (*hostPath)(const State&, const std::string&) = nullptr;
    // --restart (raw: "always", "on-failure:3"), -m / --memory and --cpus
    // (parsed by the CLI; see container_update.hpp).
    std::string restart;
    int64_t memoryBytes = 0;
    int64_t nanoCpus = 0;
};

// `docker start [-a] [-i] CONTAINER...`
struct StartOptions {
    std::vector<std::string> containers;
    bool attach = false;   // -a
    bool interactive = false;   // -i
    std::string detachKeys;
};

// `docker stop` / `docker restart` [-t N] [-s SIGNAL]
struct StopOptions {
    std::vector<std::string> containers;
    std::optional<int> timeoutSeconds;   // -t / --timeout (default 10)
    std::string signal;   // -s / --signal ("" = the image's STOPSIGNAL or SIGTERM)
};

// `docker kill [-s SIGNAL]`
struct KillOptions {
    std::vector<std::string> containers;
    std::string signal = "KILL";   // "KILL", "SIGKILL", "9", "TERM", "INT", "HUP", ...
};

// `docker rm [-f] [-v]`
struct RmOptions {
    std::vector<std::string> containers;
    bool force = false;   // -f
    bool volumes = false;   // -v: also remove the container's anonymous volumes
};

// `docker ps` / `docker container ls`
struct PsOptions {
    bool all = false;   // -a
    bool quiet = false;   // -q
    bool size = false;   // -s
    bool latest = false;   // -l
    int last = -1;   // -n N (-1 = unset)
    bool noTrunc = false;   // --no-trunc
    std::vector<std::string>
        filters;   // --filter raw "status=running", "name=web", "ancestor=node", "id=…", "exited=0"
    std::string format;   // --format ("" = table, "table …", or a template like "{{.Names}}")
};

// `docker logs [-f] [--tail N] [-t] CONTAINER`
struct LogsOptions {
    std::string container;
    bool follow = false;   // -f
    std::string tail = "all";   // --tail / -n: "all" or a number
    bool timestamps = false;   // -t
};

// `docker attach CONTAINER`
struct AttachOptions {
    std::string container;
    bool noStdin = false;   // --no-stdin
    bool sigProxy = true;   // --sig-proxy
    std::string detachKeys;   // --detach-keys
};

// `docker exec [-i] [-t] [-d] [-w DIR] [-e K=V] [-u USER] CONTAINER COMMAND [ARG...]`
struct ExecOptions {
    std::string container;
    std::vector<std::string> command;
    bool interactive = false;
    bool tty = false;
    bool detach = false;
    std::string workdir;
    std::vector<std::string> env;
    std::string user;
};

// `docker inspect` / `docker container inspect` [-f FORMAT] [-s]
struct InspectOptions {
    std::vector<std::string> containers;
    std::string format;   // "" = JSON array; else a Go template over the inspect document ("{{.State.Status}}")
    bool size = false;   // -s: SizeRw / SizeRootFs
};

// `docker container prune [-f] [--filter until=…]`
struct PruneOptions {
    bool force = false;   // -f (the confirmation prompt is the CLI's business)
    std::vector<std::string> filters;   // "until=24h" is not modelled; "label=…" neither
};

// ---------------------------------------------------------------- [SECTION] Results

// A teaching note shown apart from Docker's own output (the shell prints it
// styled, never mixed into stdout): where the simulator simplifies, or why
// Docker behaved as it did.
struct Hint {
    std::string en;
    std::string ko;
};

// The terminal stays connected to a running container: after `docker run`
// without -d, `docker start -a`, `docker attach`, or `docker logs -f`. The
// shell keeps it and routes Ctrl-C, Ctrl-P Ctrl-Q, typed lines and Ctrl-D to
// the attached* functions in container_api.hpp until one returns no attachment.
struct Attachment {
    enum class Kind { Run, Start, Attach, LogsFollow };
    Kind kind = Kind::Run;
    std::string containerId;   // full 64-hex ID
    bool stdinAttached = false;   // -i: typed lines go to the program
    bool tty = false;   // the container has a TTY (-t)
    bool sigProxy = true;   // Ctrl-C is forwarded as SIGINT (only without a TTY; with one it is a byte)
    std::string detachKeys;   // "" = ctrl-p,ctrl-q
    std::string prompt;   // what the program prints while waiting for input ("> ", "/ # "), "" if none
    int interrupts = 0;   // Ctrl-C presses the program has seen in a row (node's REPL exits on the second)
    // SIGINTs the docker client itself received (Ctrl-C without a raw -it
    // terminal). Since CLI 27 the third makes it give up: "got 3
    // SIGTERM/SIGINTs, forcefully exiting", exit 1, the container runs on.
    int clientSignals = 0;
};

// What a container command did. Derives from Outcome, so it can be used where
// an Outcome is expected (the extra fields are then simply dropped).
struct ContainerOutcome : layerlab::Outcome {
    std::optional<Attachment> attached;   // set while the terminal stays attached
    std::vector<Hint> hints;
};

}   // namespace layerlab::engine
