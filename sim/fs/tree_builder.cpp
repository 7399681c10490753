// TreeBuilder: a mutable staging trie turned into immutable nodes once.
#include "sim/fs/tree_builder.hpp"

#include "sim/fs/tree_node.hpp"

namespace layerlab::fs {

namespace {

FileEntry defaultDir() {
    FileEntry e;
    e.kind = FileEntry::Kind::Directory;
    e.mode = 0755;
    return e;
}

}   // namespace

TreeBuilder::TreeBuilder() { m_root.entry = defaultDir(); }

TreeBuilder::Pending& TreeBuilder::slot(std::string_view path) {
    Pending* node = &m_root;
    size_t start = 0;
    while (start < path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        const std::string_view name = path.substr(start, slash - start);
        auto it = node->children.find(name);
        if (it == node->children.end()) {
            it = node->children.emplace(std::string(name), Pending{}).first;
            it->second.entry = defaultDir();
            ++m_count;
        }
        node = &it->second;
        if (slash < path.size() && !node->entry.isDir()) {
            node->entry = defaultDir();   // a later path needs it to be a directory
        }
        start = slash + 1;
    }
    return *node;
}

void TreeBuilder::add(std::string_view path, FileEntry entry) {
    const std::string normalized = normalizePath(path);
    if (normalized.empty()) {
        if (entry.isDir()) setRoot(std::move(entry));
        return;
    }
    Pending& p = slot(normalized);
    if (!entry.isDir()) p.children.clear();
    p.entry = std::move(entry);
}

void TreeBuilder::addFile(std::string_view path, std::string content, uint32_t mode, uint32_t uid, uint32_t gid,
                          int64_t mtimeMs) {
    FileEntry e;
    e.content = std::make_shared<const std::string>(std::move(content));
    e.mode = mode;
    e.uid = uid;
    e.gid = gid;
    e.mtimeMs = mtimeMs;
    add(path, std::move(e));
}

void TreeBuilder::setRoot(FileEntry rootEntry) {
    rootEntry.kind = FileEntry::Kind::Directory;
    m_root.entry = std::move(rootEntry);
}

namespace {

template <class P>
NodePtr freeze(const P& p) {
    Children kids;
    for (const auto& [name, child] : p.children) kids.emplace_hint(kids.end(), name, freeze(child));
    return makeNode(p.entry, std::move(kids));
}

}   // namespace

FileTree TreeBuilder::build() const { return TreeAccess::fromRoot(freeze(m_root)); }

}   // namespace layerlab::fs
