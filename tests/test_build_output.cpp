// The builder's text and results: BuildKit plain / tty progress, the legacy
// builder's steps, image history, tags, events, Korean reasons, and
// determinism (same State and options -> the same bytes).
#include <doctest/doctest.h>

#include "sim/engine/builder/builder.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "tests/build_test_util.hpp"

using namespace layerlab;
using engine::BuildOptions;

namespace {

const char* kObservedDockerfile =
    "FROM localbase:1\nWORKDIR /app\nCOPY package.json /app\nRUN cat package.json > /deps.txt\nCOPY . /app\n"
    "EXPOSE 80\nCMD [\"sh\",\"-c\",\"cat /app/server.js\"]\n";

engine::State observedState() {
    engine::State s;
    buildtest::addLocalBase(s, "localbase:1");
    s.host = s.host.withFile("Dockerfile", kObservedDockerfile)
                 .withFile(".dockerignore", "node_modules\n*.log\n")
                 .withFile("package.json", "{\"name\":\"hello\"}\n")
                 .withFile("server.js", "console.log('v1')\n")
                 .withFile("debug.log", "x\n");
    return s;
}

BuildOptions opts(BuildOptions::Progress p = BuildOptions::Progress::Plain, bool legacy = false) {
    BuildOptions o;
    o.progress = p;
    o.legacy = legacy;
    o.tags = {"hello:v0.2"};
    return o;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
    return s;
}

}   // namespace

TEST_CASE("BuildKit plain progress after a server.js edit") {
    engine::State s = observedState();
    REQUIRE(engine::build(s, opts()).outcome.ok());
    s.host = s.host.withFile("server.js", "console.log('v2')\n");
    auto r = engine::build(s, opts());
    REQUIRE(r.outcome.ok());
    CHECK(r.outcome.out.empty());
    std::string text = replaceAll(r.outcome.err, r.imageId, "<ID>");
    CHECK(text ==
          "#0 building with \"default\" instance using docker driver\n\n"
          "#1 [internal] load build definition from Dockerfile\n"
          "#1 transferring dockerfile: 145B done\n"
          "#1 DONE 0.0s\n\n"
          "#2 [internal] load metadata for docker.io/library/localbase:1\n"
          "#2 DONE 0.0s\n\n"
          "#3 [internal] load .dockerignore\n"
          "#3 transferring context: 19B done\n"
          "#3 DONE 0.0s\n\n"
          "#4 [1/5] FROM docker.io/library/localbase:1\n"
          "#4 CACHED\n\n"
          "#5 [internal] load build context\n"
          "#5 transferring context: 199B done\n"
          "#5 DONE 0.0s\n\n"
          "#6 [2/5] WORKDIR /app\n"
          "#6 CACHED\n\n"
          "#7 [3/5] COPY package.json /app\n"
          "#7 CACHED\n\n"
          "#8 [4/5] RUN cat package.json > /deps.txt\n"
          "#8 CACHED\n\n"
          "#9 [5/5] COPY . /app\n"
          "#9 DONE 0.0s\n\n"
          "#10 exporting to image\n"
          "#10 exporting layers 0.1s done\n"
          "#10 writing image <ID> done\n"
          "#10 naming to docker.io/library/hello:v0.2 done\n"
          "#10 DONE 0.1s\n\n");
}

TEST_CASE("BuildKit tty summary") {
    engine::State s = observedState();
    REQUIRE(engine::build(s, opts(BuildOptions::Progress::Tty)).outcome.ok());
    auto r = engine::build(s, opts(BuildOptions::Progress::Tty));
    REQUIRE(r.outcome.ok());
    const std::string& t = r.outcome.err;
    CHECK(t.rfind("[+] Building ", 0) == 0);
    CHECK(t.find(" => CACHED [2/5] WORKDIR /app") != std::string::npos);
    CHECK(t.find(" => CACHED [5/5] COPY . /app") != std::string::npos);
    CHECK(t.find(" => => naming to docker.io/library/hello:v0.2") != std::string::npos);
    // Every line is laid out for 80 columns, times right-aligned.
    size_t start = 0;
    while (start < t.size()) {
        size_t nl = t.find('\n', start);
        std::string line = t.substr(start, nl - start);
        CAPTURE(line);
        CHECK(engine::format::displayWidth(line) == 80);
        start = nl + 1;
    }
    CHECK(t.find("docker:default\n") != std::string::npos);
    CHECK(BuildOptions{}.progress == BuildOptions::Progress::Auto);
    engine::State a = observedState();
    auto autoOut = engine::build(a, opts(BuildOptions::Progress::Auto));
    CHECK(autoOut.outcome.err.rfind("[+] Building ", 0) == 0);
}

