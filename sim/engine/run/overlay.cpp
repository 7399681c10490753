// The RUN simulator's copy-on-write file system: the merged view a command
// sees, the layer it builds (changed entries, with the parent directories it
// created) and its whiteouts (deleted paths that existed below).
#include "sim/engine/run/shell.hpp"

namespace layerlab::engine::run::detail {

void Overlay::recordChange(const std::string& path) {
    const fs::FileEntry* e = m_view.find(path);
    if (!e) return;
    m_changes = m_changes.withEntry(path, *e);
    m_deleted.erase(path);
}

std::string Overlay::put(const std::string& path, fs::FileEntry entry) {
    auto r = m_view.tryWithEntry(path, entry);
    if (!r.ok()) return r.error;
    m_view = r.tree;
    // Parents created on the way belong to the layer too.
    std::string parent = path;
    std::vector<std::string> chain;
    while (true) {
        auto slash = parent.rfind('/');
        if (slash == std::string::npos) break;
        parent.resize(slash);
        if (!m_changes.exists(parent) && !m_base.exists(parent)) chain.push_back(parent);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) recordChange(*it);
    if (entry.isDir() && m_changes.isDirectory(path)) {
        // Keep children already in the layer; only the directory's metadata changes.
        fs::FileEntry meta = *m_view.find(path);
        m_changes = m_changes.withEntry(path, meta);
    } else {
        m_changes = m_changes.without(path).withEntry(path, *m_view.find(path));
    }
    m_deleted.erase(path);
    return "";
}

std::string Overlay::mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) {
    std::vector<std::string> created;
    std::string acc;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        acc = acc.empty() ? part : acc + "/" + part;
        if (!m_view.exists(acc)) created.push_back(acc);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    auto r = m_view.tryWithDirectory(path, mode, parents, mtimeMs);
    if (!r.ok()) return r.error;
    m_view = r.tree;
    for (const auto& p : created) recordChange(p);
    return "";
}

std::string Overlay::remove(const std::string& path) {
    auto r = m_view.tryWithout(path);
    if (!r.ok()) return r.error;
    m_view = r.tree;
    m_changes = m_changes.without(path);
    if (m_base.exists(path)) m_deleted.insert(path);
    // Whiteouts below a removed directory are covered by it.
    for (auto it = m_deleted.begin(); it != m_deleted.end();) {
        if (it->size() > path.size() && it->compare(0, path.size(), path) == 0 && (*it)[path.size()] == '/')
            it = m_deleted.erase(it);
        else ++it;
    }
    return "";
}

std::string Overlay::graft(const std::string& path, const fs::FileTree& sub) {
    auto r = m_view.tryWithSubtree(path, sub);
    if (!r.ok()) return r.error;
    m_view = r.tree;
    m_changes = m_changes.withSubtree(path, sub);
    m_deleted.erase(path);
    return "";
}

std::vector<std::string> Overlay::deleted() const { return {m_deleted.begin(), m_deleted.end()}; }

}   // namespace layerlab::engine::run::detail
