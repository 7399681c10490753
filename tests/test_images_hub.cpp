// Tests for the simulated Docker Hub (sim/engine/hub_catalog*) and pulls
// (sim/engine/registry): the official images and tags a course uses, their
// real config defaults, shared base layers, and what a pull changes.
#include <doctest/doctest.h>

#include <set>

#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/registry/hub_catalog.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/registry/registry.hpp"

using namespace layerlab;
using namespace layerlab::engine;

namespace {

const hub::HubImage& hubImage(const std::string& repoTag) {
    const auto colon = repoTag.find(':');
    const auto* img = hub::findImage("library/" + repoTag.substr(0, colon), repoTag.substr(colon + 1));
    REQUIRE_MESSAGE(img, repoTag);
    return *img;
}

uint64_t totalSize(const hub::HubImage& h) {
    uint64_t n = 0;
    for (const auto& l : h.layers) n += l.size;
    return n;
}

std::string joined(const std::optional<std::vector<std::string>>& v) {
    if (!v) return "<unset>";
    std::string s;
    for (const auto& x : *v) s += (s.empty() ? "" : "|") + x;
    return s;
}

}   // namespace

TEST_CASE("images hub: the official images and tags a course uses") {
    const char* required[] = {"node:latest",
                              "node:18",
                              "node:20",
                              "node:22",
                              "node:lts",
                              "node:alpine",
                              "node:lts-alpine",
                              "node:slim",
                              "python:latest",
                              "python:3.12",
                              "python:3.12-slim",
                              "python:slim",
                              "python:alpine",
                              "nginx:latest",
                              "nginx:1.27",
                              "nginx:alpine",
                              "nginx:stable",
                              "httpd:latest",
                              "httpd:2.4",
                              "httpd:alpine",
                              "alpine:latest",
                              "alpine:3.21",
                              "alpine:3.20",
                              "ubuntu:latest",
                              "ubuntu:22.04",
                              "busybox:latest",
                              "redis:latest",
                              "redis:alpine",
                              "debian:bookworm-slim"};
    for (const char* r : required) {
        CAPTURE(r);
        const auto& h = hubImage(r);
        CHECK(h.image.id == computeImageId(h.image));
        CHECK(h.image.layers.size() == h.layers.size());
        size_t nonEmpty = 0;
        for (const auto& e : h.image.history) nonEmpty += e.emptyLayer ? 0 : 1;
        CHECK(nonEmpty == h.layers.size());
        for (size_t i = 0; i < h.layers.size(); ++i) {
            CHECK(h.layers[i].diffId == h.image.layers[i]);
            CHECK(h.layers[i].diffId == computeDiffId(h.layers[i]));
            CHECK(h.layers[i].compressedSize > 0);
        }
    }
    CHECK_FALSE(hub::findImage("library/node", "99"));
    CHECK_FALSE(hub::repositoryExists("library/nosuch"));
    // Tags of one image share it; different images differ.
    CHECK(hubImage("node:latest").image.id == hubImage("node:23").image.id);
    CHECK(hubImage("node:lts").image.id == hubImage("node:22").image.id);
    CHECK(hubImage("node:latest").image.id != hubImage("node:lts").image.id);
    std::set<Digest> manifests;
    for (const auto& repo : hub::repositories())
        for (const auto& tag : hub::tagsOf(repo)) manifests.insert(hub::findImage(repo, tag)->manifestDigest);
    std::set<Digest> ids;
    for (const auto& repo : hub::repositories())
        for (const auto& tag : hub::tagsOf(repo)) ids.insert(hub::findImage(repo, tag)->image.id);
    CHECK(manifests.size() == ids.size());
}

TEST_CASE("images hub: realistic layer counts and sizes") {
    struct Case {
        const char* ref;
        size_t layers;
        const char* size;
    };
    const Case cases[] = {
        {"node:latest", 8, "1.13GB"}, {"python:3.12", 7, "1.01GB"},     {"alpine:latest", 1, "7.83MB"},
        {"nginx:latest", 7, "192MB"}, {"ubuntu:latest", 1, "78.1MB"},   {"busybox:latest", 1, "4.27MB"},
        {"node:alpine", 4, "159MB"},  {"python:3.12-slim", 4, "124MB"}, {"httpd:latest", 6, "145MB"},
        {"redis:latest", 8, "114MB"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.ref));
        const auto& h = hubImage(c.ref);
        CHECK(h.layers.size() == c.layers);
        CHECK(format::humanSize(totalSize(h)) == std::string(c.size));
    }
}

TEST_CASE("images hub: images on one base share its layers") {
    const auto& node = hubImage("node:latest");
    const auto& python = hubImage("python:latest");
    for (size_t i = 0; i < 4; ++i) CHECK(node.image.layers[i] == python.image.layers[i]);
    CHECK(node.image.layers[4] != python.image.layers[4]);
    const auto& slim = hubImage("debian:bookworm-slim");
    for (const char* r : {"nginx:latest", "httpd:latest", "redis:latest", "python:3.12-slim", "node:slim"})
        CHECK(hubImage(r).image.layers.front() == slim.image.layers.front());
    const auto& alpine = hubImage("alpine:3.21");
    for (const char* r : {"node:alpine", "nginx:alpine", "httpd:alpine", "redis:alpine", "python:alpine"})
        CHECK(hubImage(r).image.layers.front() == alpine.image.layers.front());
    CHECK(hubImage("alpine:3.20").image.layers.front() != alpine.image.layers.front());
}

