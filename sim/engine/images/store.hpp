// image_store: the daemon's image and layer store over engine::State.
//
// Adds content-addressed layers and images, moves tags (a moved tag leaves
// the old image "<none>:<none>" if nothing else names it), resolves what a
// user types to an image exactly as the daemon's GetImage does (name[:tag],
// name@digest, full ID, "sha256:<id>", a unique ID prefix), builds an image's
// merged root filesystem (whiteouts applied), and answers "who uses this
// image?" for rmi and prune. Tags are kept in State.tags under the familiar
// "name:tag" form ("node:latest", "myuser/app:1.0").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/state.hpp"
#include "sim/events.hpp"

namespace layerlab::engine {

// Stores a layer under its diff ID (computed with computeDiffId when empty).
// An existing layer with the same diff ID is kept. Returns the diff ID.
Digest addLayer(State& state, Layer layer);

// Stores an image under computeImageId(image) (image.id is overwritten) and
// returns the ID. Every diff ID in image.layers must already be in
// state.layers. An existing identical image is kept (its repoDigests are
// merged).
Digest addImage(State& state, Image image);

// Points `tagKey` at `imageId` (tagKey in familiar form, "node:latest"; use
// format::ImageRef::tagKey()). Returns the events: ImageUntagged for the image
// the tag moved away from (if any and different), then ImageTagged.
// Does nothing (no events) when the tag already points there or the image is
// unknown.
std::vector<Event> tagImage(State& state, const Digest& imageId, const std::string& tagKey);

// Resolution of what a user typed, as the daemon's GetImage.
struct ResolvedImage {
    const Image* image = nullptr;   // null on error
    std::string error;   // Docker's words without "Error response from daemon: ":
        // "No such image: nope:latest", or a reference format error
    bool notFound = false;   // error is a "No such image" (not a malformed reference)
    bool byId = false;   // the input was an ID or ID prefix (not a name)
};
ResolvedImage resolveImageRef(const State& state, std::string_view refOrId);

// The tag keys naming an image, sorted ("node:latest", "node:lts").
std::vector<std::string> tagsOf(const State& state, const Digest& imageId);

// Sum of the image's layer sizes (what `docker images` shows as SIZE).
uint64_t imageSize(const State& state, const Image& image);

// The image's root filesystem: its layers applied bottom to top, each
// layer's whiteouts removing what lower layers had.
fs::FileTree imageRootfs(const State& state, const Image& image);
// One step of that: `layer` applied over `lower`.
fs::FileTree applyLayer(const fs::FileTree& lower, const Layer& layer);

// Containers created from the image (any state), in creation order.
std::vector<const Container*> containersUsing(const State& state, const Digest& imageId);
// Docker's "running" for rmi: Running, Paused or Restarting.
bool isRunningForRmi(const Container& c);

// Images whose parent is `imageId` (legacy-builder intermediate chains).
std::vector<Digest> childrenOf(const State& state, const Digest& imageId);

// An image nothing names: no tag and no repo digest.
bool isUntagged(const State& state, const Image& image);

// Layer chain IDs of an image, bottom to top (chainID(L0) = diffID(L0),
// chainID(Ln) = sha256(chainID(Ln-1) + " " + diffID(Ln))), as Docker's
// layer store names layers in `docker rmi`'s "Deleted:" lines.
std::vector<Digest> chainIds(const Image& image);

// Removes the image record and its tags/repo digests, and drops layers that no
// remaining image and no build-cache record uses. Returns the chain IDs of the
// layers Docker would report as deleted (top to bottom): those whose chain no
// remaining image shares and whose diff ID the build cache does not hold.
// Emits nothing: callers add ImageUntagged/ImageRemoved events themselves.
struct DeletedLayer {
    Digest chainId;
    uint64_t size = 0;   // the layer's own size (what prune counts as reclaimed)
};
std::vector<DeletedLayer> eraseImage(State& state, const Digest& imageId);

}   // namespace layerlab::engine
