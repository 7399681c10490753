// Containers: attached vs detached, Ctrl-C, Ctrl-P Ctrl-Q, docker attach,
// docker logs, and inspect.
#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "containers_fixture.hpp"
#include "sim/engine/containers/container_core.hpp"

using namespace layerlab;
using namespace layerlab::engine;
using namespace layerlab::test;

namespace {
const char* kLoggingServer = R"JS(const express = require('express');
const app = express();
const port = process.env.PORT || 80;
console.log('Starting up');
app.get('/', (req, res) => {
  console.log('request!');   // logged per request, not at start
  res.send(`Hello on ${port}`);
});
app.listen(port, () => {
  console.log(`Listening on port ${port}`);
});
)JS";
}   // namespace

TEST_CASE("containers attach: docker run attaches, -d prints the ID") {
    State s;
    buildApp(s, kLoggingServer);
    RunOptions o = runOpts("myapp");
    o.name = "web";
    o.publish = {"3000:80"};
    ContainerOutcome r = runContainer(s, o);
    CHECK(r.out == "Starting up\nListening on port 80\n");
    REQUIRE(r.attached.has_value());
    CHECK(r.attached->kind == Attachment::Kind::Run);
    CHECK_FALSE(r.attached->stdinAttached);
    CHECK(curlLocalhost(s, 3000, "/").out == "Hello on 80");

    SUBCASE("Ctrl-C: node as PID 1 ignores SIGINT, the terminal stays attached") {
        ContainerOutcome c = attachedInterrupt(s, *r.attached);
        CHECK(c.attached.has_value());
        CHECK(s.containers[0].status == Container::Status::Running);
        REQUIRE(!c.hints.empty());
        CHECK(c.hints[0].en.find("ignored") != std::string::npos);
        // Ctrl-P Ctrl-Q does nothing without -it.
        ContainerOutcome d = attachedDetachKeys(s, *c.attached);
        CHECK(d.attached.has_value());
        CHECK(d.out.empty());
        // Closing the terminal leaves the container running.
        ContainerOutcome closed = attachedCloseTerminal(s, *d.attached);
        CHECK_FALSE(closed.attached.has_value());
        CHECK(s.containers[0].status == Container::Status::Running);
    }
    SUBCASE("-d prints the full ID and returns") {
        RunOptions d = o;
        d.name = "bg";
        d.publish = {"3001:80"};
        d.detach = true;
        ContainerOutcome bg = runContainer(s, d);
        CHECK(bg.out == s.containers[1].id + "\n");
        CHECK_FALSE(bg.attached.has_value());
        LogsOptions lo;
        lo.container = "bg";
        CHECK(containerLogs(s, lo).out == "Starting up\nListening on port 80\n");
        lo.tail = "1";
        CHECK(containerLogs(s, lo).out == "Listening on port 80\n");
        lo.timestamps = true;
        const int64_t at = s.containers[1].startedMs;
        char frac[16];
        std::snprintf(frac, sizeof frac, ".%03d000000Z", static_cast<int>(at % 1000));
        CHECK(containerLogs(s, lo).out == format::rfc3339(at).substr(0, 19) + frac + " Listening on port 80\n");
        lo.follow = true;
        ContainerOutcome f = containerLogs(s, lo);
        REQUIRE(f.attached.has_value());
        CHECK(f.attached->kind == Attachment::Kind::LogsFollow);
        ContainerOutcome stopFollow = attachedInterrupt(s, *f.attached);
        CHECK_FALSE(stopFollow.attached.has_value());
        CHECK(s.containers[1].status == Container::Status::Running);
    }
}

TEST_CASE("containers attach: a program that handles SIGINT stops on Ctrl-C") {
    State s;
    pull(s, "nginx");
    RunOptions o = runOpts("nginx");
    o.name = "ng";
    o.publish = {"8080:80"};
    ContainerOutcome r = runContainer(s, o);
    CHECK(r.out.find("/docker-entrypoint.sh: Configuration complete; ready for start up\n") != std::string::npos);
    CHECK(r.err.find("[notice] 1#1: start worker processes\n") != std::string::npos);
    REQUIRE(r.attached.has_value());
    CHECK(curlLocalhost(s, 8080, "/").out.find("Welcome to nginx!") != std::string::npos);
    ContainerOutcome c = attachedInterrupt(s, *r.attached);
    CHECK_FALSE(c.attached.has_value());
    CHECK(c.exitCode == 0);
    CHECK(s.containers[0].status == Container::Status::Exited);
    // nginx's STOPSIGNAL is SIGQUIT, which it handles: docker stop does not wait.
    StartOptions st;
    st.containers = {"ng"};
    startContainers(s, st);
    const int64_t t0 = s.clock.nowMs;
    stopContainers(s, StopOptions{{"ng"}, std::nullopt, ""});
    CHECK(s.clock.nowMs == t0);
    CHECK(s.containers[0].exitCode == 0);
}

