// build_record: what a `docker build` leaves behind for the picture, the
// shell's `why` and `play --format json`: one BuildRecord per build, kept per
// tag in State.buildHistory, so the window can stand the build before next to
// the build now and say, for every step, what was reused, what ran again and
// why. Everything here is written by the builder (sim/engine/builder) from its
// own decisions; nothing in render/ or cli/ decides a Docker behaviour.
//
// Reading guide (the window reads `const State&`):
//   const BuildRecord* now    = latestBuild(state, "myapp:latest");
//   const BuildRecord* before = previousBuild(state, *now);      // the one it was compared with
//   for (const BuildRecordStep& s : now->steps) ...               // bottom to top, base first
//   s.outcome      CACHED / REBUILT / NEW / FAILED / CONFIG (a config instruction, no layer)
//   s.cause        why it ran: its OWN change, a CASCADE from s.causeStep below, --no-cache
//   s.changes      what differed from the previous build's step (file X changed, arg V, ...)
//   stepVerdict(s, ko), changeText(c, ko)   the same words `why` prints
//   keyInputRows(state, *now, i)            cache-key inputs before/now, row by row
//   layerContents(state, stack, k)          dive-style files of one layer, with wasted bytes
//
// Stored vs derived. The records are small plain values (strings and numbers,
// no file trees), stored in State and exported by sim/scenario/state_json*.
// What would be big is derived on demand from State.layers (immutable, shared):
// the files a COPY/ADD took (copyInputFiles) and a layer's contents
// (layerContents). A layer that has been removed since gives an empty answer
// with `known = false`, never a crash.
//
// Alignment with the previous build: a step is compared with the previous
// build's step of the same stage and the same step number ("[3/4]" with
// "[3/4]"); a config instruction with the previous build's instruction of the
// same keyword and the same occurrence in that stage. This is LayerLab's
// simplification for drawing two builds side by side; Docker itself keeps no
// such pairing (its cache is keyed, not numbered). The builder's own reason
// (`reason`, the first difference against whatever the build cache held after
// the same parent) is kept next to it and is what Docker's decision rests on.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace layerlab::engine {

struct State;
using Digest = std::string;   // "sha256:" + 64 lower-case hex digits (as state.hpp)

// How many builds of one tag State keeps (oldest dropped first). Two are
// enough for before/after; the third keeps the last good build in view when
// the newest one failed.
inline constexpr size_t kBuildsKeptPerTag = 3;

enum class BuildStepOutcome {
    Cached,   // the build cache answered: the recorded layer was reused
    Rebuilt,   // it ran again; a previous build of this tag had this step
    New,   // it ran; there is no previous build (or no such step in it) to compare with
    Failed,   // it ran and failed with Docker's error (`error`)
    Config,   // BuildKit only: ENV, ARG, EXPOSE, CMD, LABEL, USER, WORKDIR /... are not
    // build steps (no "[i/N]", no cache decision): they only change the image config
};

// Why a step that ran, ran. Cached and config steps have None.
enum class MissCause {
    None,
    Own,   // its own cache-key inputs differ: a file it copies, its text, an arg/env it sees, ...
    Cascade,   // a lower step in its chain ran again, so its parent key is new ("rebuilt because step 3 changed")
    NoCache,   // --no-cache
    NotInCache,   // NEW: nothing to compare with (first build of this tag); the cache had no result for its key
};

// The cache key's inputs of one step, as the builder keyed it. Only the
// fields the instruction's key really uses are filled (BuildKit: RUN keys on
// command, env, args, workdir, user; COPY/ADD on its text and the content
// checksum of its sources, not on env; WORKDIR on path and user; FROM on the
// resolved image). The legacy builder keys every step on its parent image and
// the whole run config (`config`). COPY/ADD source files are not stored
// here: copyInputFiles() derives them from the step's layer.
struct KeyInputs {
    std::string op;   // "FROM", "RUN", "COPY", "ADD", "WORKDIR"; legacy: any keyword
    std::string command;   // the text as keyed: "npm install", "COPY . /app", "docker.io/library/node:latest"
    std::string parentKey;   // cache key of the step below ("" for FROM and COPY --link)
    int parentStep = 0;   // its step number in this build (0: none, or the base image)
    std::string destination;   // COPY/ADD: where the files land, "/app"
    std::vector<std::string> buildArgs;   // RUN: "NAME=value" build args in scope (they are in the key)
    std::vector<std::string> env;   // RUN: "KEY=value" from ENV (and the base image's env)
    std::string workdir;   // RUN (BuildKit): working directory "/app"
    std::string user;   // RUN, WORKDIR: "" = root
    std::vector<std::string> config;   // legacy builder: the run config its cache probe compares ("expose:80/tcp", ...)
    std::string baseImage;   // FROM: "docker.io/library/node:latest"
    Digest baseImageId;   // FROM: the resolved image ID (what the key is made of)
    std::string platform;   // FROM: "linux/amd64"
};

