// build_totals: facts about a BuildRecord (build_record.hpp) derived from what
// it stores, for the picture's running totals, `why` and the record's JSON.
//
//   ranWithSameResult(step)   REBUILT, yet the very layer the previous build made
//   buildTotals(record)       time and bytes, with the build cache and the local
//                             image store kept apart
#pragma once
#include <cstdint>

#include "sim/engine/builder/build_record.hpp"

namespace layerlab::engine {

// A step that ran again (REBUILT: its cache key changed, so Docker ran it)
// and made byte for byte the layer the previous build's step made: the same
// diff ID, because a layer's digest is the hash of its contents. "Ran again,
// same result": the old layer is not replaced by a different one.
bool ranWithSameResult(const BuildRecordStep& step);

// The running totals of a build, split by where the bytes came from. The
// build cache (cached steps) and the local image store (a base image already
// on the machine) are different things: only the first one "saves" the
// recorded time of a step; the second saves a download.
struct BuildTotals {
    int64_t buildMs = 0;   // simulated build time
    int64_t savedMs = 0;   // recorded time of the cached steps: what the build cache saved
    uint64_t baseLocal = 0;   // base image layers already on the machine: not downloaded
    uint64_t basePulled = 0;   // base image layers downloaded during this build
    uint64_t cacheReused = 0;   // layers of the cached steps (FROM excluded)
    uint64_t written = 0;   // layers of the steps that ran
    int cached = 0;   // cached steps, FROM excluded
    int ran = 0;   // steps that ran (REBUILT, NEW, FAILED), FROM excluded
    int sameResult = 0;   // of those, the ones that made the same layer as before (ranWithSameResult)
};
BuildTotals buildTotals(const BuildRecord& build);

}   // namespace layerlab::engine
