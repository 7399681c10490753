// registry: see the header. Wording follows moby's distribution/pull_v2.go
// and xfer/download.go and docker/cli's cli/command/image/pull.go.
#include "sim/engine/registry/registry.hpp"

#include <algorithm>
#include <set>

#include "sim/engine/images/commands.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/registry/hub_commands.hpp"
#include "sim/engine/timings.hpp"

namespace layerlab::engine {

namespace {

using timing::kBytesPerMsDownload;
using timing::kBytesPerMsExtract;
using timing::kConcurrentDownloads;
using timing::kLayerLatencyMs;
using timing::kManifestMs;

std::string refString(const format::ImageRef& ref) {
    // FamiliarString(TagNameOnly(ref)): what "Status:" and errors name.
    if (!ref.digest.empty()) return ref.familiarName() + "@" + ref.digest;
    return ref.familiarName() + ":" + ref.tagOrLatest();
}

std::string fullRefString(const format::ImageRef& ref) {
    if (!ref.digest.empty()) return ref.fullName() + "@" + ref.digest;
    return ref.fullName() + ":" + ref.tagOrLatest();
}

}   // namespace

RegistryLookup lookupRemote(const format::ImageRef& ref) {
    RegistryLookup r;
    if (ref.domain != "docker.io") {
        // Only Docker Hub exists in the simulation; other hosts do not answer.
        const auto colon = ref.domain.find(':');
        const std::string host = ref.domain.substr(0, colon);
        if (host == "localhost" || host == "127.0.0.1")
            r.error = "Get \"https://" + ref.domain + "/v2/\": dial tcp 127.0.0.1:" +
                      (colon == std::string::npos ? "443" : ref.domain.substr(colon + 1)) +
                      ": connect: connection refused";
        else r.error = "Get \"https://" + ref.domain + "/v2/\": dial tcp: lookup " + host + ": no such host";
        return r;
    }
    if (!hub::repositoryExists(ref.path)) {
        r.error = "pull access denied for " + ref.familiarName() +
                  ", repository does not exist or may require 'docker login': denied: requested access to the "
                  "resource is denied";
        return r;
    }
    r.image =
        ref.digest.empty() ? hub::findImage(ref.path, ref.tagOrLatest()) : hub::findImageByDigest(ref.path, ref.digest);
    if (!r.image) r.error = "manifest for " + refString(ref) + " not found: manifest unknown: manifest unknown";
    return r;
}

RegistryLookup lookupRemote(const State& state, const format::ImageRef& ref) {
    if (ref.domain == "docker.io" && pushedRepositoryExists(state, ref.path)) {
        RegistryLookup r;
        if (auto img = pushedImage(state, ref.path, ref.tagOrLatest(), ref.digest)) {
            r.pushed = std::make_shared<const hub::HubImage>(std::move(*img));
            r.image = r.pushed.get();
        } else {
            r.error = "manifest for " + refString(ref) + " not found: manifest unknown: manifest unknown";
        }
        return r;
    }
    return lookupRemote(ref);
}

FetchResult fetchIntoState(State& state, const hub::HubImage& remote, const format::ImageRef& ref) {
    FetchResult r;
    r.imageId = remote.image.id;
    r.manifestDigest = remote.manifestDigest;
    const std::string repoDigest = ref.familiarName() + "@" + remote.manifestDigest;
    int64_t duration = kManifestMs;

    if (state.images.count(remote.image.id)) {
        // pull_v2: "If the image already exists locally, no need to pull anything."
        r.imageExisted = true;
    } else {
        std::set<Digest> localChains;
        for (const auto& [id, img] : state.images)
            for (const auto& c : chainIds(img)) localChains.insert(c);
        const auto chains = chainIds(remote.image);
        std::vector<int64_t> slots(kConcurrentDownloads, kManifestMs);
        int64_t extractDone = kManifestMs;
        for (size_t i = 0; i < remote.layers.size(); ++i) {
            const Layer& layer = remote.layers[i];
            LayerFetch f;
            f.shortId = format::shortId(layer.blobDigest);
            f.diffId = layer.diffId;
            f.compressedSize = layer.compressedSize;
            f.alreadyExists = localChains.count(chains[i]) > 0;
            if (!f.alreadyExists) {
                auto slot = std::min_element(slots.begin(), slots.end());
                f.downloadStartMs = *slot;
                f.downloadDoneMs =
                    *slot + kLayerLatencyMs + static_cast<int64_t>(layer.compressedSize) / kBytesPerMsDownload;
                *slot = f.downloadDoneMs;
                f.extractStartMs = std::max(extractDone, f.downloadDoneMs);
                extractDone = f.extractStartMs + 40 + static_cast<int64_t>(layer.size) / kBytesPerMsExtract;
                f.extractDoneMs = extractDone;
            }
            r.layers.push_back(f);
        }
        duration = extractDone + 150;   // write the image config, update references
        for (const auto& layer : remote.layers) addLayer(state, layer);
        Image image = remote.image;
        image.repoDigests = {repoDigest};
        addImage(state, image);
        for (size_t i = 0; i < r.layers.size(); ++i) {
            const LayerFetch& f = r.layers[i];
            LayerPulled e;
            e.diffId = f.diffId;
            e.alreadyExists = f.alreadyExists;
            e.image = ref.familiarString() + (ref.tag.empty() && ref.digest.empty() ? ":latest" : "");
            e.shortId = f.shortId;
            e.size = remote.layers[i].size;
            e.compressedSize = f.alreadyExists ? 0 : f.compressedSize;
            e.downloadStartMs = f.downloadStartMs;
            e.downloadDoneMs = f.downloadDoneMs;
            e.extractStartMs = f.extractStartMs;
            e.extractDoneMs = f.extractDoneMs;
            e.index = static_cast<int>(i);
            e.count = static_cast<int>(r.layers.size());
            r.events.push_back(std::move(e));
        }
    }
    Image& local = state.images.at(remote.image.id);
    const bool newDigestRef =
        std::find(local.repoDigests.begin(), local.repoDigests.end(), repoDigest) == local.repoDigests.end();
    if (newDigestRef) local.repoDigests.push_back(repoDigest);

    std::vector<std::string> tags;
    if (ref.digest.empty()) {
        const std::string key = ref.tagKey();
        auto tagEvents = tagImage(state, remote.image.id, key);
        r.tagUpdated = !tagEvents.empty();
        tags.push_back(key);
        if (!r.imageExisted) r.events.push_back(ImageCreated{remote.image.id, tags});
        for (auto& e : tagEvents) r.events.push_back(std::move(e));
    } else {
        r.tagUpdated = newDigestRef || !r.imageExisted;
        if (!r.imageExisted) r.events.push_back(ImageCreated{remote.image.id, tags});
    }
    r.durationMs = duration;
    state.clock.advance(duration);
    return r;
}

namespace {

// The progress a pipe sees: every status line in the order the daemon sends
// them (progress-bar updates are dropped off a terminal, as jsonmessage does).
std::string streamProgress(const FetchResult& f) {
    std::string out;
    std::vector<std::string> waiting;
    int downloads = 0;
    for (const auto& l : f.layers) {
        if (l.alreadyExists) {
            out += l.shortId + ": Already exists\n";
        } else {
            out += l.shortId + ": Pulling fs layer\n";
            if (++downloads > kConcurrentDownloads) waiting.push_back(l.shortId + ": Waiting\n");
        }
    }
    for (const auto& w : waiting) out += w;
    struct Timed {
        int64_t at;
        size_t order;
        std::string text;
    };
    std::vector<Timed> timed;
    for (size_t i = 0; i < f.layers.size(); ++i) {
        const auto& l = f.layers[i];
        if (l.alreadyExists) continue;
        timed.push_back(
            {l.downloadDoneMs, i * 2, l.shortId + ": Verifying Checksum\n" + l.shortId + ": Download complete\n"});
        timed.push_back({l.extractDoneMs, i * 2 + 1, l.shortId + ": Pull complete\n"});
    }
    std::stable_sort(timed.begin(), timed.end(),
                     [](const Timed& a, const Timed& b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });
    for (const auto& t : timed) out += t.text;
    return out;
}

// What stays on a terminal once the pull is over: one line per layer.
std::string terminalProgress(const FetchResult& f) {
    std::string out;
    for (const auto& l : f.layers) out += l.shortId + (l.alreadyExists ? ": Already exists\n" : ": Pull complete\n");
    return out;
}

// pull_v2's pullRepository for a name without tag: every tag in the
// registry's (sorted) order, a "Digest:" per tag, one "Status:" for the name.
Outcome pullAllTags(State& state, const format::ImageRef& name, const PullOptions& options) {
    Outcome o;
    RegistryLookup probe = lookupRemote(state, [&] {
        format::ImageRef r = name;
        r.tag = "latest";
        return r;
    }());
    const bool pushedRepo = name.domain == "docker.io" && pushedRepositoryExists(state, name.path);
    if (!pushedRepo && (!hub::repositoryExists(name.path) || name.domain != "docker.io")) {
        o.err = "Error response from daemon: " + probe.error + "\n";
        o.exitCode = 1;
        return o;
    }
    std::string progress;
    bool downloaded = false;
    std::vector<std::string> tags;
    if (pushedRepo)
        for (const auto& [tag, what] : state.hub.repositories.at(name.path)) tags.push_back(tag);
    else tags = hub::tagsOf(name.path);
    for (const auto& tag : tags) {
        format::ImageRef ref = name;
        ref.tag = tag;
        const hub::HubImage remote = pushedRepo ? *pushedImage(state, name.path, tag) : *hub::findImage(name.path, tag);
        const FetchResult fetch = fetchIntoState(state, remote, ref);
        downloaded = downloaded || fetch.tagUpdated;
        for (const auto& e : fetch.events) o.events.push_back(e);
        std::string text = pullProgressText(fetch, ref, options.tty);
        text.erase(text.rfind("Status: "));   // one status line for the whole repository, below
        progress += text;
    }
    progress += (downloaded ? "Status: Downloaded newer image for " : "Status: Image is up to date for ") +
                name.familiarName() + "\n";
    if (!options.quiet) (options.forRun ? o.err : o.out) += progress;
    if (!options.forRun) o.out += name.fullName() + "\n";
    return o;
}

bool platformAvailable(const std::string& platform) {
    return platform.empty() || platform == "linux/amd64" || platform == "linux/x86_64" || platform == "amd64";
}

}   // namespace

std::string pullProgressText(const FetchResult& fetch, const format::ImageRef& ref, bool tty) {
    const std::string tagOrDigest = ref.digest.empty() ? ref.tagOrLatest() : ref.digest;
    std::string text = tagOrDigest + ": Pulling from " + ref.path + "\n";
    text += tty ? terminalProgress(fetch) : streamProgress(fetch);
    text += "Digest: " + fetch.manifestDigest + "\n";
    text += fetch.tagUpdated ? "Status: Downloaded newer image for " + refString(ref) + "\n"
                             : "Status: Image is up to date for " + refString(ref) + "\n";
    return text;
}

Outcome pullImage(State& state, const PullOptions& options) {
    Outcome o;
    const auto parsed = format::parseNormalizedNamed(options.reference);
    if (!parsed.ref) {
        o.err = parsed.error + "\n";
        o.exitCode = 1;
        return o;
    }
    format::ImageRef ref = *parsed.ref;
    const bool nameOnly = ref.tag.empty() && ref.digest.empty();
    if (options.allTags && !nameOnly) {
        o.err = "tag can't be used with --all-tags/-a\n";
        o.exitCode = 1;
        return o;
    }
    if (!platformAvailable(options.platform)) {
        o.err = "Error response from daemon: LayerLab's simulated registry only holds linux/amd64 images (asked for " +
                options.platform + ").\n";
        o.exitCode = 1;
        return o;
    }
    if (options.allTags) return pullAllTags(state, ref, options);
    if (nameOnly) {
        ref.tag = "latest";
        if (!options.forRun && !options.quiet) o.out += "Using default tag: latest\n";
    }
    const auto remote = lookupRemote(state, ref);
    if (!remote.image) {
        o.err += "Error response from daemon: " + remote.error + "\n";
        o.exitCode = 1;
        return o;
    }
    const FetchResult fetch = fetchIntoState(state, *remote.image, ref);
    o.events = fetch.events;
    // moby's LogImageEvent(FamiliarString(ref), FamiliarName(ref), "pull")
    events::image(state, ref.familiarName() + (ref.digest.empty() ? ":" + ref.tagOrLatest() : "@" + ref.digest),
                  ref.familiarName(), "pull");
    if (!options.quiet) (options.forRun ? o.err : o.out) += pullProgressText(fetch, ref, options.tty);
    if (!options.forRun) o.out += fullRefString(ref) + "\n";
    return o;
}

}   // namespace layerlab::engine
