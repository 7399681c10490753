// The container's writable layer and images as files (issue 14): docker
// diff / commit / cp / export / import, save -> load, rename / port / top /
// wait, and the ustar format under them. Expected texts are the real
// engine's (tests/data/real_docker/everyday.txt).
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/containers_fixture.hpp"

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_manage.hpp"
#include "sim/engine/containers/writable_layer.hpp"
#include "sim/engine/images/archive.hpp"
#include "sim/engine/volumes/volumes.hpp"
#include "sim/fs/tar.hpp"

using namespace layerlab;
using namespace layerlab::engine;

namespace {

// alpine pulled, a running container "box" (sleep 1000).
State boxState() {
    State s;
    test::pull(s, "alpine");
    RunOptions o = test::runOpts("alpine", {"sleep", "1000"});
    o.name = "box";
    o.detach = true;
    REQUIRE(runContainer(s, o).exitCode == 0);
    test::tick(s);
    return s;
}

ContainerOutcome exec(State& s, const std::string& script) {
    ExecOptions e;
    e.container = "box";
    e.command = {"sh", "-c", script};
    return execInContainer(s, e);
}

std::string diffText(const State& s) { return diffContainer(s, "box").out; }

}   // namespace

TEST_CASE("tar: what writeTar writes, readTar reads back, byte counts as Go's archive/tar") {
    std::vector<fs::TarEntry> in(3);
    in[0].name = "a/";
    in[0].kind = fs::FileEntry::Kind::Directory;
    in[0].mode = 0755;
    in[1].name = "a/x";
    in[1].content = "hi\n";
    in[2].name = "a/link";
    in[2].kind = fs::FileEntry::Kind::Symlink;
    in[2].linkTarget = "x";
    const std::string bytes = fs::writeTar(in);
    CHECK(bytes.size() == 512 * 3 + 512 + 1024);   // three headers, one data block, two zero blocks
    CHECK(fs::tarSize(in) == bytes.size());
    CHECK(bytes.substr(257, 6) == std::string("ustar\0", 6));
    fs::TarReadResult r = fs::readTar(bytes);
    REQUIRE(r.error.empty());
    REQUIRE(r.entries.size() == 3);
    CHECK(r.entries[1].name == "a/x");
    CHECK(r.entries[1].content == "hi\n");
    CHECK(r.entries[2].linkTarget == "x");
    // a single small file is 2048 bytes: the "2.05kB" docker cp prints
    CHECK(fs::tarSize({in[1]}) == 2048);
}

TEST_CASE("tar: corrupt or cut archives give an error, never a crash") {
    CHECK(fs::readTar("").error == "unexpected EOF");
    std::string bytes = fs::writeTar({fs::TarEntry{"x", fs::FileEntry::Kind::File, "data", "", 0644, 0, 0, 0}});
    std::string bad = bytes;
    bad[0] = 'y';   // the checksum no longer matches
    CHECK(fs::readTar(bad).error == "archive/tar: invalid tar header");
    CHECK(fs::readTar(bytes.substr(0, 600)).error == "unexpected EOF");
}

TEST_CASE("docker diff: A/C/D with the parents of each change, after exec") {
    State s = boxState();
    CHECK(diffText(s) == "");
    REQUIRE(exec(s, "echo hi > /tmp/x; mkdir -p /a/b; echo z > /a/b/c; rm /etc/alpine-release").exitCode == 0);
    CHECK(diffText(s) == "A /a\nA /a/b\nA /a/b/c\nC /etc\nD /etc/alpine-release\nC /tmp\nA /tmp/x\n");
    // ps -s sizes exactly this layer: "hi\n" + "z\n"
    CHECK(containers::writableSize(s.containers[0]) == 5);
    CHECK(diffContainer(s, "nope").err == "Error response from daemon: No such container: nope\n");
}

