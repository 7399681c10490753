// TreeBuilder: builds a large FileTree in one pass.
//
// FileTree's with...() edits copy the directory they touch, so adding N files
// to one directory one by one costs O(N^2). Loading a folder, generating an
// image's filesystem or a benchmark context should collect the entries here
// and build() once: O(N log N), every node built exactly once.
#pragma once
#include <map>
#include <string>
#include <string_view>

#include "sim/fs/file_tree.hpp"

namespace layerlab::fs {

class TreeBuilder {
public:
    TreeBuilder();

    // Adds or replaces the entry at `path` (normalized). Missing parents become
    // 0755 directories; a Directory entry sets an existing directory's metadata.
    // A non-directory where a later path needs a directory is replaced by one.
    void add(std::string_view path, FileEntry entry);
    void addFile(std::string_view path, std::string content, uint32_t mode = 0644, uint32_t uid = 0, uint32_t gid = 0,
                 int64_t mtimeMs = 0);
    void setRoot(FileEntry rootEntry);   // metadata of the root directory

    FileTree build() const;
    size_t size() const { return m_count; }

private:
    struct Pending {
        FileEntry entry;
        std::map<std::string, Pending, std::less<>> children;
    };
    Pending& slot(std::string_view normalizedPath);
    Pending m_root;
    size_t m_count = 0;
};

}   // namespace layerlab::fs
