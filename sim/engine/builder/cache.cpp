// The build cache: keys and lookups.
//
// A key is sha256 over length-prefixed parts, so no two different part lists
// can collide by concatenation. Each builder chains keys its own way (the
// parent step's key is one of the parts); BuildKit and legacy keys start with
// different tags, so the two caches never answer for each other, as in Docker
// (the legacy builder's cache is its intermediate images).
#include "sim/engine/builder/internal.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::engine::bk {

std::string hashKey(const std::vector<std::string>& parts) {
    fs::Sha256 h;
    for (const auto& p : parts) {
        h.update(std::to_string(p.size()));
        h.update(":");
        h.update(p);
    }
    return h.finishHex();
}

const CacheRecord* lookup(const Session& s, const std::string& key) {
    if (s.opt.noCache) return nullptr;
    auto it = s.state.buildCache.find(key);
    if (it == s.state.buildCache.end()) return nullptr;
    // A record whose layer is gone (pruned) cannot be reused.
    if (!it->second.layer.empty() && !s.state.layers.count(it->second.layer)) return nullptr;
    return &it->second;
}

void remember(Session& s, CacheRecord rec) {
    // --no-cache re-runs a known step: the new result replaces the old one.
    s.state.buildCache[rec.key] = std::move(rec);
}

int64_t nowMs(const Session& s) { return s.state.clock.nowMs + s.elapsedMs; }

}   // namespace layerlab::engine::bk
