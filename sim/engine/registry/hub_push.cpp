// hub_push: `docker push` to the simulated hub, and serving what was pushed.
// Wording follows moby's distribution/push.go and push_v2.go (progress per
// layer, keyed by the diff ID's short form, top layer first), xfer/upload.go
// (five uploads at a time: "Waiting") and docker/cli's cli/command/image/push.go.
#include <algorithm>

#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/registry/hub_commands.hpp"
#include "sim/fs/sha256.hpp"
#include "sim/korean.hpp"

namespace layerlab::engine {
namespace {

constexpr int kConcurrentUploads = 5;   // dockerd's default max-concurrent-uploads
constexpr int64_t kPushStartMs = 900;   // auth, then the registry's blob existence checks
constexpr int64_t kBlobCheckMs = 250;   // one HEAD request (exists / mount)
constexpr int64_t kBytesPerMsUpload = 5000;   // 5 MB/s per upload (40 Mbit/s up)
constexpr int64_t kManifestPutMs = 300;

// The blob a layer is pushed as: pulled layers keep theirs; a layer built
// here gets a digest derived from its diff ID and about 40% of its size.
Layer asBlob(const Layer& l) {
    Layer b = l;
    if (b.blobDigest.empty()) b.blobDigest = blobDigestFor(l.diffId);
    if (b.compressedSize == 0) b.compressedSize = std::max<uint64_t>(32, l.size * 2 / 5);
    return b;
}

// The schema2 manifest the daemon PUTs, indented as Go's json.MarshalIndent(m, "", "   ").
std::string manifestText(const State& state, const Image& image) {
    std::string t =
        "{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n"
        "   \"config\": {\n      \"mediaType\": \"application/vnd.docker.container.image.v1+json\",\n"
        "      \"size\": " +
        std::to_string(canonicalConfigJson(image).size()) + ",\n      \"digest\": \"" + image.id +
        "\"\n   },\n   \"layers\": [";
    for (size_t i = 0; i < image.layers.size(); ++i) {
        const Layer b = asBlob(state.layers.at(image.layers[i]));
        t += std::string(i ? "," : "") +
             "\n      {\n         \"mediaType\": \"application/vnd.docker.image.rootfs.diff.tar.gzip\",\n"
             "         \"size\": " +
             std::to_string(b.compressedSize) + ",\n         \"digest\": \"" + b.blobDigest + "\"\n      }";
    }
    return t + "\n   ]\n}";
}

bool imageHasLayer(const Image& img, const Digest& diffId) {
    return std::find(img.layers.begin(), img.layers.end(), diffId) != img.layers.end();
}

// Where the registry can mount a layer from instead of uploading it: another
// pushed repository that has it, or the official repository it came from.
// The daemon remembers each layer's source repository from the pull; here the
// official image the pushed one was built on is the catalogue image sharing
// the longest run of bottom layers with it (node for `FROM node`, not the
// debian it sits on).
std::string mountSource(const State& state, const std::string& path, const Image& pushing, const Digest& diffId) {
    for (const auto& [repo, tags] : state.hub.repositories) {
        if (repo == path) continue;
        for (const auto& [tag, what] : tags)
            if (imageHasLayer(state.hub.images.at(what.imageId), diffId)) return repo;
    }
    std::string best;
    size_t bestShared = 0;
    for (const auto& repo : hub::repositories())
        for (const auto& tag : hub::tagsOf(repo)) {
            const hub::HubImage* h = hub::findImage(repo, tag);
            if (!h || !imageHasLayer(h->image, diffId)) continue;
            size_t shared = 0;
            while (shared < h->image.layers.size() && shared < pushing.layers.size() &&
                   h->image.layers[shared] == pushing.layers[shared])
                ++shared;
            if (shared > bestShared) best = repo, bestShared = shared;
        }
    return best;
}

bool repoHasLayer(const State& state, const std::string& path, const Digest& diffId) {
    auto it = state.hub.repositories.find(path);
    if (it == state.hub.repositories.end()) return false;
    for (const auto& [tag, what] : it->second)
        if (imageHasLayer(state.hub.images.at(what.imageId), diffId)) return true;
    return false;
}

struct LayerPush {
    std::string shortId;
    std::string final;   // "Pushed", "Layer already exists", "Mounted from library/node"
    int64_t doneMs = 0;
};

// "Preparing" for every layer, "Waiting" past the concurrent uploads.
std::string preparingLines(const std::vector<std::string>& shortIds) {
    std::string out;
    for (const auto& id : shortIds) out += id + ": Preparing\n";
    for (size_t i = kConcurrentUploads; i < shortIds.size(); ++i) out += shortIds[i] + ": Waiting\n";
    return out;
}

// One tag: the layers' fates, the hub updated, the progress text. Returns the duration.
int64_t pushTag(State& state, const format::ImageRef& ref, const std::string& tag, const Image& image, bool tty,
                std::string& text) {
    std::vector<LayerPush> layers;
    std::vector<int64_t> slots(kConcurrentUploads, kPushStartMs);
    std::vector<std::string> ids;
    for (size_t k = image.layers.size(); k-- > 0;) {   // top layer first, as push_v2 walks the chain
        const Digest& diffId = image.layers[k];
        LayerPush p;
        p.shortId = format::shortId(diffId);
        ids.push_back(p.shortId);
        auto slot = std::min_element(slots.begin(), slots.end());
        if (repoHasLayer(state, ref.path, diffId)) {
            p.final = "Layer already exists";
            p.doneMs = *slot += kBlobCheckMs;
        } else if (std::string from = mountSource(state, ref.path, image, diffId); !from.empty()) {
            p.final = "Mounted from " + from;
            p.doneMs = *slot += 2 * kBlobCheckMs;
        } else {
            p.final = "Pushed";
            const Layer b = asBlob(state.layers.at(diffId));
            p.doneMs = *slot += kBlobCheckMs + static_cast<int64_t>(b.compressedSize) / kBytesPerMsUpload;
        }
        layers.push_back(p);
    }
    text += preparingLines(ids);
    std::vector<LayerPush> order = layers;
    if (!tty)
        std::stable_sort(order.begin(), order.end(),
                         [](const LayerPush& a, const LayerPush& b) { return a.doneMs < b.doneMs; });
    for (const auto& p : order) text += p.shortId + ": " + p.final + "\n";

    const std::string manifest = manifestText(state, image);
    PushedTag pushed;
    pushed.imageId = image.id;
    pushed.manifestDigest = fs::sha256Digest(manifest);
    pushed.manifestSize = manifest.size();
    int64_t duration = kPushStartMs;
    for (const auto& p : layers) duration = std::max(duration, p.doneMs);
    duration += kManifestPutMs;
    pushed.pushedMs = state.clock.nowMs + duration;
    Image stored = image;
    stored.repoDigests.clear();
    stored.lastTagMs = 0;
    state.hub.images[image.id] = stored;
    for (const Digest& d : image.layers) state.hub.blobs.emplace(d, asBlob(state.layers.at(d)));
    state.hub.repositories[ref.path][tag] = pushed;
    // addDigestReference: the local image now has its repo digest.
    Image& local = state.images.at(image.id);
    const std::string repoDigest = ref.familiarName() + "@" + pushed.manifestDigest;
    if (std::find(local.repoDigests.begin(), local.repoDigests.end(), repoDigest) == local.repoDigests.end())
        local.repoDigests.push_back(repoDigest);
    text += tag + ": digest: " + pushed.manifestDigest + " size: " + std::to_string(pushed.manifestSize) + "\n";
    return duration;
}

ContainerOutcome fail(ContainerOutcome o, const std::string& err) {
    o.err += err + "\n";
    o.exitCode = 1;
    return o;
}

}   // namespace

bool pushedRepositoryExists(const State& state, const std::string& repository) {
    return state.hub.repositories.count(repository) > 0;
}

std::optional<hub::HubImage> pushedImage(const State& state, const std::string& repository, const std::string& tag,
                                         const std::string& digest) {
    auto repo = state.hub.repositories.find(repository);
    if (repo == state.hub.repositories.end()) return std::nullopt;
    const PushedTag* found = nullptr;
    for (const auto& [t, what] : repo->second)
        if (digest.empty() ? t == tag : what.manifestDigest == digest) found = &what;
    if (!found) return std::nullopt;
    hub::HubImage h;
    h.repository = repository;
    for (const auto& [t, what] : repo->second)
        if (what.imageId == found->imageId) h.tags.push_back(t);
    h.image = state.hub.images.at(found->imageId);
    for (const Digest& d : h.image.layers) h.layers.push_back(state.hub.blobs.at(d));
    h.manifestDigest = found->manifestDigest;
    return h;
}

ContainerOutcome pushImage(State& state, const PushOptions& o) {
    ContainerOutcome out;
    const auto parsed = format::parseNormalizedNamed(o.reference);
    if (!parsed.ref) return fail(out, parsed.error);
    format::ImageRef ref = *parsed.ref;
    const bool nameOnly = ref.tag.empty() && ref.digest.empty();
    if (o.allTags && !nameOnly) return fail(out, "tag can't be used with --all-tags/-a");
    if (!ref.digest.empty()) return fail(out, "cannot push a digest reference");
    std::string text;
    if (!o.allTags && nameOnly) {
        ref.tag = "latest";
        if (!o.quiet) text += "Using default tag: latest\n";
    }
    text += "The push refers to repository [" + ref.fullName() + "]\n";
    auto finish = [&](ContainerOutcome r) {
        if (!o.quiet) r.out = text + r.out;
        return r;
    };
    if (ref.domain != "docker.io") {
        // Only Docker Hub exists in the simulation; other hosts do not answer.
        const std::string host = ref.domain.substr(0, ref.domain.find(':'));
        return finish(fail(out, "Get \"https://" + ref.domain + "/v2/\": dial tcp: lookup " + host + ": no such host"));
    }
    // The local tags this push sends (ReferencesByName for -a).
    std::vector<std::pair<std::string, Digest>> tags;
    for (const auto& [key, id] : state.tags) {
        const auto colon = key.rfind(':');
        if (key.substr(0, colon) == ref.familiarName() && (o.allTags || key.substr(colon + 1) == ref.tag))
            tags.push_back({key.substr(colon + 1), id});
    }
    bool anyLocal = false;
    for (const auto& [key, id] : state.tags) anyLocal = anyLocal || key.substr(0, key.rfind(':')) == ref.familiarName();
    if (!anyLocal) return finish(fail(out, "An image does not exist locally with the tag: " + ref.familiarName()));
    if (tags.empty()) return finish(fail(out, "tag does not exist: " + ref.familiarName() + ":" + ref.tag));

    const std::string& user = state.hub.loginUser;
    const bool allowed = !user.empty() && ref.path.rfind(user + "/", 0) == 0;
    if (!allowed) {
        // The registry refuses the first blob upload: only the Preparing lines got out.
        const Image& image = state.images.at(tags.front().second);
        std::vector<std::string> ids;
        for (size_t k = image.layers.size(); k-- > 0;) ids.push_back(format::shortId(image.layers[k]));
        text += preparingLines(ids);
        out = fail(out, "denied: requested access to the resource is denied");
        const std::string ns = ref.path.substr(0, ref.path.find('/'));
        if (ns == "library")
            out.hints.push_back(
                {"`" + ref.familiarName() + "` has no user prefix, so Docker reads it as docker.io/library/" +
                     ref.familiarName() +
                     ", the official images' namespace, where nobody may push. Tag it with your Docker ID first: "
                     "docker tag " +
                     ref.familiarName() + " " + (user.empty() ? "USER" : user) + "/" + ref.familiarName() +
                     ", then push that name.",
                 "`" + ref.familiarName() + "`에는 사용자 이름이 없어서 Docker는 공식 이미지 자리인 " +
                     ko::with("docker.io/library/" + ref.familiarName(), ko::Particle::EuroRo) +
                     " 읽습니다. 그곳에는 아무도 push할 수 없습니다. 먼저 Docker ID를 붙여 태그하세요: docker tag " +
                     ref.familiarName() + " " + (user.empty() ? "USER" : user) + "/" + ref.familiarName() +
                     ", 그리고 그 이름으로 push하세요."});
        else if (user.empty())
            out.hints.push_back({"Nobody is logged in, and Docker Hub lets only " + ns + " push to " + ns +
                                     "/...: run docker login -u " + ns + " first.",
                                 "로그인한 사용자가 없습니다. Docker Hub에서는 " + ns + "/...에 " + ns +
                                     "만 push할 수 있습니다: 먼저 docker login -u " + ns + "를 실행하세요."});
        else
            out.hints.push_back({"You are logged in as " + user + ", and " + ns + "/... belongs to " + ns +
                                     ". Push under your own name: " + user + "/" +
                                     ref.path.substr(ref.path.find('/') + 1) + ".",
                                 ko::with(user, ko::Particle::EuroRo) + " 로그인되어 있고, " + ns + "/...는 " + ns +
                                     "의 것입니다. 내 이름으로 " + "push하세요: " + user + "/" +
                                     ref.path.substr(ref.path.find('/') + 1) + "."});
        return finish(out);
    }
    for (const auto& [tag, id] : tags) {
        const int64_t took = pushTag(state, ref, tag, state.images.at(id), o.tty, text);
        state.clock.advance(took);
        format::ImageRef one = ref;
        one.tag = tag;
        events::image(state, one.familiarString(), ref.familiarName(), "push");
    }
    if (o.quiet) out.out += (o.allTags ? ref.fullName() : ref.fullName() + ":" + ref.tag) + "\n";
    out.hints.push_back({"The hub now holds " + ref.familiarName() +
                             ". Anyone can pull it by that name, on any machine: docker pull " + ref.familiarName() +
                             ". (LayerLab's hub lives in this session's state; nothing left this computer.)",
                         "이제 허브에 " + ref.familiarName() +
                             " 이미지가 있습니다. 어느 컴퓨터에서든 그 이름으로 받을 수 "
                             "있습니다: docker pull " +
                             ref.familiarName() +
                             ". (LayerLab의 허브는 이 세션의 상태 안에 있고, 아무것도 이 컴퓨터 "
                             "밖으로 나가지 않았습니다.)"});
    return finish(out);
}

}   // namespace layerlab::engine
