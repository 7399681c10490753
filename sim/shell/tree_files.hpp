// tree_files: the shell's Files over a plain FileTree in memory, with none of
// the records the RUN overlay and the host keep (the shell table's tests and
// the shell fuzz target run the shell over it).
#pragma once
#include <string>

#include "sim/shell/shell.hpp"

namespace layerlab::shell {

class TreeFiles : public Files {
public:
    explicit TreeFiles(fs::FileTree t) : m_tree(std::move(t)) {}
    const fs::FileTree& view() const override { return m_tree; }
    std::string put(const std::string& path, fs::FileEntry e) override {
        return apply(m_tree.tryWithEntry(path, std::move(e)));
    }
    std::string mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) override {
        return apply(m_tree.tryWithDirectory(path, mode, parents, mtimeMs));
    }
    std::string remove(const std::string& path) override { return apply(m_tree.tryWithout(path)); }
    std::string graft(const std::string& path, const fs::FileTree& sub) override {
        return apply(m_tree.tryWithSubtree(path, sub));
    }

private:
    std::string apply(fs::EditResult r) {
        if (!r.ok()) return r.error;
        m_tree = r.tree;
        return "";
    }
    fs::FileTree m_tree;
};

}   // namespace layerlab::shell
