// Sharing images and managing containers (issue 14): docker login / logout /
// push / search through the simulated hub, the push -> rmi -> pull round
// trip, restart policies on the virtual clock, docker update, docker events,
// and what a state export carries of them. The exact texts are Docker 28's
// (docker/cli and moby sources named in the engine files); the golden
// sessions are tests/data/transcripts/24-*.in and 25-*.in.
#include <doctest/doctest.h>

#include "sim/cli/machine.hpp"
#include "sim/engine/containers/restart_policy.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/scenario/state_json.hpp"

using namespace layerlab;

namespace {

cli::Machine built() {
    cli::Machine m;
    REQUIRE(m.execute("docker build -q -t myapp .").exitCode == 0);
    return m;
}

std::string imageId(cli::Machine& m, const std::string& ref) {
    Outcome o = m.execute("docker image inspect -f '{{.Id}}' " + ref);
    REQUIRE(o.exitCode == 0);
    return o.out;
}

}   // namespace

TEST_CASE("push: USER/REPO goes to the hub, and rmi then pull brings back the same image and digest") {
    cli::Machine m = built();
    REQUIRE(m.execute("docker login -u learner -p secret").exitCode == 0);
    REQUIRE(m.execute("docker tag myapp learner/myapp:1.0").exitCode == 0);
    const std::string id = imageId(m, "learner/myapp:1.0");
    Outcome push = m.execute("docker push learner/myapp:1.0");
    REQUIRE(push.exitCode == 0);
    CHECK(push.out.rfind("The push refers to repository [docker.io/learner/myapp]\n", 0) == 0);
    CHECK(push.out.find(": Preparing\n") != std::string::npos);
    CHECK(push.out.find(": Mounted from library/node\n") != std::string::npos);   // the base image's layers
    CHECK(push.out.find(": Pushed\n") != std::string::npos);   // the app's own layers
    const auto at = push.out.find("1.0: digest: sha256:");
    REQUIRE(at != std::string::npos);
    const std::string digest = push.out.substr(at + 13, 71);
    CHECK(m.state().hub.repositories.at("learner/myapp").at("1.0").manifestDigest == digest);

    // A second push of the same tag: every layer is already there.
    Outcome again = m.execute("docker push learner/myapp:1.0");
    CHECK(again.out.find(": Pushed\n") == std::string::npos);
    CHECK(again.out.find(": Layer already exists\n") != std::string::npos);
    CHECK(again.out.find("1.0: digest: " + digest) != std::string::npos);

    REQUIRE(m.execute("docker rmi learner/myapp:1.0 myapp").exitCode == 0);
    CHECK(m.execute("docker image inspect learner/myapp:1.0").exitCode == 1);
    Outcome pull = m.execute("docker pull learner/myapp:1.0");
    REQUIRE(pull.exitCode == 0);
    CHECK(pull.out.find("Digest: " + digest + "\n") != std::string::npos);
    CHECK(pull.out.find("Status: Downloaded newer image for learner/myapp:1.0\n") != std::string::npos);
    CHECK(imageId(m, "learner/myapp:1.0") == id);
    Outcome digests = m.execute("docker image inspect learner/myapp:1.0");
    CHECK(digests.out.find("\"learner/myapp@" + digest + "\"") != std::string::npos);
    // Anyone may pull what was pushed: logging out changes nothing for pulls.
    m.execute("docker logout");
    m.execute("docker rmi learner/myapp:1.0");
    CHECK(m.execute("docker pull -q learner/myapp:1.0").out == "docker.io/learner/myapp:1.0\n");
    // A FROM of the pushed image builds from the hub too.
    m.execute("docker rmi learner/myapp:1.0");
    m.execute("printf 'FROM learner/myapp:1.0\\n' > Dockerfile.pushed");
    CHECK(m.execute("docker build -q -f Dockerfile.pushed -t again .").exitCode == 0);
}

