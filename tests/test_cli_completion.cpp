// Tab completion (sim/cli/completion): what Tab offers over one machine's
// state, and what one Tab and a second Tab do with it. The state: five
// containers in every status, three repositories, files with spaces and a
// Hangul name in ~/app.
#include <doctest/doctest.h>

#include <algorithm>

#include "sim/cli/completion.hpp"
#include "sim/cli/machine.hpp"

using namespace layerlab::cli;

namespace {

Machine& machineWithState() {
    static Machine m = [] {
        Machine machine;
        const char* setup[] = {
            "docker pull nginx",
            "docker pull node",
            "docker tag nginx myapp:1",
            "docker tag nginx myapp:2",
            "docker run -d --name web-1 nginx",
            "docker run -d --name web-2 nginx",
            "docker create --name db nginx",
            "docker run -d --name old nginx",
            "docker stop old",
            "docker run -d --name frozen nginx",
            "docker pause frozen",
            "mkdir 'my dir'",
            "echo a > 'my file.txt'",
            "echo b > 'my notes.md'",
            "echo c > 한글.txt",
            "echo d > .env",
        };
        for (const char* line : setup) {
            layerlab::Outcome o = machine.execute(line);
            INFO(line << ": " << o.err);
            REQUIRE(o.exitCode == 0);
        }
        return machine;
    }();
    return m;
}

const std::vector<std::string> kLessonCommands = {"hint",    "show goal", "show solution", "show lesson",
                                                  "predict", "save",      "restart"};

// The candidates' texts for LINE with the cursor at its end.
std::vector<std::string> texts(const std::string& line, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> out;
    for (const auto& c : complete(machineWithState(), line, line.size(), extra).candidates) out.push_back(c.text);
    return out;
}

// The line after one Tab.
std::string tab(const std::string& line, const std::vector<std::string>& extra = {}) {
    return applyCompletion(line, complete(machineWithState(), line, line.size(), extra)).line;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string containerId(const std::string& name) {
    for (const auto& c : machineWithState().state().containers)
        if (c.name == name) return c.id;
    return "";
}

}   // namespace

TEST_CASE("completion: command names are docker, the host commands, the builtins and a lesson's own") {
    CHECK(tab("doc") == "docker ");
    CHECK(texts("c") == std::vector<std::string>{"cat", "cd", "chmod", "chown", "clear", "cp", "curl", "cut"});
    CHECK(tab("c") == "c");   // nothing in common beyond what was typed: the line stays
    CHECK(has(texts(""), "why"));
    CHECK(has(texts(""), "history"));
    CHECK_FALSE(has(texts(""), "hint"));   // lesson commands only inside a lesson
    CHECK(tab("hi", kLessonCommands) == "hi");
    CHECK(texts("hi", kLessonCommands) == std::vector<std::string>{"hint", "history"});
    CHECK(tab("sh", kLessonCommands) == "show ");
    CHECK(texts("show ", kLessonCommands) == std::vector<std::string>{"goal", "lesson", "solution"});
    CHECK(tab("show s", kLessonCommands) == "show solution ");
    CHECK(tab("DOCKER_BUILDKIT=0 doc") == "DOCKER_BUILDKIT=0 docker ");
    CHECK(tab("docker ps && doc") == "docker ps && docker ");
}

TEST_CASE("completion: docker commands come from the CLI's command tree") {
    CHECK(texts("docker ima") == std::vector<std::string>{"image", "images"});
    CHECK(tab("docker ima") == "docker image");
    CHECK(tab("docker sto") == "docker stop ");
    CHECK(tab("docker container pr") == "docker container prune ");
    CHECK(texts("docker image l") == std::vector<std::string>{"list", "load", "ls"});
    CHECK(has(texts("docker "), "run"));
    CHECK(has(texts("docker "), "container"));
    CHECK(has(texts("docker "), "push"));
    CHECK_FALSE(has(texts("docker "), "swarm"));   // real, but not modelled: not offered
    CHECK(tab("docker --vers") == "docker --version ");
    CHECK(texts("docker nope ").empty());
}

TEST_CASE("completion: the flags of the command being typed, the modelled ones") {
    const auto run = texts("docker run -");
    CHECK(has(run, "-d"));
    CHECK(has(run, "--detach"));
    CHECK(has(run, "-p"));
    CHECK(has(run, "--publish"));
    CHECK(has(run, "--name"));
    CHECK(has(run, "--rm"));
    CHECK(has(run, "--restart"));
    CHECK_FALSE(has(run, "--memory-swappiness"));   // Docker has it; LayerLab does not model it
    CHECK_FALSE(has(texts("docker run --"), "-d"));
    CHECK(tab("docker run --na") == "docker run --name ");
    CHECK(tab("docker ps --al") == "docker ps --all ");
    CHECK(tab("docker container ls --al") == "docker container ls --all ");
    // after the image, words belong to the container's command (cobra's SetInterspersed(false))
    CHECK(texts("docker run nginx -").empty());
    // a flag's value is not a flag, nor a container
    CHECK(texts("docker run --name ").empty());
}

TEST_CASE("completion: containers by status, names and IDs") {
    CHECK(texts("docker stop ") == std::vector<std::string>{"web-1", "web-2"});
    CHECK(texts("docker kill ") == std::vector<std::string>{"web-1", "web-2"});
    CHECK(texts("docker attach ") == std::vector<std::string>{"web-1", "web-2"});
    CHECK(texts("docker exec -it ") == std::vector<std::string>{"web-1", "web-2"});
    CHECK(texts("docker exec web-1 ").empty());
    CHECK(texts("docker start ") == std::vector<std::string>{"db", "old"});
    CHECK(texts("docker unpause ") == std::vector<std::string>{"frozen"});
    CHECK(texts("docker rm ") == std::vector<std::string>{"db", "frozen", "old", "web-1", "web-2"});
    CHECK(texts("docker update ") == std::vector<std::string>{"db", "frozen", "old", "web-1", "web-2"});
    CHECK(texts("docker logs ") == std::vector<std::string>{"db", "frozen", "old", "web-1", "web-2"});
    CHECK(texts("docker container rm -f ") == std::vector<std::string>{"db", "frozen", "old", "web-1", "web-2"});

    SUBCASE("a name prefix shared by two containers: one Tab inserts the common part, the second lists") {
        const std::string line = "docker stop we";
        Completion c = complete(machineWithState(), line, line.size());
        CHECK(c.start == 12);
        CHECK(c.end == 14);
        CompletionEdit first = applyCompletion(line, c);
        CHECK(first.line == "docker stop web-");
        CHECK(first.cursor == 16);
        Completion again = complete(machineWithState(), first.line, first.cursor);
        CHECK_FALSE(applyCompletion(first.line, again).changed);
        CHECK(formatCandidates(again, 80) == "web-1  web-2\n");
        CHECK(tab("docker stop web-2") == "docker stop web-2 ");
    }
    SUBCASE("an ID prefix completes to the short ID") {
        const std::string id = containerId("web-1");
        REQUIRE(id.size() == 64);
        CHECK(tab("docker stop " + id.substr(0, 4)) == "docker stop " + id.substr(0, 12) + " ");
        CHECK(texts("docker start " + id.substr(0, 4)).empty());   // running: not one to start
    }
}

TEST_CASE("completion: images, repositories and tags") {
    CHECK(texts("docker run ") ==
          std::vector<std::string>{"myapp", "myapp:1", "myapp:2", "nginx", "nginx:latest", "node", "node:latest"});
    CHECK(tab("docker run -d -p 8080:80 ng") == "docker run -d -p 8080:80 nginx");
    CHECK(tab("docker run my") == "docker run myapp");
    CHECK(tab("docker run myapp:") == "docker run myapp:");
    CHECK(texts("docker run myapp:") == std::vector<std::string>{"myapp:1", "myapp:2"});
    CHECK(tab("docker rmi nginx:") == "docker rmi nginx:latest ");
    CHECK(tab("docker image rm nod") == "docker image rm node");
    CHECK(has(texts("docker inspect "), "web-1"));   // docker inspect takes both
    CHECK(has(texts("docker inspect "), "nginx:latest"));
    CHECK_FALSE(has(texts("docker container inspect "), "nginx"));
    CHECK(texts("docker tag nginx ").size() == 7);
    CHECK(texts("docker tag nginx x ").empty());
}

TEST_CASE("completion: files of the simulated host, escaped or quoted as bash does") {
    CHECK(texts("cat my") == std::vector<std::string>{"my\\ dir/", "my\\ file.txt", "my\\ notes.md"});
    CHECK(tab("cat my") == "cat my\\ ");
    CHECK(tab("cat my\\ f") == "cat my\\ file.txt ");
    CHECK(tab("cat \"my f") == "cat \"my file.txt\" ");
    CHECK(tab("cat 'my n") == "cat 'my notes.md' ");
    CHECK(tab("cat my\\ d") == "cat my\\ dir/");   // a directory: no space, the next Tab goes inside
    CHECK(tab("cd m") == "cd my\\ dir/");   // cd: directories only
    CHECK(tab("cat ser") == "cat server.js ");
    CHECK(tab("echo hi > ser") == "echo hi > server.js ");
    CHECK(tab("docker build -f Dockerfile.n") == "docker build -f Dockerfile.notes ");
    CHECK(tab("docker build ") == "docker build my\\ dir/");
    CHECK(tab("cat ~/app/pack") == "cat ~/app/package.json ");
    CHECK(tab("cat ~/a") == "cat ~/app/");
    CHECK(tab("cat 한") == "cat 한글.txt ");
    CHECK_FALSE(has(texts("cat "), ".env"));   // dot files only when asked for, as bash
    CHECK(has(texts("cat ."), ".env"));
    CHECK(texts("cat /etc/pa").empty());   // outside ~/app: nothing is pretended
    CHECK(texts("# cat ser").empty());   // a comment
}

TEST_CASE("completion: the second Tab lists in columns down, as bash") {
    Completion c;
    for (const char* s : {"alpha", "bravo", "charlie", "delta", "echo"}) c.candidates.push_back({s, s, true});
    CHECK(formatCandidates(c, 80) == "alpha    bravo    charlie  delta    echo\n");
    CHECK(formatCandidates(c, 20) == "alpha    delta\nbravo    echo\ncharlie\n");
    CHECK(formatCandidates(c, 3) == "alpha\nbravo\ncharlie\ndelta\necho\n");
    Completion wide;
    wide.candidates = {{"한글.txt", "한글.txt", true}, {"ab", "ab", true}};
    CHECK(formatCandidates(wide, 80) == "한글.txt  ab\n");
    CHECK(formatCandidates(Completion{}, 80).empty());
}
