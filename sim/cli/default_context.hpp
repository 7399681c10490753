// default_context: the build context `layerlab shell` starts with when no
// --context is given: the course notes' node app (package.json, server.js,
// the notes' Dockerfile with its inline comments moved onto their own lines
// so it builds, Dockerfile.notes with the notes' exact text, and a
// .dockerignore). The same files live in assets/context/node-app/; a test
// checks that this embedded copy equals them, so the binary works from any
// folder.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::cli {

// (name, content) in a fixed order.
const std::vector<std::pair<std::string, std::string>>& defaultContextFiles();

// The files as a tree: mode 0644, owned by uid/gid 1000 (the learner), mtime given.
fs::FileTree defaultContextTree(int64_t mtimeMs);

}   // namespace layerlab::cli