TEST_CASE("push: the refusals in Docker's words, state unchanged") {
    cli::Machine m = built();
    Outcome library = m.execute("docker push myapp");
    CHECK(library.exitCode == 1);
    CHECK(library.out.rfind("Using default tag: latest\nThe push refers to repository [docker.io/library/myapp]\n",
                            0) == 0);
    CHECK(library.out.find(": Preparing\n") != std::string::npos);
    CHECK(library.err == "denied: requested access to the resource is denied\n");
    CHECK(m.state().hub.repositories.empty());

    m.execute("docker tag myapp learner/myapp");
    Outcome notLoggedIn = m.execute("docker push learner/myapp");
    CHECK(notLoggedIn.err == "denied: requested access to the resource is denied\n");

    Outcome missing = m.execute("docker push learner/nothing");
    CHECK(missing.out == "Using default tag: latest\nThe push refers to repository [docker.io/learner/nothing]\n");
    CHECK(missing.err == "An image does not exist locally with the tag: learner/nothing\n");
    Outcome noTag = m.execute("docker push learner/myapp:9");
    CHECK(noTag.err == "tag does not exist: learner/myapp:9\n");
    CHECK(m.execute("docker push -a learner/myapp:1").err == "tag can't be used with --all-tags/-a\n");
    CHECK(m.execute("docker push learner/MyApp").err ==
          "invalid reference format: repository name (learner/MyApp) must be lowercase\n");

    m.execute("docker login -u learner -p secret");
    Outcome other = m.execute("docker tag myapp someone/myapp && docker push someone/myapp");
    CHECK(other.err == "denied: requested access to the resource is denied\n");
    CHECK(m.state().hub.repositories.empty());
}

TEST_CASE("login / logout: Docker's texts; no password is kept anywhere") {
    cli::Machine m;
    Outcome withP = m.execute("docker login -u learner -p hunter2");
    CHECK(withP.exitCode == 0);
    CHECK(withP.out == "Login Succeeded\n");
    CHECK(withP.err ==
          "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
          "\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\n"
          "Configure a credential helper to remove this warning. See\n"
          "https://docs.docker.com/go/credential-store/\n\n");
    CHECK(m.state().hub.loginUser == "learner");
    CHECK(scenario::stateToText(m.state()).find("hunter2") == std::string::npos);

    Outcome stored = m.execute("docker login");
    CHECK(stored.out ==
          "Authenticating with existing credentials... [Username: learner]\n"
          "To login with a different account, run 'docker logout' followed by 'docker login'\n\nLogin Succeeded\n");
    CHECK(m.execute("docker logout").out == "Removing login credentials for https://index.docker.io/v1/\n");
    CHECK(m.state().hub.loginUser.empty());

    Outcome piped = m.execute("echo hunter2 | docker login -u learner --password-stdin");
    CHECK(piped.exitCode == 0);
    CHECK(piped.out == "Login Succeeded\n");
    m.execute("docker logout");
    // docker/cli 28.2.2's words (observed, tests/data/real_docker/hub.txt)
    CHECK(m.execute("echo x | docker login --password-stdin").err ==
          "the --password-stdin option requires --username to be set\n");
    CHECK(m.execute("docker login -u learner -p x --password-stdin").err ==
          "conflicting options: cannot specify both --password and --password-stdin\n");
    // A script has no terminal to ask for the password on.
    CHECK(m.execute("docker login -u learner").err ==
          "Error: Cannot perform an interactive login from a non TTY device\n");
    CHECK(m.execute("docker login -u Learner -p x").err ==
          "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
          "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or "
          "password\n");
    CHECK(m.state().hub.loginUser.empty());
}

