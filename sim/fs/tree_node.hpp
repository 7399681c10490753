// The trie behind FileTree, for the fs module's own files only (file_tree.cpp,
// file_checksum.cpp, dockerignore.cpp). Other modules use FileTree's API.
//
// A Node is immutable once published. The only mutable part is the checksum
// memo: a node's digest is a pure function of the node, so it is computed at
// most once (std::call_once, safe if the GUI and the model read concurrently)
// and every tree sharing the node shares the memo. That is what makes a
// re-checksum after a one-file edit O(depth): only the copied path is new.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "sim/fs/file_tree.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::fs {

using NodePtr = std::shared_ptr<const FileTree::Node>;
using Children = std::map<std::string, NodePtr, std::less<>>;

struct FileTree::Node {
    FileEntry entry;
    Children children;   // directories only
    uint64_t fileCount = 0;   // regular files + symlinks in this subtree (self included)
    uint64_t totalBytes = 0;   // sum of file sizes in this subtree
    uint64_t entryCount = 0;   // entries below this node (self excluded)

    // Checksum memo (file_checksum.cpp). `digest` covers header + content (files,
    // symlinks) or header + contentsDigest (directories); `contentsDigest` is the
    // directory's children list alone (what `COPY dir/` and `COPY .` key on).
    mutable std::once_flag digestOnce;
    mutable RawDigest digest{};
    mutable RawDigest contentsDigest{};
};

// Builds a node and its aggregates. For non-directories `children` must be empty.
NodePtr makeNode(FileEntry entry, Children children = {});

// The fs module's door into FileTree's private root.
struct TreeAccess {
    static const NodePtr& root(const FileTree& tree) { return tree.m_root; }
    static FileTree fromRoot(NodePtr root) { return FileTree(std::move(root)); }
};

// The node at a normalized path, or nullptr. Never follows symlinks.
const FileTree::Node* findNode(const FileTree::Node& root, std::string_view normalizedPath);
NodePtr findNodePtr(const NodePtr& root, std::string_view normalizedPath);

}   // namespace layerlab::fs