// One thing that differs between a step and the previous build's step.
struct InputChange {
    enum class Kind {
        Instruction,   // instruction text changed (before/after: the texts)
        Parent,   // the parent step's key changed (before/after: keys); a cascade shows this
        FileChanged,   // name: path relative to the COPY destination; before/after: checksums
        FileAdded,   // after: checksum
        FileRemoved,   // before: checksum
        BuildArg,   // name: arg; before/after: values ("" = not set)
        Env,   // name: variable; before/after: values ("" = not set)
        Workdir,
        User,
        BaseImage,   // name: ref; before/after: image IDs
        Config,   // legacy: a run-config line; before/after: the lines ("" = absent)
    };
    Kind kind = Kind::Instruction;
    std::string name;
    std::string before;
    std::string after;
};

// One instruction of the build, bottom to top: FROM first, then every
// instruction of the stages that were built, in Dockerfile order (BuildKit's
// config instructions included, as outcome Config).
struct BuildRecordStep {
    int stage = 0;   // 0-based stage index in the Dockerfile
    std::string stageName;   // "build" for `FROM x AS build`, "" otherwise
    int step = 0;   // as printed: "[3/4]" -> 3, legacy "Step 3/7" -> 3; 0 for Config
    int stepTotal = 0;   // the N of "[i/N]" / "Step i/N"
    std::string instruction;   // as Docker prints it after "[3/4] ": "COPY . /app"
    std::string keyword;   // "COPY"
    int sourceLine = 0;   // 1-based Dockerfile line range (inclusive)
    int sourceEndLine = 0;
    BuildStepOutcome outcome = BuildStepOutcome::Cached;
    std::string error;   // Failed: Docker's error text
    std::string reason;   // the builder's reason it ran, as StepBuilt: "server.js changed (sha256:… → sha256:…)"
    std::string reasonKo;
    bool configOnly = false;   // no new layer, 0 B (Config; legacy metadata steps; an empty WORKDIR diff)
    Digest layerDiffId;   // the layer it produced or reused ("" when configOnly)
    uint64_t layerSize = 0;   // bytes
    int64_t durationMs = 0;   // simulated time this build spent on it (0 when cached)
    int64_t recordedMs = 0;   // how long it took when it really ran (a cached step: the time it saved)
    int64_t startMs = 0;   // virtual clock (ms since the epoch) when it started and ended
    int64_t endMs = 0;
    std::string cacheKey;   // "" for Config
    KeyInputs inputs;
    // Compared with the previous build of the same tag (see the alignment note above).
    int previousIndex = -1;   // index into previousBuild()->steps, -1 = none
    Digest previousLayerDiffId;   // what that step produced ("" = none or config)
    std::vector<InputChange> changes;   // what differs from it, in key order; empty = same inputs
    int changesOmitted = 0;   // files beyond the first kMaxRecordedChanges differences
    MissCause cause = MissCause::None;
    int causeStep = 0;   // Cascade: step number of the first missed step below it (the one cause)
};
inline constexpr size_t kMaxRecordedChanges = 200;

// A base image as the build used it: "node:latest · 8 layers · 1.13 GB".
struct BaseLayerRecord {
    Digest diffId;
    uint64_t size = 0;
    std::string createdBy;   // from the image's history ("" when the history does not say)
    bool pulled = false;   // downloaded during this build (else it was already here)
};
struct BaseImageRecord {
    int stage = 0;   // the stage whose FROM this is
    std::string ref;   // "node:latest" as written (familiar form)
    Digest imageId;
    std::string platform;   // "linux/amd64"
    bool pulled = false;   // downloaded during this build
    std::vector<BaseLayerRecord> layers;   // bottom to top
    uint64_t totalSize = 0;   // sum of the layer sizes
};

struct BuildRecord {
    int number = 0;   // 1, 2, ... per tag: "build #2"
    std::string tag;   // its key in State.buildHistory: "myapp:latest" ("" = untagged build)
    std::vector<std::string> tags;   // every -t of the build
    bool ok = false;
    bool legacy = false;
    bool noCache = false;
    Digest imageId;   // "" when the build failed
    int64_t startedMs = 0;   // virtual clock
    int64_t finishedMs = 0;
    int64_t totalMs = 0;   // simulated build time
    int64_t savedMs = 0;   // time the cache saved (recordedMs of the cached steps)
    uint64_t bytesReused = 0;   // layers taken from the cache or the local image store (base included)
    uint64_t bytesWritten = 0;   // layers this build wrote
    uint64_t bytesPulled = 0;   // base layers downloaded during the build
    int firstMissStep = 0;   // step number of the first step that ran (0 = everything cached)
    int failedStep = 0;   // step number that failed (0 = none)
    std::string error;   // the build's error (failed builds)
    int previousNumber = 0;   // the build of the same tag it was compared with (0 = none)
    std::vector<BaseImageRecord> bases;   // one per stage built FROM an image
    std::vector<BuildRecordStep> steps;
};

