// Containers: names and IDs, create/start/stop/kill/pause/rm, ps status text,
// --rm, errors in Docker's words, and nothing half-applied on failure.
#include <doctest/doctest.h>

#include <regex>

#include "containers_fixture.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/names_generator.hpp"

using namespace layerlab;
using namespace layerlab::engine;
using namespace layerlab::test;

namespace {
std::string status(const State& s, const std::string& name) {
    PsOptions ps;
    ps.all = true;
    ps.filters = {"name=^/" + name + "$"};
    ps.format = "{{.Status}}";
    return listContainers(s, ps).out;
}
}   // namespace

TEST_CASE("containers names: word lists, boring_wozniak, retries, validation") {
    CHECK(nameAdjectiveCount() == 100);
    CHECK(nameSurnameCount() == 200);
    Rng rng;
    rng.state = 7;
    const std::regex shape("^[a-z]+_[a-z]+$");
    for (int i = 0; i < 2000; ++i) {
        std::string n = randomName(rng, 0);
        CHECK(std::regex_match(n, shape));
        CHECK(n != "boring_wozniak");
    }
    CHECK(std::regex_match(randomName(rng, 1), std::regex("^[a-z]+_[a-z]+[0-9]$")));
    CHECK(validateContainerName("web") == "");
    CHECK(validateContainerName("/web") == "");
    CHECK(validateContainerName("my app") ==
          "Invalid container name (my app), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    CHECK(validateContainerName("_x") != "");
}

TEST_CASE("containers IDs and lookup: exact ID, name, unique prefix") {
    State s;
    s.rng.state = 42;
    std::string a = containers::newContainerId(s.rng);
    CHECK(a.size() == 64);
    CHECK(format::isFullHexId(a));
    Container c1, c2;
    c1.id = "abc1" + std::string(60, '0');
    c1.name = "web";
    c2.id = "abc2" + std::string(60, '1');
    c2.name = "abc1";   // a name that looks like a prefix: names win over prefixes
    s.containers = {c1, c2};
    CHECK(containers::findContainer(s, c1.id).index == 0);
    CHECK(containers::findContainer(s, "web").index == 0);
    CHECK(containers::findContainer(s, "/web").index == 0);
    CHECK(containers::findContainer(s, "abc1").index == 1);
    CHECK(containers::findContainer(s, "abc2").index == 1);
    CHECK(containers::findContainer(s, "abc").error == "multiple IDs found with provided prefix: abc");
    CHECK(containers::findContainer(s, "nope").error == "No such container: nope");
    CHECK(containers::findContainer(s, "").error == "invalid container name or ID: value is empty");
}

TEST_CASE("containers lifecycle: docker run node twice makes two containers from one image") {
    State s;
    ContainerOutcome first = runContainer(s, runOpts("node"));
    CHECK(first.err.rfind("Unable to find image 'node:latest' locally\nlatest: Pulling from library/node\n", 0) == 0);
    CHECK(first.out.empty());
    CHECK(first.exitCode == 0);
    CHECK_FALSE(first.attached.has_value());
    REQUIRE(!first.hints.empty());   // the REPL exited because stdin is closed
    tick(s);
    ContainerOutcome second = runContainer(s, runOpts("node"));
    CHECK(second.err.empty());   // already pulled
    tick(s, 2);
    REQUIRE(s.containers.size() == 2);
    CHECK(s.containers[0].name != s.containers[1].name);
    CHECK(s.containers[0].imageId == s.containers[1].imageId);
    PsOptions ps;
    CHECK(listContainers(s, ps).out == "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    ps.all = true;
    const Container& a = s.containers[0];
    const Container& b = s.containers[1];
    std::string expected =
        "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS     NAMES\n";
    auto row = [&](const Container& c, const std::string& created, const std::string& st) {
        std::string r = c.id.substr(0, 12) + "   node      \"docker-entrypoint.s…\"   " + created + "   " + st;
        return r + std::string(27 - st.size(), ' ') + "          " + c.name + "\n";
    };
    expected += row(b, "2 seconds ago", "Exited (0) 2 seconds ago");
    // The first container was created once its pull had finished.
    expected += row(a, "3 seconds ago", "Exited (0) 3 seconds ago");
    CHECK(listContainers(s, ps).out == expected);
    ps.format = "{{.Image}} {{.Status}}";
    CHECK(listContainers(s, ps).out.find("node Exited (0)") == 0);
}

TEST_CASE("containers lifecycle: statuses through create, start, pause, stop, start, rm") {
    State s;
    buildApp(s, kCourseServer);
    RunOptions o = runOpts("myapp");
    o.name = "web";
    ContainerOutcome created = createContainer(s, o);
    REQUIRE(created.exitCode == 0);
    const std::string id = s.containers[0].id;
    CHECK(created.out == id + "\n");
    CHECK(status(s, "web") == "Created\n");
    tick(s);
    StartOptions st;
    st.containers = {"web"};
    CHECK(startContainers(s, st).out == "web\n");
    CHECK(status(s, "web") == "Up Less than a second\n");
    tick(s, 5);
    CHECK(status(s, "web") == "Up 5 seconds\n");
    CHECK(pauseContainers(s, {"web"}).out == "web\n");
    CHECK(status(s, "web") == "Up 5 seconds (Paused)\n");
    CHECK(pauseContainers(s, {"web"}).err == "Error response from daemon: container " + id + " is already paused\n");
    CHECK(unpauseContainers(s, {"web"}).out == "web\n");
    CHECK(unpauseContainers(s, {"web"}).err == "Error response from daemon: Container " + id + " is not paused\n");
    tick(s);
    // node as PID 1 ignores SIGTERM: docker stop waits 10 s, then SIGKILL -> 137.
    const int64_t before = s.clock.nowMs;
    ContainerOutcome stop = stopContainers(s, StopOptions{{"web"}, std::nullopt, ""});
    CHECK(stop.out == "web\n");
    CHECK(s.clock.nowMs - before == 10000);
    CHECK(status(s, "web") == "Exited (137) Less than a second ago\n");
    REQUIRE(!stop.hints.empty());
    CHECK(stop.hints[0].en.find("PID 1") != std::string::npos);
    tick(s, 3);
    CHECK(status(s, "web") == "Exited (137) 3 seconds ago\n");
    // stop -t 2 waits 2 s only.
    startContainers(s, st);
    const int64_t t0 = s.clock.nowMs;
    stopContainers(s, StopOptions{{"web"}, 2, ""});
    CHECK(s.clock.nowMs - t0 == 2000);
    // kill: SIGKILL right away.
    startContainers(s, st);
    CHECK(killContainers(s, KillOptions{{"web"}, "KILL"}).out == "web\n");
    CHECK(s.containers[0].exitCode == 137);
    CHECK(killContainers(s, KillOptions{{"web"}, "KILL"}).err ==
          "Error response from daemon: cannot kill container: web: container " + id + " is not running\n");
    CHECK(removeContainers(s, RmOptions{{"web"}, false, false}).out == "web\n");
    CHECK(s.containers.empty());
}

TEST_CASE("containers lifecycle: errors in Docker's words and nothing half-applied") {
    State s;
    buildApp(s, kCourseServer);
    RunOptions o = runOpts("myapp");
    o.name = "web";
    o.detach = true;
    REQUIRE(runContainer(s, o).exitCode == 0);
    const std::string id = s.containers[0].id;

    SUBCASE("name conflict") {
        const uint64_t rng = s.rng.state;
        ContainerOutcome r = runContainer(s, o);
        CHECK(r.err ==
              "docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by "
              "container \"" +
                  id +
                  "\". You have to remove (or rename) that container to be able to reuse "
                  "that name.\n\nRun 'docker run --help' for more information\n");
        CHECK(r.exitCode == 125);
        CHECK(s.containers.size() == 1);
        CHECK(s.rng.state == rng);
    }
    SUBCASE("rm of a running container, then rm -f") {
        ContainerOutcome r = removeContainers(s, RmOptions{{"web"}, false, false});
        CHECK(r.err ==
              "Error response from daemon: cannot remove container \"/web\": container is running: stop the "
              "container before removing or force remove\n");
        CHECK(r.exitCode == 1);
        CHECK(s.containers.size() == 1);
        r = removeContainers(s, RmOptions{{"web"}, true, false});
        CHECK(r.out == "web\n");
        CHECK(r.exitCode == 0);
        CHECK(s.containers.empty());
    }
    SUBCASE("no such container, partial success over several") {
        ContainerOutcome r = removeContainers(s, RmOptions{{"nope"}, false, false});
        CHECK(r.err == "Error response from daemon: No such container: nope\n");
        CHECK(r.exitCode == 1);
        StopOptions stop;
        stop.containers = {"nope", "web"};
        r = stopContainers(s, stop);
        CHECK(r.out == "web\n");
        CHECK(r.err == "Error response from daemon: No such container: nope\n");
        CHECK(r.exitCode == 1);
        CHECK(s.containers[0].status == Container::Status::Exited);
    }
    SUBCASE("unknown program and a CMD that fell back to shell form") {
        pull(s, "busybox");
        State before = s;
        RunOptions bad = runOpts("busybox", {"foo"});
        ContainerOutcome r = runContainer(s, bad);
        CHECK(r.err ==
              "docker: Error response from daemon: failed to create task for container: failed to create shim "
              "task: OCI runtime create failed: runc create failed: unable to start container process: exec: "
              "\"foo\": executable file not found in $PATH: unknown.\n");
        CHECK(r.exitCode == 127);
        REQUIRE(s.containers.size() == 2);
        CHECK(containers::statusText(s.containers[1], s.clock.nowMs) == "Created");
        CHECK(s.containers[1].exitCode == 127);
        // The course's `CMD ["node", "server.js"] # comment` is not JSON: BuildKit stores a shell form.
        buildApp(s, kCourseServer, "broken",
                 {"/bin/sh", "-c", "[\"node\", \"server.js\"] # 이미지를 기반으로 컨테이너 시작시 실행"});
        ContainerOutcome sh = runContainer(s, runOpts("myapp:broken"));
        CHECK(sh.err == "/bin/sh: 1: [node,: not found\n");
        CHECK(sh.exitCode == 127);
        CHECK(s.containers.back().exitCode == 127);
        CHECK(containers::statusText(s.containers.back(), s.clock.nowMs) == "Exited (127) Less than a second ago");
    }
    SUBCASE("invalid -p and name leave nothing behind") {
        State before = s;
        RunOptions bad = o;
        bad.name = "";
        bad.publish = {"abc:80"};
        ContainerOutcome r = runContainer(s, bad);
        CHECK(r.err == "docker: invalid hostPort: abc.\n\nRun 'docker run --help' for more information\n");
        CHECK(r.exitCode == 125);
        bad.publish.clear();
        bad.name = "my app";
        r = runContainer(s, bad);
        CHECK(r.err ==
              "docker: Error response from daemon: Invalid container name (my app), only "
              "[a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\n\nRun 'docker run --help' for more information\n");
        CHECK(s.containers.size() == before.containers.size());
        CHECK(s.rng.state == before.rng.state);
    }
}

TEST_CASE("containers lifecycle: --rm, one-shot programs, the writable layer") {
    State s;
    pull(s, "busybox");
    SUBCASE("busybox echo hi prints hi and exits 0; --rm removes it") {
        RunOptions o = runOpts("busybox", {"echo", "hi"});
        o.rm = true;
        ContainerOutcome r = runContainer(s, o);
        CHECK(r.out == "hi\n");
        CHECK(r.exitCode == 0);
        CHECK(s.containers.empty());
        o.rm = false;
        r = runContainer(s, o);
        CHECK(s.containers.size() == 1);
        CHECK(containers::statusText(s.containers[0], s.clock.nowMs) == "Exited (0) Less than a second ago");
    }
    SUBCASE("a container's writes stay in its own layer and vanish with it") {
        RunOptions o = runOpts("busybox", {"sleep", "infinity"});
        o.detach = true;
        o.name = "box";
        runContainer(s, o);
        ExecOptions ex;
        ex.container = "box";
        ex.command = {"sh", "-c", "echo hi > /tmp/x"};
        CHECK(execInContainer(s, ex).exitCode == 0);
        ex.command = {"cat", "/tmp/x"};
        CHECK(execInContainer(s, ex).out == "hi\n");
        CHECK(s.containers[0].writable.exists("tmp/x"));
        const Image& img = s.images.at(s.containers[0].imageId);
        CHECK_FALSE(imageRootfs(s, img).exists("tmp/x"));   // the image never changes
        RunOptions other = o;
        other.name = "box2";
        runContainer(s, other);
        ex.container = "box2";
        CHECK(execInContainer(s, ex).exitCode != 0);   // the other container has no /tmp/x
        removeContainers(s, RmOptions{{"box"}, true, false});
        CHECK(s.containers.size() == 1);
    }
    SUBCASE("exec on a stopped container") {
        RunOptions o = runOpts("busybox", {"true"});
        o.name = "done";
        runContainer(s, o);
        ExecOptions ex;
        ex.container = "done";
        ex.command = {"ls"};
        ContainerOutcome r = execInContainer(s, ex);
        CHECK(r.err == "Error response from daemon: container " + s.containers[0].id + " is not running\n");
    }
    SUBCASE("sleep 5 detached exits by itself as virtual time passes") {
        RunOptions o = runOpts("busybox", {"sleep", "5"});
        o.detach = true;
        o.name = "nap";
        runContainer(s, o);
        tick(s, 3);
        CHECK(status(s, "nap") == "Up 3 seconds\n");
        tick(s, 4);
        CHECK(status(s, "nap") == "Exited (0) 2 seconds ago\n");
    }
    SUBCASE("container prune") {
        runContainer(s, runOpts("busybox", {"true"}));
        RunOptions up = runOpts("busybox", {"sleep", "infinity"});
        up.detach = true;
        runContainer(s, up);
        const std::string gone = s.containers[0].id;
        ContainerOutcome r = pruneContainers(s, PruneOptions{});
        CHECK(r.out == "Deleted Containers:\n" + gone + "\n\nTotal reclaimed space: 0B\n");
        CHECK(s.containers.size() == 1);
        CHECK(pruneContainers(s, PruneOptions{}).out == "Total reclaimed space: 0B\n");
        ContainersDiskUsage du = containersDiskUsage(s);
        CHECK(du.total == 1);
        CHECK(du.active == 1);
    }
}

TEST_CASE("containers ps: -q, -l, -n, --no-trunc, -s, filters, format errors") {
    State s;
    pull(s, "busybox");
    RunOptions o = runOpts("busybox", {"sh", "-c", "echo done; exit 3"});
    o.name = "failed";
    runContainer(s, o);
    tick(s);
    RunOptions up = runOpts("busybox", {"sleep", "infinity"});
    up.detach = true;
    up.name = "sleeper";
    runContainer(s, up);
    tick(s);
    const Container& failed = s.containers[0];
    const Container& sleeper = s.containers[1];
    PsOptions ps;
    ps.quiet = true;
    CHECK(listContainers(s, ps).out == sleeper.id.substr(0, 12) + "\n");
    ps.all = true;
    CHECK(listContainers(s, ps).out == sleeper.id.substr(0, 12) + "\n" + failed.id.substr(0, 12) + "\n");
    ps.noTrunc = true;
    CHECK(listContainers(s, ps).out == sleeper.id + "\n" + failed.id + "\n");
    ps = PsOptions{};
    ps.last = 1;
    ps.format = "{{.Names}}";
    CHECK(listContainers(s, ps).out == "sleeper\n");
    ps.last = -1;
    ps.latest = true;
    CHECK(listContainers(s, ps).out == "sleeper\n");
    ps = PsOptions{};
    ps.format = "{{.Names}}";
    ps.filters = {"status=exited"};
    CHECK(listContainers(s, ps).out == "failed\n");
    ps.filters = {"exited=3"};
    CHECK(listContainers(s, ps).out == "failed\n");
    ps.filters = {"ancestor=busybox"};
    CHECK(listContainers(s, ps).out == "sleeper\n");
    ps.all = true;
    CHECK(listContainers(s, ps).out == "sleeper\nfailed\n");
    ps.filters = {"name=leep"};
    CHECK(listContainers(s, ps).out == "sleeper\n");
    ps.filters = {"status=sleeping"};
    CHECK(listContainers(s, ps).err == "Error response from daemon: invalid filter 'status=sleeping'\n");
    ps.filters = {"colour=red"};
    CHECK(listContainers(s, ps).err == "Error response from daemon: invalid filter 'colour'\n");
    ps.filters.clear();
    ps.format = "{{.Nmes}}";
    ContainerOutcome bad = listContainers(s, ps);
    CHECK(bad.err ==
          "template: :1:2: executing \"\" at <.Nmes>: can't evaluate field Nmes in type "
          "*formatter.ContainerContext\n");
    CHECK(bad.exitCode == 1);
    ps.format = "table {{.Names}}\\t{{.Status}}\\t{{.Command}}";
    CHECK(listContainers(s, ps).out ==
          "NAMES     STATUS                     COMMAND\n"
          "sleeper   Up 1 second                \"sleep infinity\"\n"
          "failed    Exited (3) 2 seconds ago   \"sh -c 'echo done; e…\"\n");
    ps.format = "{{.Size}}";
    ps.filters = {"name=sleeper"};
    const Image& img = s.images.at(sleeper.imageId);
    CHECK(listContainers(s, ps).out == "0B (virtual " + format::humanSize(imageSize(s, img)) + ")\n");
    LogsOptions lo;
    lo.container = "failed";
    CHECK(containerLogs(s, lo).out == "done\n");
}
