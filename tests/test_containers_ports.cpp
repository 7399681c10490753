// Containers: -p/-P parsing, host port allocation and conflicts, the PORTS
// column, and curl against published ports.
#include <doctest/doctest.h>

#include "containers_fixture.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/ports.hpp"

using namespace layerlab;
using namespace layerlab::engine;
using namespace layerlab::test;

TEST_CASE("containers ports: -p specs parse as go-connections/nat does (data)") {
    std::istringstream data(readData("publish_specs.txt"));
    std::string line;
    int cases = 0;
    while (std::getline(data, line)) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string spec = line.substr(0, tab), expected = line.substr(tab + 1);
        CAPTURE(spec);
        containers::PublishSpecs r = containers::parsePublishSpecs({spec});
        if (expected.rfind("error: ", 0) == 0) {
            CHECK(r.error == expected.substr(7));
        } else {
            CHECK(r.error.empty());
            std::string got;
            for (const PortBinding& b : r.bindings)
                got += (got.empty() ? "" : ";") + b.hostIp + "|" + std::to_string(b.hostPort) + "|" +
                       std::to_string(b.containerPort) + "|" + b.proto;
            CHECK(got == expected);
        }
        ++cases;
    }
    CHECK(cases >= 15);
}

TEST_CASE("containers ports: --expose specs") {
    std::vector<std::string> exposed = {"80/tcp"};
    CHECK(containers::parseExposeSpecs({"8000-8001", "53/udp", "80"}, exposed) == "");
    CHECK(exposed == std::vector<std::string>{"53/udp", "80/tcp", "8000/tcp", "8001/tcp"});
    CHECK(containers::parseExposeSpecs({"x"}, exposed) ==
          "invalid range format for --expose: x, error: invalid syntax");
}