TEST_CASE("legacy builder output") {
    engine::State s = observedState();
    auto first = engine::build(s, opts(BuildOptions::Progress::Plain, true));
    REQUIRE(first.outcome.ok());
    CHECK(first.outcome.err.rfind(
              "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
              "            Install the buildx component to build images with BuildKit:\n"
              "            https://docs.docker.com/go/buildx/\n\n",
              0) == 0);
    const std::string& o1 = first.outcome.out;
    CHECK(o1.rfind("Sending build context to Docker daemon  ", 0) == 0);
    CHECK(o1.find("Step 1/7 : FROM localbase:1\n ---> ") != std::string::npos);
    CHECK(o1.find("Step 4/7 : RUN cat package.json > /deps.txt\n ---> Running in ") != std::string::npos);
    CHECK(o1.find("\nRemoving intermediate container ") != std::string::npos);
    CHECK(o1.find("Step 5/7 : COPY . /app\n ---> ") != std::string::npos);
    CHECK(o1.find("Step 5/7 : COPY . /app\n ---> Running in") == std::string::npos);   // COPY runs no container
    std::string shortId = engine::format::shortId(first.imageId);
    CHECK(o1.find("Successfully built " + shortId + "\nSuccessfully tagged hello:v0.2\n") != std::string::npos);

    auto again = engine::build(s, opts(BuildOptions::Progress::Plain, true));
    const std::string& o2 = again.outcome.out;
    CHECK(o2.find("Step 2/7 : WORKDIR /app\n ---> Using cache\n ---> ") != std::string::npos);
    CHECK(o2.find("Running in") == std::string::npos);
    CHECK(again.imageId == first.imageId);
    // The context size counts tar blocks: 4 files of one block each + 2 end blocks (debug.log is ignored).
    CHECK(o2.rfind("Sending build context to Docker daemon  5.12kB\n", 0) == 0);
    // Intermediate images chain by parent; the final one is the last step's.
    const engine::Image& img = s.images.at(again.imageId);
    CHECK_FALSE(img.parent.empty());
    CHECK(s.images.count(img.parent) == 1);
}

TEST_CASE("image history written by each builder") {
    engine::State s = observedState();
    auto bk = engine::build(s, opts());
    REQUIRE(bk.outcome.ok());
    const auto& h = s.images.at(bk.imageId).history;
    REQUIRE(h.size() == 2 + 7 - 1);
    CHECK(h[2].createdBy == "WORKDIR /app");
    CHECK(h[3].createdBy == "COPY package.json /app # buildkit");
    CHECK(h[4].createdBy == "RUN /bin/sh -c cat package.json > /deps.txt # buildkit");
    CHECK(h[4].comment == "buildkit.dockerfile.v0");
    CHECK_FALSE(h[4].emptyLayer);
    CHECK(h[6].createdBy == "EXPOSE map[80/tcp:{}]");
    CHECK(h[6].emptyLayer);
    CHECK(h[7].createdBy == "CMD [\"sh\" \"-c\" \"cat /app/server.js\"]");
    CHECK(s.images.at(bk.imageId).config.exposedPorts == std::vector<std::string>{"80/tcp"});
    CHECK(s.images.at(bk.imageId).layers.size() == 1 + 4);

    engine::State l = observedState();
    auto lg = engine::build(l, opts(BuildOptions::Progress::Plain, true));
    REQUIRE(lg.outcome.ok());
    const auto& lh = l.images.at(lg.imageId).history;
    REQUIRE(lh.size() == 2 + 6);
    CHECK(lh[2].createdBy == "/bin/sh -c #(nop) WORKDIR /app");
    CHECK(lh[3].createdBy.rfind("/bin/sh -c #(nop) COPY file:", 0) == 0);
    CHECK(lh[3].createdBy.find(" in /app ") != std::string::npos);
    CHECK(lh[4].createdBy == "/bin/sh -c cat package.json > /deps.txt");
    CHECK(lh[5].createdBy.rfind("/bin/sh -c #(nop) COPY dir:", 0) == 0);
    CHECK(lh[6].createdBy == "/bin/sh -c #(nop)  EXPOSE 80");
    CHECK(lh[7].createdBy == "/bin/sh -c #(nop)  CMD [\"sh\" \"-c\" \"cat /app/server.js\"]");
    CHECK(lh[7].emptyLayer);
}

