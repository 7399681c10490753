// State: everything the simulated machine knows, as one value.
//
// Images, layers, the build cache, containers, the host's build-context
// folder, the virtual clock and the seeded random source. Layers and file
// trees are immutable and shared, so copying a State is cheap; a command that
// fails is run on a copy and the copy is dropped ("nothing half-applied").
// Undo is a stack of States. Export is JSON of a State (sim/scenario).
//
// Owners: images/layers/cache/registry -> sim/engine (builder, registry,
// image store); containers -> sim/engine (containers); host files -> sim/cli.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/builder/build_record.hpp"
#include "sim/fs/file_tree.hpp"

namespace layerlab::engine {

using Digest = std::string;   // "sha256:" + 64 lower-case hex digits

// Virtual time in milliseconds since the Unix epoch. Starts at the scenario's
// epoch (default 2026-01-05T09:00:00Z) and only moves when a command says so.
struct Clock {
    int64_t nowMs = 1767603600000;
    void advance(int64_t ms) { nowMs += ms; }
};

// Deterministic random source (splitmix64). Names, container IDs and ephemeral
// ports come from here, so the same seed replays the same session.
struct Rng {
    uint64_t state = 1;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
};

// One filesystem layer: what a step added, changed or deleted.
struct Layer {
    Digest diffId;   // sha256 of the canonical tar-like encoding of the changes
    fs::FileTree changes;   // added/changed files, absolute paths without the leading '/'
    std::vector<std::string> deleted;   // whiteouts
    uint64_t size = 0;   // bytes, as `docker history` shows them
    // For layers that come from the simulated hub: the compressed blob digest
    // and its size, shown in pull progress ("a1b2c3d4e5f6: Pull complete").
    Digest blobDigest;
    uint64_t compressedSize = 0;
};

struct HistoryEntry {
    int64_t createdMs = 0;
    std::string createdBy;   // "RUN /bin/sh -c npm install # buildkit"
    std::string comment;   // "buildkit.dockerfile.v0"
    bool emptyLayer = false;   // config-only steps: 0B in `docker history`
    uint64_t size = 0;
};

// The parts of an image config a course needs (docker image inspect .Config).
struct ImageConfig {
    std::vector<std::string> env;   // "KEY=value", in order
    std::optional<std::vector<std::string>> cmd;
    std::optional<std::vector<std::string>> entrypoint;
    std::string workingDir;
    std::string user;
    std::map<std::string, std::string> labels;
    std::vector<std::string> exposedPorts;   // "80/tcp", sorted, unique
    std::vector<std::string> volumes;
    std::string stopSignal;
    std::vector<std::string> shell;   // SHELL, empty = default ["/bin/sh","-c"]
    std::vector<std::string> onBuild;
};

struct Image {
    Digest id;   // sha256 of the canonical config JSON
    ImageConfig config;
    std::vector<Digest> layers;   // diff IDs, bottom to top
    std::vector<HistoryEntry> history;
    int64_t createdMs = 0;
    std::string architecture = "amd64";
    std::string os = "linux";
    std::vector<std::string> repoDigests;   // "node@sha256:..." for pulled images
    Digest parent;   // legacy builder only; empty for BuildKit / pulled
    std::string author;
    std::string comment;
    int64_t lastTagMs = 0;   // Metadata.LastTagTime: last local tag (docker tag / build -t); 0 = never
};

// A port published by `-p` / `-P`.
struct PortBinding {
    std::string hostIp = "0.0.0.0";
    int hostPort = 0;
    int containerPort = 0;
    std::string proto = "tcp";
};

struct LogLine {
    int64_t atMs = 0;
    bool stderrStream = false;
    std::string text;   // without the trailing newline
};

// A volume (`docker volume create`, `-v name:/path`, an image's VOLUME): a
// directory the daemon keeps apart from every container's writable layer,
// so its files outlive `docker rm` (sim/engine/volumes/volumes.hpp).
struct Volume {
    std::string name;   // "data", or 64 hex for an anonymous volume
    int64_t createdMs = 0;
    fs::FileTree files;   // the volume's contents (its _data directory)
    bool anonymous = false;   // made for one container (VOLUME, `-v /path`): removed with --rm / rm -v
    bool populated = false;   // the first mount copied the image's files in (Docker does it once)
};

// One mount of a container: a volume or a bind of a ~/app folder.
struct Mount {
    enum class Type { Volume, Bind };
    Type type = Type::Volume;
    std::string source;   // volume name, or the State.host tree path of a bind ("" = ~/app)
    std::string destination;   // absolute path in the container: "/data"
    bool readOnly = false;
};

// A container's place on one network (NetworkSettings.Networks[name]).
// The address is the daemon's to give: set while the container runs, ""
// when it is stopped (Docker releases it at stop, as here).
struct Endpoint {
    std::string network;   // the network's name: "bridge", "host", "none", "mynet"
    std::vector<std::string> aliases;   // --network-alias / connect --alias: more DNS names
    std::string ipAddress;   // "172.18.0.2" while running, else ""
};

// A user-defined network (`docker network create`). The predefined bridge,
// host and none are not stored: every engine has them (sim/engine/networks).
struct Network {
    std::string id;   // 64 hex
    std::string name;
    std::string driver = "bridge";   // only bridge is modelled for user networks
    int64_t createdMs = 0;
    std::string subnet;   // "172.18.0.0/16"
    std::string gateway;   // "172.18.0.1"
    std::map<std::string, std::string> labels;   // --label
};

// HostConfig.RestartPolicy: "no", "always", "unless-stopped", "on-failure"
// (with MaximumRetryCount). sim/engine/containers/restart_policy.hpp applies it.
struct RestartPolicy {
    std::string name = "no";
    int maximumRetryCount = 0;
    bool operator==(const RestartPolicy&) const = default;
};

struct Container {
    enum class Status { Created, Running, Paused, Restarting, Exited, Dead };

