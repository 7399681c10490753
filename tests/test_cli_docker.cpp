// The docker command line (sim/cli/docker_cli): Docker CLI 28.2's words and
// exit codes for the command tree, flags and arguments (checked against the
// real docker 28.2.2 client), and the "not modelled" answers.
#include <doctest/doctest.h>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/machine.hpp"

using namespace layerlab::cli;

namespace {
layerlab::engine::ContainerOutcome docker(std::vector<std::string> args) {
    layerlab::engine::State s = Machine::defaultState();
    return runDocker(s, args, {});
}
}   // namespace

TEST_CASE("cli docker: errors of the command tree, flags and arguments") {
    struct Case {
        std::vector<std::string> args;
        const char* err;
        int code;
    };
    const Case cases[] = {
        {{"foo"}, "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n", 1},
        {{"-p", "3000:80", "x"},
         "unknown shorthand flag: 'p' in -p\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n",
         125},
        {{"run"},
         "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
         "See 'docker run --help' for more information\n",
         1},
        {{"container", "run"},
         "docker: 'docker container run' requires at least 1 argument\n\nUsage:  docker container run [OPTIONS] IMAGE "
         "[COMMAND] [ARG...]\n\nSee 'docker container run --help' for more information\n",
         1},
        {{"run", "--foo", "x"},
         "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
         125},
        {{"images", "-z"},
         "unknown shorthand flag: 'z' in -z\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n",
         125},
        {{"tag", "a"},
         "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n",
         1},
        {{"container", "list", "x"},
         "docker: 'docker container ls' accepts no arguments\n\nUsage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help' for more information\n",
         1},
        {{"images", "a", "b"},
         "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\n"
         "SRun 'docker images --help' for more information\n",
         1},
        {{"container", "foo"},
         "docker: unknown command: docker container foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information\n",
         1},
        {{"stop", "-t", "abc", "x"},
         "invalid argument \"abc\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n\n"
         "Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nRun 'docker stop --help' for more information\n",
         125},
    };
    for (const auto& c : cases) {
        std::string joined;
        for (const auto& a : c.args) joined += a + " ";
        CAPTURE(joined);
        auto o = docker(c.args);
        CHECK(o.err == c.err);
        CHECK(o.out.empty());
        CHECK(o.exitCode == c.code);
    }
}

TEST_CASE("cli docker: the course notes' `docker -p 3000:80 dockerId` gets a hint that run is missing") {
    auto o = docker({"-p", "3000:80", "dockerId"});
    REQUIRE(o.hints.size() == 1);
    CHECK(o.hints[0].en.find("docker run -p 3000:80 dockerId") != std::string::npos);
    CHECK(o.hints[0].ko.find("docker run -p 3000:80 dockerId") != std::string::npos);
    CHECK(docker({"--foo"}).hints.empty());
}

TEST_CASE("cli docker: what the simulator does not model is said plainly") {
    auto plugin = docker({"plugin", "ls"});
    CHECK(plugin.exitCode == 1);
    CHECK(plugin.err ==
          "layerlab: docker plugin: a real Docker command; engine plugins extend a real daemon's drivers; the "
          "simulated engine has none to install.\n");
    // what stays out says why
    CHECK(docker({"swarm", "init"}).err ==
          "layerlab: docker swarm: a real Docker command; swarm mode joins several "
          "engines into a cluster; LayerLab simulates one engine.\n");
    CHECK(docker({"context", "ls"}).err.find("one local simulated engine") != std::string::npos);
    auto mem = docker({"run", "--memory-swappiness", "10", "node"});
    CHECK(mem.exitCode == 1);
    CHECK(mem.err.find("--memory-swappiness: this Docker option is real, but LayerLab does not model it") !=
          std::string::npos);
    auto host = docker({"-H", "tcp://x", "ps"});
    CHECK(host.err.find("LayerLab simulates one local engine") != std::string::npos);
}

TEST_CASE("cli docker: no everyday command answers \"not modelled\" (issue 14)") {
    for (const char* cmd : {"diff",
                            "commit",
                            "cp",
                            "export",
                            "import",
                            "save",
                            "load",
                            "rename",
                            "port",
                            "top",
                            "wait",
                            "stats",
                            "container diff",
                            "container cp",
                            "image save",
                            "image load",
                            "volume create",
                            "volume ls",
                            "volume inspect",
                            "volume rm",
                            "volume prune",
                            "network ls",
                            "network create",
                            "network rm",
                            "network inspect",
                            "network connect",
                            "network disconnect",
                            "network prune"}) {
        CAPTURE(cmd);
        std::vector<std::string> args;
        std::string c = cmd;
        for (size_t at = 0; at != std::string::npos;) {
            size_t sp = c.find(' ', at);
            args.push_back(c.substr(at, sp == std::string::npos ? sp : sp - at));
            at = sp == std::string::npos ? sp : sp + 1;
        }
        args.push_back("--help");
        auto h = docker(args);
        CHECK(h.exitCode == 0);
        CHECK(h.out.rfind("Usage:  docker " + c, 0) == 0);
    }
    CHECK(docker({"--help"}).out.find("  diff        Inspect changes to files or directories") != std::string::npos);
}

TEST_CASE("cli docker: help pages and version") {
    auto help = docker({"--help"});
    CHECK(help.out.rfind("Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n", 0) == 0);
    CHECK(docker({}).err == help.out);   // bare `docker`: the same text on stderr, exit 0
    auto run = docker({"container", "run", "--help"});
    CHECK(run.out.rfind("Usage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new "
                        "container from an image\n\nAliases:\n  docker container run, docker run\n\nOptions:\n",
                        0) == 0);
    CHECK(run.out.find("  -p, --publish list") != std::string::npos);
    CHECK(run.out.find("--memory-swappiness") == std::string::npos);
    CHECK(run.out.find("      --restart string") != std::string::npos);
    CHECK(run.out.find("are not modelled") != std::string::npos);
    CHECK(docker({"-v"}).out == "Docker version 28.2.2, build e6534b4\n");
    CHECK(docker({"version"}).out.find("simulated") != std::string::npos);
}

TEST_CASE("cli docker: stderr-first commands") {
    CHECK(dockerErrFirst({"run", "node"}));
    CHECK(dockerErrFirst({"container", "create", "node"}));
    CHECK_FALSE(dockerErrFirst({"rm", "a", "b"}));
    CHECK_FALSE(dockerErrFirst({"images"}));
}
