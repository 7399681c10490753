// HashCache: remembers file digests by identity, so a rebuild rehashes only
// what changed.
//
// Two levels work together:
//   - every trie node memoizes its own digest (tree_node.hpp), so a subtree
//     shared between two snapshots is never walked again;
//   - this cache covers new nodes whose bytes are not new: a chmod back, a
//     file copied into a layer (`COPY . /app` shares the context's content
//     buffers), the same file in two trees. The key is the content buffer's
//     identity (its shared_ptr, held so the address cannot be reused) plus
//     every header field a regular file can vary (mode, uid, gid).
//
// Single-threaded: give each thread its own cache (node memos are thread-safe).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "sim/fs/file_tree.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::fs {

class HashCache {
public:
    struct Stats {
        uint64_t filesHashed = 0;   // entries whose bytes were actually run through sha256
        uint64_t bytesHashed = 0;   // content bytes hashed
        uint64_t hits = 0;   // digests answered from this cache
    };

    // The digest of one entry (header + content; see file_checksum.hpp).
    RawDigest digest(const FileEntry& entry);

    const Stats& stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }
    size_t size() const { return m_slots.size(); }
    void clear();
    // Drops entries whose content nobody but this cache still holds.
    void prune();

private:
    // Only regular files are cached (directories and symlinks are headers
    // only), so the key is the buffer plus the header fields a file can vary.
    struct Key {
        const std::string* content;
        uint32_t mode, uid, gid;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const {
            size_t h = std::hash<const void*>()(k.content);
            for (uint32_t v : {k.mode, k.uid, k.gid}) h = h * 0x9E3779B97F4A7C15ull + v;
            return h;
        }
    };
    struct Slot {
        std::shared_ptr<const std::string> content;   // keeps the key's address from being reused
        RawDigest digest;
    };
    std::unordered_map<Key, Slot, KeyHash> m_slots;
    Stats m_stats;
};

}   // namespace layerlab::fs
