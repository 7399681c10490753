// hub_catalog_defs: the data shape of the simulated hub, shared by
// hub_catalog.cpp (which turns definitions into layers and images) and
// hub_catalog_data.cpp / hub_catalog_data2.cpp (the definitions themselves).
// Not for other modules: use hub_catalog.hpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/state.hpp"

namespace layerlab::engine::hub::detail {

struct FileSpec {
    std::string path;   // absolute or relative; normalised
    std::string content;
    uint32_t mode = 0644;
    std::string linkTarget;   // non-empty: a symlink
    bool directory = false;
    uint32_t uid = 0;
    uint32_t gid = 0;
};

// One history entry; a non-empty one also makes a layer.
struct StepSpec {
    std::string createdBy;
    std::string comment;
    bool emptyLayer = true;
    uint64_t size = 0;   // declared layer size (docker history SIZE)
    uint64_t compressed = 0;   // declared blob size (0: about 40% of size)
    std::vector<FileSpec> files;
};

struct ImageDef {
    std::string repository;   // "library/node"
    std::vector<std::string> tags;   // first tag is the canonical one
    std::string base;   // "library/debian:bookworm" (an earlier def), or "" for none
    int64_t createdMs = 0;   // time of the last step
    std::vector<StepSpec> steps;   // this image's own steps, after the base's
    ImageConfig config;   // the full config (not inherited)
};

// Milliseconds since the epoch of a UTC date and time.
int64_t utcMs(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0);

// The definitions, bases before the images built on them.
std::vector<ImageDef> debianFamilyDefs();   // debian, buildpack-deps, node, python (hub_catalog_data.cpp)
std::vector<ImageDef> serverAndBaseDefs();   // alpine, ubuntu, busybox, nginx, httpd, redis, alpine variants
    // of node/python (hub_catalog_data2.cpp)

// Small builders for definitions.
StepSpec runStep(const std::string& command, uint64_t size, std::vector<FileSpec> files, uint64_t compressed = 0);
StepSpec copyStep(const std::string& args, uint64_t size, std::vector<FileSpec> files);
StepSpec metaStep(const std::string& text);   // BuildKit config-only entry ("ENV A=1")
StepSpec legacyMetaStep(const std::string& text);   // "/bin/sh -c #(nop)  CMD [...]", no comment
FileSpec file(const std::string& path, const std::string& content, uint32_t mode = 0644);
FileSpec exe(const std::string& path, const std::string& content);
FileSpec link(const std::string& path, const std::string& target);
FileSpec dir(const std::string& path, uint32_t uid = 0, uint32_t gid = 0);

inline constexpr const char* kDefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

}   // namespace layerlab::engine::hub::detail
