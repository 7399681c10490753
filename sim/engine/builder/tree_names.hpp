// tree_names: the entries of one folder in either of two file trees, sorted
// and without repeats: what a walk comparing two trees visits (the cache's
// first-difference reason, and the record of what changed in a step's input).
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::engine::bk {

inline std::vector<std::string> namesInEither(const fs::FileTree& a, const fs::FileTree& b, const std::string& dir) {
    std::vector<std::string> names = a.list(dir), more = b.list(dir);
    names.insert(names.end(), more.begin(), more.end());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}   // namespace layerlab::engine::bk
