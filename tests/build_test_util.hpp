// Helpers for the builder's tests: a small local base image and a course
// context, so cases do not depend on the simulated hub's contents.
#pragma once
#include <string>

#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/state.hpp"

namespace buildtest {

// A busybox-like image tagged `ref` ("localbase:1"), as the real-engine
// observations used.
inline layerlab::engine::Digest addLocalBase(layerlab::engine::State& state, const std::string& ref) {
    using namespace layerlab;
    engine::Layer layer;
    layer.changes = fs::FileTree()
                        .withFile("bin/sh", "#!busybox sh\n", 0755)
                        .withFile("bin/busybox", std::string(1024, 'b'), 0755)
                        .withFile("etc/os-release", "NAME=\"BusyBox\"\n")
                        .withFile("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n")
                        .withFile("etc/group", "root:x:0:\nnode:x:1000:\n");
    engine::Digest diff = engine::addLayer(state, layer);
    engine::Image img;
    img.config.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"};
    img.config.cmd = std::vector<std::string>{"sh"};
    img.layers = {diff};
    img.history = {{1700000000000, "ADD busybox.tar / # buildkit", "buildkit.dockerfile.v0", false, 1200},
                   {1700000000000, "CMD [\"sh\"]", "buildkit.dockerfile.v0", true, 0}};
    img.createdMs = 1700000000000;
    engine::Digest id = engine::addImage(state, img);
    auto parsed = engine::format::parseNormalizedNamed(ref);
    engine::tagImage(state, id, parsed.ref->tagKey());
    return id;
}

}   // namespace buildtest