TEST_CASE("images hub: config defaults as the official images set them") {
    struct Case {
        const char* ref;
        const char* cmd;
        const char* entrypoint;
        const char* ports;
        const char* workdir;
        const char* stopSignal;
    };
    const Case cases[] = {
        {"node:latest", "node", "docker-entrypoint.sh", "", "", ""},
        {"node:alpine", "node", "docker-entrypoint.sh", "", "", ""},
        {"python:3.12", "python3", "<unset>", "", "", ""},
        {"nginx:latest", "nginx|-g|daemon off;", "/docker-entrypoint.sh", "80/tcp", "", "SIGQUIT"},
        {"nginx:alpine", "nginx|-g|daemon off;", "/docker-entrypoint.sh", "80/tcp", "", "SIGQUIT"},
        {"httpd:latest", "httpd-foreground", "<unset>", "80/tcp", "/usr/local/apache2", "SIGWINCH"},
        {"redis:latest", "redis-server", "docker-entrypoint.sh", "6379/tcp", "/data", ""},
        {"alpine:latest", "/bin/sh", "<unset>", "", "", ""},
        {"ubuntu:latest", "/bin/bash", "<unset>", "", "", ""},
        {"busybox:latest", "sh", "<unset>", "", "", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.ref);
        const auto& cfg = hubImage(c.ref).image.config;
        CHECK(joined(cfg.cmd) == c.cmd);
        CHECK(joined(cfg.entrypoint) == c.entrypoint);
        std::string ports;
        for (const auto& p : cfg.exposedPorts) ports += (ports.empty() ? "" : "|") + p;
        CHECK(ports == c.ports);
        CHECK(cfg.workingDir == c.workdir);
        CHECK(cfg.stopSignal == c.stopSignal);
    }
    const auto& env = hubImage("node:latest").image.config.env;
    CHECK(env == std::vector<std::string>{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                          "NODE_VERSION=23.6.0", "YARN_VERSION=1.22.22"});
}

TEST_CASE("images hub: pulled images serve their real default pages") {
    State s;
    PullOptions p;
    p.reference = "nginx";
    REQUIRE(pullImage(s, p).ok());
    p.reference = "httpd";
    REQUIRE(pullImage(s, p).ok());
    const auto nginx = imageRootfs(s, *resolveImageRef(s, "nginx").image);
    REQUIRE(nginx.find("usr/share/nginx/html/index.html"));
    CHECK(nginx.find("usr/share/nginx/html/index.html")->content->find("<h1>Welcome to nginx!</h1>") !=
          std::string::npos);
    CHECK(nginx.find("etc/os-release")->content->find("bookworm") != std::string::npos);
    const auto httpd = imageRootfs(s, *resolveImageRef(s, "httpd").image);
    REQUIRE(httpd.find("usr/local/apache2/htdocs/index.html"));
    CHECK(*httpd.find("usr/local/apache2/htdocs/index.html")->content ==
          "<html><body><h1>It works!</h1></body></html>\n");
    CHECK(httpd.isDirectory("usr/local/apache2"));
}

TEST_CASE("images hub: what a pull changes, and a failed pull changes nothing") {
    State s;
    const int64_t start = s.clock.nowMs;
    PullOptions p;
    p.reference = "node";
    const auto o = pullImage(s, p);
    REQUIRE(o.ok());
    CHECK(s.clock.nowMs - start > 10000);   // ~400 MB of blobs take a while
    CHECK(s.clock.nowMs - start < 120000);
    CHECK(s.tags.at("node:latest") == hubImage("node:latest").image.id);
    const Image& img = s.images.at(s.tags.at("node:latest"));
    CHECK(img.repoDigests == std::vector<std::string>{"node@" + hubImage("node:latest").manifestDigest});
    CHECK(s.layers.size() == 8);
    size_t pulled = 0;
    for (const auto& e : o.events) pulled += std::holds_alternative<LayerPulled>(e) ? 1 : 0;
    CHECK(pulled == 8);

    const State before = s;
    for (const char* bad : {"nosuch", "node:99", "Node", "localhost:5000/x"}) {
        CAPTURE(bad);
        p.reference = bad;
        const auto f = pullImage(s, p);
        CHECK(f.exitCode == 1);
        CHECK(s.images.size() == before.images.size());
        CHECK(s.tags == before.tags);
        CHECK(s.clock.nowMs == before.clock.nowMs);
    }
    SUBCASE("python after node: the Debian layers already exist") {
        p.reference = "python";
        const auto py = pullImage(s, p);
        size_t already = 0;
        for (const auto& e : py.events)
            if (const auto* l = std::get_if<LayerPulled>(&e)) already += l->alreadyExists ? 1 : 0;
        CHECK(already == 4);
        CHECK(s.layers.size() == 8 + 3);
    }
    SUBCASE("by digest") {
        p.reference = "node@" + hubImage("node:lts").manifestDigest;
        const auto d = pullImage(s, p);
        CHECK(d.ok());
        CHECK(d.out.find("Status: Downloaded newer image for node@sha256:") != std::string::npos);
        CHECK(s.images.count(hubImage("node:lts").image.id) == 1);
        CHECK(s.tags.count("node:lts") == 0);   // a digest pull adds no tag
    }
}
