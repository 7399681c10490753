// HashCache: identity-keyed memo of entry digests (see hash_cache.hpp).
#include "sim/fs/hash_cache.hpp"

#include "sim/fs/file_checksum.hpp"

namespace layerlab::fs {

RawDigest HashCache::digest(const FileEntry& entry) {
    // Directories and symlinks have no content buffer: their digest is a
    // header only, cheaper to recompute than to look up.
    if (entry.kind != FileEntry::Kind::File || !entry.content) return fileChecksumRaw(entry);
    std::vector<Slot>& slots = m_slots[entry.content.get()];
    for (const Slot& s : slots) {
        if (s.kind == entry.kind && s.mode == entry.mode && s.uid == entry.uid && s.gid == entry.gid &&
            s.linkTarget == entry.linkTarget) {
            ++m_stats.hits;
            return s.digest;
        }
    }
    RawDigest d = fileChecksumRaw(entry);
    ++m_stats.filesHashed;
    m_stats.bytesHashed += entry.size();
    slots.push_back({entry.content, entry.kind, entry.mode, entry.uid, entry.gid, entry.linkTarget, d});
    ++m_size;
    return d;
}

void HashCache::clear() {
    m_slots.clear();
    m_size = 0;
}

void HashCache::prune() {
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        // use_count()==1: only the cache holds the buffer, so no tree can ask again.
        if (it->second.empty() ||
            it->second.front().content.use_count() == static_cast<long>(it->second.size())) {
            m_size -= it->second.size();
            it = m_slots.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace layerlab::fs
