// volumes: named and anonymous volumes, bind mounts of ~/app, and where a
// container's writes go when a path is mounted.
//
// The model: a Volume is a file tree the daemon keeps apart from every
// container (State::volumes). A container's Mount puts a volume (or a ~/app
// folder, for a bind) over a path of its file system: reads see the mount,
// writes under it land in the volume (or in ~/app), never in the writable
// layer, so they survive `docker rm` and `docker diff` does not list them.
// A named volume mounted for the first time over a path where the image has
// files gets a copy of them (Docker copies once, into an empty volume).
// `-v /path` and an image's VOLUME make anonymous volumes (64 hex names):
// `--rm` and `docker rm -v` remove those, never named ones.
//
// Texts checked against Engine 20.10 with the Docker 28.2 client
// (tests/data/real_docker/everyday.txt); `volume prune` follows Docker 23+
// (anonymous volumes only unless -a/--all), not 20.10's "every unused one".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine::volumes {

// The container's file system with its mounts laid over it.
fs::FileTree withMounts(const State& state, const Container& c, fs::FileTree root);

// Applies what a process wrote (changes, deletions) to the container: under a
// mount into the volume or ~/app, elsewhere into the writable layer (with its
// whiteouts). Read-only mounts keep nothing (the program model has already
// run; LayerLab does not fail the write).
void applyWrites(State& state, Container& c, const fs::FileTree& changes, const std::vector<std::string>& deleted);

// One `-v` / `--mount` as typed, parsed. error: the daemon's or CLI's text.
struct MountSpec {
    Mount mount;
    bool anonymous = false;   // `-v /path`: a new anonymous volume
    bool createBindSource = false;   // -v with a missing host folder: Docker creates it
    std::string error;
    bool outside = false;   // the host path leaves ~/app (the CLI says so)
};
// hostPath turns a typed host path into a ~/app tree path (nullopt = outside).
using HostResolver = std::optional<std::string> (*)(const State&, const std::string&);
MountSpec parseVolumeFlag(const State& state, const std::string& value, HostResolver resolve);
MountSpec parseMountFlag(const State& state, const std::string& value, HostResolver resolve);

// Sets up the container's mounts at create: anonymous volumes for each spec
// that asks and for each image VOLUME not already mounted, named volumes
// created when missing and filled from the image once, mount points made in
// the writable layer. Uses state.rng for anonymous names.
void attachMounts(State& state, Container& c, const std::vector<MountSpec>& specs);

// The anonymous volumes a removed container leaves: removed when `all`
// (--rm, rm -v). Named volumes always stay.
void releaseVolumes(State& state, const Container& c, bool removeAnonymous);

// `docker volume create [NAME]`
ContainerOutcome createVolume(State& state, const std::string& name);
// `docker volume ls [-q]`
ContainerOutcome listVolumes(const State& state, bool quiet);
// `docker volume inspect NAME...`
ContainerOutcome inspectVolumes(const State& state, const std::vector<std::string>& names);
// `docker volume rm [-f] NAME...`
ContainerOutcome removeVolumes(State& state, const std::vector<std::string>& names, bool force);
// `docker volume prune [-a]` (the confirmation is the CLI's business)
ContainerOutcome pruneVolumes(State& state, bool all);

// Containers (any state) that mount the volume.
std::vector<const Container*> volumeUsers(const State& state, const std::string& name);

}   // namespace layerlab::engine::volumes
