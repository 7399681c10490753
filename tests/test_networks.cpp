// Docker networks (issue 14): the predefined bridge/host/none, user-defined
// networks, name resolution between containers (only on user-defined
// networks, as Docker's embedded DNS), endpoints that come and go with the
// containers, and the State export carrying networks. Texts are moby's and
// docker/cli 28's (sim/engine/networks/networks.cpp names each).
#include <doctest/doctest.h>

#include "sim/cli/machine.hpp"
#include "sim/scenario/state_json.hpp"

using namespace layerlab;
using layerlab::cli::Machine;

namespace {

// The course's app (express on port 80) built as "app".
Machine withApp() {
    Machine m;
    REQUIRE(m.execute("docker build -q -t app .").exitCode == 0);
    return m;
}

std::string run(Machine& m, const std::string& line) {
    Outcome o = m.execute(line);
    INFO(line);
    INFO(o.err);
    REQUIRE(o.exitCode == 0);
    return o.out;
}

}   // namespace

TEST_CASE("networks: on a user-defined network containers reach each other by name; on the default bridge not") {
    Machine m = withApp();
    run(m, "docker network create mynet");
    run(m, "docker run -d --name web --network mynet app");
    run(m, "docker run -d --name client --network mynet app");
    Outcome ok = m.execute("docker exec client curl -s http://web");
    CHECK(ok.exitCode == 0);
    CHECK(ok.out == "<h1>Hello from LayerLab!</h1>");
    // the short ID and a --network-alias resolve too
    run(m, "docker run -d --name api --network mynet --network-alias backend app");
    CHECK(m.execute("docker exec client curl http://backend:80/").out == "<h1>Hello from LayerLab!</h1>");
    // a port the program does not listen on: curl's (7)
    Outcome closed = m.execute("docker exec client curl http://web:3000");
    CHECK(closed.exitCode == 7);
    CHECK(closed.err == "curl: (7) Failed to connect to web port 3000 after 0 ms: Couldn't connect to server\n");

    // The default bridge has no DNS for names: curl's (6), with a hint why.
    run(m, "docker run -d --name web2 app");
    run(m, "docker run -d --name client2 app");
    Outcome noDns = m.execute("docker exec client2 curl -s http://web2");
    CHECK(noDns.exitCode == 6);
    CHECK(noDns.err == "curl: (6) Could not resolve host: web2\n");
    REQUIRE_FALSE(m.hints().empty());
    CHECK(m.hints().back().en.find("default bridge network") != std::string::npos);
    // ... but addresses work there: web2 started first, so it has 172.17.0.2
    CHECK(run(m, "docker inspect -f '{{.NetworkSettings.IPAddress}}' web2") == "172.17.0.2\n");
    CHECK(m.execute("docker exec client2 curl -s http://172.17.0.2").out == "<h1>Hello from LayerLab!</h1>");
    // and a container on another network is not reachable by name
    CHECK(m.execute("docker exec client2 curl -s http://web").exitCode == 6);

    // connect puts client2 on mynet: now web resolves from it
    run(m, "docker network connect mynet client2");
    CHECK(m.execute("docker exec client2 curl -s http://web").out == "<h1>Hello from LayerLab!</h1>");
    run(m, "docker network disconnect mynet client2");
    CHECK(m.execute("docker exec client2 curl -s http://web").exitCode == 6);

    // a stopped container does not answer: Docker's DNS knows running ones only
    run(m, "docker stop web");
    CHECK(m.execute("docker exec client curl -s http://web").exitCode == 6);
}

TEST_CASE("networks: ls shows the predefined three with stable IDs; create, inspect, rm") {
    Machine a, b;
    const std::string ls = run(a, "docker network ls");
    CHECK(ls == run(b, "docker network ls"));   // same seed, same IDs
    CHECK(ls.rfind("NETWORK ID     NAME      DRIVER    SCOPE\n", 0) == 0);
    CHECK(ls.find("   bridge    bridge    local\n") != std::string::npos);
    CHECK(ls.find("   host      host      local\n") != std::string::npos);
    CHECK(ls.find("   none      null      local\n") != std::string::npos);

    const std::string id = run(a, "docker network create mynet");
    CHECK(id.size() == 65);
    CHECK(run(a, "docker network ls -q").find(id.substr(0, 12)) != std::string::npos);
    const std::string doc = run(a, "docker network inspect mynet");
    CHECK(doc.find("\"Subnet\": \"172.18.0.0/16\"") != std::string::npos);
    CHECK(doc.find("\"Gateway\": \"172.18.0.1\"") != std::string::npos);
    // the next network takes the next pool
    run(a, "docker network create other");
    CHECK(run(a, "docker network inspect other").find("172.19.0.0/16") != std::string::npos);

    Outcome again = a.execute("docker network create mynet");
    CHECK(again.exitCode == 1);
    CHECK(again.err == "Error response from daemon: network with name mynet already exists\n");
    Outcome predefined = a.execute("docker network create bridge");
    CHECK(predefined.err == "Error response from daemon: operation is not permitted on predefined bridge network\n");
    Outcome rmBridge = a.execute("docker network rm bridge");
    CHECK(rmBridge.exitCode == 1);
    CHECK(rmBridge.err ==
          "Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n");
    Outcome missing = a.execute("docker network rm nope");
    CHECK(missing.err == "Error response from daemon: network nope not found\nexit status 1\n");
    CHECK(a.execute("docker network rm -f nope").exitCode == 0);
    Outcome inspectMissing = a.execute("docker network inspect nope");
    CHECK(inspectMissing.out == "[]\n");
    CHECK(inspectMissing.err == "Error response from daemon: network nope not found\n");
    CHECK(run(a, "docker network rm mynet other") == "mynet\nother\n");
    CHECK(a.state().networks.empty());
}

