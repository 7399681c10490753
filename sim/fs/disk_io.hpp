// Disk I/O: a real folder becomes a FileTree (the build context of
// `layerlab shell --context DIR`), and a FileTree can be written back out.
//
// Loading uses lstat, so each entry keeps its permission bits, uid, gid and
// mtime, and a symlink stays a symlink (never followed, as Docker sends it).
// Sockets, FIFOs and devices are skipped with a warning: a build context has
// no use for them and the simulator does not model them.
//
// This is the only place in sim/ that touches the real disk; everything else
// works on trees in memory.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::fs {

struct LoadResult {
    FileTree tree;
    std::vector<std::string> warnings;   // "skipped fifo: path", "cannot read x: Permission denied"
    std::string error;   // the folder itself is unusable ("" on success)
    bool ok() const { return error.empty(); }
};

// Reads `folder` recursively. The tree's root gets the folder's own metadata.
// error: "<folder>: No such file or directory" / ": Not a directory" / ...
LoadResult loadTree(const std::filesystem::path& folder);

struct WriteResult {
    std::vector<std::string> warnings;
    std::string error;   // "" on success; the first entry that could not be written
    bool ok() const { return error.empty(); }
};

// Writes every entry of `tree` below `folder` (created if missing): contents,
// permission bits, symlinks and mtimes; uid/gid only when running as root
// (otherwise kept as the current user, with no warning: as `cp -p` would).
// Existing entries in the way are replaced; other existing files are left.
WriteResult writeTree(const FileTree& tree, const std::filesystem::path& folder);

}   // namespace layerlab::fs