TEST_CASE("containers attach: -it, the REPL, detach keys, docker attach") {
    State s;
    pull(s, "node");
    pull(s, "busybox");
    SUBCASE("docker run -it node: REPL waits; Ctrl-C twice exits") {
        RunOptions o = runOpts("node");
        o.interactive = o.tty = true;
        ContainerOutcome r = runContainer(s, o);
        CHECK(r.out.rfind("Welcome to Node.js v", 0) == 0);
        REQUIRE(r.attached.has_value());
        CHECK(r.attached->prompt == "> ");
        ContainerOutcome in = attachedInput(s, *r.attached, "console.log('hi')");
        CHECK(in.out == "hi\nundefined\n");
        ContainerOutcome c1 = attachedInterrupt(s, *in.attached);
        CHECK(c1.out == "(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n");
        REQUIRE(c1.attached.has_value());
        ContainerOutcome c2 = attachedInterrupt(s, *c1.attached);
        CHECK_FALSE(c2.attached.has_value());
        CHECK(c2.exitCode == 0);
        CHECK(containers::statusText(s.containers[0], s.clock.nowMs) == "Exited (0) Less than a second ago");
    }
    SUBCASE("docker run -it busybox sh: Ctrl-P Ctrl-Q detaches, docker attach returns, exit ends it") {
        RunOptions o = runOpts("busybox", {"sh"});
        o.interactive = o.tty = true;
        o.name = "box";
        ContainerOutcome r = runContainer(s, o);
        REQUIRE(r.attached.has_value());
        CHECK(r.attached->prompt == "/ # ");
        ContainerOutcome line = attachedInput(s, *r.attached, "echo hello > /greeting");
        CHECK(line.out.empty());
        line = attachedInput(s, *line.attached, "cat /greeting");
        CHECK(line.out == "hello\n");
        ContainerOutcome d = attachedDetachKeys(s, *line.attached);
        CHECK(d.out == "read escape sequence\n");
        CHECK_FALSE(d.attached.has_value());
        CHECK(s.containers[0].status == Container::Status::Running);
        ContainerOutcome a = attachContainer(s, AttachOptions{"box", false, true, ""});
        REQUIRE(a.attached.has_value());
        ContainerOutcome bye = attachedInput(s, *a.attached, "exit 3");
        CHECK_FALSE(bye.attached.has_value());
        CHECK(bye.exitCode == 3);
        CHECK(s.containers[0].exitCode == 3);
        ContainerOutcome again = attachContainer(s, AttachOptions{"box", false, true, ""});
        CHECK(again.err == "You cannot attach to a stopped container, start it first\n");
        CHECK(again.exitCode == 1);
    }
    SUBCASE("docker start is detached unless -a") {
        RunOptions o = runOpts("busybox", {"echo", "hi"});
        o.name = "once";
        runContainer(s, o);
        StartOptions st;
        st.containers = {"once"};
        ContainerOutcome r = startContainers(s, st);
        CHECK(r.out == "once\n");
        st.attach = true;
        r = startContainers(s, st);
        CHECK(r.out == "hi\n");
        LogsOptions lo;
        lo.container = "once";
        CHECK(containerLogs(s, lo).out == "hi\nhi\nhi\n");
    }
}

TEST_CASE("containers inspect: Docker's JSON layout") {
    State s;
    buildApp(s, kCourseServer);
    RunOptions o = runOpts("myapp");
    o.name = "web";
    o.detach = true;
    o.publish = {"3000:80"};
    runContainer(s, o);
    const Container& c = s.containers[0];
    InspectOptions io;
    io.containers = {"web"};
    ContainerOutcome r = inspectContainers(s, io);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("[\n    {\n        \"Id\": \"" + c.id + "\",\n        \"Created\": \"", 0) == 0);
    auto doc = nlohmann::json::parse(r.out);
    CHECK(doc[0]["Name"] == "/web");
    CHECK(doc[0]["Path"] == "docker-entrypoint.sh");
    CHECK(doc[0]["Args"] == nlohmann::json::array({"node", "server.js"}));
    CHECK(doc[0]["State"]["Status"] == "running");
    CHECK(doc[0]["HostConfig"]["PortBindings"]["80/tcp"][0]["HostPort"] == "3000");
    CHECK(doc[0]["NetworkSettings"]["Ports"]["80/tcp"][0]["HostIp"] == "0.0.0.0");
    CHECK(doc[0]["Config"]["Entrypoint"] == nlohmann::json::array({"docker-entrypoint.sh"}));
    CHECK(doc[0]["Config"]["WorkingDir"] == "/app");
    io.format = "{{.State.Status}} {{.Config.Cmd}} {{json .Config.ExposedPorts}}";
    CHECK(inspectContainers(s, io).out == "running [node server.js] {\"80/tcp\":{}}\n");
    io.containers = {"nope"};
    io.format.clear();
    r = inspectContainers(s, io);
    CHECK(r.out == "[]\n");
    CHECK(r.err == "Error: No such container: nope\n");
}