TEST_CASE("networks: a running container holds its network; removing the container removes its endpoint") {
    Machine m = withApp();
    const std::string id = run(m, "docker network create mynet");
    run(m, "docker run -d --name web --network mynet app");
    Outcome busy = m.execute("docker network rm mynet");
    CHECK(busy.exitCode == 1);
    CHECK(busy.err == "Error response from daemon: error while removing network: network mynet id " + id.substr(0, 64) +
                          " has active endpoints\nexit status 1\n");
    CHECK(run(m, "docker network prune -f").empty());   // in use: kept
    CHECK(m.state().networks.count("mynet") == 1);
    // inspect lists the container under Containers, with its address
    const std::string doc = run(m, "docker network inspect mynet");
    CHECK(doc.find("\"Name\": \"web\"") != std::string::npos);
    CHECK(doc.find("\"IPv4Address\": \"172.18.0.2/16\"") != std::string::npos);
    // docker inspect shows the container's networks
    const std::string c = run(m, "docker inspect web");
    CHECK(c.find("\"NetworkMode\": \"mynet\"") != std::string::npos);
    CHECK(c.find("\"mynet\": {") != std::string::npos);
    CHECK(c.find("\"IPAddress\": \"172.18.0.2\"") != std::string::npos);
    run(m, "docker rm -f web");
    CHECK(run(m, "docker network rm mynet") == "mynet\n");
    run(m, "docker network create a");
    run(m, "docker network create b");
    CHECK(run(m, "docker network prune -f") == "Deleted Networks:\na\nb\n\n");
}

TEST_CASE("networks: run --network errors, host and none") {
    Machine m = withApp();
    // The daemon creates the container and refuses to start it (Engine 20.10, client 28.2.2).
    Outcome missing = m.execute("docker run -d --name lost --network nope app");
    CHECK(missing.exitCode == 125);
    REQUIRE(m.state().containers.size() == 1);
    CHECK(missing.out == m.state().containers.front().id + "\n");
    CHECK(missing.err ==
          "docker: Error response from daemon: network nope not found\n\nRun 'docker run --help' for "
          "more information\n");
    CHECK(run(m, "docker ps -a --format '{{.Names}} {{.Status}}'") == "lost Created\n");
    run(m, "docker rm lost");
    Outcome alias = m.execute("docker run -d --network-alias x app");
    CHECK(alias.exitCode == 125);
    CHECK(alias.err ==
          "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker run "
          "--help' for more information\n");
    CHECK(m.state().containers.empty());

    // --network host: -p is dropped with Docker's warning; the program listens on the host itself
    Outcome host = m.execute("docker run -d --name onhost --network host -p 8080:80 app");
    CHECK(host.exitCode == 0);
    CHECK(host.err == "WARNING: Published ports are discarded when using host network mode\n");
    CHECK(m.execute("curl -s http://localhost:80").out == "<h1>Hello from LayerLab!</h1>");
    CHECK(m.execute("curl -s http://localhost:8080").exitCode == 7);
    Outcome connectHost = m.execute("docker network connect bridge onhost");
    CHECK(connectHost.err ==
          "Error response from daemon: container sharing network namespace with another container or host cannot be "
          "connected to any other network\n");

    // --network none: nothing resolves, not even other containers' names
    run(m, "docker network create mynet");
    run(m, "docker run -d --name web --network mynet app");
    run(m, "docker run -d --name lonely --network none app");
    CHECK(m.execute("docker exec lonely curl -s http://web").exitCode == 6);
    CHECK(run(m, "docker inspect -f '{{.HostConfig.NetworkMode}}' lonely") == "none\n");
    Outcome noneConnect = m.execute("docker network connect mynet lonely");
    CHECK(noneConnect.err ==
          "Error response from daemon: container cannot be connected to multiple networks with one "
          "of the networks in private (none) mode\n");
}

