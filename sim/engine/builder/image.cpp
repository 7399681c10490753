// Base images and the built image.
//
// FROM resolves a local image first (unless --pull), then the simulated hub.
// BuildKit keeps a pulled base in its own cache, so it does not appear in
// `docker images` (Docker's classic image store behaves so); the legacy
// builder pulls it into the image store exactly as `docker pull` would.
#include <cstdio>

#include "sim/dockerfile/go_quote.hpp"
#include "sim/engine/builder/internal.hpp"
#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/registry/registry.hpp"
#include "sim/engine/timings.hpp"

namespace layerlab::engine::bk {
namespace {

const char* kDefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

}   // namespace

std::string goQuoteList(const std::vector<std::string>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? " " : "") + dockerfile::goQuote(v[i]);
    return out + "]";
}

namespace {

// The local image store's copy of REF, when FROM may use it (no --pull).
bool fromLocalStore(Session& s, const format::ImageRef& ref, BaseImage& b) {
    auto local = resolveImageRef(s.state, ref.familiarString());
    if (!local.image) return false;
    b.ok = true;
    b.image = *local.image;
    b.rootfs = imageRootfs(s.state, b.image);
    b.vertexRef = b.fullRef;
    for (const auto& rd : b.image.repoDigests) {
        auto at = rd.find('@');
        if (at != std::string::npos && ref.digest.empty()) {
            b.vertexRef += rd.substr(at);
            break;
        }
    }
    return true;
}

// Why the hub has no such image, in the legacy builder's or BuildKit's words.
std::string remoteError(const RegistryLookup& remote, const std::string& refText, const std::string& fullRef,
                        bool legacy) {
    if (legacy) return remote.error;
    if (remote.error.find("manifest unknown") != std::string::npos)
        return "failed to solve: " + refText + ": failed to resolve source metadata for " + fullRef + ": " + fullRef +
               ": not found";
    return "failed to solve: " + refText + ": failed to resolve source metadata for " + fullRef +
           ": pull access denied, repository does not exist or may require authorization: server message: "
           "insufficient_scope: authorization failed";
}

// The legacy builder: `docker pull` semantics (layers, image, tag, clock) and its lines.
void pullLegacy(Session& s, const hub::HubImage& hubImg, const format::ImageRef& ref, BaseImage& b) {
    FetchResult fetched = fetchIntoState(s.state, hubImg, ref);
    std::string tag = ref.digest.empty() ? ref.tagOrLatest() : ref.digest;
    b.pullLines.push_back(tag + ": Pulling from " + ref.path);
    for (const auto& l : fetched.layers)
        b.pullLines.push_back(l.shortId + (l.alreadyExists ? ": Already exists" : ": Pulling fs layer"));
    for (const auto& l : fetched.layers)
        if (!l.alreadyExists) b.pullLines.push_back(l.shortId + ": Pull complete");
    b.pullLines.push_back("Digest: " + fetched.manifestDigest);
    std::string name = ref.familiarString() + (ref.tag.empty() && ref.digest.empty() ? ":latest" : "");
    b.pullLines.push_back(fetched.imageExisted ? "Status: Image is up to date for " + name
                                               : "Status: Downloaded newer image for " + name);
    for (auto& e : fetched.events) s.events.push_back(e);
    b.pullMs = fetched.durationMs;
    b.pulled = !fetched.imageExisted;
    b.image = s.state.images.at(fetched.imageId);
    b.rootfs = imageRootfs(s.state, b.image);
}

// BuildKit: the layers go into its cache (State.layers), not the image list;
// the pull's vertex lines and, when something downloads, its progress for the window.
void pullIntoCache(Session& s, const hub::HubImage& hubImg, const format::ImageRef& ref, BaseImage& b) {
    b.image = hubImg.image;
    b.image.repoDigests = {ref.familiarName() + "@" + hubImg.manifestDigest};
    fs::FileTree root;
    int64_t t = 0;
    b.pullSubs.push_back({"resolve " + b.vertexRef, 0});
    std::vector<LayerPulled> pulls;   // the pull's progress, for the window (only if something downloads)
    for (const auto& layer : hubImg.layers) {
        bool had = s.state.layers.count(layer.diffId) > 0;
        LayerPulled e;
        e.diffId = layer.diffId;
        e.alreadyExists = had;
        e.image = ref.familiarString() + (ref.tag.empty() && ref.digest.empty() ? ":latest" : "");
        e.shortId = format::shortId(layer.blobDigest);
        e.size = layer.size;
        e.index = static_cast<int>(pulls.size());
        e.count = static_cast<int>(hubImg.layers.size());
        if (!had) addLayer(s.state, layer);
        root = applyLayer(root, layer);
        if (!had) {
            int64_t ms =
                static_cast<int64_t>(layer.compressedSize / timing::kPullBytesPerMs) + timing::kPullLayerBaseMs;
            e.downloadStartMs = t;
            t += ms;
            std::string sz = format::humanSizeWithPrecision(static_cast<double>(layer.compressedSize), 4);
            b.pullSubs.push_back({layer.blobDigest + " " + sz + " / " + sz, ms});
            e.compressedSize = layer.compressedSize;
            e.downloadDoneMs = t;
        }
        pulls.push_back(std::move(e));
    }
    for (size_t i = 0; i < hubImg.layers.size(); ++i) {
        const Layer& layer = hubImg.layers[i];
        int64_t ms = static_cast<int64_t>(static_cast<double>(layer.size) / timing::kExtractBytesPerSecond * 1000) +
                     timing::kExtractBaseMs;
        if (b.pullSubs.size() > 1) {
            b.pullSubs.push_back({"extracting " + layer.blobDigest, ms});
            if (!pulls[i].alreadyExists) pulls[i].extractStartMs = t;
            t += ms;
            if (!pulls[i].alreadyExists) pulls[i].extractDoneMs = t;
        }
    }
    if (b.pullSubs.size() > 1)
        for (auto& e : pulls) s.events.push_back(std::move(e));
    b.rootfs = root;
    b.pullMs = t;
    b.pulled = b.pullSubs.size() > 1;
}

}   // namespace

