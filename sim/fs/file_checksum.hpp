// Content checksums with Docker's semantics: what COPY/ADD cache keys are made of.
//
// One entry's digest is sha256 over a tar-header-like record followed by the
// content, as BuildKit's contenthash does (cache/contenthash/filehash.go, the
// tarsum "v1" header with mtime removed): the fields name, mode, uid, gid,
// size, typeflag, linkname, uname, gname, devmajor, devminor, each written as
// key then decimal/text value. As in BuildKit the per-entry name is empty: a
// file's name enters through its parent directory's record instead. So:
//   touch      -> same digest (mtime is never hashed)
//   chmod      -> new digest
//   chown      -> new digest
//   new bytes  -> new digest
//   rename     -> same file digest, new digest for the directory holding it
// A directory's digest is sha256(header || contents), contents being
// sha256 over its children in name order, each as name '\0' digest.
// Simplified: BuildKit's exact byte layout of directory records and xattrs is
// not reproduced; digests are stable and deterministic but are not the ones a
// real engine computes internally (they are never shown by Docker anyway).
//
// Results are "sha256:<64 hex>". Subtree digests are memoized on the shared
// trie nodes, so re-checksumming after a one-file edit hashes that file only.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/fs/file_tree.hpp"
#include "sim/fs/hash_cache.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::fs {

// The canonical header record of an entry (exposed for tests and for layer
// encodings that want the same fields). `name` is "" for checksums.
std::string canonicalHeader(const FileEntry& entry, std::string_view name = "");

// Digest of one entry: header + content (files), header (directories: no
// children; symlinks: link target in the header). Not memoized.
std::string fileChecksum(const FileEntry& entry);
RawDigest fileChecksumRaw(const FileEntry& entry);

// Digest of whatever sits at `path` in `tree`: a file/symlink's fileChecksum,
// or for a directory sha256(header || contents). "" when the path is absent.
// `cache` (optional) shares file digests across nodes and counts the work.
std::string pathChecksum(const FileTree& tree, std::string_view path, HashCache* cache = nullptr);

// Digest of a directory's contents without the directory's own header: what
// `COPY dir/ /dest` and `COPY . /dest` depend on (the context root's own mode
// is not part of the key). For the whole tree pass "" (the default).
// "" when `dir` is absent or not a directory.
std::string contentsChecksum(const FileTree& tree, std::string_view dir = "", HashCache* cache = nullptr);

// Digest of a COPY source selection: the given paths in the given order, each
// contributing its normalized path and its pathChecksum. A missing path
// contributes a fixed "missing" marker (the builder reports the error itself).
std::string selectionChecksum(const FileTree& tree, const std::vector<std::string>& paths, HashCache* cache = nullptr);

}   // namespace layerlab::fs
