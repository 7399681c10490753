// Shared set-up for the container tests: a State with hub images pulled and
// the course's node app built into an image (by hand, so these tests do not
// depend on the builder): FROM node, WORKDIR /app, COPY . /app (package.json,
// server.js, node_modules/express), EXPOSE 80, CMD ["node", "server.js"].
#pragma once
#include "layerlab_paths.hpp"
#include <fstream>
#include <sstream>
#include <string>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::test {

inline const char* kCourseServer = R"JS(const express = require('express');

const app = express();

app.get('/', (req, res) => {
  res.send('<h1>Hello from the container!</h1>');
});

app.listen(80);
)JS";

inline layerlab::Outcome pull(engine::State& s, const std::string& ref) {
    engine::PullOptions p;
    p.reference = ref;
    return engine::pullImage(s, p);
}

// Builds "myapp:<tag>" from node:latest with the given server.js.
inline engine::Digest buildApp(engine::State& s, const std::string& serverJs, const std::string& tag = "latest",
                               std::vector<std::string> cmd = {"node", "server.js"}) {
    using namespace layerlab::engine;
    auto node = resolveImageRef(s, "node");
    if (!node.image) pull(s, "node");
    node = resolveImageRef(s, "node");
    Image img = *node.image;
    Layer layer;
    layer.changes = layer.changes.withFile("app/server.js", serverJs)
                        .withFile("app/package.json", "{\"dependencies\":{\"express\":\"^4.21.2\"}}\n")
                        .withFile("app/node_modules/express/package.json", "{\"name\":\"express\"}\n");
    layer.size = layer.changes.totalBytes();
    Digest diff = addLayer(s, layer);
    img.layers.push_back(diff);
    img.config.workingDir = "/app";
    img.config.cmd = cmd;
    img.config.exposedPorts = {"80/tcp"};
    img.repoDigests.clear();
    img.createdMs = s.clock.nowMs;
    HistoryEntry h;
    h.createdBy = "COPY . /app # buildkit";
    h.createdMs = s.clock.nowMs + static_cast<int64_t>(serverJs.size());   // distinct configs, distinct IDs
    img.history.push_back(h);
    Digest id = addImage(s, img);
    tagImage(s, id, "myapp:" + tag);
    return id;
}

inline std::string readData(const std::string& rel) {
    std::ifstream in(std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/containers/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline engine::RunOptions runOpts(const std::string& image, std::vector<std::string> command = {}) {
    engine::RunOptions o;
    o.image = image;
    o.command = std::move(command);
    return o;
}

// The shell ticks the clock once per command line; tests do the same.
inline void tick(engine::State& s, int commands = 1) { s.clock.advance(engine::kCommandTickMs * commands); }

}   // namespace layerlab::test
