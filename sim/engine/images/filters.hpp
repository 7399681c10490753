// image_filters: `--filter key=value` for images and image prune, as the
// daemon reads them: dangling=true|false, reference=<pattern> (Go path.Match
// against "name:tag" or "name"), before=<image>, since=<image>,
// label=<key>[=<value>], label!=<key>[=<value>] (prune), until=<duration|unix seconds>.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/engine/state.hpp"

namespace layerlab::engine {

struct ImageFilters {
    bool hasDangling = false;   // a dangling= filter was given
    bool danglingOnly = false;   // dangling=true
    std::vector<std::string> references;
    std::vector<std::string> labels;   // "key" or "key=value"
    std::vector<std::string> notLabels;   // label!=...: images without that label
    std::optional<int64_t> beforeMs, sinceMs, untilMs;

    bool matchesTimeAndLabels(const Image& image) const;
    // reference.FamiliarMatch: the pattern against "node:latest", then "node".
    bool matchesReference(const std::string& familiarRef) const;
};

struct ParsedImageFilters {
    ImageFilters filters;
    std::string error;   // Docker's words, e.g. "Error response from daemon: invalid filter 'foo'"
};

ParsedImageFilters parseImageFilters(const State& state, const std::vector<std::string>& args,
                                     const std::set<std::string>& allowedKeys);

// Go's path.Match (only the matching; a malformed pattern does not match).
bool goPathMatch(const std::string& pattern, const std::string& name);

}   // namespace layerlab::engine