BaseImage resolveBaseImage(Session& s, const std::string& refText, bool legacy) {
    BaseImage b;
    auto parsed = format::parseNormalizedNamed(refText);
    if (!parsed.ref) {
        b.error =
            legacy ? parsed.error : "failed to solve: failed to parse stage name \"" + refText + "\": " + parsed.error;
        return b;
    }
    const format::ImageRef& ref = *parsed.ref;
    b.fullRef = ref.fullName() + (ref.digest.empty() ? ":" + ref.tagOrLatest() : "@" + ref.digest);
    if (!ref.tag.empty() && !ref.digest.empty()) b.fullRef = ref.fullName() + ":" + ref.tag + "@" + ref.digest;
    if (!s.opt.pull && fromLocalStore(s, ref, b)) return b;
    RegistryLookup remote = lookupRemote(s.state, ref);
    if (!remote.image) {
        b.error = remoteError(remote, refText, b.fullRef, legacy);
        return b;
    }
    const hub::HubImage& hubImg = *remote.image;
    b.ok = true;
    b.vertexRef = b.fullRef + (ref.digest.empty() ? "@" + hubImg.manifestDigest : "");
    if (legacy) pullLegacy(s, hubImg, ref, b);
    else pullIntoCache(s, hubImg, ref, b);
    return b;
}

void applyBase(Session& s, StageRun& st, const BaseImage& base) {
    noteBase(s, st.index, base);
    st.rootfs = base.rootfs;
    st.config = base.image.config;
    st.layers = base.image.layers;
    st.history = base.image.history;
    st.lastCreatedMs = base.image.createdMs;
    st.baseImageId = base.image.id;
    st.author = base.image.author;
    bool hasPath = false;
    for (const auto& kv : st.config.env)
        if (kv.rfind("PATH=", 0) == 0) hasPath = true;
    if (!hasPath && !s.opt.legacy) st.config.env.push_back(kDefaultPath);
    st.env.clear();
    for (const auto& kv : st.config.env) {
        auto eq = kv.find('=');
        st.env.push_back({kv.substr(0, eq), eq == std::string::npos ? "" : kv.substr(eq + 1)});
    }
}

Digest storeLayer(Session& s, Layer layer) {
    layer.size = layer.changes.totalBytes();
    layer.diffId = computeDiffId(layer, &s.hashes);
    bool existed = s.state.layers.count(layer.diffId) > 0;
    uint64_t size = layer.size;
    Digest id = addLayer(s.state, std::move(layer));
    if (!existed) s.events.push_back(LayerCreated{id, size});
    return id;
}

Image assembleImage(const Session& s, const StageRun& st) {
    (void)s;
    Image img;
    img.config = st.config;
    img.layers = st.layers;
    img.history = st.history;
    int64_t created = 0;
    for (const auto& h : img.history) created = std::max(created, h.createdMs);
    img.createdMs = std::max(created, st.lastCreatedMs);
    img.author = st.author;
    return img;
}

}   // namespace layerlab::engine::bk