TEST_CASE("docker commit: a new image whose top layer is the diff; history row is the container's CMD") {
    State s = boxState();
    REQUIRE(exec(s, "echo hi > /tmp/x").exitCode == 0);
    const Digest base = s.containers[0].imageId;
    CommitOptions o;
    o.container = "box";
    o.reference = "snap:1";
    ContainerOutcome out = commitContainer(s, o);
    REQUIRE(out.exitCode == 0);
    ResolvedImage snap = resolveImageRef(s, "snap:1");
    REQUIRE(snap.image);
    CHECK(out.out == snap.image->id + "\n");
    const Image& baseImage = s.images.at(base);
    CHECK(snap.image->layers.size() == baseImage.layers.size() + 1);
    CHECK(snap.image->history.back().createdBy == "sleep 1000");
    CHECK(snap.image->config.cmd == std::vector<std::string>{"sleep", "1000"});
    // the top layer holds the file, not the image below it
    const Layer& top = s.layers.at(snap.image->layers.back());
    CHECK(top.changes.exists("tmp/x"));
    CHECK(top.size == 3);
    // committing an unchanged container adds no layer (an empty-layer history row)
    State fresh = boxState();
    CommitOptions same;
    same.container = "box";
    REQUIRE(commitContainer(fresh, same).exitCode == 0);
    const Image* untagged = nullptr;
    for (const auto& [id, img] : fresh.images)
        if (img.parent == fresh.containers[0].imageId) untagged = &img;
    REQUIRE(untagged);
    CHECK(untagged->layers.size() == fresh.images.at(fresh.containers[0].imageId).layers.size());
    CHECK(untagged->history.back().emptyLayer);
}

TEST_CASE("docker cp: both ways, Docker's messages and tar sizes") {
    State s = boxState();
    REQUIRE(exec(s, "echo hi > /tmp/x").exitCode == 0);
    CopyOptions out;
    out.container = "box";
    out.containerPath = "/tmp/x";
    out.hostPath = "";
    out.hostTyped = ".";
    out.hostShown = "/home/learner/app/.";
    ContainerOutcome o = copyFiles(s, out);
    CHECK(o.err == "Successfully copied 2.05kB to /home/learner/app/.\n");
    REQUIRE(s.host.find("x"));
    CHECK(*s.host.find("x")->content == "hi\n");

    s.host = s.host.withFile("note.txt", "from-host\n");
    CopyOptions in;
    in.toContainer = true;
    in.container = "box";
    in.containerPath = "/tmp/";
    in.hostPath = "note.txt";
    in.hostTyped = "note.txt";
    in.hostShown = "/home/learner/app/note.txt";
    CHECK(copyFiles(s, in).err == "Successfully copied 2.05kB to box:/tmp/\n");
    CHECK(diffText(s) == "C /tmp\nA /tmp/note.txt\nA /tmp/x\n");

    CopyOptions missing = out;
    missing.containerPath = "/nope";
    CHECK(copyFiles(s, missing).err == "Error response from daemon: Could not find the file /nope in container box\n");
    CopyOptions noDir = in;
    noDir.containerPath = "/nodir/y";
    CHECK(copyFiles(s, noDir).err == "Error response from daemon: Could not find the file /nodir in container box\n");
    CopyOptions badDest = out;
    badDest.hostPath = "nodir/zz";
    badDest.hostTyped = "nodir/zz";
    badDest.hostShown = "/home/learner/app/nodir/zz";
    CHECK(copyFiles(s, badDest).err == "invalid output path: directory \"/home/learner/app/nodir\" does not exist\n");
}

