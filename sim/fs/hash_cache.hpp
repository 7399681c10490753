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
//     every header field that enters the digest (kind, mode, uid, gid, link).
//
// Single-threaded: give each thread its own cache (node memos are thread-safe).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/fs/file_tree.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::fs {

class HashCache {
  public:
    struct Stats {
        uint64_t filesHashed = 0; // entries whose bytes were actually run through sha256
        uint64_t bytesHashed = 0; // content bytes hashed
        uint64_t hits = 0;        // digests answered from this cache
    };

    // The digest of one entry (header + content; see file_checksum.hpp).
    RawDigest digest(const FileEntry& entry);

    const Stats& stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }
    size_t size() const { return m_size; }
    void clear();
    // Drops entries whose content nobody but this cache still holds.
    void prune();

  private:
    struct Slot {
        std::shared_ptr<const std::string> content;
        FileEntry::Kind kind;
        uint32_t mode, uid, gid;
        std::string linkTarget;
        RawDigest digest;
    };
    std::unordered_map<const void*, std::vector<Slot>> m_slots;
    size_t m_size = 0;
    Stats m_stats;
};

} // namespace layerlab::fs
