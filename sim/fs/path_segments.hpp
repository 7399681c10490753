// path_segments: an absolute path's names after resolving "." and ".." the
// way the kernel does ("/.." is "/"). Shared by the shell's path resolution
// and the host's ~/app check, so both read a path the same way.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::fs {

inline std::vector<std::string> pathSegments(std::string_view full) {
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= full.size()) {
        size_t end = full.find('/', pos);
        if (end == std::string_view::npos) end = full.size();
        std::string_view part = full.substr(pos, end - pos);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.emplace_back(part);
        }
        pos = end + 1;
    }
    return parts;
}

}   // namespace layerlab::fs