TEST_CASE("networks: connect and disconnect errors in Docker's words") {
    Machine m = withApp();
    run(m, "docker network create mynet");
    run(m, "docker run -d --name web --network mynet app");
    Outcome twice = m.execute("docker network connect mynet web");
    CHECK(twice.err == "Error response from daemon: endpoint with name web already exists in network mynet\n");
    Outcome noNet = m.execute("docker network connect nope web");
    CHECK(noNet.err == "Error response from daemon: network nope not found\n");
    // the container is looked up first
    Outcome noContainer = m.execute("docker network connect nope ghost");
    CHECK(noContainer.err == "Error response from daemon: No such container: ghost\n");
    const std::string id = m.state().containers.front().id;
    Outcome notOn = m.execute("docker network disconnect bridge web");
    CHECK(notOn.err == "Error response from daemon: container " + id + " is not connected to network bridge\n");
    run(m, "docker stop web");
    Outcome notOnStopped = m.execute("docker network disconnect bridge web");
    CHECK(notOnStopped.err ==
          "Error response from daemon: container " + id + " is not connected to the network bridge\n");
    run(m, "docker network connect bridge web");
    run(m, "docker network disconnect mynet web");
    CHECK(run(m, "docker inspect -f '{{.HostConfig.NetworkMode}}' web") == "mynet\n");
    CHECK(m.state().containers.front().networks.size() == 1);
    CHECK(m.state().containers.front().networks.front().network == "bridge");

    // --net is Docker's older, hidden spelling of --network
    run(m, "docker run -d --name old --net mynet app");
    CHECK(run(m, "docker inspect -f '{{.HostConfig.NetworkMode}}' old") == "mynet\n");
    CHECK(m.execute("docker run -d --network mynet --network bridge app")
              .err.rfind("layerlab: docker run with several --network flags is not modelled", 0) == 0);
    // an empty network name is refused by the client, before any daemon
    CHECK(m.execute("docker network connect '' ghost").err == "invalid network name or ID: value is empty\n");
    Outcome emptyRun = m.execute("docker run --network '' app");
    CHECK(emptyRun.exitCode == 125);
    CHECK(emptyRun.err == "docker: no name set for network\n\nRun 'docker run --help' for more information\n");
}

TEST_CASE("networks: the state export carries user networks and each container's endpoints") {
    Machine m = withApp();
    run(m, "docker network create --label team=web mynet");
    run(m, "docker run -d --name web --network mynet --network-alias api app");
    run(m, "docker run -d --name db app");
    const std::string text = scenario::stateToText(m.state());
    scenario::StateImport back = scenario::stateFromJson(nlohmann::json::parse(text));
    REQUIRE(back.errors.empty());
    REQUIRE(back.state.has_value());
    CHECK(scenario::stateToText(*back.state) == text);
    REQUIRE(back.state->networks.count("mynet") == 1);
    CHECK(back.state->networks.at("mynet").subnet == "172.18.0.0/16");
    CHECK(back.state->networks.at("mynet").labels.at("team") == "web");
    const engine::Container& web = back.state->containers.front();
    CHECK(web.networkMode == "mynet");
    REQUIRE(web.networks.size() == 1);
    CHECK(web.networks.front().aliases == std::vector<std::string>{"api"});
    CHECK(web.networks.front().ipAddress == "172.18.0.2");

    // the imported machine behaves the same: names still resolve
    Machine again(*back.state);
    again.execute("docker network connect mynet db");
    CHECK(again.execute("docker exec db curl -s http://api").out == "<h1>Hello from LayerLab!</h1>");

    // a session saved before networks existed: containers are on the default bridge
    nlohmann::json old = nlohmann::json::parse(text);
    old.erase("networks");
    for (auto& c : old["containers"]) {
        c.erase("networks");
        c.erase("networkMode");
    }
    scenario::StateImport legacy = scenario::stateFromJson(old);
    REQUIRE(legacy.errors.empty());
    CHECK(legacy.state->containers.front().networkMode == "bridge");
    CHECK(legacy.state->containers.front().networks.front().network == "bridge");

    // bad input is refused with a pointer, never a crash
    nlohmann::json bad = nlohmann::json::parse(text);
    bad["networks"]["mynet"]["subnet"] = "999.1.1.1/99";
    bad["containers"][0]["networks"][0]["ipAddress"] = "not-an-ip";
    scenario::StateImport refused = scenario::stateFromJson(bad);
    CHECK_FALSE(refused.state.has_value());
    REQUIRE(refused.errors.size() == 2);
}
