// archive: `docker save`, `docker load` and `docker import`: images as tar
// files in the learner's host folder.
//
// `docker save -o FILE IMAGE...` writes the layout Docker 25+ writes (an OCI
// image layout that is also a docker-archive): blobs/sha256/<hex> for the
// image config, one uncompressed layer tar per layer and the OCI manifest,
// plus index.json, manifest.json (Config, RepoTags, Layers: what `docker
// load` reads), oci-layout and repositories. `tar -tf FILE` lists it.
// `docker load -i FILE` reads manifest.json, checks each layer against the
// config's diff IDs, stores what is new and tags the RepoTags; the image ID
// is the config's own sha256, so a round trip restores the same ID.
//
// Simplified (said to the learner in the README): a layer blob is named by
// the model's diff ID (a digest of a canonical record of the layer, see
// digest.hpp), not by the sha256 of the tar bytes as on a real engine.
//
// `docker import FILE [REPO[:TAG]]` turns a file-system tar (docker export's)
// into an image of one layer, history comment "Imported from -".
#pragma once
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

struct SaveOptions {
    std::vector<std::string> images;
    std::string outputPath;   // tree path in State.host; "" = stdout
    bool toFile = false;
};
ContainerOutcome saveImages(State& state, const SaveOptions& options);

// The bytes `docker save` would write (for tests and the window).
struct ArchiveBytes {
    std::string bytes;
    std::string error;   // the daemon's words
};
ArchiveBytes imageArchive(const State& state, const std::vector<std::string>& images);

struct LoadOptions {
    std::string inputPath;   // tree path in State.host
    std::string inputShown;   // as typed, for "open FILE: no such file or directory"
    bool quiet = false;   // -q
    bool terminal = false;   // progress bars only on a terminal
};
ContainerOutcome loadImages(State& state, const LoadOptions& options);
// The same from bytes (stdin).
ContainerOutcome loadImageBytes(State& state, const std::string& bytes, bool quiet, bool terminal);

struct ImportOptions {
    std::string inputPath;   // tree path in State.host
    std::string inputShown;
    std::string reference;   // "" = untagged
    std::string message;   // -m
};
ContainerOutcome importImage(State& state, const ImportOptions& options);

}   // namespace layerlab::engine