    std::string id;   // 64 hex
    std::string name;   // without the leading '/'
    Digest imageId;
    std::string imageRef;   // as the user typed it: "node", "myapp:1"
    std::vector<std::string> path;   // entrypoint + cmd, as inspect's Path + Args
    std::vector<std::string> env;
    std::string workingDir;
    std::string user;
    Status status = Status::Created;
    int exitCode = 0;
    int64_t createdMs = 0;
    int64_t startedMs = 0;
    int64_t finishedMs = 0;
    bool autoRemove = false;   // --rm
    bool interactive = false;   // -i
    bool tty = false;   // -t
    std::vector<PortBinding> ports;
    std::vector<std::string> exposedPorts;   // image EXPOSE + -p/--expose, "80/tcp"
    fs::FileTree writable;   // the container's own thin layer
    std::vector<std::string> deleted;   // whiteouts in the writable layer
    std::vector<LogLine> logs;
    int restartCount = 0;
    // Config.Cmd / Config.Entrypoint as stored at create (empty = null); `path`
    // above is their composition (inspect's Path + Args).
    std::vector<std::string> cmd;
    std::vector<std::string> entrypoint;
    std::string hostname;   // Config.Hostname ("" = the short ID, Docker's default)
    std::string error;   // State.Error: why the last start failed ("" = none)
    // The writable layer as the program saw it when it last started: a running
    // program keeps the code it loaded, even if `docker exec` edits the file.
    fs::FileTree loadedWritable;
    // A running program that ends by itself at this virtual time (`sleep 30`),
    // with this exit code; 0 = runs until stopped.
    int64_t exitAtMs = 0;
    int exitAtCode = 0;
    // `ports` above is HostConfig.PortBindings as configured (hostPort 0 =
    // any free port, hostIp "" = all addresses); publishAll is -P. While the
    // container is up, activePorts are the bindings really made
    // (NetworkSettings.Ports); they are released when it stops.
    bool publishAll = false;
    std::vector<PortBinding> activePorts;
    // How the container was first started: `docker run` attached to the
    // terminal, `docker run -d` (or `docker start` without -a) detached; a
    // `docker create`d container not yet started is Created. Docker keeps no
    // such record in this form; lessons check it ("bg ran detached").
    enum class RunMode { Created, Attached, Detached };
    RunMode runMode = RunMode::Created;
    // How many times `docker logs` printed this container's logs (a lesson
    // asks the learner to read them; Docker keeps no count).
    int logsRead = 0;
    // Volumes and binds, in the order given: files under a destination live
    // in the volume (or ~/app), not in the writable layer.
    std::vector<Mount> mounts;
    // HostConfig.NetworkMode as given to run/create ("bridge" by default,
    // "host", "none", or a user network's name) and the networks the
    // container is on, in the order it joined them (sim/engine/networks).
    std::string networkMode = "bridge";
    std::vector<Endpoint> networks = {Endpoint{"bridge", {}, ""}};
    // --restart / `docker update`: the policy, and the resource limits that
    // `docker update` changes (HostConfig.Memory in bytes, NanoCpus; 0 = none).
    // Limits are recorded and shown, not enforced: the simulated programs use
    // no memory or CPU worth limiting.
    RestartPolicy restartPolicy;
    int64_t memoryBytes = 0;
    int64_t memorySwapBytes = 0;   // HostConfig.MemorySwap: -m alone sets twice the memory; -1 = unlimited
    int64_t nanoCpus = 0;
    // The restart manager's state: a `docker stop`/`kill` stops it for good
    // (HasBeenManuallyStopped); while Restarting, the next start is due at
    // restartAtMs, after a back-off that doubles from 100 ms up to a minute.
    bool manuallyStopped = false;
    int64_t restartAtMs = 0;
    int64_t restartDelayMs = 0;
};

// A cache record: one step's key -> what it produced. The builder owns the
// key rules (sim/engine/build_cache.*); this is only the stored data.
struct CacheRecord {
    std::string key;   // hex digest of the step's cache key
    Digest layer;   // diff ID produced ("" for config-only legacy steps)
    Digest imageId;   // legacy builder: the intermediate image
    std::string description;   // "[3/5] COPY . /app"
    int64_t durationMs = 0;   // how long the step took when it really ran
    int64_t createdMs = 0;
    int64_t lastUsedMs = 0;
    // What the key was made of, so a later miss can name the first thing that
    // differed (sim/engine/builder_reasons.*). Plain strings, JSON-friendly.
    std::string parentKey;   // key of the step before ("" for FROM)
    std::string op;   // "FROM", "RUN", "COPY", "ADD", "WORKDIR"; legacy: any keyword
    std::string command;   // the command text as keyed ("npm install", "COPY . /app")
    std::vector<std::string> inputs;   // "env:A=1", "arg:VERSION=2", "workdir:/app", "user:node", legacy "cmd:[...]"
    bool legacy = false;   // written by the legacy builder (its keys never mix with BuildKit's)
};

// One build step as Docker numbers it (BuildKit "[2/5]", legacy "Step 2/5").
struct BuildStepRecord {
    int stage = 0;   // 0-based stage index in the Dockerfile
    int step = 0;   // 1-based number shown to the learner
    std::string instruction;   // "WORKDIR /app", as Docker prints it
    bool cached = false;
    std::string reason;   // why it ran (empty when cached): "parent layer was rebuilt"
    std::string reasonKo;   // the same in Korean
    int64_t durationMs = 0;   // simulated time this build spent on it (0 when cached)
    int sourceLine = 0;   // 1-based line in the Dockerfile
    Digest layerDiffId;   // "" for config-only steps
    uint64_t layerSize = 0;
};

// The last `docker build`, for lessons ("the last build reused step K") and
// the window's cache panel.
struct LastBuild {
    bool ran = false;
    bool ok = false;
    bool legacy = false;
    Digest imageId;
    std::vector<std::string> tags;
    int64_t totalMs = 0;
    int64_t savedMs = 0;
    std::vector<BuildStepRecord> steps;
};

// The simulated Docker Hub's writable side: what learners pushed, and who
// is logged in. The official images are the fixed catalogue
// (registry/hub_catalog.hpp); pushed repositories live here, in the State, so
// undo, export and replay carry them (sim/engine/registry/hub_push.hpp).
struct PushedTag {
    Digest imageId;
    Digest manifestDigest;   // content-derived from the manifest text
    uint64_t manifestSize = 0;   // bytes of that manifest ("size: 1570")
    int64_t pushedMs = 0;
};
struct HubState {
    // `docker login`'s username ("" = logged out). Never a password: the
    // simulated login checks only that one was given, and forgets it.
    std::string loginUser;
    std::map<std::string, std::map<std::string, PushedTag>> repositories;   // "learner/myapp" -> tag -> what
    std::map<Digest, Image> images;   // the pushed image configs, by ID
    std::map<Digest, Layer> blobs;   // the pushed layers by diff ID (blobDigest set)
    bool empty() const { return loginUser.empty() && repositories.empty(); }
};

// One entry of the daemon's event log (`docker events`), as moby's
// events.Message: "container start <id> (image=node, name=web)".
struct DaemonEvent {
    int64_t atMs = 0;
    std::string type;   // "container", "image", "volume"
    std::string action;   // "create", "start", "die", "stop", "destroy", "pull", "tag", ...
    std::string actorId;   // container ID, image ID or reference
    std::map<std::string, std::string> attributes;   // printed sorted by key, as docker/cli does
};

struct State {
    // Host side: the folder the learner builds from (the build context) and
    // the shell's current directory inside it.
    fs::FileTree host;
    std::string cwd = "";   // relative to the host tree root, "" = ~/app

