// run_shell: the inside of the RUN simulator (run_simulator.hpp): the
// copy-on-write file system a command writes to, the shell's state, and the
// command table. Only run_*.cpp include this.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/run/simulator.hpp"

namespace layerlab::engine::run::detail {

// The container's file system during one RUN: the merged view plus what this
// step changed (the future layer) and what it deleted (whiteouts).
class Overlay {
public:
    explicit Overlay(fs::FileTree base) : m_base(base), m_view(std::move(base)) {}

    const fs::FileTree& view() const { return m_view; }
    const fs::FileEntry* find(std::string_view path) const { return m_view.find(path); }

    // Puts an entry (replacing what was there). Returns "" or the strerror text.
    std::string put(const std::string& path, fs::FileEntry entry);
    // Creates a directory (parents=true: like mkdir -p).
    std::string mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs);
    // rm -r of a file or directory. Returns "" or the strerror text.
    std::string remove(const std::string& path);
    // Copies a whole subtree (cp -r): shares the nodes.
    std::string graft(const std::string& path, const fs::FileTree& sub);

    fs::FileTree changes() const { return m_changes; }
    std::vector<std::string> deleted() const;

private:
    void recordChange(const std::string& path);
    fs::FileTree m_base;
    fs::FileTree m_view;
    fs::FileTree m_changes;
    std::set<std::string> m_deleted;
};

// What one simple command reads and writes besides the file system.
struct CommandIo {
    std::string in;    // stdin (a pipe or a heredoc)
    std::string out;   // stdout text
    std::string err;   // stderr text
};

struct Shell {
    explicit Shell(fs::FileTree rootfs) : fs(std::move(rootfs)) {}
    Overlay fs;
    std::string cwd = "/";                       // absolute
    std::map<std::string, std::string> vars;     // environment + shell variables
    std::string user;
    int64_t nowMs = 0;                           // virtual wall clock (mtimes)
    int64_t elapsedMs = 0;                       // simulated time spent so far
    std::vector<OutputLine> log;
    std::vector<std::string> unmodelled;
    int lastStatus = 0;
    bool exited = false;
    int lineNo = 1;                              // dash's "sh: 1: ..." line number

    // A path as the tree keys it ("app/x") from what a command was given.
    std::string treePath(std::string_view arg) const;
    // Appends text (may hold several lines) to the log at the current time.
    void emit(std::string_view text);
    // The uid/gid that files written now get.
    uint32_t uid() const;
};

// Runs a whole script (the text after `sh -c`). Returns the exit status.
int runScript(Shell& sh, std::string_view script);

// Runs one simple command (argv already expanded). Returns the exit status.
int runCommand(Shell& sh, const std::vector<std::string>& argv, CommandIo& io);

// Command groups, each in its own file. Return -1 when argv[0] is not theirs.
int runCoreutil(Shell& sh, const std::vector<std::string>& argv, CommandIo& io);
int runPackageManager(Shell& sh, const std::vector<std::string>& argv, CommandIo& io);

// Helpers shared by the command files.
bool globMatch(std::string_view pattern, std::string_view name);
std::string shellQuoteForError(std::string_view s);   // 'x' as coreutils quotes it

}  // namespace layerlab::engine::run::detail
