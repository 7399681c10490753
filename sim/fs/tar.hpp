// tar: the ustar archive format, written and read over FileTree.
//
// `docker save`, `docker export`, `docker cp` and a layer's own tarball are tar
// streams. LayerLab writes real ones (512-byte headers, octal fields, the
// "ustar\000" magic, data padded to 512, two zero blocks at the end: what Go's
// archive/tar writes without PAX records), so `tar -tf` on the host lists
// them and the byte counts Docker prints ("Successfully copied 2.05kB") come
// from real sizes. Whiteouts are entries named ".wh.<name>" (the OCI/Docker
// layer convention). Reading never crashes on bad input: a truncated or
// corrupt archive gives an error text instead of entries.
//
// Simplified: names longer than 100 bytes use the ustar prefix field (up to
// 255 bytes in all); longer names are refused rather than written as PAX.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::fs {

struct TarEntry {
    std::string name;   // "app/server.js", directories end with '/': "app/"
    FileEntry::Kind kind = FileEntry::Kind::File;
    std::string content;   // File only
    std::string linkTarget;   // Symlink only
    uint32_t mode = 0644;
    uint32_t uid = 0;
    uint32_t gid = 0;
    int64_t mtimeSeconds = 0;
};

// The archive bytes for these entries, in order.
std::string writeTar(const std::vector<TarEntry>& entries);

struct TarReadResult {
    std::vector<TarEntry> entries;
    std::string error;   // "" when the whole archive was read
};
TarReadResult readTar(std::string_view bytes);

// Every entry of `tree` below `dir` (parents before children, sorted), named
// relative to `dir` with `prefix` in front ("" or "app/"); `whiteouts` are
// added as ".wh." entries next to the deleted name.
std::vector<TarEntry> treeEntries(const FileTree& tree, std::string_view dir = "", std::string_view prefix = "",
                                  const std::vector<std::string>& whiteouts = {});

// The tree and whiteouts an archive holds (the reverse of treeEntries).
struct TarTree {
    FileTree tree;
    std::vector<std::string> whiteouts;   // paths without ".wh."
};
TarTree entriesToTree(const std::vector<TarEntry>& entries);

// Bytes a tar of these entries takes (what writeTar(entries).size() is).
uint64_t tarSize(const std::vector<TarEntry>& entries);

// Go's filepath.Walk order of two relative paths: compared component by
// component, so "a/b" comes right after "a" and before "a-b" (a directory's
// children before its next sibling).
bool walkOrder(std::string_view x, std::string_view y);

}   // namespace layerlab::fs
