// image_commands: the engine side of Docker's image-management commands.
//
//   docker pull                    -> pullImage          (sim/engine/registry.cpp)
//   docker images / image ls       -> listImages
//   docker image inspect           -> inspectImages
//   docker history                 -> imageHistory
//   docker tag                     -> tagImageCommand
//   docker rmi / image rm [-f]     -> removeImages
//   docker image prune [-a] [-f]   -> pruneImages
//   docker system df (Images row)  -> imagesDiskUsage
//
// Each is a plain function on engine::State returning an Outcome with Docker
// 28's exact stdout/stderr text and exit code, plus events. The CLI parses
// flags into the option structs below and prints out/err as they are. A
// command that fails leaves the State unchanged; commands over several
// images (rmi a b) apply each one on its own, as Docker does.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/state.hpp"
#include "sim/events.hpp"

namespace layerlab::engine {

// docker pull [-q] [-a] [--platform P] NAME[:TAG|@DIGEST]
struct PullOptions {
    std::string reference;   // as typed: "node", "node:18", "docker.io/library/nginx:alpine"
    bool quiet = false;   // -q: no progress, only the final reference line
    bool allTags = false;   // -a (--all-tags): every tag of the repository, in sorted order
    std::string platform;   // --platform: only "" or "linux/amd64" is available
    // Called by `docker run` / `docker create` for a missing image: progress
    // goes to stderr, no "Using default tag", no final reference line (the
    // caller prints "Unable to find image 'node:latest' locally" first).
    bool forRun = false;
    // true: the progress as it stays on a terminal (one final line per layer,
    // redrawn in place); false: the line stream a pipe or script sees.
    bool tty = false;
};
Outcome pullImage(State& state, const PullOptions& options);

// docker images [-a] [-q] [--digests] [--no-trunc] [-f ...] [--format F] [REPOSITORY[:TAG]]
struct ImagesOptions {
    std::string matchName;   // the optional REPOSITORY[:TAG] argument (a reference filter)
    bool all = false;   // -a: also intermediate images (legacy builder)
    bool quiet = false;   // -q
    bool digests = false;   // --digests
    bool noTrunc = false;   // --no-trunc
    std::vector<std::string> filters;   // -f/--filter: "dangling=true", "reference=node*", "before=IMG",
        // "since=IMG", "label=KEY[=VALUE]"
    std::string format;   // --format: "" (table), "table ...", or a template with
        // {{.Repository}} {{.Tag}} {{.ID}} {{.Digest}} {{.CreatedSince}}
        // {{.CreatedAt}} {{.Size}}, "\t" and "json" / "{{json .}}"
};
Outcome listImages(const State& state, const ImagesOptions& options);

// docker image inspect [-f FORMAT] IMAGE...
struct ImageInspectOptions {
    std::vector<std::string> images;
    std::string format;   // -f: "" = JSON; "{{.Id}}", "{{.Config.Cmd}}", "{{json .Config}}", ... (simple paths)
};
Outcome inspectImages(const State& state, const ImageInspectOptions& options);

// docker history [-H=false] [--no-trunc] [-q] [--format F] IMAGE
struct HistoryOptions {
    std::string image;
    bool human = true;   // -H / --human (default true)
    bool noTrunc = false;   // --no-trunc
    bool quiet = false;   // -q
    std::string format;   // --format (same placeholders idea as images: {{.ID}} {{.CreatedSince}}
        // {{.CreatedAt}} {{.CreatedBy}} {{.Size}} {{.Comment}})
};
Outcome imageHistory(const State& state, const HistoryOptions& options);

// docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
struct TagOptions {
    std::string source;
    std::string target;
};
Outcome tagImageCommand(State& state, const TagOptions& options);

// docker rmi / docker image rm [-f] [--no-prune] IMAGE...
struct RemoveImagesOptions {
    std::vector<std::string> images;
    bool force = false;   // -f
    bool noPrune = false;   // --no-prune: keep untagged parents (legacy builder chains)
};
Outcome removeImages(State& state, const RemoveImagesOptions& options);

// docker image prune [-a] [-f] [--filter ...]
struct PruneImagesOptions {
    bool all = false;   // -a: every image no container uses, not only dangling ones
    bool force = false;   // -f: no confirmation prompt
    std::vector<std::string> filters;   // "until=...", "label=..." (label only is modelled)
    // The learner's answer to "Are you sure you want to continue? [y/N] " when
    // not forced. nullopt = no input (EOF): Docker cancels quietly, exit 0.
    std::optional<std::string> answer;
};
Outcome pruneImages(State& state, const PruneImagesOptions& options);

// What `docker system df` shows on its Images row.
struct ImagesDiskUsage {
    int total = 0;   // TOTAL: images
    int active = 0;   // ACTIVE: images with at least one container
    uint64_t size = 0;   // SIZE: every distinct layer once
    uint64_t reclaimable = 0;   // RECLAIMABLE: size minus what in-use images hold alone
    // The row cells as Docker prints them: {"Images", "3", "1", "1.254GB", "1.12GB (89%)"}.
    std::vector<std::string> row() const;
};
ImagesDiskUsage imagesDiskUsage(const State& state);

}   // namespace layerlab::engine