TEST_CASE("login in a terminal asks for the password, and the log keeps no password") {
    cli::MachineOptions opt;
    opt.terminal = true;
    cli::Machine m(cli::Machine::defaultState(), opt);
    Outcome asked = m.execute("docker login -u learner");
    CHECK(m.awaitingAnswer());
    CHECK(asked.out.find("Password: ") != std::string::npos);
    Outcome done = m.execute("s3cret");
    CHECK(done.out == "Login Succeeded\n");
    CHECK(m.state().hub.loginUser == "learner");
    for (const auto& line : m.commandLog()) CHECK(line.find("s3cret") == std::string::npos);
    // The log replays without a terminal: the same login, the password masked.
    CHECK(m.commandLog().back() == "echo '********' | docker login -u learner --password-stdin");
    cli::Machine replay;
    for (const auto& line : m.commandLog()) replay.execute(line);
    CHECK(replay.state().hub.loginUser == "learner");
}

TEST_CASE("search: the catalogue and what was pushed, NAME DESCRIPTION STARS OFFICIAL") {
    cli::Machine m = built();
    Outcome node = m.execute("docker search node");
    CHECK(node.out ==
          "NAME      DESCRIPTION                                     STARS     OFFICIAL\n"
          "node      Node.js is a JavaScript-based platform for s…   13700     [OK]\n");
    m.execute("docker login -u learner -p x");
    m.execute("docker tag myapp learner/myapp && docker push learner/myapp");
    CHECK(m.execute("docker search myapp").out ==
          "NAME            DESCRIPTION   STARS     OFFICIAL\nlearner/myapp                 0         \n");
    CHECK(m.execute("docker search -f is-official=true myapp").out == "NAME      DESCRIPTION   STARS     OFFICIAL\n");
    CHECK(m.execute("docker search --limit 0 zzz").exitCode == 0);
    CHECK(m.execute("docker search --limit 101 node").err ==
          "Error response from daemon: limit 101 is outside the range of [1, 100]\n");
    CHECK(m.execute("docker search -f nope=1 node").err == "Error response from daemon: invalid filter 'nope'\n");
    CHECK(m.execute("docker search --limit x node").exitCode == 125);
}

TEST_CASE("push -a sends every tag of the repository; -q prints only the reference") {
    cli::Machine m = built();
    m.execute("docker login -u learner -p x");
    m.execute("docker tag myapp learner/myapp:1.0 && docker tag myapp learner/myapp:2.0");
    Outcome all = m.execute("docker push -a learner/myapp");
    REQUIRE(all.exitCode == 0);
    CHECK(all.out.rfind("The push refers to repository [docker.io/learner/myapp]\n", 0) == 0);
    CHECK(all.out.find("1.0: digest: sha256:") != std::string::npos);
    CHECK(all.out.find("2.0: digest: sha256:") != std::string::npos);
    CHECK(m.state().hub.repositories.at("learner/myapp").size() == 2);
    m.execute("docker tag myapp learner/myapp:3.0");
    CHECK(m.execute("docker push -q learner/myapp:3.0").out == "docker.io/learner/myapp:3.0\n");
}

TEST_CASE("restart policies: on-failure:N restarts on the virtual clock, then gives up") {
    cli::Machine m;
    REQUIRE(m.execute("docker run -d --name flaky --restart on-failure:2 alpine sh -c 'sleep 3; exit 1'").exitCode ==
            0);
    auto status = [&] { return m.execute("docker ps -a --format '{{.Status}}' --filter name=flaky").out; };
    auto count = [&] { return m.execute("docker inspect -f '{{.RestartCount}}' flaky").out; };
    CHECK(status().rfind("Up ", 0) == 0);
    m.execute("sleep 3");   // the program exits: the restart manager waits 100 ms, then starts it again
    CHECK(count() == "1\n");
    m.execute("sleep 10");   // second exit and restart, then the third exit: the limit (2) is reached
    CHECK(count() == "2\n");
    CHECK(status().rfind("Exited (1) ", 0) == 0);
    CHECK(m.execute("docker inspect -f '{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy."
                    "MaximumRetryCount}}' flaky")
              .out == "on-failure:2\n");
}

