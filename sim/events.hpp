// Events: what happened during a command, in order, for the window to animate
// and for lessons and `play --format json` to report. Each carries what a
// learner needs to see and why (a reason names the first thing that differed).
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace layerlab {

struct StepCached {
    int stage = 0;
    int step = 0;   // 1-based step number as shown in "[2/5]"
    std::string instruction;   // "WORKDIR /app"
    std::string key;
    int sourceLine = 0;
};
struct StepBuilt {
    int stage = 0;
    int step = 0;
    std::string instruction;
    std::string reason;   // English: "server.js content changed", "parent layer was rebuilt"
    std::string reasonKo;   // the same, in Korean
    std::string key;
    int64_t durationMs = 0;
    int sourceLine = 0;
};
struct StepFailed {
    int stage = 0;
    int step = 0;
    std::string instruction;
    std::string error;
    int sourceLine = 0;
};
struct LayerCreated {
    std::string diffId;
    unsigned long long size = 0;
};
struct ImageCreated {
    std::string imageId;
    std::vector<std::string> tags;
};
struct ImageRemoved {
    std::string imageId;
};
struct ImageTagged {
    std::string imageId;
    std::string tag;
};
struct ImageUntagged {
    std::string imageId;
    std::string tag;
};
// One layer of a pull (`docker pull`, or a base image a build downloads), in
// the order the progress shows them, bottom to top. A layer the machine
// already has says "Already exists" and moves no bytes.
struct LayerPulled {
    std::string diffId;
    bool alreadyExists = false;
    std::string image;   // the reference pulled: "node:latest"
    std::string shortId;   // 12 hex of the blob digest, as the progress prints it
    unsigned long long size = 0;   // uncompressed bytes (the layer's size)
    unsigned long long compressedSize = 0;   // bytes downloaded (0 when alreadyExists)
    // Offsets from the start of the pull (all 0 when alreadyExists): several
    // layers download at once (dockerd's max-concurrent-downloads), then each
    // is extracted in order, so the picture can move them as Docker does.
    long long downloadStartMs = 0;
    long long downloadDoneMs = 0;
    long long extractStartMs = 0;
    long long extractDoneMs = 0;
    int index = 0;   // 0-based, bottom to top
    int count = 0;   // layers in the image
};
struct ContainerCreated {
    std::string id;
    std::string name;
    std::string imageId;
};
struct ContainerStarted {
    std::string id;
};
struct ContainerStopped {
    std::string id;
    int exitCode = 0;
};
struct ContainerPaused {
    std::string id;
    bool paused = true;
};
struct ContainerRemoved {
    std::string id;
};
struct PortPublished {
    std::string containerId;
    int hostPort = 0;
    int containerPort = 0;
    std::string proto;
};
struct FileChanged {
    std::string path;
    std::string change;
};   // host side: "written", "deleted", "mode"

using Event = std::variant<StepCached, StepBuilt, StepFailed, LayerCreated, ImageCreated, ImageRemoved, ImageTagged,
                           ImageUntagged, LayerPulled, ContainerCreated, ContainerStarted, ContainerStopped,
                           ContainerPaused, ContainerRemoved, PortPublished, FileChanged>;

// What one command did: its terminal output and its events.
struct Outcome {
    std::string out;   // stdout text, with newlines
    std::string err;   // stderr text
    int exitCode = 0;
    std::vector<Event> events;
    bool ok() const { return exitCode == 0; }
};

}   // namespace layerlab
