// writable_layer: a container's own thin copy-on-write layer, and the commands
// that read or move it: `docker diff`, `docker commit`, `docker cp`,
// `docker export`.
//
// The model: Container::writable holds every file the container's process or
// `docker exec` wrote (a copy of the image's file on first write: copy-up),
// Container::deleted the image paths it removed (whiteouts). The image's
// layers never change. `docker diff` compares that layer with the image:
// A (added: not in the image), C (changed: in the image, including every
// parent directory of a change), D (deleted), listed in file-system walk
// order (parents before children, names sorted), as moby's
// archive.Changes walks the upper directory. `docker ps -s` sizes the same
// layer (containers::writableSize); `docker rm` discards it.
//
// Outputs checked against Engine 20.10 with the Docker 28.2 client
// (tests/data/real_docker/everyday.txt holds the transcripts).
#pragma once
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

struct FileChange {
    char kind = 'C';   // 'A', 'C' or 'D'
    std::string path;   // absolute: "/tmp/x"
};

// What `docker diff` lists for this container, in Docker's order.
std::vector<FileChange> containerChanges(const State& state, const Container& c);

// The writable layer as an image layer (diff ID and size computed): what
// `docker commit` stacks on the image.
Layer writableAsLayer(const Container& c);

// `docker diff CONTAINER`
ContainerOutcome diffContainer(const State& state, const std::string& container);

// `docker commit [-a AUTHOR] [-m MESSAGE] [-p] CONTAINER [REPOSITORY[:TAG]]`
struct CommitOptions {
    std::string container;
    std::string reference;   // "" = an untagged image
    std::string author;   // -a
    std::string message;   // -m
    bool pause = true;   // -p (default true): a running container is paused while committing
};
ContainerOutcome commitContainer(State& state, const CommitOptions& options);

// `docker cp` in either direction. The host side is a path in State.host
// (the CLI resolves what was typed; hostShown is how Docker names it in
// "Successfully copied 2.05kB to /home/learner/app/x").
struct CopyOptions {
    std::string container;
    std::string containerPath;   // as typed after "CONTAINER:"
    std::string hostPath;   // tree path in State.host ("" = ~/app)
    std::string hostTyped;   // as typed (trailing '/' and "/." matter)
    std::string hostShown;   // absolute, as the message prints it
    bool toContainer = false;   // SRC is the host
    bool quiet = false;   // -q
};
ContainerOutcome copyFiles(State& state, const CopyOptions& options);

// `docker export [-o FILE] CONTAINER`: the container's whole file system
// (image layers and writable layer merged) as one tar. With outputPath the
// tar is written to that host path; else it is the command's stdout (the
// CLI refuses a terminal first).
struct ExportOptions {
    std::string container;
    std::string outputPath;   // tree path in State.host, or "" for stdout
    bool toFile = false;
};
ContainerOutcome exportContainer(State& state, const ExportOptions& options);

}   // namespace layerlab::engine
