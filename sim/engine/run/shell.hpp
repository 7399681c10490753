// run/shell: what the RUN simulator adds to the one shell model
// (sim/shell/shell.hpp): the copy-on-write file system a RUN step writes to
// (its changes become the layer) and the package managers. Only run/*.cpp
// include this.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/run/simulator.hpp"
#include "sim/shell/shell.hpp"

namespace layerlab::engine::run::detail {

using Shell = shell::Shell;
using CommandIo = shell::Io;

// The container's file system during one RUN: the merged view plus what this
// step changed (the future layer) and what it deleted (whiteouts).
class Overlay : public shell::Files {
public:
    explicit Overlay(fs::FileTree base) : m_base(base), m_view(std::move(base)) {}

    const fs::FileTree& view() const override { return m_view; }

    // Puts an entry (replacing what was there). Returns "" or the strerror text.
    std::string put(const std::string& path, fs::FileEntry entry) override;
    // Creates a directory (parents=true: like mkdir -p).
    std::string mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) override;
    // rm -r of a file or directory. Returns "" or the strerror text.
    std::string remove(const std::string& path) override;
    // Copies a whole subtree (cp -r): shares the nodes.
    std::string graft(const std::string& path, const fs::FileTree& sub) override;

    fs::FileTree changes() const { return m_changes; }
    std::vector<std::string> deleted() const;

private:
    void recordChange(const std::string& path);
    fs::FileTree m_base;
    fs::FileTree m_view;
    fs::FileTree m_changes;
    std::set<std::string> m_deleted;
};

// npm install / ci, pip install, apt-get, apk. Returns -1 when argv[0] is not one.
int runPackageManager(Shell& sh, const std::vector<std::string>& argv, CommandIo& io);

}   // namespace layerlab::engine::run::detail
