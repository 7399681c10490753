// digest: content addresses for layers and images.
//
// A layer's diff ID is sha256 over a canonical, tar-like encoding of its
// changes (each entry's header fields and content, never mtime; then its
// whiteouts). An image ID is sha256 over the image's canonical config JSON
// (architecture, os, config, rootfs.diff_ids, history, created), serialised
// with sorted keys and no whitespace. So equal inputs give equal IDs: an
// all-cached rebuild that reuses the same history times gives the same image
// ID, and a CMD-only change gives a new ID over the same layers.
//
// Simplified (tell the learner if asked): Docker's real diff ID is sha256 of
// the uncompressed tar stream; ours hashes an equivalent canonical record of
// the same facts, so digests are stable but not byte-equal to a real engine's.
// A layer with no changes gets Docker's real empty-layer diff ID (the sha256
// of 1024 zero bytes, an empty tar).
//
// Note for the builder: `createdMs` and every history entry's `createdMs`
// are part of the image ID, as in Docker. To get BuildKit's "same image ID
// after a fully cached rebuild", reuse the cache records' times for cached
// steps (BuildKit keeps the original creation times of cached layers).
#pragma once
#include <string>

#include "sim/engine/state.hpp"
#include "sim/fs/hash_cache.hpp"

namespace layerlab::engine {

// sha256 of an empty tar (1024 zero bytes): Docker's diff ID of a layer
// without changes.
inline constexpr const char* kEmptyLayerDiffId =
    "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

// The diff ID of a layer from its changes and whiteouts (layer.diffId and
// layer.size are ignored). `cache` is optional; pass the builder's HashCache
// so a rebuild after a one-file edit rehashes one file only.
Digest computeDiffId(const Layer& layer, fs::HashCache* cache = nullptr);

// The canonical config JSON an image ID is computed from (sorted keys, no
// whitespace). Uses image.config, layers (as rootfs.diff_ids), history,
// createdMs, architecture, os, author. Not image.id, repoDigests or parent.
std::string canonicalConfigJson(const Image& image);

// "sha256:" + sha256(canonicalConfigJson(image)).
Digest computeImageId(const Image& image);

// The compressed-blob digest a hub layer is shown by ("a1b2c3d4e5f6: Pull
// complete"): derived from the diff ID, deterministic, distinct from it.
Digest blobDigestFor(const Digest& diffId);

// The manifest digest of a hub image (what `Digest: sha256:...` and
// RepoDigests show): sha256 over a canonical manifest (config digest and the
// layers' blob digests and sizes). `state` supplies the layers.
Digest manifestDigest(const Image& image, const std::map<Digest, Layer>& layers);

}   // namespace layerlab::engine