TEST_CASE("restart policies: always backs off while Restarting; docker stop stops it for good") {
    cli::Machine m;
    REQUIRE(m.execute("docker run -d --name loop --restart always alpine false").exitCode == 0);
    const engine::Container& c = m.state().containers.back();
    CHECK(c.status == engine::Container::Status::Restarting);
    CHECK(c.restartAtMs == c.finishedMs + 100);
    Outcome ps = m.execute("docker ps --format '{{.Status}}'");
    CHECK(ps.out.rfind("Restarting (1) ", 0) == 0);
    auto restarts = [&] { return m.execute("docker inspect -f '{{.RestartCount}}' loop").out; };
    m.execute("sleep 2");
    const std::string before = restarts();
    CHECK(before != "0\n");
    CHECK(before != "1\n");   // 100, 200, 400, 800 ms back-offs: several restarts in 3 seconds
    REQUIRE(m.execute("docker stop loop").exitCode == 0);
    const std::string stopped = restarts();
    m.execute("sleep 120");
    CHECK(m.execute("docker inspect -f '{{.State.Status}}' loop").out == "exited\n");
    CHECK(restarts() == stopped);
    // docker start clears the count and the manual stop: the policy applies again.
    m.execute("docker start loop");
    CHECK(m.state().containers.back().restartCount == 0);
    CHECK(m.state().containers.back().status == engine::Container::Status::Restarting);

    REQUIRE(m.execute("docker run -d --name web --restart always nginx").exitCode == 0);
    m.execute("docker kill web");
    m.execute("sleep 60");
    CHECK(m.execute("docker inspect -f '{{.State.Status}}' web").out == "exited\n");
}

TEST_CASE("restart policies: the errors of run and update") {
    cli::Machine m;
    REQUIRE(m.execute("docker pull -q alpine").exitCode == 0);
    // docker/cli 28.2.2 prints these without a closing period (observed)
    CHECK(m.execute("docker run --rm --restart always alpine true").err ==
          "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more "
          "information\n");
    CHECK(m.execute("docker run -d --restart always:3 alpine true").err ==
          "docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with "
          "'on-failure'\n\nRun 'docker run --help' for more information\n");
    CHECK(m.execute("docker run -d --restart on-failure:x alpine true").err ==
          "docker: invalid restart policy format: maximum retry count must be an integer\n\nRun 'docker run --help' "
          "for more information\n");
    CHECK(m.execute("docker create --restart sometimes alpine true").err ==
          "Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', "
          "'on-failure', or 'unless-stopped'\n");
    REQUIRE(m.execute("docker run -d --name web nginx").exitCode == 0);
    const auto before = m.state().containers.back().restartPolicy;
    CHECK(m.execute("docker update web").err == "you must provide one or more flags when using this command\n");
    CHECK(m.execute("docker update --restart sometimes web").err ==
          "Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', "
          "'on-failure', or 'unless-stopped'\n");
    CHECK(m.execute("docker update -m 1k web").err ==
          "Error response from daemon: Minimum memory limit allowed is 6MB\n");
    CHECK(m.execute("docker update --cpus 9 web").err ==
          "Error response from daemon: Range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available\n");
    Outcome badSize = m.execute("docker update -m lots web");
    CHECK(badSize.exitCode == 125);
    CHECK(badSize.err.rfind("invalid argument \"lots\" for \"-m, --memory\" flag: invalid size: 'lots'\n", 0) == 0);
    CHECK(m.state().containers.back().restartPolicy == before);
}

TEST_CASE("update: echoes the names, shows in inspect, reports the missing one") {
    cli::Machine m;
    REQUIRE(m.execute("docker run -d --name web nginx").exitCode == 0);
    Outcome o = m.execute("docker update --restart unless-stopped -m 512m --cpus 1.5 web nope");
    CHECK(o.out == "web\n");
    CHECK(o.err == "Error response from daemon: No such container: nope\n");
    CHECK(o.exitCode == 1);
    CHECK(m.execute("docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}} "
                    "{{.HostConfig.NanoCpus}}' web")
              .out == "unless-stopped 536870912 1500000000\n");
}