TEST_CASE("docker save -> rmi -> load restores the same image ID and layers") {
    State s = boxState();
    REQUIRE(exec(s, "echo v1 > /version").exitCode == 0);
    CommitOptions c;
    c.container = "box";
    c.reference = "myimg:1";
    REQUIRE(commitContainer(s, c).exitCode == 0);
    const Image before = *resolveImageRef(s, "myimg:1").image;
    const uint64_t sizeBefore = imageSize(s, before);
    SaveOptions save;
    save.images = {"myimg:1"};
    save.outputPath = "myimg.tar";
    save.toFile = true;
    REQUIRE(saveImages(s, save).exitCode == 0);
    // the archive lists manifest.json and one blob per layer and the config
    fs::TarReadResult listing = fs::readTar(*s.host.find("myimg.tar")->content);
    REQUIRE(listing.error.empty());
    std::vector<std::string> names;
    for (const auto& e : listing.entries) names.push_back(e.name);
    CHECK(std::find(names.begin(), names.end(), "manifest.json") != names.end());
    CHECK(std::find(names.begin(), names.end(), "blobs/sha256/" + format::hexOf(before.id)) != names.end());
    for (const Digest& d : before.layers)
        CHECK(std::find(names.begin(), names.end(), "blobs/sha256/" + format::hexOf(d)) != names.end());

    // a fresh machine: nothing but the file
    State other;
    other.host = s.host;
    LoadOptions load;
    load.inputPath = "myimg.tar";
    load.inputShown = "myimg.tar";
    ContainerOutcome loaded = loadImages(other, load);
    REQUIRE(loaded.exitCode == 0);
    CHECK(loaded.out == "Loaded image: myimg:1\n");
    ResolvedImage after = resolveImageRef(other, "myimg:1");
    REQUIRE(after.image);
    CHECK(after.image->id == before.id);
    CHECK(after.image->layers == before.layers);
    CHECK(imageSize(other, *after.image) == sizeBefore);
    // on a terminal, each new layer shows its line; a second load has none
    State third;
    third.host = s.host;
    load.terminal = true;
    ContainerOutcome tty = loadImages(third, load);
    CHECK(tty.out.find(": Loading layer ") != std::string::npos);
    CHECK(loadImages(third, load).out == "Loaded image: myimg:1\n");
}

TEST_CASE("docker load: bad input is a clear error and changes nothing") {
    State s;
    s.host = s.host.withFile("junk.tar", "not a tar at all");
    LoadOptions load;
    load.inputPath = "junk.tar";
    load.inputShown = "junk.tar";
    ContainerOutcome o = loadImages(s, load);
    CHECK(o.exitCode == 1);
    CHECK(o.err == "Error response from daemon: unexpected EOF\n");
    CHECK(s.images.empty());
    load.inputPath = "nope.tar";
    load.inputShown = "nope.tar";
    CHECK(loadImages(s, load).err == "open nope.tar: no such file or directory\n");
}

TEST_CASE("docker export -> import: one flattened layer, comment Imported from -") {
    State s = boxState();
    ExportOptions e;
    e.container = "box";
    e.outputPath = "box.tar";
    e.toFile = true;
    REQUIRE(exportContainer(s, e).exitCode == 0);
    ImportOptions i;
    i.inputPath = "box.tar";
    i.inputShown = "box.tar";
    i.reference = "flat:1";
    REQUIRE(importImage(s, i).exitCode == 0);
    const Image* flat = resolveImageRef(s, "flat:1").image;
    REQUIRE(flat);
    CHECK(flat->layers.size() == 1);
    CHECK(flat->history.at(0).comment == "Imported from -");
    CHECK(!flat->config.cmd);
    CHECK(s.layers.at(flat->layers[0]).changes.exists("etc/alpine-release"));
}

TEST_CASE("rename, port, top, wait: Docker's texts") {
    State s;
    test::pull(s, "nginx");
    RunOptions o = test::runOpts("nginx");
    o.name = "web";
    o.detach = true;
    o.publish = {"8080:80"};
    REQUIRE(runContainer(s, o).exitCode == 0);
    CHECK(renameContainer(s, "web", "site").exitCode == 0);
    CHECK(s.containers[0].name == "site");
    CHECK(renameContainer(s, "site", "site").err ==
          "Error response from daemon: Renaming a container with the same name as its current name\n"
          "Error: failed to rename container named site\n");
    CHECK(renameContainer(s, "nope", "x").err ==
          "Error response from daemon: No such container: nope\nError: failed to rename container named nope\n");
    CHECK(renameContainer(s, "site", "").err == "Error: Neither old nor new names may be empty\n");
    CHECK(containerPorts(s, "site", "").out == "80/tcp -> 0.0.0.0:8080\n");
    CHECK(containerPorts(s, "site", "80").out == "0.0.0.0:8080\n");
    CHECK(containerPorts(s, "site", "443").err == "Error: No public port '443' published for site\n");
    const std::string top = containerTop(s, "site").out;
    CHECK(top.rfind("UID                 PID                 PPID                C                   STIME", 0) == 0);
    CHECK(top.find("nginx -g daemon off;\n") != std::string::npos);
    CHECK(waitContainers(s, {"nope"}).err == "Error response from daemon: No such container: nope\n");
    StopOptions stop;
    stop.containers = {"site"};
    stopContainers(s, stop);
    CHECK(waitContainers(s, {"site"}).out == std::to_string(s.containers[0].exitCode) + "\n");
    CHECK(containerTop(s, "site").err ==
          "Error response from daemon: Container " + s.containers[0].id + " is not running\n");
}

