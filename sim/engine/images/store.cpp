// image_store: see the header. Lookup rules follow moby's
// daemon/images/image.go GetImage; deletion bookkeeping follows the layer
// store's reference counting (a layer holds its parent, so a retained layer
// retains everything below it).
#include "sim/engine/images/store.hpp"

#include <algorithm>
#include <set>

#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::engine {

Digest addLayer(State& state, Layer layer) {
    if (layer.diffId.empty()) layer.diffId = computeDiffId(layer);
    const Digest id = layer.diffId;
    state.layers.emplace(id, std::move(layer));
    return id;
}

Digest addImage(State& state, Image image) {
    image.id = computeImageId(image);
    const Digest id = image.id;
    auto it = state.images.find(id);
    if (it == state.images.end()) {
        state.images.emplace(id, std::move(image));
    } else {
        for (const auto& rd : image.repoDigests) {
            auto& mine = it->second.repoDigests;
            if (std::find(mine.begin(), mine.end(), rd) == mine.end()) mine.push_back(rd);
        }
    }
    return id;
}

std::vector<Event> tagImage(State& state, const Digest& imageId, const std::string& tagKey) {
    std::vector<Event> events;
    if (!state.images.count(imageId)) return events;
    auto it = state.tags.find(tagKey);
    if (it != state.tags.end()) {
        if (it->second == imageId) return events;
        events.push_back(ImageUntagged{it->second, tagKey});
        it->second = imageId;
    } else {
        state.tags.emplace(tagKey, imageId);
    }
    events.push_back(ImageTagged{imageId, tagKey});
    return events;
}

namespace {

const Image* findById(const State& state, const Digest& id) {
    const auto it = state.images.find(id);
    return it == state.images.end() ? nullptr : &it->second;
}

// moby's isImageIDPrefix: the typed text is a prefix of the ID, with or
// without its "sha256:".
bool isImageIdPrefix(const Digest& id, std::string_view typed) {
    if (typed.empty()) return false;
    if (id.rfind(typed, 0) == 0) return true;
    return format::hexOf(id).rfind(typed, 0) == 0;
}

}   // namespace

ResolvedImage resolveImageRef(const State& state, std::string_view refOrId) {
    ResolvedImage r;
    // ParseAnyReference: a bare 64-hex string or "sha256:<64hex>" is an ID.
    std::string_view hex = refOrId;
    if (hex.rfind("sha256:", 0) == 0) hex.remove_prefix(7);
    if (format::isFullHexId(hex) && (hex.size() == refOrId.size() || refOrId.size() == 71)) {
        const Digest id = "sha256:" + std::string(hex);
        r.image = findById(state, id);
        r.byId = true;
        if (!r.image) {
            r.notFound = true;
            r.error = "No such image: " + id;
        }
        return r;
    }
    const auto parsed = format::parseNormalizedNamed(refOrId);
    if (!parsed.ref) {
        r.error = parsed.error;
        return r;
    }
    const auto& ref = *parsed.ref;
    if (!ref.digest.empty()) {
        const std::string wanted = ref.familiarName() + "@" + ref.digest;
        for (const auto& [id, img] : state.images)
            if (std::find(img.repoDigests.begin(), img.repoDigests.end(), wanted) != img.repoDigests.end()) {
                r.image = &img;
                break;
            }
    } else if (const auto it = state.tags.find(ref.tagKey()); it != state.tags.end()) {
        r.image = findById(state, it->second);
    }
    if (!r.image) {
        // imageStore.Search: a unique ID prefix (ambiguous or none: not found).
        std::string_view term = refOrId;
        if (term.rfind("sha256:", 0) == 0) term.remove_prefix(7);
        if (format::isHex(term)) {
            const Image* match = nullptr;
            int count = 0;
            for (const auto& [id, img] : state.images)
                if (format::hexOf(id).rfind(term, 0) == 0) {
                    match = &img;
                    ++count;
                }
            if (count == 1) r.image = match;
        }
    }
    if (!r.image) {
        r.notFound = true;
        std::string name = ref.familiarName();
        if (ref.digest.empty()) name += ":" + ref.tagOrLatest();
        else name += (ref.tag.empty() ? "" : ":" + ref.tag) + "@" + ref.digest;
        r.error = "No such image: " + name;
        return r;
    }
    r.byId = isImageIdPrefix(r.image->id, refOrId);
    return r;
}

