// HashCache: identity-keyed memo of file digests (see hash_cache.hpp).
#include "sim/fs/hash_cache.hpp"

#include "sim/fs/file_checksum.hpp"

namespace layerlab::fs {

RawDigest HashCache::digest(const FileEntry& entry) {
    // Directories and symlinks have no content buffer: their digest is a
    // header only, cheaper to recompute than to look up.
    if (entry.kind != FileEntry::Kind::File || !entry.content) return fileChecksumRaw(entry);
    const Key key{entry.content.get(), entry.mode, entry.uid, entry.gid};
    auto it = m_slots.find(key);
    if (it != m_slots.end()) {
        ++m_stats.hits;
        return it->second.digest;
    }
    const RawDigest d = fileChecksumRaw(entry);
    ++m_stats.filesHashed;
    m_stats.bytesHashed += entry.size();
    m_slots.emplace(key, Slot{entry.content, d});
    return d;
}

void HashCache::clear() { m_slots.clear(); }

void HashCache::prune() {
    // use_count()==1: only the cache holds the buffer, so no tree can ask again.
    // (Several keys may share one buffer; each holds a reference.)
    std::unordered_map<const std::string*, long> holders;
    for (const auto& [key, slot] : m_slots) ++holders[key.content];
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        if (it->second.content.use_count() == holders[it->first.content]) it = m_slots.erase(it);
        else ++it;
    }
}

}   // namespace layerlab::fs
