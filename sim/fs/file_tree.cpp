// FileTree: lookup, iteration and the path-copying edit engine.
//
// Every edit walks from the root to the edited slot and rebuilds only the
// nodes on that path; all siblings are shared with the old tree. Errors are
// detected before anything is built, so a failed edit allocates nothing and
// returns the old tree.
#include <functional>
#include <vector>

#include "sim/fs/tree_node.hpp"

namespace layerlab::fs {

namespace {

using Node = FileTree::Node;

std::vector<std::string> splitNormalized(std::string_view normalized) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < normalized.size()) {
        size_t slash = normalized.find('/', start);
        if (slash == std::string_view::npos) slash = normalized.size();
        parts.emplace_back(normalized.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

FileEntry dirEntry(uint32_t mode, int64_t mtimeMs) {
    FileEntry e;
    e.kind = FileEntry::Kind::Directory;
    e.mode = mode;
    e.mtimeMs = mtimeMs;
    return e;
}

FileEntry fileEntry(std::string content, uint32_t mode, uint32_t uid, uint32_t gid, int64_t mtimeMs) {
    FileEntry e;
    e.kind = FileEntry::Kind::File;
    e.content = std::make_shared<const std::string>(std::move(content));
    e.mode = mode;
    e.uid = uid;
    e.gid = gid;
    e.mtimeMs = mtimeMs;
    return e;
}

const NodePtr& emptyRoot() {
    static const NodePtr root = makeNode(dirEntry(0755, 0));
    return root;
}

// An edit of the final slot: `slot` is the current child (nullptr when absent);
// the op replaces it (nullptr removes it) or returns an error text.
using SlotOp = std::function<std::string(NodePtr& slot)>;

struct EditRequest {
    bool createParents = true;
    int64_t parentMtimeMs = 0;
};

std::string editAt(const NodePtr& dir, const std::vector<std::string>& parts, size_t i, const EditRequest& req,
                   const SlotOp& op, NodePtr& out) {
    auto it = dir->children.find(parts[i]);
    const NodePtr old = it == dir->children.end() ? nullptr : it->second;
    NodePtr replacement = old;
    if (i + 1 == parts.size()) {
        if (std::string err = op(replacement); !err.empty()) return err;
    } else {
        NodePtr child = old;
        if (!child) {
            if (!req.createParents) return "No such file or directory";
            child = makeNode(dirEntry(0755, req.parentMtimeMs));
        } else if (!child->entry.isDir()) {
            return "Not a directory";
        }
        if (std::string err = editAt(child, parts, i + 1, req, op, replacement); !err.empty()) return err;
    }
    if (replacement == old) {
        out = dir;
        return "";
    }
    Children kids = dir->children;
    if (replacement) kids.insert_or_assign(parts[i], std::move(replacement));
    else kids.erase(parts[i]);
    out = makeNode(dir->entry, std::move(kids));
    return "";
}

// Runs `op` on the slot named by `path`. The root itself is a slot too: it can
// change metadata or be emptied, but never stop being a directory.
EditResult applyEdit(const FileTree& tree, const NodePtr& root, std::string_view path, const EditRequest& req,
                     const SlotOp& op) {
    const std::vector<std::string> parts = splitNormalized(normalizePath(path));
    NodePtr newRoot;
    if (parts.empty()) {
        NodePtr slot = root;
        if (std::string err = op(slot); !err.empty()) return {tree, err};
        if (!slot) newRoot = makeNode(root->entry);
        else if (!slot->entry.isDir()) return {tree, "Is a directory"};
        else newRoot = slot;
    } else if (std::string err = editAt(root, parts, 0, req, op, newRoot); !err.empty()) {
        return {tree, err};
    }
    if (newRoot == root) return {tree, ""};
    return {TreeAccess::fromRoot(std::move(newRoot)), ""};
}

std::string missing(const NodePtr& slot) { return slot ? "" : "No such file or directory"; }

SlotOp changeEntry(std::function<void(FileEntry&)> change) {
    return [change = std::move(change)](NodePtr& slot) -> std::string {
        if (!slot) return "No such file or directory";
        FileEntry e = slot->entry;
        change(e);
        slot = makeNode(std::move(e), slot->children);
        return "";
    };
}

void forEachNode(const Node& dir, std::string& prefix,
                 const std::function<void(const std::string&, const FileEntry&)>& fn) {
    const size_t base = prefix.size();
    for (const auto& [name, child] : dir.children) {
        if (base != 0) prefix += '/';
        prefix += name;
        fn(prefix, child->entry);
        if (child->entry.isDir()) forEachNode(*child, prefix, fn);
        prefix.resize(base);
    }
}

NodePtr mergeNodes(const NodePtr& lower, const NodePtr& upper) {
    if (!lower || !lower->entry.isDir() || !upper->entry.isDir()) return upper;
    Children kids = lower->children;
    for (const auto& [name, child] : upper->children) {
        auto it = kids.find(name);
        NodePtr merged = mergeNodes(it == kids.end() ? nullptr : it->second, child);
        kids.insert_or_assign(name, std::move(merged));
    }
    return makeNode(upper->entry, std::move(kids));
}

}   // namespace

std::string baseName(std::string_view path) {
    const size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string normalizePath(std::string_view path) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view part = path.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();   // ".." never climbs above the root
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (std::string_view part : parts) {
        if (!out.empty()) out += '/';
        out += part;
    }
    return out;
}

NodePtr makeNode(FileEntry entry, Children children) {
    auto node = std::make_shared<Node>();
    if (entry.kind == FileEntry::Kind::File && !entry.content) entry.content = std::make_shared<const std::string>();
    if (entry.kind != FileEntry::Kind::File) entry.content.reset();
    if (entry.kind != FileEntry::Kind::Directory) children.clear();
    node->fileCount = entry.isDir() ? 0 : 1;
    node->totalBytes = entry.size();
    for (const auto& [name, child] : children) {
        node->fileCount += child->fileCount;
        node->totalBytes += child->totalBytes;
        node->entryCount += 1 + child->entryCount;
    }
    node->entry = std::move(entry);
    node->children = std::move(children);
    return node;
}

const FileTree::Node* findNode(const FileTree::Node& root, std::string_view normalized) {
    const Node* node = &root;
    size_t start = 0;
    while (start < normalized.size()) {
        size_t slash = normalized.find('/', start);
        if (slash == std::string_view::npos) slash = normalized.size();
        auto it = node->children.find(normalized.substr(start, slash - start));
        if (it == node->children.end()) return nullptr;
        node = it->second.get();
        start = slash + 1;
    }
    return node;
}

NodePtr findNodePtr(const NodePtr& root, std::string_view normalized) {
    NodePtr node = root;
    size_t start = 0;
    while (node && start < normalized.size()) {
        size_t slash = normalized.find('/', start);
        if (slash == std::string_view::npos) slash = normalized.size();
        auto it = node->children.find(normalized.substr(start, slash - start));
        node = it == node->children.end() ? nullptr : it->second;
        start = slash + 1;
    }
    return node;
}

FileTree::FileTree() : m_root(emptyRoot()) {}

const FileEntry* FileTree::find(std::string_view path) const {
    const Node* node = findNode(*m_root, normalizePath(path));
    return node ? &node->entry : nullptr;
}

bool FileTree::isDirectory(std::string_view path) const {
    const FileEntry* e = find(path);
    return e && e->isDir();
}

std::vector<std::string> FileTree::list(std::string_view dir) const {
    std::vector<std::string> names;
    const Node* node = findNode(*m_root, normalizePath(dir));
    if (!node) return names;
    names.reserve(node->children.size());
    for (const auto& [name, child] : node->children) names.push_back(name);
    return names;
}

void FileTree::forEach(const std::function<void(const std::string& path, const FileEntry&)>& fn,
                       std::string_view dir) const {
    std::string prefix = normalizePath(dir);
    const Node* node = findNode(*m_root, prefix);
    if (node && node->entry.isDir()) forEachNode(*node, prefix, fn);
}

size_t FileTree::fileCount() const { return m_root->fileCount; }
uint64_t FileTree::totalBytes() const { return m_root->totalBytes; }
size_t FileTree::entryCount() const { return m_root->entryCount; }

// ---- edits -------------------------------------------------------------------

EditResult FileTree::tryWithFile(std::string_view path, std::string content, uint32_t mode, uint32_t uid, uint32_t gid,
                                 int64_t mtimeMs) const {
    NodePtr file = makeNode(fileEntry(std::move(content), mode, uid, gid, mtimeMs));
    return applyEdit(*this, m_root, path, {true, mtimeMs}, [&](NodePtr& slot) -> std::string {
        if (slot && slot->entry.isDir()) return "Is a directory";
        slot = file;
        return "";
    });
}

EditResult FileTree::tryWithEntry(std::string_view path, FileEntry entry) const {
    const int64_t mtime = entry.mtimeMs;
    return applyEdit(*this, m_root, path, {true, mtime}, [&](NodePtr& slot) -> std::string {
        if (entry.isDir() && slot && slot->entry.isDir()) slot = makeNode(entry, slot->children);
        else slot = makeNode(entry);
        return "";
    });
}

EditResult FileTree::tryWithDirectory(std::string_view path, uint32_t mode, bool parents, int64_t mtimeMs) const {
    return applyEdit(*this, m_root, path, {parents, mtimeMs}, [&](NodePtr& slot) -> std::string {
        if (slot) return slot->entry.isDir() && parents ? "" : "File exists";
        slot = makeNode(dirEntry(mode, mtimeMs));
        return "";
    });
}

EditResult FileTree::tryWithout(std::string_view path) const {
    return applyEdit(*this, m_root, path, {false, 0}, [](NodePtr& slot) -> std::string {
        if (std::string err = missing(slot); !err.empty()) return err;
        slot = nullptr;
        return "";
    });
}

EditResult FileTree::tryWithMode(std::string_view path, uint32_t mode) const {
    return applyEdit(*this, m_root, path, {false, 0}, changeEntry([mode](FileEntry& e) { e.mode = mode & 07777; }));
}

EditResult FileTree::tryWithOwner(std::string_view path, uint32_t uid, uint32_t gid) const {
    return applyEdit(*this, m_root, path, {false, 0}, changeEntry([uid, gid](FileEntry& e) {
        e.uid = uid;
        e.gid = gid;
    }));
}

EditResult FileTree::tryWithMtime(std::string_view path, int64_t mtimeMs) const {
    return applyEdit(*this, m_root, path, {false, 0}, changeEntry([mtimeMs](FileEntry& e) { e.mtimeMs = mtimeMs; }));
}

EditResult FileTree::tryWrite(std::string_view path, std::string content, int64_t mtimeMs) const {
    return applyEdit(*this, m_root, path, {false, 0}, [&](NodePtr& slot) -> std::string {
        if (slot && slot->entry.isDir()) return "Is a directory";
        // A shell follows symlinks; the simulator does not model link targets
        // on writes, so writing to a symlink path replaces the link by a file.
        const bool keep = slot && slot->entry.kind == FileEntry::Kind::File;
        const FileEntry* old = keep ? &slot->entry : nullptr;
        slot = makeNode(
            fileEntry(std::move(content), old ? old->mode : 0644, old ? old->uid : 0, old ? old->gid : 0, mtimeMs));
        return "";
    });
}

EditResult FileTree::tryAppend(std::string_view path, std::string_view text, int64_t mtimeMs) const {
    const FileEntry* old = find(path);
    if (old && old->kind == FileEntry::Kind::File) {
        std::string content = *old->content;
        content += text;
        return tryWrite(path, std::move(content), mtimeMs);
    }
    return tryWrite(path, std::string(text), mtimeMs);
}

EditResult FileTree::tryTouch(std::string_view path, int64_t mtimeMs) const {
    if (find(path)) return tryWithMtime(path, mtimeMs);
    return tryWrite(path, "", mtimeMs);
}

EditResult FileTree::tryWithSubtree(std::string_view dir, const FileTree& sub) const {
    return applyEdit(*this, m_root, dir, {true, sub.m_root->entry.mtimeMs}, [&](NodePtr& slot) -> std::string {
        slot = sub.m_root;
        return "";
    });
}

FileTree FileTree::withFile(std::string_view path, std::string content, uint32_t mode, uint32_t uid, uint32_t gid,
                            int64_t mtimeMs) const {
    return tryWithFile(path, std::move(content), mode, uid, gid, mtimeMs).tree;
}
FileTree FileTree::withEntry(std::string_view path, FileEntry entry) const {
    return tryWithEntry(path, std::move(entry)).tree;
}
FileTree FileTree::withDirectory(std::string_view path, uint32_t mode) const {
    return tryWithDirectory(path, mode).tree;
}
FileTree FileTree::without(std::string_view path) const { return tryWithout(path).tree; }
FileTree FileTree::withMode(std::string_view path, uint32_t mode) const { return tryWithMode(path, mode).tree; }
FileTree FileTree::withOwner(std::string_view path, uint32_t uid, uint32_t gid) const {
    return tryWithOwner(path, uid, gid).tree;
}
FileTree FileTree::withMtime(std::string_view path, int64_t mtimeMs) const { return tryWithMtime(path, mtimeMs).tree; }
FileTree FileTree::withAppended(std::string_view path, std::string_view text, int64_t mtimeMs) const {
    return tryAppend(path, text, mtimeMs).tree;
}
FileTree FileTree::withSubtree(std::string_view dir, const FileTree& sub) const {
    return tryWithSubtree(dir, sub).tree;
}

FileTree FileTree::subtree(std::string_view dir) const {
    NodePtr node = findNodePtr(m_root, normalizePath(dir));
    if (!node || !node->entry.isDir()) return FileTree();
    return FileTree(std::move(node));
}

FileTree FileTree::overlaid(const FileTree& upper) const { return FileTree(mergeNodes(m_root, upper.m_root)); }

}   // namespace layerlab::fs
