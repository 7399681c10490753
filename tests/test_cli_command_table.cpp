// The docker command table built once: run/create share their flags, the
// group paths ("container ls") copy their top-level command, and every alias
// Docker accepts reaches the right command under cobra's name for it.
#include <doctest/doctest.h>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_commands.hpp"
#include "sim/cli/machine.hpp"

using namespace layerlab::cli;

TEST_CASE("cli command table: run and create from one flag list") {
    const CommandSpec* run = findCommandSpec("run");
    const CommandSpec* create = findCommandSpec("create");
    REQUIRE(run);
    REQUIRE(create);
    CHECK(run->flags.size() == create->flags.size() + 3);
    for (const char* onlyRun : {"detach", "detach-keys", "sig-proxy"}) {
        CHECK(run->findLong(onlyRun));
        CHECK(!create->findLong(onlyRun));
    }
    CHECK(run->findLong("pull")->usage ==
          "Pull image before running (\"always\", \"missing\", \"never\") (default \"missing\")");
    CHECK(create->findLong("pull")->usage ==
          "Pull image before creating (\"always\", \"|missing\", \"never\") (default \"missing\")");
    CHECK(create->findLong("publish")->shorthand == 'p');
}

TEST_CASE("cli command table: group paths copy their command") {
    for (auto pair : {std::pair{"ps", "container ls"}, {"images", "image ls"}, {"rmi", "image rm"}}) {
        const char* top = pair.first;
        const char* group = pair.second;   // named: clang 14 cannot capture a structured binding in CAPTURE
        CAPTURE(group);
        const CommandSpec* a = findCommandSpec(top);
        const CommandSpec* b = findCommandSpec(group);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(b->use == std::string(group) + a->use.substr(std::string(top).size()));
        CHECK(b->flags.size() == a->flags.size());
        CHECK(b->aliases == a->aliases);
    }
    CHECK(findCommandSpec("container ls")->use == "container ls [OPTIONS]");
}

TEST_CASE("cli command table: every alias reaches its command, named as cobra names it") {
    // A bad flag makes each command print its Usage line and help path.
    const std::pair<std::vector<std::string>, std::string> cases[] = {
        {{"container", "list"}, "Usage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help'"},
        {{"container", "ps"}, "Usage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help'"},
        {{"ps"}, "Usage:  docker ps [OPTIONS]\n\nRun 'docker ps --help'"},
        {{"container", "remove"}, "Run 'docker container rm --help'"},
        {{"image", "list"}, "Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker image ls --help'"},
        {{"image", "remove"}, "Run 'docker image rm --help'"},
        {{"system", "info"}, "Run 'docker system info --help'"},
        {{"image", "history"}, "Run 'docker image history --help'"},
        {{"buildx", "b"}, "Run 'docker buildx build --help'"},
        {{"builder", "build"}, "Run 'docker builder build --help'"},
        {{"image", "build"}, "Run 'docker image build --help'"},
        {{"container", "inspect"}, "Run 'docker container inspect --help'"},
    };
    for (const auto& [words, want] : cases) {
        std::vector<std::string> args = words;
        args.push_back("--no-such-flag");
        CAPTURE(args[0] + " " + (args.size() > 2 ? args[1] : ""));
        layerlab::engine::State s = Machine::defaultState();
        auto o = runDocker(s, args, {});
        CHECK(o.exitCode == 125);
        CHECK(o.err.find(want) != std::string::npos);
    }
}
