// The docker CLI's flag parser and help layout (sim/cli/flags, docker_commands).
// Help pages are checked against Docker CLI 28.2's own output, stored under
// tests/data/cli/docker28-help/ (captured from `docker CMD --help`).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "sim/cli/docker_commands.hpp"
#include "sim/cli/flags.hpp"

using namespace layerlab::cli;

namespace {
std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
CommandSpec allSupported(const char* path) {
    CommandSpec c = *findCommandSpec(path);
    for (auto& f : c.flags) f.supported = true;
    return c;
}
FlagParseResult parse(const char* cmd, std::vector<std::string> argv) {
    return parseFlags(*findCommandSpec(cmd), argv);
}
}   // namespace

TEST_CASE("cli flags: help layout is Docker 28's, byte for byte, when every flag is shown") {
    for (const char* name : {"ps",
                             "run",
                             "image inspect",
                             "history",
                             "logs",
                             "commit",
                             "export",
                             "import",
                             "rename",
                             "port",
                             "top",
                             "wait",
                             "diff",
                             "network connect",
                             "network create",
                             "network disconnect",
                             "network inspect",
                             "network ls",
                             "network prune",
                             "network rm"}) {
        CAPTURE(name);
        std::string file = name;
        for (char& ch : file)
            if (ch == ' ') ch = '_';   // "image inspect" -> image_inspect.txt
        std::string expected =
            readFile(std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/cli/docker28-help/" + file + ".txt");
        REQUIRE_FALSE(expected.empty());
        std::string got = renderUsage(allSupported(name));
        CHECK(got == expected);
        if (got != expected) std::ofstream("/tmp/layerlab-help-" + file + ".txt", std::ios::binary) << got;
    }
}

TEST_CASE("cli flags: pflag parsing") {
    SUBCASE("combined shorthands and a value") {
        auto r = parse("run", {"-dp", "3000:80", "--name=web", "myapp", "node", "-v"});
        REQUIRE(r.error.empty());
        CHECK(r.flags.flag("detach"));
        CHECK(r.flags.get("publish") == "3000:80");
        CHECK(r.flags.get("name") == "web");
        // run stops parsing flags at the image: the rest is the command
        CHECK(r.flags.args == std::vector<std::string>{"myapp", "node", "-v"});
    }
    SUBCASE("attached value and repeated flags") {
        auto r = parse("run", {"-p3000:80", "-p", "8080:8080", "-it", "node"});
        REQUIRE(r.error.empty());
        CHECK(r.flags.all("publish") == std::vector<std::string>{"3000:80", "8080:8080"});
        CHECK(r.flags.flag("interactive"));
        CHECK(r.flags.flag("tty"));
    }
    SUBCASE("interspersed commands take flags after arguments") {
        auto r = parse("rm", {"web", "-f", "--", "-odd"});
        REQUIRE(r.error.empty());
        CHECK(r.flags.flag("force"));
        CHECK(r.flags.args == std::vector<std::string>{"web", "-odd"});
    }
    SUBCASE("errors in pflag's words") {
        CHECK(parse("run", {"--foo", "x"}).error == "unknown flag: --foo");
        CHECK(parse("run", {"-itz", "x"}).error == "unknown shorthand flag: 'z' in -z");
        CHECK(parse("run", {"-p"}).error == "flag needs an argument: 'p' in -p");
        CHECK(parse("run", {"--name"}).error == "flag needs an argument: --name");
        CHECK(parse("run", {"-d=x", "x"}).error ==
              "invalid argument \"x\" for \"-d, --detach\" flag: strconv.ParseBool: parsing \"x\": invalid syntax");
        CHECK(parse("stop", {"-t", "abc", "x"}).error ==
              "invalid argument \"abc\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax");
    }
    SUBCASE("real Docker flags the simulator does not model are recognised, not unknown") {
        auto r = parse("run", {"--memory-swappiness", "10", "node"});
        REQUIRE(r.error.empty());
        CHECK(r.flags.unsupported == std::vector<std::string>{"--memory-swappiness"});
        CHECK(r.flags.args == std::vector<std::string>{"node"});
    }
    SUBCASE("--help") {
        CHECK(parse("ps", {"--help"}).flags.help);
        CHECK(parse("ps", {"-h"}).flags.help);
        CHECK_FALSE(parse("run", {"--help=false", "x"}).flags.help);
    }
}

TEST_CASE("cli flags: help of a command shows only the flags the simulator models") {
    std::string help = renderUsage(*findCommandSpec("run"), "Not modelled: --memory-swappiness ...");
    CHECK(help.find("  -p, --publish list") != std::string::npos);
    CHECK(help.find("--memory-swappiness") ==
          help.find("Not modelled: --memory-swappiness") + 14);   // only in the note
    CHECK(help.rfind("Not modelled: --memory-swappiness ...\n") ==
          help.size() - std::string("Not modelled: --memory-swappiness ...\n").size());
}