TEST_CASE("events: the log in docker/cli's format, on the virtual clock, --since/--until/--filter") {
    cli::Machine m;
    m.execute("docker pull -q alpine");
    m.execute("docker run --name one alpine true");
    Outcome none = m.execute("docker events");
    CHECK(none.out.empty());   // without --since a stream shows only what comes after
    Outcome all = m.execute("docker events --since 1h --until 0s");
    CHECK(all.out.find(" image pull alpine:latest (name=alpine)\n") != std::string::npos);
    CHECK(all.out.find(" container create ") != std::string::npos);
    CHECK(all.out.find(" container start ") != std::string::npos);
    CHECK(all.out.find(" container die ") != std::string::npos);
    CHECK(all.out.find("(execDuration=0, exitCode=0, image=alpine, name=one)\n") != std::string::npos);
    CHECK(all.out.rfind("2026-01-05T09:00:", 0) == 0);
    CHECK(all.out.find("000000Z container start ") != std::string::npos);   // nanoseconds, always nine digits
    CHECK(m.execute("docker events --until 0s").out == all.out);   // --until alone: the buffer from its start
    Outcome images = m.execute("docker events --since 1h --until 0s --filter type=image");
    CHECK(images.out.find("container") == std::string::npos);
    m.execute("docker volume create data && docker volume rm data");
    Outcome vols = m.execute("docker events --since 1h --until 0s --filter type=volume");
    CHECK(vols.out.find(" volume create data (driver=local)\n") != std::string::npos);
    CHECK(vols.out.find(" volume destroy data (driver=local)\n") != std::string::npos);
    CHECK(m.execute("docker events --since yesterday").err ==
          "failed to parse value as time or duration: \"yesterday\"\n");
    // Not exported: a loaded state starts with an empty log, as a restarted daemon does.
    auto back = scenario::stateFromJson(scenario::stateToJson(m.state()));
    REQUIRE(back.state);
    CHECK(back.state->eventLog.empty());
}

TEST_CASE("state JSON: the hub's pushed repositories, the login name and restart policies round-trip") {
    cli::Machine m = built();
    m.execute("docker login -u learner -p hunter2");
    m.execute("docker tag myapp learner/myapp:1.0 && docker push learner/myapp:1.0");
    m.execute("docker run -d --name web --restart on-failure:3 -m 64m --cpus 0.5 nginx");
    m.execute("docker run -d --name loop --restart always alpine false");
    const std::string text = scenario::stateToText(m.state());
    CHECK(text.find("hunter2") == std::string::npos);
    CHECK(text.find("\"loginUser\": \"learner\"") != std::string::npos);
    auto back = scenario::stateFromJson(nlohmann::json::parse(text));
    REQUIRE(back.errors.empty());
    REQUIRE(back.state);
    CHECK(scenario::stateToText(*back.state) == text);
    CHECK(back.state->hub.repositories.at("learner/myapp").at("1.0").imageId ==
          m.state().hub.repositories.at("learner/myapp").at("1.0").imageId);
    CHECK(back.state->containers[0].restartPolicy == engine::RestartPolicy{"on-failure", 3});
    // A loaded state pulls what was pushed.
    cli::Machine loaded(*back.state);
    loaded.execute("docker rmi -f learner/myapp:1.0 myapp");
    CHECK(loaded.execute("docker pull learner/myapp:1.0").exitCode == 0);
    // A bad policy in a file is refused with its pointer.
    auto j = nlohmann::json::parse(text);
    j["containers"][0]["restartPolicy"]["name"] = "sometimes";
    auto bad = scenario::stateFromJson(j);
    CHECK_FALSE(bad.state);
    REQUIRE_FALSE(bad.errors.empty());
    CHECK(bad.errors[0].rfind("/containers/0/restartPolicy/name: invalid restart policy: unknown policy", 0) == 0);
    // A state without the new fields (an older export) still loads with the defaults.
    cli::Machine plain;
    auto old = scenario::stateFromJson(scenario::stateToJson(plain.state()));
    REQUIRE(old.state);
    CHECK(old.state->hub.empty());
}
