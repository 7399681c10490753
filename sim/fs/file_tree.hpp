// FileTree: an immutable, structurally shared file tree (path -> entry).
//
// Used for the build context, for each layer's changes, for a container's
// writable layer, and for the merged view of an image. Every "with..." call
// returns a new tree that shares every untouched directory and file with the
// old one (path copying), so a snapshot is a pointer copy and an edit costs
// O(depth * directory width), never O(tree size).
//
// Paths are relative, '/'-separated, without a leading slash ("app/server.js").
// normalizePath() turns "/app//./x/" into "app/x" ("a/../b" into "b"; ".." never
// climbs above the root); every member normalizes. Lookups never follow
// symlinks (lstat semantics): a symlink is an entry of its own.
//
// Bad paths never crash. Each edit has two forms:
//   - withX(...)    returns the tree unchanged when the edit is impossible;
//   - tryWithX(...) returns EditResult{tree, error}, the error being the
//     strerror text a shell prints ("Not a directory", "Is a directory",
//     "No such file or directory", "File exists"), so the host terminal can
//     say `rm: cannot remove 'x': No such file or directory`.
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
    std::string linkTarget;   // Symlink only
    uint32_t mode = 0644;   // permission bits only (no type bits)
    uint32_t uid = 0;
    uint32_t gid = 0;
    int64_t mtimeMs = 0;   // shown to learners; never part of a digest (as in Docker)

    bool isDir() const { return kind == Kind::Directory; }
    uint64_t size() const { return content ? content->size() : 0; }
};

std::string normalizePath(std::string_view path);
// The last element of a slash-separated path: "usr/bin/node" -> "node",
// "node" -> "node", "dir/" -> "" (no cleaning: callers pass clean paths).
std::string baseName(std::string_view path);

struct EditResult;

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

    // withFile: creates or replaces a regular file with exactly these metadata.
    // Errors: "Is a directory" (path is a directory or ""), "Not a directory"
    // (a parent is a file or symlink).
    EditResult tryWithFile(std::string_view path, std::string content, uint32_t mode = 0644, uint32_t uid = 0,
                           uint32_t gid = 0, int64_t mtimeMs = 0) const;
    // withEntry: puts any entry at path, replacing whatever was there (as a layer
    // does). A Directory entry over an existing directory only changes the
    // directory's metadata and keeps its children. Error: "Not a directory".
    EditResult tryWithEntry(std::string_view path, FileEntry entry) const;
    // mkdir [-p]. parents=true: existing directory is fine, missing parents are
    // created. Errors: "File exists", "No such file or directory", "Not a directory".
    EditResult tryWithDirectory(std::string_view path, uint32_t mode = 0755, bool parents = true,
                                int64_t mtimeMs = 0) const;
    // rm -r. Removing "" empties the tree. Errors: "No such file or directory", "Not a directory".
    EditResult tryWithout(std::string_view path) const;
    // chmod / chown / touch -m of an existing entry. Error: "No such file or directory".
    EditResult tryWithMode(std::string_view path, uint32_t mode) const;
    EditResult tryWithOwner(std::string_view path, uint32_t uid, uint32_t gid) const;
    EditResult tryWithMtime(std::string_view path, int64_t mtimeMs) const;

    // Shell-style writes: `> file` keeps an existing file's mode and owner (a
    // new file gets 0644 root:root); `>> file` appends; `touch` creates an empty
    // file or only moves its mtime (so its checksum, and Docker's cache, stay).
    // Parent directories must exist, as in a shell. Errors as tryWithFile plus
    // "No such file or directory".
    EditResult tryWrite(std::string_view path, std::string content, int64_t mtimeMs = 0) const;
    EditResult tryAppend(std::string_view path, std::string_view text, int64_t mtimeMs = 0) const;
    EditResult tryTouch(std::string_view path, int64_t mtimeMs) const;
    FileTree withAppended(std::string_view path, std::string_view text, int64_t mtimeMs = 0) const;

    // The tree rooted at `dir` (shares every node; O(depth)). Empty tree when
    // `dir` is not a directory. The new root keeps `dir`'s own metadata.
    FileTree subtree(std::string_view dir) const;
    // Grafts `sub` at `dir` (creating parents, replacing what was there), sharing
    // its nodes: `COPY . /app` is withSubtree("app", context). Error: "Not a directory".
    EditResult tryWithSubtree(std::string_view dir, const FileTree& sub) const;
    FileTree withSubtree(std::string_view dir, const FileTree& sub) const;
    // Overlay `upper` on this tree: directories merge, anything else in `upper`
    // replaces what is here (no whiteouts: deletions are the caller's business).
    // Subtrees present on one side only are shared, not copied.
    FileTree overlaid(const FileTree& upper) const;

    // Immediate children of a directory, sorted by name. Empty if not a directory.
    std::vector<std::string> list(std::string_view dir = "") const;

    // Every entry below `dir` (files, directories, symlinks), sorted by path,
    // parents before children. Paths passed to fn are full tree paths.
    void forEach(const std::function<void(const std::string& path, const FileEntry&)>& fn,
                 std::string_view dir = "") const;

    size_t fileCount() const;   // regular files + symlinks
    uint64_t totalBytes() const;   // sum of file sizes

    size_t entryCount() const;   // every entry below the root (directories included)

    // True when both trees share the same root (cheap "nothing changed" test).
    bool sameAs(const FileTree& other) const { return m_root == other.m_root; }

    // One trie node per entry (directories hold their children). Defined in
    // sim/fs/tree_node.hpp for the fs module's own files (checksums, filters).
    struct Node;

private:
    friend struct TreeAccess;
    explicit FileTree(std::shared_ptr<const Node> root) : m_root(std::move(root)) {}
    std::shared_ptr<const Node> m_root;
};

struct EditResult {
    FileTree tree;   // the edited tree, or the unchanged one on error
    std::string error;   // "" on success
    bool ok() const { return error.empty(); }
};

}   // namespace layerlab::fs