    std::map<Digest, Image> images;
    std::map<std::string, Digest> tags;   // "node:latest" -> image ID (full "name:tag" form)
    std::map<Digest, Layer> layers;   // by diff ID
    std::map<std::string, CacheRecord> buildCache;   // by key
    LastBuild lastBuild;   // written by sim/engine/builder
    // Every build's record, per tag ("myapp:latest"; "" = untagged), oldest
    // first, at most kBuildsKeptPerTag each: the picture's before/after, `why`,
    // play's JSON (sim/engine/builder/build_record.hpp).
    std::map<std::string, std::vector<BuildRecord>> buildHistory;

    std::vector<Container> containers;   // in creation order
    std::map<std::string, Volume> volumes;   // by name
    std::map<std::string, Network> networks;   // user-defined ones, by name

    HubState hub;   // pushed repositories and the login (registry/hub_push.hpp)
    // The daemon's in-memory event buffer, oldest first, at most
    // kEventsKept (moby keeps 256). Like a real daemon's, it is not saved:
    // an export leaves it out (sim/engine/event_log.hpp).
    std::vector<DaemonEvent> eventLog;

    Clock clock;
    Rng rng;
    uint64_t seed = 1;
    std::string lang = "en";   // "en" or "ko": which language teaching text uses
};

}   // namespace layerlab::engine
