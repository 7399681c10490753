// hub_catalog: the simulated Docker Hub (official images a course uses).
//
// A fixed snapshot of Docker Hub as of mid-January 2025: debian,
// buildpack-deps, node, python, nginx, httpd, alpine, ubuntu, busybox and
// redis, each with `latest` and a few real version tags, realistic layer
// counts and sizes, their real config defaults (Cmd, Entrypoint, Env,
// WorkingDir, ExposedPorts, StopSignal, Volumes, Labels) and BuildKit-style
// history. Images that share a base share its layers (node and python sit on
// the same buildpack-deps:bookworm layers; nginx, httpd and redis on
// debian:bookworm-slim; the alpine variants on alpine's one layer), so a pull
// shows "Already exists" exactly where Docker would.
//
// Simplified (and said so to learners where it shows): layer contents are
// small synthetic file trees with a few representative files (the programs'
// entry points, /etc/os-release, nginx's and httpd's real default pages);
// layer sizes are declared numbers, not the bytes of those files; long RUN
// commands in history are shortened; only linux/amd64 exists; sha256 values
// such as upstream checksums in Env are left out.
#pragma once
#include <string>
#include <vector>

#include "sim/engine/state.hpp"

namespace layerlab::engine::hub {

struct HubImage {
    std::string repository;   // "library/node"
    std::vector<std::string> tags;   // every tag naming this image: "latest", "23", "23.6.0", ...
    Image image;   // id computed; repoDigests empty (set by the pull)
    std::vector<Layer> layers;   // bottom to top, diffId/blobDigest/sizes set
    Digest manifestDigest;   // "Digest: sha256:..." of the pull
};

// The image a repository:tag names, or nullptr. `repository` is the path
// under docker.io ("library/node", as format::ImageRef::path).
const HubImage* findImage(const std::string& repository, const std::string& tag);
// The image whose manifest digest is `digest` in that repository, or nullptr.
const HubImage* findImageByDigest(const std::string& repository, const std::string& digest);
// True when the repository exists on the simulated hub.
bool repositoryExists(const std::string& repository);
// Every tag of a repository, sorted.
std::vector<std::string> tagsOf(const std::string& repository);
// Every repository, sorted ("library/alpine", ...).
std::vector<std::string> repositories();

}   // namespace layerlab::engine::hub
