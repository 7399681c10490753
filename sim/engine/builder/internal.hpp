// builder/internal.hpp: what the builder's files share (not a public API).
//
//   builder.cpp       build(): inputs, stages, export, tags, state
//   context.cpp       the Dockerfile and the .dockerignore'd context
//   stages.cpp        which stages a target needs, step numbering
//   dispatch.cpp      BuildKit: each instruction applied to a stage
//   copy.cpp          COPY/ADD sources, destinations, layers
//   legacy.cpp        the legacy builder: one committed step per instruction
//   cache.cpp         cache keys (BuildKit and legacy) and lookups
//   reasons.cpp       why a step ran: the first difference, in English and Korean
//   record.cpp        the BuildRecord of a build (build_record.hpp), from the trace and these notes
//   image.cpp         base images (local, or the simulated hub) and image assembly
//   output_*.cpp      Docker's texts: BuildKit plain / tty, legacy
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/engine/builder/builder.hpp"
#include "sim/engine/run/simulator.hpp"
#include "sim/fs/hash_cache.hpp"

namespace layerlab::engine::bk {

// ------------------------------------------------------------------ trace --
// What the outputs print: BuildKit vertices ("#5 [2/5] WORKDIR /app") or
// legacy steps ("Step 2/5 : WORKDIR /app"), in the order they ran.

struct SubStatus {   // "transferring dockerfile: 187B", "exporting layers"
    std::string text;
    int64_t durationMs = 0;
};

struct Vertex {
    enum class Status { Done, Cached, Error };
    std::string name;   // "[internal] load build definition from Dockerfile", "[2/5] WORKDIR /app"
    Status status = Status::Done;
    std::vector<SubStatus> subs;
    std::vector<run::OutputLine> logs;
    int64_t durationMs = 0;
    std::string error;   // Status::Error: BuildKit's message
    int step = -1;   // index into BuildTrace::steps, -1 for internal vertices
};

struct LegacyStep {
    std::string header;   // "Step 2/5 : WORKDIR /app"
    std::vector<std::string> lines;   // " ---> Using cache", output, "Removing intermediate container ..."
};

struct BuildTrace {
    std::vector<Vertex> vertices;   // BuildKit
    std::vector<LegacyStep> legacySteps;   // legacy
    std::vector<std::string> legacyPreamble;   // "Sending build context to Docker daemon  2.048kB"
    std::vector<std::string> legacyWarnings;   // "[Warning] One or more build-args [X] were not consumed"
    std::vector<BuildStepRecord> steps;   // what State.lastBuild / BuildResult get
    std::vector<std::string> stepKeys;   // cache key of each step (parallel to steps)
    // Failure: the vertex/step that failed and BuildKit's or the daemon's words.
    bool failed = false;
    std::string error;   // "process \"/bin/sh -c npm install\" did not complete successfully: exit code: 1"
    int errorLine = 0, errorEndLine = 0;   // Dockerfile lines for the excerpt (0: none)
    int failedVertex = -1;
    std::string dockerfileName = "Dockerfile";
    std::string dockerfileText;
    Digest imageId;
    std::vector<std::string> namedAs;   // "docker.io/library/hello:v0.2"
    std::vector<std::string> tagsShort;   // "hello:v0.2" (legacy's "Successfully tagged")
    int64_t totalMs = 0;
    int64_t savedMs = 0;
};

// ------------------------------------------------------------------ stage --

struct StageRun {
    int index = 0;
    std::string label;   // prefix inside "[...]": "" or "build " / "stage-1 "
    int stepTotal = 0;   // BuildKit N of "[i/N]"
    int stepIndex = 0;
    bool built = false;
    bool externalBase = false;   // FROM an image (not another stage, not scratch)
    std::string baseRef;   // familiar ref of the base image, "node:latest"
    Digest baseImageId;
    fs::FileTree rootfs;
    ImageConfig config;
    std::vector<Digest> layers;
    std::vector<HistoryEntry> history;
    std::string key;   // cache key of the last step
    bool lastRan = false;   // the last step ran (it was not cached)
    int lastStep = -1;   // index into trace.steps of the last step
    int64_t lastCreatedMs = 0;   // creation time for config-only history entries
    // The LLB environment: ENV and ARG values in dispatch order (later wins,
    // replaced in place), and which keys an ARG set last.
    std::vector<dockerfile::KeyValue> env;
    std::set<std::string> argKeys;
    std::vector<std::string> argOrder;   // ARGs in scope with a value, in declaration order
    std::set<std::string> declaredArgs;   // every ARG declared in this stage
    bool cmdSet = false;   // CMD given in this stage (ENTRYPOINT keeps it)
    Digest legacyImageId;   // legacy: the current intermediate image
    std::string author;
};

// ----------------------------------------------------------------- record --
// What record.cpp needs that the trace does not keep (filled by small hooks).
struct RecordNotes {
    std::vector<int64_t> stepStartMs, stepEndMs;   // elapsed ms, parallel to trace.steps
    std::map<int, CacheRecord> failedCandidates;   // step -> the key it would have had (a failed RUN)
    std::vector<BaseImageRecord> bases;   // applyBase: each external base, per stage
};

// ---------------------------------------------------------------- session --

struct Session {
    Session(State& st, const BuildOptions& o) : state(st), opt(o), buildStartMs(st.clock.nowMs) {}
    State& state;   // the working copy build() commits on success
    const BuildOptions& opt;
    int64_t buildStartMs = 0;   // records used after this belong to this build
    dockerfile::Dockerfile df;
    std::string dockerfileText;
    fs::FileTree context;   // after .dockerignore
    uint64_t dockerignoreSize = 0;
    bool hasDockerignore = false;
    fs::HashCache hashes;
    BuildTrace trace;
    std::vector<StageRun> stages;   // one per Dockerfile stage
    std::vector<int> order;   // stages to build, in order
    std::map<std::string, std::string> metaArgs;   // ARG before FROM, with --build-arg applied
    std::set<std::string> usedBuildArgs;   // --build-arg keys some ARG consumed
    std::vector<Event> events;
    int64_t elapsedMs = 0;   // simulated time since the build started
    int legacyStepNo = 0, legacyStepTotal = 0;
    bool contextLoaded = false;   // BuildKit "[internal] load build context" shown
    RecordNotes notes;   // for the BuildRecord (record.cpp)
};

// context.cpp: reads the Dockerfile and the context. "" or the error
// (already in Docker's words for the active builder).
std::string loadInputs(Session& s);
// The tar size `Sending build context to Docker daemon` counts.
uint64_t contextTarSize(const fs::FileTree& context);

// stages.cpp
int findStage(const dockerfile::Dockerfile& df, const std::string& nameOrIndex, int before);
std::string targetError(Session& s, int& target);   // "" or the error
std::vector<int> stagesToBuild(const Session& s, int target);
void initStageLabels(Session& s);
std::string expandWord(const StageRun& st, const std::string& word, char escape, bool* ok = nullptr);
std::vector<std::string> expandWords(const StageRun& st, const std::string& word, char escape);
dockerfile::shell::Env shellEnv(const StageRun& st);
// BuildKit's name of a step's vertex, without the "[2/5] " prefix: the source
// line expanded as convert.go does for that instruction ("RUN npm install").
std::string vertexName(const StageRun& st, const dockerfile::Command& cmd, char escape);
// RUN <<EOF: the whole script is one heredoc (its body runs as the script).
bool isWholeHeredoc(const dockerfile::RunInstruction& r);

// image.cpp
struct BaseImage {
    bool ok = false;
    std::string error;   // BuildKit-worded (without "ERROR: failed to build: failed to solve: ")
    Image image;
    fs::FileTree rootfs;
    bool pulled = false;   // came from the simulated hub in this build
    std::string vertexRef;   // "docker.io/library/node:latest@sha256:..."
    std::string fullRef;   // "docker.io/library/node:latest"
    std::vector<SubStatus> pullSubs;   // BuildKit: resolve + per-layer lines
    std::vector<std::string> pullLines;   // legacy: "latest: Pulling from library/node" ...
    int64_t pullMs = 0;
};
BaseImage resolveBaseImage(Session& s, const std::string& ref, bool legacy);
void applyBase(Session& s, StageRun& st, const BaseImage& base);
// Stores a new layer (computing its diff ID) and returns its diff ID.
Digest storeLayer(Session& s, Layer layer);
Image assembleImage(const Session& s, const StageRun& st);
std::string goQuoteList(const std::vector<std::string>& v);   // fmt %q of []string: ["a" "b"]

// cache.cpp
std::string hashKey(const std::vector<std::string>& parts);
const CacheRecord* lookup(const Session& s, const std::string& key);
void remember(Session& s, CacheRecord rec);
int64_t nowMs(const Session& s);

// reasons.cpp
struct Reason {
    std::string en, ko;
};
// Why the step with `candidate`'s key ran. `parentRan`: the step before it ran.
Reason missReason(const Session& s, const CacheRecord& candidate, bool parentRan, const Layer* newLayer);
Reason noCacheReason();

// record.cpp: appends this build's BuildRecord to s.state.buildHistory
// (under every tag, or "" when untagged). Call once, at the end, ok or not.
void recordBuild(Session& s, bool ok, const Digest& imageId, const std::vector<std::string>& tags);
// A failed step's would-be cache record, so its key inputs are recorded too.
void noteCandidate(Session& s, int step, const CacheRecord& candidate);
// applyBase: the base image of stage `stage`, with its layers.
void noteBase(Session& s, int stage, const BaseImage& base);

// dispatch.cpp (BuildKit) and legacy.cpp
bool runStage(Session& s, StageRun& st);
bool runStageLegacy(Session& s, StageRun& st);
// Steps shared by both: records a step result and its event.
int addStep(Session& s, const StageRun& st, int number, const std::string& instruction, const dockerfile::Command& cmd);
void finishStep(Session& s, int step, bool cached, const Reason& why, int64_t durationMs, const Digest& layer,
                uint64_t layerSize, const std::string& key);
void failStep(Session& s, int step, const std::string& error, const dockerfile::Command& cmd);
void applyConfigInstruction(Session& s, StageRun& st, const dockerfile::Command& cmd, bool legacy,
                            std::string& history);

// copy.cpp
struct CopyPlan {
    bool ok = false;
    std::string error;   // BuildKit-worded
    std::string legacyError;   // daemon-worded
    fs::FileTree layerTree;   // entries to add (tree paths)
    std::string checksum;   // content checksum of the sources (for the key)
    std::string destDir;   // tree path the files land under, for reasons
    std::string legacyHash;   // "file:<hex>", "dir:<hex>", "multi:<hex>"
    uint64_t bytes = 0;
};
CopyPlan planCopy(Session& s, const StageRun& st, const dockerfile::CopyInstruction& c);
// BuildKit converts the whole Dockerfile to LLB before any step runs, so some
// mistakes (an invalid COPY --chmod) fail the build before its first step.
// False, with the trace's error and line set, on such a mistake.
bool checkBeforeSolve(Session& s);

// builder_output_*.cpp
std::string renderPlain(const BuildTrace& t);
std::string renderTty(const BuildTrace& t);
std::string renderLegacy(const BuildTrace& t);
std::string renderErrorTail(const BuildTrace& t);   // the "------ > [4/5] RUN ...:" block, excerpt and ERROR line
std::string seconds1(int64_t ms);   // "0.4s" style without the 's': "0.4"

}   // namespace layerlab::engine::bk
