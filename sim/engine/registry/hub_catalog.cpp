// hub_catalog: turns the definitions (hub_catalog_data*.cpp) into layers and
// images once, and answers lookups. Images built on a base reuse the base's
// Layer values, so shared layers have equal diff IDs by construction.
#include "sim/engine/registry/hub_catalog.hpp"

#include <algorithm>
#include <map>

#include "sim/engine/digest.hpp"
#include "sim/engine/registry/hub_catalog_defs.hpp"

#include "sim/engine/civil_time.hpp"

namespace layerlab::engine::hub {

namespace detail {

int64_t utcMs(int year, unsigned month, unsigned day, int hour, int minute, int second) {
    return msFromCivil(year, month, day, static_cast<unsigned>(hour), static_cast<unsigned>(minute),
                       static_cast<unsigned>(second));
}

StepSpec runStep(const std::string& command, uint64_t size, std::vector<FileSpec> files, uint64_t compressed) {
    StepSpec s;
    s.createdBy = "RUN /bin/sh -c " + command + " # buildkit";
    s.comment = "buildkit.dockerfile.v0";
    s.emptyLayer = false;
    s.size = size;
    s.compressed = compressed;
    s.files = std::move(files);
    return s;
}

StepSpec copyStep(const std::string& args, uint64_t size, std::vector<FileSpec> files) {
    StepSpec s;
    s.createdBy = "COPY " + args + " # buildkit";
    s.comment = "buildkit.dockerfile.v0";
    s.emptyLayer = false;
    s.size = size;
    s.compressed = size + 90;   // tiny files grow when gzipped with their tar headers
    s.files = std::move(files);
    return s;
}

StepSpec metaStep(const std::string& text) {
    StepSpec s;
    s.createdBy = text;
    s.comment = "buildkit.dockerfile.v0";
    return s;
}

StepSpec legacyMetaStep(const std::string& text) {
    StepSpec s;
    s.createdBy = "/bin/sh -c #(nop)  " + text;
    return s;
}

FileSpec file(const std::string& path, const std::string& content, uint32_t mode) {
    FileSpec f;
    f.path = path;
    f.content = content;
    f.mode = mode;
    return f;
}

FileSpec exe(const std::string& path, const std::string& content) { return file(path, content, 0755); }

FileSpec link(const std::string& path, const std::string& target) {
    FileSpec f;
    f.path = path;
    f.linkTarget = target;
    f.mode = 0777;
    return f;
}

FileSpec dir(const std::string& path, uint32_t uid, uint32_t gid) {
    FileSpec f;
    f.path = path;
    f.directory = true;
    f.mode = 0755;
    f.uid = uid;
    f.gid = gid;
    return f;
}

}   // namespace detail

namespace {

struct Catalog {
    std::vector<HubImage> images;
    std::map<std::string, std::map<std::string, size_t>> byRepoTag;   // repository -> tag -> index
};

fs::FileTree treeOf(const std::vector<detail::FileSpec>& files) {
    fs::FileTree tree;
    for (const auto& f : files) {
        if (f.directory) {
            tree = tree.withDirectory(f.path, f.mode).withOwner(f.path, f.uid, f.gid);
        } else if (!f.linkTarget.empty()) {
            fs::FileEntry e;
            e.kind = fs::FileEntry::Kind::Symlink;
            e.linkTarget = f.linkTarget;
            e.mode = 0777;
            tree = tree.withEntry(f.path, e);
        } else {
            tree = tree.withFile(f.path, f.content, f.mode, f.uid, f.gid);
        }
    }
    return tree;
}

Catalog build() {
    Catalog cat;
    std::vector<detail::ImageDef> defs = detail::debianFamilyDefs();
    for (auto& d : detail::serverAndBaseDefs()) defs.push_back(std::move(d));

    for (const auto& def : defs) {
        HubImage hub;
        hub.repository = def.repository;
        hub.tags = def.tags;
        Image& img = hub.image;
        if (!def.base.empty()) {
            const auto colon = def.base.find(':');
            const auto& tags = cat.byRepoTag.at(def.base.substr(0, colon));
            const HubImage& base = cat.images.at(tags.at(def.base.substr(colon + 1)));
            img.layers = base.image.layers;
            img.history = base.image.history;
            hub.layers = base.layers;
        }
        const size_t n = def.steps.size();
        for (size_t i = 0; i < n; ++i) {
            const auto& step = def.steps[i];
            HistoryEntry h;
            // Steps of one build finish a few seconds apart.
            h.createdMs = def.createdMs - static_cast<int64_t>(n - 1 - i) * 3000;
            h.createdBy = step.createdBy;
            h.comment = step.comment;
            h.emptyLayer = step.emptyLayer;
            h.size = step.size;
            img.history.push_back(h);
            if (step.emptyLayer) continue;
            Layer layer;
            layer.changes = treeOf(step.files);
            layer.size = step.size;
            layer.compressedSize = step.compressed ? step.compressed : step.size * 2 / 5 + 32;
            layer.diffId = computeDiffId(layer);
            layer.blobDigest = blobDigestFor(layer.diffId);
            img.layers.push_back(layer.diffId);
            hub.layers.push_back(std::move(layer));
        }
        img.config = def.config;
        img.createdMs = def.createdMs;
        img.id = computeImageId(img);
        std::map<Digest, Layer> byId;
        for (const auto& l : hub.layers) byId.emplace(l.diffId, l);
        hub.manifestDigest = manifestDigest(img, byId);

        const size_t index = cat.images.size();
        for (const auto& tag : def.tags) cat.byRepoTag[def.repository][tag] = index;
        cat.images.push_back(std::move(hub));
    }
    return cat;
}

const Catalog& catalog() {
    static const Catalog cat = build();   // immutable after first use; thread-safe init
    return cat;
}

}   // namespace

const HubImage* findImage(const std::string& repository, const std::string& tag) {
    const auto& cat = catalog();
    const auto repo = cat.byRepoTag.find(repository);
    if (repo == cat.byRepoTag.end()) return nullptr;
    const auto it = repo->second.find(tag);
    return it == repo->second.end() ? nullptr : &cat.images[it->second];
}

const HubImage* findImageByDigest(const std::string& repository, const std::string& digest) {
    for (const auto& img : catalog().images)
        if (img.repository == repository && img.manifestDigest == digest) return &img;
    return nullptr;
}

bool repositoryExists(const std::string& repository) { return catalog().byRepoTag.count(repository) > 0; }

std::vector<std::string> tagsOf(const std::string& repository) {
    std::vector<std::string> out;
    const auto& cat = catalog();
    if (const auto it = cat.byRepoTag.find(repository); it != cat.byRepoTag.end())
        for (const auto& [tag, index] : it->second) out.push_back(tag);
    return out;
}

std::vector<std::string> repositories() {
    std::vector<std::string> out;
    for (const auto& [repo, tags] : catalog().byRepoTag) out.push_back(repo);
    return out;
}

}   // namespace layerlab::engine::hub
