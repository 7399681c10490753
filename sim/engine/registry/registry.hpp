// registry: pulling from the simulated Docker Hub (hub_catalog) into State.
//
// `docker pull` (pullImage, declared in images/commands.hpp) prints Docker's
// own progress text: "latest: Pulling from library/node", per layer
// "<12hex>: Pulling fs layer" / "Already exists" / "Waiting" / "Verifying
// Checksum" / "Download complete" / "Pull complete", then "Digest: ..." and
// "Status: Downloaded newer image for node:latest" (or "Image is up to date").
// A layer "already exists" when the local layer store holds the same chain
// (the same layer on the same layers below it), as Docker's download manager
// decides. Downloads run three at a time (dockerd's max-concurrent-downloads)
// and extract bottom-up; the simulated network moves 12.5 MB/s per download,
// and the virtual clock advances by the whole pull's duration.
//
// The builder can use lookupRemote + fetchIntoState to get a base image
// without printing anything.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/registry/hub_catalog.hpp"
#include "sim/engine/state.hpp"
#include "sim/events.hpp"

namespace layerlab::engine {

// What the registry answers for a reference. On failure `error` holds the
// daemon's words without "Error response from daemon: ", e.g.
//   "pull access denied for nosuch, repository does not exist or may require
//    'docker login': denied: requested access to the resource is denied"
//   "manifest for node:99 not found: manifest unknown: manifest unknown"
struct RegistryLookup {
    const hub::HubImage* image = nullptr;
    std::string error;
    std::shared_ptr<const hub::HubImage> pushed;   // owns *image when it is a learner's push
};
// The fixed catalogue only.
RegistryLookup lookupRemote(const format::ImageRef& ref);
// What the learner pushed (State::hub, hub_commands.hpp) first, then the catalogue.
RegistryLookup lookupRemote(const State& state, const format::ImageRef& ref);

// One layer's part in a pull, for progress text and animation.
struct LayerFetch {
    std::string shortId;   // 12 hex of the blob digest, as the progress shows
    Digest diffId;
    bool alreadyExists = false;
    int64_t downloadStartMs = 0;   // offsets from the start of the pull
    int64_t downloadDoneMs = 0;
    int64_t extractStartMs = 0;
    int64_t extractDoneMs = 0;
    uint64_t compressedSize = 0;
};

struct FetchResult {
    Digest imageId;
    Digest manifestDigest;
    bool imageExisted = false;   // the image was already local: nothing downloaded
    bool tagUpdated = false;   // the reference now points somewhere new ("Downloaded newer image")
    std::vector<LayerFetch> layers;   // bottom to top; empty when imageExisted
    int64_t durationMs = 0;   // how long the pull took (already added to the clock)
    std::vector<Event> events;   // LayerPulled per layer, ImageCreated, ImageTagged/ImageUntagged
};

// Stores `remote` in the state as a pull of `ref` would: its layers, the
// image with its repo digest, and (when `ref` has a tag) the tag. Advances
// the virtual clock by the simulated duration.
FetchResult fetchIntoState(State& state, const hub::HubImage& remote, const format::ImageRef& ref);

// The progress text of a fetch, exactly as `docker pull` prints it from
// "<tag>: Pulling from library/node" through the "Status: ..." line. `tty`:
// what stays on a terminal (one final line per layer); otherwise the line
// stream a pipe sees. `ref` must carry the tag ("latest" filled in) or digest.
std::string pullProgressText(const FetchResult& fetch, const format::ImageRef& ref, bool tty);

}   // namespace layerlab::engine