TEST_CASE("build arguments in RUN history, step prefixes and stage names") {
    engine::State s;
    buildtest::addLocalBase(s, "localbase:1");
    std::string df = "FROM localbase:1 AS build\nARG V=1\n";
    for (int i = 0; i < 10; ++i) df += "RUN echo " + std::to_string(i) + " > /f" + std::to_string(i) + "\n";
    df += "FROM build\nRUN echo $V\n";
    s.host = s.host.withFile("Dockerfile", df);
    auto r = engine::build(s, opts());
    REQUIRE(r.outcome.ok());
    CHECK(r.outcome.err.find("#4 [build  1/11] FROM docker.io/library/localbase:1\n") != std::string::npos);
    CHECK(r.outcome.err.find("[build  2/11] RUN echo 0 > /f0\n") != std::string::npos);
    CHECK(r.outcome.err.find("[build 11/11] RUN echo 9 > /f9\n") != std::string::npos);
    // The name is expanded as BuildKit's processCmdEnv does. stage-1 continues
    // stage build's LLB state, whose environment holds V=1 (observed on Engine
    // 20.10: "[stage-1 1/1] RUN echo 1"), though the history gets no "|1 V=1".
    CHECK(r.outcome.err.find("[stage-1 1/1] RUN echo 1\n") != std::string::npos);
    const auto& h = s.images.at(r.imageId).history;
    CHECK(h[3].createdBy == "RUN |1 V=1 /bin/sh -c echo 0 > /f0 # buildkit");
    CHECK(h.back().createdBy == "RUN /bin/sh -c echo $V # buildkit");   // ARG does not cross FROM
}

TEST_CASE("tags, events, reasons in Korean, saved time and determinism") {
    engine::State s = observedState();
    BuildOptions o = opts();
    o.tags = {"hello:v0.2", "hello"};
    auto r1 = engine::build(s, o);
    REQUIRE(r1.outcome.ok());
    CHECK(s.tags.at("hello:v0.2") == r1.imageId);
    CHECK(s.tags.at("hello:latest") == r1.imageId);
    CHECK(s.lastBuild.ran);
    CHECK(s.lastBuild.ok);
    CHECK(s.lastBuild.steps.size() == 5);
    CHECK(r1.savedMs == 0);

    s.host = s.host.withFile("server.js", "console.log('v2')\n");
    auto r2 = engine::build(s, o);
    REQUIRE(r2.outcome.ok());
    CHECK(r2.savedMs > 0);
    CHECK(r2.totalMs < r1.totalMs);
    // The moved tags leave the first image untagged (<none>), still stored.
    CHECK(s.images.count(r1.imageId) == 1);
    CHECK(engine::tagsOf(s, r1.imageId).empty());
    int built = 0, cached = 0, untagged = 0;
    for (const auto& e : r2.outcome.events) {
        if (const auto* b = std::get_if<StepBuilt>(&e)) {
            ++built;
            CHECK(b->instruction == "COPY . /app");
            CHECK(b->reasonKo.rfind("server.js 파일이 바뀜 (sha256:", 0) == 0);
            CHECK(b->sourceLine == 5);
        }
        if (std::holds_alternative<StepCached>(e)) ++cached;
        if (std::holds_alternative<ImageUntagged>(e)) ++untagged;
    }
    CHECK(built == 1);
    CHECK(cached == 4);
    CHECK(untagged == 2);

    // Same State and options: the same bytes, the same image.
    engine::State a = observedState(), b = observedState();
    auto ra = engine::build(a, opts()), rb = engine::build(b, opts());
    CHECK(ra.outcome.err == rb.outcome.err);
    CHECK(ra.imageId == rb.imageId);
    engine::State la = observedState(), lb = observedState();
    auto rla = engine::build(la, opts(BuildOptions::Progress::Plain, true));
    auto rlb = engine::build(lb, opts(BuildOptions::Progress::Plain, true));
    CHECK(rla.outcome.out == rlb.outcome.out);

    // -q prints only the image ID.
    BuildOptions q = opts();
    q.quiet = true;
    auto rq = engine::build(a, q);
    CHECK(rq.outcome.out == rq.imageId + "\n");
    CHECK(rq.outcome.err.empty());
}

TEST_CASE("BuildKit prints the Dockerfile's lint warnings after the build") {
    engine::State s;
    buildtest::addLocalBase(s, "localbase:1");
    s.host = s.host.withFile("Dockerfile", "FROM localbase:1\nCMD node server.js\n");
    auto r = engine::build(s, opts());
    REQUIRE(r.outcome.ok());
    const std::string& e = r.outcome.err;
    CHECK(e.find("#5 DONE 0.0s\n\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: ") !=
          std::string::npos);
    CHECK(e.substr(e.size() - 9) == "(line 2)\n");
    auto t = engine::build(s, opts(BuildOptions::Progress::Tty));
    CHECK(t.outcome.err.find("0.0s\n\n 1 warning found") != std::string::npos);
}
