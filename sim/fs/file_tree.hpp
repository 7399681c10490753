// FileTree: an immutable, structurally shared file tree (path -> entry).
//
// Used for the build context, for each layer's changes, for a container's
// writable layer, and for the merged view of an image. Every "with..." call
// returns a new tree that shares every untouched directory and file with the
// old one (path copying), so a snapshot is a pointer copy and an edit costs
// O(depth * directory width), never O(tree size).
//
// Paths are relative, '/'-separated, without a leading slash ("app/server.js").
// normalizePath() turns "/app//./x/" into "app/x"; every member normalizes.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::fs {

struct FileEntry {
    enum class Kind { File, Directory, Symlink };
    Kind kind = Kind::File;
    std::shared_ptr<const std::string> content;   // File only; never null for files
    std::string linkTarget;                       // Symlink only
    uint32_t mode = 0644;                         // permission bits only (no type bits)
    uint32_t uid = 0;
    uint32_t gid = 0;
    int64_t mtimeMs = 0;   // shown to learners; never part of a digest (as in Docker)

    bool isDir() const { return kind == Kind::Directory; }
    uint64_t size() const { return content ? content->size() : 0; }
};

std::string normalizePath(std::string_view path);

class FileTree {
public:
    FileTree();

    // Lookup. nullptr when absent. "" is the root directory.
    const FileEntry* find(std::string_view path) const;
    bool exists(std::string_view path) const { return find(path) != nullptr; }
    bool isDirectory(std::string_view path) const;

    // Edits return a new tree; missing parent directories are created (0755).
    FileTree withFile(std::string_view path, std::string content, uint32_t mode = 0644, uint32_t uid = 0,
                      uint32_t gid = 0, int64_t mtimeMs = 0) const;
    FileTree withEntry(std::string_view path, FileEntry entry) const;
    FileTree withDirectory(std::string_view path, uint32_t mode = 0755) const;
    FileTree without(std::string_view path) const;   // removes a file or a whole directory
    FileTree withMode(std::string_view path, uint32_t mode) const;
    FileTree withOwner(std::string_view path, uint32_t uid, uint32_t gid) const;
    FileTree withMtime(std::string_view path, int64_t mtimeMs) const;

    // Immediate children of a directory, sorted by name. Empty if not a directory.
    std::vector<std::string> list(std::string_view dir = "") const;

    // Every entry below `dir` (files, directories, symlinks), sorted by path,
    // parents before children. Paths passed to fn are full tree paths.
    void forEach(const std::function<void(const std::string& path, const FileEntry&)>& fn,
                 std::string_view dir = "") const;

    size_t fileCount() const;      // regular files + symlinks
    uint64_t totalBytes() const;   // sum of file sizes

    // True when both trees share the same root (cheap "nothing changed" test).
    bool sameAs(const FileTree& other) const { return m_root == other.m_root; }

    struct Dir;   // implementation detail, public for the .cpp's helpers

private:
    explicit FileTree(std::shared_ptr<const Dir> root) : m_root(std::move(root)) {}
    std::shared_ptr<const Dir> m_root;
};

}  // namespace layerlab::fs
