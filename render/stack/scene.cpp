#include "render/stack/scene.hpp"

#include <algorithm>

#include "sim/engine/builder/build_totals.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/registry/registry.hpp"

namespace layerlab::render::stack {
namespace {

// The builder's words for a step that missed only because the step below it
// ran again (sim/engine/builder/reasons.cpp). Until the builder records the
// verdict as a field, the picture reads it from this reason.
constexpr const char* kParentRebuilt = "parent layer was rebuilt";

bool isFrom(const std::string& instruction) { return instruction.rfind("FROM ", 0) == 0; }

// The stage that makes the image: the stage of the last step (or the failed one).
int finalStage(const BuildInput& build) {
    if (build.failedStep) return build.failedStep->stage;
    return build.steps.empty() ? 0 : build.steps.back().stage;
}

// "CMD [\"node\" \"server.js\"]" from a history entry's created-by text, without
// the legacy "/bin/sh -c #(nop) " prefix and BuildKit's " # buildkit" suffix.
std::string historyText(const std::string& createdBy) {
    std::string text = createdBy;
    const std::string nop = "/bin/sh -c #(nop) ";
    if (text.rfind(nop, 0) == 0) text = text.substr(nop.size());
    const std::string suffix = " # buildkit";
    if (text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
        text.resize(text.size() - suffix.size());
    while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    return text;
}

// One block per step of the final stage; returns how many history entries the
// base image brings (the config band starts after them).
size_t addStepBlocks(Column& column, const engine::State& state, const BuildInput& build, bool hadBefore) {
    const int stage = finalStage(build);
    size_t baseHistory = 0;
    for (const auto& step : build.steps) {
        if (step.stage != stage) continue;
        Block block;
        block.step = step.step;
        block.stage = step.stage;
        block.instruction = step.instruction;
        block.sourceLine = step.sourceLine;
        block.digest = step.layerDiffId;
        block.size = step.layerSize;
        block.durationMs = step.durationMs;
        block.reason = step.reason;
        block.reasonKo = step.reasonKo;
        block.state = step.cached ? BlockState::Cached : (hadBefore ? BlockState::Rebuilt : BlockState::New);
        if (isFrom(step.instruction)) {
            block.kind = BlockKind::Base;
            if (const engine::Image* base = baseImageOf(state, step.instruction, &block.baseName)) {
                block.baseImageId = base->id;
                block.baseLayers = base->layers;
                block.size = engine::imageSize(state, *base);
                block.digest = base->layers.empty() ? std::string() : base->layers.back();
                baseHistory = base->history.size();
            }
        } else if (step.layerDiffId.empty() && (build.layersKnown || step.cached)) {
            block.kind = BlockKind::Config;
        }
        column.blocks.push_back(std::move(block));
    }
    return baseHistory;
}

// The step that failed, on top.
void addFailedBlock(Column& column, const BuildInput& build) {
    if (!build.failedStep) return;
    Block block;
    block.state = BlockState::Failed;
    block.step = build.failedStep->step;
    block.stage = build.failedStep->stage;
    block.instruction = build.failedStep->instruction;
    block.sourceLine = build.failedStep->sourceLine;
    block.kind = isFrom(block.instruction) ? BlockKind::Base : BlockKind::Layer;
    column.blocks.push_back(std::move(block));
}

// BuildKit does not number instructions that only change the config
// (EXPOSE, CMD, ENV ...): they are in the image's history as empty
// layers. One dashed band on top lists them.
void addConfigBand(Column& column, const engine::State& state, const BuildInput& build, size_t baseHistory) {
    if (build.legacy || build.imageId.empty()) return;
    auto image = state.images.find(build.imageId);
    if (image == state.images.end()) return;
    Block band;
    band.kind = BlockKind::Config;
    band.state = BlockState::Cached;
    for (size_t i = baseHistory; i < image->second.history.size(); ++i) {
        const auto& entry = image->second.history[i];
        const std::string text = historyText(entry.createdBy);
        if (!entry.emptyLayer || text.rfind("WORKDIR", 0) == 0) continue;
        band.instruction += (band.instruction.empty() ? "" : " · ") + text;
    }
    if (!band.instruction.empty()) column.blocks.push_back(std::move(band));
}

// The builder's record, when there is one: each block's step in it, and
// its verdict (own change or cascade) instead of reading the reason.
void linkRecord(Column& column, const engine::State& state, const BuildInput& build) {
    const engine::BuildRecord* record = recordOf(state, build);
    if (!record) return;
    for (auto& block : column.blocks) {
        if (block.step == 0) continue;
        for (size_t i = 0; i < record->steps.size(); ++i) {
            const auto& rs = record->steps[i];
            if (rs.step != block.step || rs.stage != block.stage) continue;
            block.recordIndex = static_cast<int>(i);
            break;
        }
    }
}

// The first miss and the cascade above it; the base image downloaded by this
// build, or already on the machine.
void markMisses(Column& column, const engine::State& state, const BuildInput& build) {
    int firstMiss = 0;
    for (auto& block : column.blocks) {
        const bool missed =
            block.state == BlockState::Rebuilt || block.state == BlockState::New || block.state == BlockState::Failed;
        if (!missed || block.step == 0) continue;
        const engine::BuildRecord* record = block.recordIndex >= 0 ? recordOf(state, build) : nullptr;
        const engine::BuildRecordStep* rs = record ? &record->steps[static_cast<size_t>(block.recordIndex)] : nullptr;
        if (firstMiss == 0) {
            firstMiss = block.step;
            block.firstMiss = true;
        } else if (rs) {
            block.cascade = rs->cause == engine::MissCause::Cascade;
            block.cascadeFrom = rs->causeStep;
        } else if (block.reason == kParentRebuilt) {
            block.cascade = true;
            block.cascadeFrom = firstMiss;
        }
        if (rs) block.sameResult = engine::ranWithSameResult(*rs);
    }
    // The base image: downloaded by this build, or already on the machine.
    if (const engine::BuildRecord* record = recordOf(state, build))
        for (auto& block : column.blocks)
            for (const auto& base : record->bases)
                if (block.kind == BlockKind::Base && base.stage == block.stage) block.basePulled = base.pulled;
}

Column makeColumn(const engine::State& state, const BuildInput& build, bool hadBefore) {
    Column column;
    if (!build.present) return column;
    column.present = true;
    column.imageId = build.imageId;
    column.tag = build.tags.empty() ? std::string() : build.tags.front();
    column.failed = build.failedStep.has_value();
    column.error = build.error;
    column.removed = !build.imageId.empty() && state.images.count(build.imageId) == 0;
    const size_t baseHistory = addStepBlocks(column, state, build, hadBefore);
    addFailedBlock(column, build);
    addConfigBand(column, state, build, baseHistory);
    linkRecord(column, state, build);
    markMisses(column, state, build);
    return column;
}
}   // namespace

BuildInput fromLastBuild(const engine::LastBuild& build) {
    BuildInput input;
    input.present = build.ran && build.ok;
    input.legacy = build.legacy;
    input.imageId = build.imageId;
    input.tags = build.tags;
    input.steps = build.steps;
    input.totalMs = build.totalMs;
    input.savedMs = build.savedMs;
    return input;
}

BuildInput fromLastBuild(const engine::State& state) {
    BuildInput input = fromLastBuild(state.lastBuild);
    for (const auto& tag : input.tags) {
        auto history = state.buildHistory.find(tag);
        if (history == state.buildHistory.end() || history->second.empty()) continue;
        const engine::BuildRecord& newest = history->second.back();
        if (newest.ok && newest.imageId == input.imageId) {
            input.recordTag = tag;
            input.recordNumber = newest.number;
            break;
        }
    }
    return input;
}

BuildInput fromRecord(const engine::BuildRecord& record) {
    BuildInput input;
    input.present = record.ok;
    input.legacy = record.legacy;
    input.imageId = record.imageId;
    input.tags = record.tags;
    input.totalMs = record.totalMs;
    input.savedMs = record.savedMs;
    input.recordTag = record.tag;
    input.recordNumber = record.number;
    for (const auto& rs : record.steps) {
        if (rs.outcome == engine::BuildStepOutcome::Config || rs.outcome == engine::BuildStepOutcome::Failed) continue;
        engine::BuildStepRecord step;
        step.stage = rs.stage;
        step.step = rs.step;
        step.instruction = rs.instruction;
        step.cached = rs.outcome == engine::BuildStepOutcome::Cached;
        step.reason = rs.reason;
        step.reasonKo = rs.reasonKo;
        step.durationMs = rs.durationMs;
        step.sourceLine = rs.sourceLine;
        step.layerDiffId = rs.layerDiffId;
        step.layerSize = rs.layerSize;
        input.steps.push_back(std::move(step));
        if (!rs.cacheKey.empty()) input.keyByStep[rs.step] = rs.cacheKey;
    }
    return input;
}

const engine::BuildRecord* recordOf(const engine::State& state, const BuildInput& build) {
    if (build.recordNumber == 0) return nullptr;
    auto history = state.buildHistory.find(build.recordTag);
    if (history == state.buildHistory.end()) return nullptr;
    for (const auto& record : history->second)
        if (record.number == build.recordNumber) return &record;
    return nullptr;
}

const char* stateWord(BlockState state) {
    switch (state) {
        case BlockState::Cached:
            return "CACHED";
        case BlockState::Rebuilt:
            return "REBUILT";
        case BlockState::New:
            return "NEW";
        case BlockState::Failed:
            return "FAILED";
        case BlockState::Kept:
            return "KEPT";
        case BlockState::Replaced:
            return "REPLACED";
        case BlockState::Same:
            return "SAME";
        case BlockState::Pulled:
            return "PULLED";
        case BlockState::Exists:
            return "EXISTS";
        case BlockState::Stored:
            return "STORED";
    }
    return "";
}

Scene buildScene(const engine::State& state, const BuildInput& now, const BuildInput& before) {
    Scene scene;
    scene.after = makeColumn(state, now, before.present);
    scene.before = makeColumn(state, before, false);

    // "Before": a layer the build now still uses was kept; any other was replaced.
    for (size_t i = 0; i < scene.before.blocks.size(); ++i) {
        Block& old = scene.before.blocks[i];
        old.state = BlockState::Replaced;
        old.firstMiss = old.cascade = false;
        for (size_t j = 0; j < scene.after.blocks.size(); ++j) {
            Block& fresh = scene.after.blocks[j];
            const bool sameStep = fresh.kind == old.kind && fresh.step == old.step;
            const bool sameDigest = !old.digest.empty() && old.digest == fresh.digest;
            const bool sameConfig = old.kind == BlockKind::Config && old.instruction == fresh.instruction &&
                                    fresh.state == BlockState::Cached;
            if (!sameStep && !sameDigest) continue;
            // Kept: the build now took this very layer from the cache. Same:
            // the step ran again and its bytes came out the same (the builder's
            // record says so), so nothing was replaced.
            const bool reused = fresh.state == BlockState::Cached;
            if ((sameDigest && reused) || sameConfig) {
                old.state = BlockState::Kept;
                old.twin = static_cast<int>(j);
                fresh.twin = static_cast<int>(i);
            } else if (sameStep && fresh.sameResult && fresh.twin < 0) {
                old.state = BlockState::Same;
                old.twin = static_cast<int>(j);
                fresh.twin = static_cast<int>(i);
            } else if (fresh.twin < 0) {
                fresh.twin = static_cast<int>(i);   // same step, new digest: old and new side by side
                old.twin = static_cast<int>(j);
            }
            break;
        }
    }

    Totals& t = scene.totals;
    t.buildMs = now.totalMs;
    t.savedMs = now.savedMs;
    for (const Block& block : scene.after.blocks) {
        if (block.step == 0) continue;
        if (block.firstMiss) scene.firstMissStep = block.step;
        if (block.kind == BlockKind::Base) {
            (block.basePulled ? t.basePulled : t.baseLocal) += block.size;
            continue;
        }
        if (block.state == BlockState::Cached) {
            ++t.cached;
            t.bytesReused += block.size;
        } else if (block.state != BlockState::Failed) {
            ++t.rebuilt;
            t.bytesWritten += block.size;
            if (block.sameResult) ++t.sameResult;
        }
    }
    // The builder's own totals when it recorded this build (the same numbers `why` prints).
    if (const engine::BuildRecord* record = recordOf(state, now)) {
        const engine::BuildTotals bt = engine::buildTotals(*record);
        t.savedMs = bt.savedMs;
        t.baseLocal = bt.baseLocal;
        t.basePulled = bt.basePulled;
        t.bytesReused = bt.cacheReused;
        t.bytesWritten = bt.written;
        t.cached = bt.cached;
        t.rebuilt = bt.ran;
        t.sameResult = bt.sameResult;
    }
    return scene;
}

Scene imageScene(const engine::State& state, const engine::Digest& imageId, const std::vector<PulledLayer>& pulled) {
    Scene scene;
    auto image = state.images.find(imageId);
    if (image == state.images.end()) return scene;
    Column& column = scene.after;
    column.present = true;
    column.imageId = imageId;
    scene.imageOnly = true;
    for (const auto& [tag, id] : state.tags)
        if (id == imageId) {
            column.tag = tag;
            break;
        }
    // Non-empty history entries pair with the layers, bottom to top.
    std::vector<std::string> createdBy;
    for (const auto& entry : image->second.history)
        if (!entry.emptyLayer) createdBy.push_back(historyText(entry.createdBy));
    for (size_t i = 0; i < image->second.layers.size(); ++i) {
        Block block;
        block.step = static_cast<int>(i) + 1;
        block.digest = image->second.layers[i];
        block.instruction = i < createdBy.size() ? createdBy[i] : block.digest.substr(0, 19);
        if (auto layer = state.layers.find(block.digest); layer != state.layers.end()) block.size = layer->second.size;
        block.state = BlockState::Stored;
        for (const auto& p : pulled) {
            if (p.diffId != block.digest) continue;
            block.state = p.alreadyExists ? BlockState::Exists : BlockState::Pulled;
            block.downloadStartMs = p.downloadStartMs;
            block.downloadDoneMs = p.downloadDoneMs;
            block.extractStartMs = p.extractStartMs;
            block.extractDoneMs = p.extractDoneMs;
        }
        if (block.state == BlockState::Pulled) {
            scene.totals.bytesWritten += block.size;
            ++scene.totals.rebuilt;
        } else {
            scene.totals.bytesReused += block.size;
            ++scene.totals.cached;
        }
        column.blocks.push_back(std::move(block));
    }
    return scene;
}

const engine::Image* baseImageOf(const engine::State& state, const std::string& instruction, std::string* name) {
    if (!isFrom(instruction)) return nullptr;
    std::string word = instruction.substr(5);
    word = word.substr(0, word.find(' '));
    const engine::format::ParsedRef parsed = engine::format::parseNormalizedNamed(word);
    if (!parsed.ref) return nullptr;   // an earlier stage's name, or a reference with a variable
    const std::string key = parsed.ref->tagKey();
    if (name) *name = key;
    // A pulled image is in the local store; BuildKit keeps a base it fetched
    // itself out of `docker images`, so the hub's copy describes it then.
    if (auto tag = state.tags.find(key); tag != state.tags.end())
        if (auto image = state.images.find(tag->second); image != state.images.end()) return &image->second;
    const engine::RegistryLookup remote = engine::lookupRemote(*parsed.ref);
    return remote.image ? &remote.image->image : nullptr;
}

}   // namespace layerlab::render::stack
