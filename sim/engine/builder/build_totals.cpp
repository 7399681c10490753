#include "sim/engine/builder/build_totals.hpp"

namespace layerlab::engine {

bool ranWithSameResult(const BuildRecordStep& s) {
    return s.outcome == BuildStepOutcome::Rebuilt && !s.configOnly && !s.layerDiffId.empty() &&
           s.layerDiffId == s.previousLayerDiffId;
}

BuildTotals buildTotals(const BuildRecord& b) {
    BuildTotals t;
    t.buildMs = b.totalMs;
    t.savedMs = b.savedMs;
    for (const auto& base : b.bases)
        for (const auto& l : base.layers) (l.pulled ? t.basePulled : t.baseLocal) += l.size;
    for (const auto& s : b.steps) {
        if (s.keyword == "FROM" || s.outcome == BuildStepOutcome::Config) continue;
        if (s.outcome == BuildStepOutcome::Cached) {
            ++t.cached;
            t.cacheReused += s.layerSize;
            continue;
        }
        ++t.ran;
        t.written += s.layerSize;
        if (ranWithSameResult(s)) ++t.sameResult;
    }
    return t;
}

}   // namespace layerlab::engine
