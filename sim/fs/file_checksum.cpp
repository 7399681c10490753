// Content checksums (see file_checksum.hpp for the encoding and why).
#include "sim/fs/file_checksum.hpp"

#include "sim/fs/tree_node.hpp"

namespace layerlab::fs {

namespace {

using Node = FileTree::Node;

char typeflag(FileEntry::Kind kind) {
    switch (kind) {
        case FileEntry::Kind::File:
            return '0';
        case FileEntry::Kind::Directory:
            return '5';
        case FileEntry::Kind::Symlink:
            return '2';
    }
    return '0';
}

void ensureDigest(const Node& node, HashCache* cache);

void computeDigest(const Node& node, HashCache* cache) {
    if (!node.entry.isDir()) {
        node.digest = cache ? cache->digest(node.entry) : fileChecksumRaw(node.entry);
        return;
    }
    Sha256 contents;
    for (const auto& [name, child] : node.children) {
        ensureDigest(*child, cache);
        contents.update(name);
        contents.update(std::string_view("\0", 1));
        contents.update(child->digest);
    }
    node.contentsDigest = contents.finish();
    Sha256 full;
    full.update(canonicalHeader(node.entry));
    full.update(node.contentsDigest);
    node.digest = full.finish();
}

void ensureDigest(const Node& node, HashCache* cache) {
    std::call_once(node.digestOnce, [&] { computeDigest(node, cache); });
}

}   // namespace

std::string canonicalHeader(const FileEntry& entry, std::string_view name) {
    // Same field order and key+value concatenation as tarsum's WriteV1Header;
    // mtime is deliberately absent.
    std::string h;
    h.reserve(128 + name.size() + entry.linkTarget.size());
    h += "name";
    h += name;
    h += "mode";
    h += std::to_string(entry.mode & 07777);
    h += "uid";
    h += std::to_string(entry.uid);
    h += "gid";
    h += std::to_string(entry.gid);
    h += "size";
    h += std::to_string(entry.kind == FileEntry::Kind::File ? entry.size() : 0);
    h += "typeflag";
    h += typeflag(entry.kind);
    h += "linkname";
    if (entry.kind == FileEntry::Kind::Symlink) h += entry.linkTarget;
    h += "uname";
    h += "gname";
    h += "devmajor0";
    h += "devminor0";
    return h;
}

RawDigest fileChecksumRaw(const FileEntry& entry) {
    // One context per thread, reset per file: allocating an EVP context for
    // each of 10,000 small files is measurable next to hashing them.
    thread_local Sha256 h;
    h.reset();
    h.update(canonicalHeader(entry));
    if (entry.kind == FileEntry::Kind::File && entry.content) h.update(*entry.content);
    return h.finish();
}

std::string fileChecksum(const FileEntry& entry) { return toDigestString(fileChecksumRaw(entry)); }

std::string pathChecksum(const FileTree& tree, std::string_view path, HashCache* cache) {
    const Node* node = findNode(*TreeAccess::root(tree), normalizePath(path));
    if (!node) return "";
    ensureDigest(*node, cache);
    return toDigestString(node->digest);
}

std::string contentsChecksum(const FileTree& tree, std::string_view dir, HashCache* cache) {
    const Node* node = findNode(*TreeAccess::root(tree), normalizePath(dir));
    if (!node || !node->entry.isDir()) return "";
    ensureDigest(*node, cache);
    return toDigestString(node->contentsDigest);
}

std::string selectionChecksum(const FileTree& tree, const std::vector<std::string>& paths, HashCache* cache) {
    Sha256 h;
    for (const std::string& p : paths) {
        const std::string normalized = normalizePath(p);
        std::string digest = pathChecksum(tree, normalized, cache);
        h.update(normalized);
        h.update(std::string_view("\0", 1));
        h.update(digest.empty() ? std::string_view("missing") : std::string_view(digest));
        h.update(std::string_view("\n", 1));
    }
    return toDigestString(h.finish());
}

}   // namespace layerlab::fs