std::vector<std::string> tagsOf(const State& state, const Digest& imageId) {
    std::vector<std::string> out;
    for (const auto& [tag, id] : state.tags)
        if (id == imageId) out.push_back(tag);
    return out;   // std::map order: sorted
}

uint64_t imageSize(const State& state, const Image& image) {
    uint64_t total = 0;
    for (const auto& id : image.layers)
        if (const auto it = state.layers.find(id); it != state.layers.end()) total += it->second.size;
    return total;
}

fs::FileTree applyLayer(const fs::FileTree& lower, const Layer& layer) {
    fs::FileTree tree = lower;
    for (const auto& path : layer.deleted) tree = tree.without(path);
    return tree.overlaid(layer.changes);
}

fs::FileTree imageRootfs(const State& state, const Image& image) {
    fs::FileTree tree;
    for (const auto& id : image.layers)
        if (const auto it = state.layers.find(id); it != state.layers.end()) tree = applyLayer(tree, it->second);
    return tree;
}

bool isRunningForRmi(const Container& c) {
    return c.status == Container::Status::Running || c.status == Container::Status::Paused ||
           c.status == Container::Status::Restarting;
}

std::vector<const Container*> containersUsing(const State& state, const Digest& imageId) {
    std::vector<const Container*> out;
    for (const auto& c : state.containers)
        if (c.imageId == imageId) out.push_back(&c);
    return out;
}

std::vector<Digest> childrenOf(const State& state, const Digest& imageId) {
    std::vector<Digest> out;
    for (const auto& [id, img] : state.images)
        if (img.parent == imageId) out.push_back(id);
    return out;
}

bool isUntagged(const State& state, const Image& image) {
    return image.repoDigests.empty() && tagsOf(state, image.id).empty();
}

std::vector<Digest> chainIds(const Image& image) {
    std::vector<Digest> out;
    out.reserve(image.layers.size());
    for (const auto& diffId : image.layers) {
        if (out.empty()) out.push_back(diffId);
        else out.push_back(fs::sha256Digest(out.back() + " " + diffId));
    }
    return out;
}

std::vector<DeletedLayer> eraseImage(State& state, const Digest& imageId) {
    std::vector<DeletedLayer> deleted;
    const auto it = state.images.find(imageId);
    if (it == state.images.end()) return deleted;
    const Image image = it->second;
    state.images.erase(it);
    for (auto t = state.tags.begin(); t != state.tags.end();) {
        if (t->second == imageId) t = state.tags.erase(t);
        else ++t;
    }

    std::set<Digest> liveChains;
    std::set<Digest> liveDiffIds;
    for (const auto& [id, img] : state.images) {
        for (const auto& c : chainIds(img)) liveChains.insert(c);
        liveDiffIds.insert(img.layers.begin(), img.layers.end());
    }
    std::set<Digest> cached;
    for (const auto& [key, rec] : state.buildCache)
        if (!rec.layer.empty()) cached.insert(rec.layer);

    // Release from the top: a layer still held (by another image's chain or
    // the build cache) holds every layer below it too.
    const auto chains = chainIds(image);
    size_t released = chains.size();
    for (size_t i = chains.size(); i-- > 0;) {
        if (liveChains.count(chains[i]) || cached.count(image.layers[i])) break;
        const auto layer = state.layers.find(image.layers[i]);
        deleted.push_back({chains[i], layer == state.layers.end() ? 0 : layer->second.size});
        released = i;
    }
    for (size_t i = released; i < image.layers.size(); ++i) {
        const Digest& diffId = image.layers[i];
        bool keptBelow = false;   // the same diff ID lower in this image's retained part
        for (size_t k = 0; k < released; ++k) keptBelow = keptBelow || image.layers[k] == diffId;
        if (!keptBelow && !liveDiffIds.count(diffId) && !cached.count(diffId)) state.layers.erase(diffId);
    }
    return deleted;
}

}   // namespace layerlab::engine