TEST_CASE("volumes: data in a named volume survives docker rm; the writable layer does not") {
    State s;
    test::pull(s, "alpine");
    RunOptions w = test::runOpts("alpine", {"sh", "-c", "echo keep > /data/f; echo gone > /tmp/g"});
    w.name = "writer";
    w.volumes = {"data:/data"};
    REQUIRE(runContainer(s, w).exitCode == 0);
    REQUIRE(s.volumes.count("data"));
    CHECK(*s.volumes.at("data").files.find("f")->content == "keep\n");
    // the volume's file is not in the container's layer; /tmp/g is, and the mount point
    CHECK(diffContainer(s, "writer").out == "A /data\nC /tmp\nA /tmp/g\n");
    RmOptions rm;
    rm.containers = {"writer"};
    REQUIRE(removeContainers(s, rm).exitCode == 0);
    CHECK(s.volumes.count("data"));
    RunOptions r = test::runOpts("alpine", {"cat", "/data/f"});
    r.volumes = {"data:/data"};
    r.rm = true;
    ContainerOutcome read = runContainer(s, r);
    CHECK(read.out == "keep\n");
}

TEST_CASE("volumes: in use refuses removal with Docker's message; prune takes anonymous ones") {
    State s;
    test::pull(s, "alpine");
    RunOptions h = test::runOpts("alpine", {"sleep", "1000"});
    h.name = "holder";
    h.detach = true;
    h.volumes = {"data:/data", "/cache"};
    REQUIRE(runContainer(s, h).exitCode == 0);
    CHECK(volumes::removeVolumes(s, {"data"}, true).err ==
          "Error response from daemon: remove data: volume is in use - [" + s.containers[0].id + "]\n");
    CHECK(volumes::removeVolumes(s, {"nope"}, false).err == "Error response from daemon: get nope: no such volume\n");
    CHECK(s.volumes.size() == 2);
    RmOptions rm;
    rm.containers = {"holder"};
    rm.force = true;
    removeContainers(s, rm);
    // docker rm without -v leaves the anonymous volume; prune (anonymous only) takes it
    CHECK(s.volumes.size() == 2);
    ContainerOutcome p = volumes::pruneVolumes(s, false);
    CHECK(p.out.rfind("Deleted Volumes:\n", 0) == 0);
    CHECK(s.volumes.size() == 1);
    CHECK(s.volumes.count("data"));
    CHECK(volumes::pruneVolumes(s, true).out == "Deleted Volumes:\ndata\n\nTotal reclaimed space: 0B\n");
}

TEST_CASE("volumes: -v and --mount errors in Docker's words") {
    State s;
    test::pull(s, "alpine");
    RunOptions r = test::runOpts("alpine", {"true"});
    r.volumes = {"data:rel"};
    CHECK(runContainer(s, r).err ==
          "docker: Error response from daemon: invalid volume specification: 'data:rel': invalid mount config for type "
          "\"volume\": invalid mount path: 'rel' mount path must be absolute\n\nRun 'docker run --help' for more "
          "information\n");
    r.volumes = {"a:b:c:d"};
    CHECK(runContainer(s, r).err ==
          "docker: Error response from daemon: invalid volume specification: 'a:b:c:d'\n\nRun "
          "'docker run --help' for more information\n");
    r.volumes = {};
    r.mounts = {"type=volume,source=data"};
    CHECK(runContainer(s, r).err ==
          "invalid argument \"type=volume,source=data\" for \"--mount\" flag: target is required\n\nUsage:  docker run "
          "[OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n");
    CHECK(s.containers.empty());
}