TEST_CASE("containers ports: publish, conflict, EXPOSE alone, -P and curl") {
    State s;
    buildApp(s, kCourseServer);

    SUBCASE("EXPOSE alone publishes nothing; -p 3000:80 serves the app") {
        RunOptions o = runOpts("myapp");
        o.detach = true;
        o.name = "plain";
        CHECK(runContainer(s, o).exitCode == 0);
        tick(s);
        PsOptions ps;
        ps.format = "{{.Names}}\t{{.Ports}}";
        CHECK(listContainers(s, ps).out == "plain\t80/tcp\n");
        ContainerOutcome c = curlLocalhost(s, 3000, "/");
        CHECK(c.err == "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn't connect to server\n");
        CHECK(c.exitCode == 7);

        o.name = "web";
        o.publish = {"3000:80"};
        CHECK(runContainer(s, o).exitCode == 0);
        tick(s);
        CHECK(listContainers(s, ps).out == "web\t0.0.0.0:3000->80/tcp\nplain\t80/tcp\n");
        c = curlLocalhost(s, 3000, "/");
        CHECK(c.exitCode == 0);
        CHECK(c.out == "<h1>Hello from the container!</h1>");
        c = curlLocalhost(s, 3000, "/nope");
        CHECK(c.out ==
              "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
              "</head>\n<body>\n<pre>Cannot GET /nope</pre>\n</body>\n</html>\n");
    }

    SUBCASE("a second container on the same host port is created, fails to start, stays Created") {
        RunOptions o = runOpts("myapp");
        o.detach = true;
        o.name = "web";
        o.publish = {"3000:80"};
        REQUIRE(runContainer(s, o).exitCode == 0);
        tick(s);
        o.name = "web2";
        ContainerOutcome r = runContainer(s, o);
        REQUIRE(s.containers.size() == 2);
        const Container& c2 = s.containers[1];
        CHECK(r.out == c2.id + "\n");
        const std::string prefix =
            "docker: Error response from daemon: failed to set up container networking: driver "
            "failed programming external connectivity on endpoint web2 (";
        CHECK(r.err.rfind(prefix, 0) == 0);
        CHECK(r.err.substr(prefix.size() + 64) == "): Bind for 0.0.0.0:3000 failed: port is already allocated.\n");
        CHECK(r.exitCode == 125);
        CHECK(containers::statusText(c2, s.clock.nowMs) == "Created");
        CHECK(c2.activePorts.empty());
        // docker start again: same error, nothing changes.
        State before = s;
        StartOptions st;
        st.containers = {"web2"};
        ContainerOutcome again = startContainers(s, st);
        CHECK(again.exitCode == 1);
        CHECK(again.err.find("Bind for 0.0.0.0:3000 failed: port is already allocated\nError: failed to start "
                             "containers: web2\n") != std::string::npos);
        CHECK(s.containers[1].status == before.containers[1].status);
        // Free the port: now it starts.
        StopOptions stop;
        stop.containers = {"web"};
        stopContainers(s, stop);
        CHECK(startContainers(s, st).out == "web2\n");
        CHECK(curlLocalhost(s, 3000, "/").out == "<h1>Hello from the container!</h1>");
    }

    SUBCASE("-P publishes only exposed ports, to ephemeral host ports") {
        RunOptions o = runOpts("myapp");
        o.detach = true;
        o.publishAll = true;
        o.name = "first";
        runContainer(s, o);
        o.name = "second";
        runContainer(s, o);
        PsOptions ps;
        ps.format = "{{.Names}} {{.Ports}}";
        CHECK(listContainers(s, ps).out == "second 0.0.0.0:32769->80/tcp\nfirst 0.0.0.0:32768->80/tcp\n");
        CHECK(curlLocalhost(s, 32769, "/").out == "<h1>Hello from the container!</h1>");
        pull(s, "busybox");
        RunOptions bb = runOpts("busybox", {"sleep", "infinity"});
        bb.detach = true;
        bb.publishAll = true;
        bb.name = "noexpose";
        runContainer(s, bb);
        ps.filters = {"name=noexpose"};
        CHECK(listContainers(s, ps).out == "noexpose \n");
    }

    SUBCASE("published to the wrong container port: connection reset") {
        RunOptions o = runOpts("myapp");
        o.detach = true;
        o.publish = {"3000:3000"};
        runContainer(s, o);
        ContainerOutcome c = curlLocalhost(s, 3000, "/");
        CHECK(c.err == "curl: (56) Recv failure: Connection reset by peer\n");
        CHECK(c.exitCode == 56);
        REQUIRE(!c.hints.empty());
        CHECK(c.hints[0].en.find("listens on port 80") != std::string::npos);
    }

    SUBCASE("a paused container does not answer") {
        RunOptions o = runOpts("myapp");
        o.detach = true;
        o.name = "web";
        o.publish = {"3000:80"};
        runContainer(s, o);
        pauseContainers(s, {"web"});
        ContainerOutcome c = curlLocalhost(s, 3000, "/");
        CHECK(c.out.empty());
        CHECK(c.exitCode == 130);
        CHECK(!c.hints.empty());
    }
}

TEST_CASE("containers ports: the running container keeps serving what it loaded") {
    State s;
    buildApp(s, kCourseServer, "1");
    RunOptions o = runOpts("myapp:1");
    o.detach = true;
    o.name = "old";
    o.publish = {"3000:80"};
    REQUIRE(runContainer(s, o).exitCode == 0);
    // Edit server.js on the host: nothing in a container changes (images are read-only).
    s.host = s.host.withFile("server.js", "app.get('/', (req, res) => res.send('NEW'));\napp.listen(80);\n");
    CHECK(curlLocalhost(s, 3000, "/").out == "<h1>Hello from the container!</h1>");
    // Editing the file inside the running container does not reload node either.
    ExecOptions ex;
    ex.container = "old";
    ex.command = {"sh", "-c", "echo \"app.listen(80)\" > /app/server.js"};
    CHECK(execInContainer(s, ex).exitCode == 0);
    CHECK(curlLocalhost(s, 3000, "/").out == "<h1>Hello from the container!</h1>");
    // Rebuild and re-run: the new container serves the new text.
    std::string edited = kCourseServer;
    edited.replace(edited.find("Hello from the container!"), 25, "Edited and rebuilt");
    buildApp(s, edited, "2");
    o.image = "myapp:2";
    o.name = "new";
    o.publish = {"3001:80"};
    REQUIRE(runContainer(s, o).exitCode == 0);
    CHECK(curlLocalhost(s, 3001, "/").out == "<h1>Edited and rebuilt</h1>");
    CHECK(curlLocalhost(s, 3000, "/").out == "<h1>Hello from the container!</h1>");
}
