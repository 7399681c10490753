// The simulator's limits (sim/limits.hpp): each is reached here and must say
// so in words, leave the State as it was, and never take long. Also the
// checked number parsing every learner-typed number goes through.
#include <doctest/doctest.h>

#include <string>

#include "sim/cli/machine.hpp"
#include "sim/dockerfile/dockerfile.hpp"
#include "sim/limits.hpp"
#include "sim/numbers.hpp"
#include "sim/scenario/state_json.hpp"
#include "sim/shell/shell.hpp"

using namespace layerlab;

namespace {

cli::Machine quietMachine() {
    cli::MachineOptions o;
    o.thinkTimeMs = 0;
    return cli::Machine(cli::Machine::defaultState(1, "en"), o);
}

}   // namespace

TEST_CASE("parseInteger: digits with an optional sign, in range, nothing else") {
    CHECK(parseInteger("42") == std::optional<int64_t>(42));
    CHECK(parseInteger("+7") == std::optional<int64_t>(7));
    CHECK(parseInteger("-3") == std::optional<int64_t>(-3));
    CHECK(parseInteger("9223372036854775807") == std::optional<int64_t>(9223372036854775807LL));
    for (const char* bad : {"", "+", "-", "++1", "1.5", "1e3", " 1", "1 ", "abc", "0x10", "9223372036854775808",
                            "99999999999999999999999"}) {
        CAPTURE(bad);
        CHECK(!parseInteger(bad));
    }
    CHECK(!parseInteger("70000", 0, 65535));
    CHECK(parseInteger("65535", 0, 65535) == std::optional<int64_t>(65535));
}

TEST_CASE("limits: a Dockerfile over the size, instruction and stage limits is refused in words") {
    const auto big = dockerfile::parseDockerfile(std::string(limits::kDockerfileBytes + 1, '\n'));
    REQUIRE(big.error);
    CHECK(big.error->formatted() ==
          "Dockerfile of 4194305 bytes: over LayerLab's limit of 4 MB (a limit of the simulator, not of Docker)");
    CHECK(
        big.error->explainKo ==
        "Dockerfile 4194305바이트: LayerLab의 한도(4 MB)를 넘었습니다. 실제 Docker의 한도가 아니라 시뮬레이터의 한도입니다.");

    std::string many = "FROM alpine\n";
    for (size_t i = 0; i < limits::kDockerfileInstructions; ++i) many += "RUN true\n";
    const auto instructions = dockerfile::parseDockerfile(many);
    REQUIRE(instructions.error);
    CHECK(instructions.error->formatted() ==
          "10001 instructions: over LayerLab's limit of 10000 instructions (a limit of the simulator, not of Docker)");

    std::string stages;
    for (size_t i = 0; i <= limits::kDockerfileStages; ++i) stages += "FROM alpine\n";
    const auto tooManyStages = dockerfile::parseDockerfile(stages);
    REQUIRE(tooManyStages.error);
    CHECK(tooManyStages.error->formatted() ==
          "more than 200 stages: over LayerLab's limit of 200 stages (a limit of the simulator, not of Docker)");
    std::string justEnough;
    for (size_t i = 0; i < limits::kDockerfileStages; ++i) justEnough += "FROM alpine\n";
    CHECK(dockerfile::parseDockerfile(justEnough).ok());
}

TEST_CASE("limits: a command typed over too many lines is dropped, the State unchanged") {
    cli::Machine m = quietMachine();
    const std::string before = scenario::stateToText(m.state());
    m.execute("cat > notes.txt <<'EOF'");
    Outcome last;
    for (size_t i = 1; i <= limits::kPendingInputLines && m.needsMoreInput(); ++i) last = m.execute("a line");
    CHECK(!m.needsMoreInput());
    CHECK(last.exitCode == 1);
    CHECK(m.lastTerminalText() ==
          "bash: a command of several lines: over LayerLab's limit of 1000 lines and 64 KB (a "
          "limit of the simulator, not of Docker)\n");
    CHECK(scenario::stateToText(m.state()) == before);
    // The shell works on as before.
    CHECK(m.execute("echo ok").out == "ok\n");
}

TEST_CASE("limits: the output of one command is cut at 1 MB with a note") {
    cli::Machine m = quietMachine();
    engine::State s = m.state();
    s.host = s.host.withFile("big.txt", std::string(3u << 20, 'x'));
    m.setState(s);
    const Outcome o = m.execute("cat big.txt");
    CHECK(o.exitCode == 0);
    const std::string note =
        "\n[LayerLab] output cut: over LayerLab's limit of 1 MB per command (a limit of the simulator, not of Docker)\n";
    CHECK(o.out.size() == limits::kOutputBytesPerCommand + note.size());
    CHECK(o.out.substr(limits::kOutputBytesPerCommand) == note);
    CHECK(m.lastTerminalText().size() == o.out.size());
}

TEST_CASE("limits: containers and images in the simulated daemon") {
    cli::Machine m = quietMachine();
    REQUIRE(m.execute("docker run -d --name first nginx").exitCode == 0);
    engine::State s = m.state();
    const engine::Container one = s.containers.front();
    while (s.containers.size() < limits::kContainers) s.containers.push_back(one);
    m.setState(s);
    const std::string before = scenario::stateToText(m.state());
    const Outcome o = m.execute("docker run -d nginx");
    CHECK(o.exitCode == 1);
    CHECK(m.lastTerminalText() ==
          "layerlab: containers: over LayerLab's limit of 1000 containers (a limit of the "
          "simulator, not of Docker); remove some with docker rm.\n");
    CHECK(scenario::stateToText(m.state()) == before);
}

TEST_CASE("flags: a number too big for the flag is Go's 'value out of range'") {
    cli::Machine m = quietMachine();
    const Outcome o = m.execute("docker ps -n 99999999999999999999");
    CHECK(o.exitCode != 0);
    CHECK(m.lastTerminalText().rfind("invalid argument \"99999999999999999999\" for \"-n, --last\" flag: "
                                     "strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
                                     0) == 0);
    CHECK(m.execute("docker ps -n 3").exitCode == 0);
}

TEST_CASE("limits: the loop limit is the shell's own") {
    // shell::Config keeps its default next to the loop code; limits.hpp lists it.
    CHECK(shell::Config{}.loopLimit == limits::kLoopIterations);
}