// ------------------------------------------------------------- reading --

// The newest build of `tag` ("name:tag" as in State.tags; "" = untagged), or null.
const BuildRecord* latestBuild(const State& state, const std::string& tag);
// The newest build of any tag (the one the window shows by default), or null.
const BuildRecord* latestBuildAnyTag(const State& state);
// The build `build` was compared with (its previousNumber), or null.
const BuildRecord* previousBuild(const State& state, const BuildRecord& build);

// Outcome and cause in words: "CACHED", "REBUILT", "NEW", "FAILED", "CONFIG" (never translated: Docker's own
// vocabulary) and the verdict sentence, e.g. "missed by its own change: server.js changed",
// "rebuilt because step 3 changed", in English or Korean.
const char* outcomeLabel(BuildStepOutcome outcome);
std::string stepVerdict(const BuildRecordStep& step, bool ko);
std::string changeText(const InputChange& change, bool ko);

// Stable lower-case names, for JSON (state export, play --format json):
// "cached" "rebuilt" "new" "failed" "config"; "none" "own" "cascade" "noCache"
// "notInCache"; "instruction" "parent" "fileChanged" "fileAdded" "fileRemoved"
// "buildArg" "env" "workdir" "user" "baseImage" "config". The *FromName
// functions return false (and leave `out` alone) for an unknown name.
const char* outcomeName(BuildStepOutcome outcome);
const char* causeName(MissCause cause);
const char* changeKindName(InputChange::Kind kind);
bool outcomeFromName(const std::string& name, BuildStepOutcome& out);
bool causeFromName(const std::string& name, MissCause& out);
bool changeKindFromName(const std::string& name, InputChange::Kind& out);

// A COPY/ADD source file as its cache key saw it (derived from the step's layer).
struct CopyInputFile {
    std::string path;   // relative to the destination: "server.js"
    std::string checksum;   // tarsum-like file checksum, "sha256:…"
    uint64_t size = 0;
};
struct CopyInputFiles {
    bool known = false;   // false: not a COPY/ADD, or its layer is no longer stored
    std::vector<CopyInputFile> files;   // sorted by path
};
CopyInputFiles copyInputFiles(const State& state, const BuildRecordStep& step);

// The cache-key inputs of step `index` of `build` side by side with the
// previous build's step, one row per input: "instruction", "parent", each
// COPY file, each build arg / env, workdir, user, base image.
struct KeyInputRow {
    std::string label;   // "instruction", "parent", "server.js", "arg VERSION", "env NODE_ENV", ...
    std::string before;   // "" when absent (or no previous build)
    std::string now;
    bool same = false;
};
std::vector<KeyInputRow> keyInputRows(const State& state, const BuildRecord& build, size_t index);

// Dive-style contents of layer `index` of `stack` (an image's layers, bottom
// to top): what it added, changed and removed against the layers below, and
// the bytes a higher layer of the same stack deletes or overwrites (wasted).
struct LayerFileChange {
    enum class Kind { Added, Changed, Removed };
    std::string path;   // "/app/server.js"
    Kind kind = Kind::Added;
    bool directory = false;
    uint64_t size = 0;   // bytes in this layer (0 for directories and removals)
    uint64_t wastedBytes = 0;   // of `size`, hidden by a higher layer (deleted or overwritten)
};
struct LayerContents {
    bool known = false;   // false: the layer (or one below it) is no longer stored
    std::vector<LayerFileChange> files;   // sorted by path
    uint64_t addedBytes = 0, changedBytes = 0, wastedBytes = 0;
    int added = 0, changed = 0, removed = 0;
};
LayerContents layerContents(const State& state, const std::vector<Digest>& stack, size_t index);
// The layer stack of a built image (its image's layers), for layerContents; empty if the image is gone.
std::vector<Digest> imageLayerStack(const State& state, const BuildRecord& build);
// layerContents of step `index`'s layer, within the built image (or, for a
// failed build, within its stage's base layers and the steps below it). A
// FROM step or a config-only step gives an empty, known answer.
LayerContents stepLayerContents(const State& state, const BuildRecord& build, size_t index);
// The previous build's step that step `index` is compared with, or null.
const BuildRecordStep* previousStep(const State& state, const BuildRecord& build, size_t index);

}   // namespace layerlab::engine
