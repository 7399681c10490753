// Scene: what the layer-stack picture shows, as plain data, computed from the
// model (State and the builder's step records) and nothing else. No ImGui
// here, so tests can check the picture's content without a window.
//
//   Scene scene = buildScene(state, now, before);   // before: the previous build of the same tag
//   scene.after.blocks      bottom to top: the base image, one block per step, config bands
//   scene.before.blocks     the same for the build before (empty when there is none)
//   block.twin              index of the block with the same layer digest in the other column
//
// Nothing here decides a Docker behaviour: CACHED/REBUILT, reasons and
// durations are the builder's records; this file only arranges them. The
// one reading it does is the cascade: a step whose own record says its parent
// was rebuilt is drawn as a consequence of the first miss below it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/state.hpp"

namespace layerlab::render::stack {

// A build as the picture reads it: the record of a finished build
// (State.lastBuild) or, for a failed one, what its events said.
struct BuildInput {
    bool present = false;
    bool legacy = false;
    engine::Digest imageId;   // "" for a failed build
    std::vector<std::string> tags;
    std::vector<engine::BuildStepRecord> steps;
    std::optional<engine::BuildStepRecord> failedStep;
    std::string error;   // Docker's error for a failed build
    int64_t totalMs = 0;
    int64_t savedMs = 0;
    std::map<int, std::string> keyByStep;   // cache key of each step (from the build's events)
    bool layersKnown = true;   // false for a failed build: steps that ran left no layer
    // The builder's record of this build (State.buildHistory[recordTag], number recordNumber; 0 = none).
    std::string recordTag;
    int recordNumber = 0;
};

BuildInput fromLastBuild(const engine::LastBuild& build);
// The same with the builder's record of it (State.buildHistory), when there is one.
BuildInput fromLastBuild(const engine::State& state);

// A build as its record tells it (a build the window did not see run, e.g.
// the ones a lesson's setup made).
BuildInput fromRecord(const engine::BuildRecord& record);

// The builder's record of BUILD, or null.
const engine::BuildRecord* recordOf(const engine::State& state, const BuildInput& build);

enum class BlockKind { Base, Layer, Config };

// The state a block shows, always in words as well as colour.
enum class BlockState {
    Cached,   // reused from the build cache
    Rebuilt,   // ran again in a build that had a previous one
    New,   // ran in the first build of this tag
    Failed,   // the step the build stopped at
    Kept,   // "before" column: the build now took this layer from the cache (word: CACHED)
    Replaced,   // "before" column: the build now made a different layer in its place
    Same,   // "before" column: the build now ran the step again and made this very layer
    Pulled,   // an image's layer the last pull downloaded
    Exists,   // an image's layer the machine already had ("Already exists")
    Stored,   // an image's layer, shown without a build or pull
};

const char* stateWord(BlockState state);   // "CACHED", "REBUILT", ... (the English label key suffix)

struct Block {
    BlockKind kind = BlockKind::Layer;
    BlockState state = BlockState::Cached;
    int step = 0;   // BuildKit's number ("[3/5]"); 0 for config bands from the image history
    int stage = 0;
    std::string instruction;   // "COPY . /app"
    int sourceLine = 0;
    engine::Digest digest;   // layer diff ID; "" for config
    uint64_t size = 0;
    int64_t durationMs = 0;
    std::string reason, reasonKo;   // the builder's first difference (empty when cached)
    bool firstMiss = false;   // the lowest step that missed the cache
    bool cascade = false;   // missed only because a lower step was rebuilt
    bool sameResult = false;   // ran again and made the same layer as before (the builder's record)
    bool basePulled = false;   // base image block: downloaded by this build (else already on the machine)
    int cascadeFrom = 0;   // that lower step's number
    // Base image block: its name and own layers.
    std::string baseName;   // "node:latest"
    engine::Digest baseImageId;
    std::vector<engine::Digest> baseLayers;
    int twin = -1;   // index into the other column's blocks (same digest), -1 = none
    int extraRows = 0;   // the window's: extra text lines inside (an expanded base image)
    int recordIndex = -1;   // index into the build record's steps (-1: no record)
    // A layer of the last pull (state Pulled): its download and extraction, ms from the pull's start.
    int64_t downloadStartMs = 0, downloadDoneMs = 0, extractStartMs = 0, extractDoneMs = 0;
};

struct Column {
    bool present = false;
    engine::Digest imageId;
    std::string tag;   // "myapp:latest"
    std::vector<Block> blocks;   // bottom to top
    bool failed = false;
    std::string error;
    bool removed = false;   // its image is gone (`docker rmi`); the build's records stay
};

// Running totals of the build now.
// The build cache and the local image store are kept apart: cached steps
// save their recorded time; a base image already here saves a download.
struct Totals {
    int64_t buildMs = 0;   // simulated time the build took
    int64_t savedMs = 0;   // time the build cache saved (recorded time of the cached steps)
    uint64_t bytesReused = 0;   // layers of cached steps (image scene: layers already on the machine)
    uint64_t bytesWritten = 0;   // layers this build wrote (image scene: downloaded)
    uint64_t baseLocal = 0;   // base image already on the machine: not downloaded
    uint64_t basePulled = 0;   // base image downloaded by this build
    int cached = 0;
    int rebuilt = 0;
    int sameResult = 0;   // steps that ran again and made the same layer as before
};

struct Scene {
    Column before;
    Column after;
    Totals totals;
    int firstMissStep = 0;   // 0: nothing missed
    bool imageOnly = false;   // an image's layers (imageScene), not a build
};

Scene buildScene(const engine::State& state, const BuildInput& now, const BuildInput& before);

// An image without a build: one block per layer (from its history), e.g.
// after `docker pull node` or `docker run node`. PULLED lists the layers of
// the last pull with whether each "Already exists".
struct PulledLayer {
    engine::Digest diffId;
    bool alreadyExists = false;
    // The pull's own timing (LayerPulled), ms from its start: several layers
    // download at once, extraction goes in order. All 0 when alreadyExists.
    int64_t downloadStartMs = 0, downloadDoneMs = 0, extractStartMs = 0, extractDoneMs = 0;
};
Scene imageScene(const engine::State& state, const engine::Digest& imageId, const std::vector<PulledLayer>& pulled);

// "FROM docker.io/library/node:latest" -> the local image it names, when pulled.
const engine::Image* baseImageOf(const engine::State& state, const std::string& fromInstruction,
                                 std::string* name = nullptr);

}   // namespace layerlab::render::stack
