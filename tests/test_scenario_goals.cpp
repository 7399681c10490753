// Goals and predictions on hand-made States: each goal kind holds or not,
// and says in English and Korean what is missing; predictions parse the
// learner's answer and score it against the build's real step outcomes.
#include <doctest/doctest.h>

#include "sim/scenario/goals.hpp"
#include "sim/scenario/predictions.hpp"

using namespace layerlab;
using namespace layerlab::scenario;

namespace {

engine::State twoImages() {
    engine::State s;
    engine::Image a;
    a.id = "sha256:" + std::string(64, 'a');
    a.layers = {"l1", "l2"};
    a.config.workingDir = "/app # working directory 설정";
    a.config.cmd = std::vector<std::string>{"node", "server.js"};
    engine::Image b = a;
    b.id = "sha256:" + std::string(64, 'b');
    b.layers = {"l1", "l2", "l3"};
    engine::Image dangling = a;
    dangling.id = "sha256:" + std::string(64, 'c');
    s.images = {{a.id, a}, {b.id, b}, {dangling.id, dangling}};
    s.tags = {{"myapp:latest", a.id}, {"myapp:v2", b.id}};
    engine::Container web;
    web.name = "web";
    web.imageId = a.id;
    web.status = engine::Container::Status::Exited;
    web.ports = {{"0.0.0.0", 3000, 80, "tcp"}};
    s.containers.push_back(web);
    s.host = s.host.withFile("server.js", "res.send('hi')\n");
    return s;
}

Goal goal(GoalKind kind) {
    Goal g;
    g.kind = kind;
    return g;
}

}   // namespace

TEST_CASE("goals: images") {
    const engine::State s = twoImages();
    SUBCASE("imageTagged") {
        Goal g = goal(GoalKind::ImageTagged);
        g.tag = "myapp";
        CHECK(evaluateGoal(g, s, {}).met);
        g.tag = "myapp:1.0";
        GoalResult r = evaluateGoal(g, s, {});
        CHECK_FALSE(r.met);
        CHECK(r.missing.en == "No image is tagged myapp:1.0 yet.");
        CHECK(r.missing.ko == "아직 myapp:1.0 태그가 붙은 이미지가 없습니다.");
    }
    SUBCASE("imageConfig names the literal WORKDIR the inline comment made") {
        Goal g = goal(GoalKind::ImageConfig);
        g.tag = "myapp";
        g.workingDir = "/app";
        GoalResult r = evaluateGoal(g, s, {});
        CHECK_FALSE(r.met);
        CHECK(r.missing.en == "myapp:latest's working directory is \"/app # working directory 설정\", not \"/app\".");
    }
    SUBCASE("layerDelta and dangling images") {
        Goal g = goal(GoalKind::LayerDelta);
        g.tag = "myapp:v2";
        g.base = "myapp";
        g.delta = 1;
        CHECK(evaluateGoal(g, s, {}).met);
        g.delta = 2;
        CHECK(evaluateGoal(g, s, {}).missing.en == "myapp:v2 has 3 layers and myapp:latest has 2.");
        Goal d = goal(GoalKind::DanglingImages);
        d.max = 0;
        GoalResult r = evaluateGoal(d, s, {});
        CHECK_FALSE(r.met);
        CHECK(r.missing.en == "1 untagged <none> image is still there.");
    }
}

TEST_CASE("goals: containers and files") {
    const engine::State s = twoImages();
    SUBCASE("a stopped container publishes nothing") {
        Goal g = goal(GoalKind::ContainerPublishes);
        g.hostPort = 3000;
        g.containerPort = 80;
        GoalResult r = evaluateGoal(g, s, {});
        CHECK_FALSE(r.met);
        CHECK(r.missing.en == "Container web publishes port 3000 but it is exited, not running.");
    }
    SUBCASE("containerState, containerAbsent, containerCount") {
        Goal g = goal(GoalKind::ContainerState);
        g.name = "web";
        g.status = "running";
        CHECK(evaluateGoal(g, s, {}).missing.en == "web is exited, not running.");
        g.status = "exited";
        CHECK(evaluateGoal(g, s, {}).met);
        Goal a = goal(GoalKind::ContainerAbsent);
        a.name = "web";
        CHECK(evaluateGoal(a, s, {}).missing.en == "A container named web still exists (exited).");
        Goal c = goal(GoalKind::ContainerCount);
        c.status = "exited";
        c.max = 0;
        GoalResult r = evaluateGoal(c, s, {});
        CHECK(r.description.en == "There are no exited containers");
        CHECK(r.missing.en == "There is 1 exited container now.");
    }
    SUBCASE("containersFromImage") {
        Goal g = goal(GoalKind::ContainersFromImage);
        g.image = "myapp";
        g.min = 2;
        CHECK(evaluateGoal(g, s, {}).missing.en == "1 container from myapp:latest so far; 2 needed.");
    }
    SUBCASE("fileContains / fileLacks") {
        Goal g = goal(GoalKind::FileContains);
        g.path = "./server.js";
        g.text = "hi";
        CHECK(evaluateGoal(g, s, {}).met);
        g.kind = GoalKind::FileLacks;
        CHECK(evaluateGoal(g, s, {}).missing.en == "~/app/server.js still contains \"hi\".");
    }
    SUBCASE("a describe text replaces the generated one") {
        Goal g = goal(GoalKind::ContainerAbsent);
        g.name = "nope";
        g.describe = {"Nothing called nope", "nope 없음"};
        GoalResult r = evaluateGoal(g, s, {});
        CHECK(r.met);
        CHECK(r.description.ko == "nope 없음");
    }
}

TEST_CASE("goals: the last build") {
    engine::State s;
    Goal g = goal(GoalKind::LastBuildStep);
    g.instruction = "npm install";
    g.outcome = "cached";
    CHECK(evaluateGoal(g, s, {}).missing.en == "No docker build has run yet.");
    s.lastBuild.ran = s.lastBuild.ok = true;
    s.lastBuild.steps = {
        {0, 3, "COPY . /app", false, "server.js changed", "server.js 변경", 10, 5, "", 0},
        {0, 4, "RUN npm install", false, "parent layer was rebuilt", "부모 레이어가 다시 만들어짐", 900, 7, "", 0}};
    GoalResult r = evaluateGoal(g, s, {});
    CHECK_FALSE(r.met);
    CHECK(r.description.en == "In the last build, the `npm install` step came from the cache");
    CHECK(r.missing.en == "In the last build, [4] RUN npm install ran again: parent layer was rebuilt.");
    CHECK(r.missing.ko == "마지막 빌드에서 [4] RUN npm install이 다시 실행되었습니다: 부모 레이어가 다시 만들어짐.");
    Goal k = goal(GoalKind::LastBuildStep);
    k.step = 3;
    k.outcome = "rebuilt";
    k.reasonContains = "server.js";
    CHECK(evaluateGoal(k, s, {}).met);
    k.reasonContains = "package.json";
    CHECK(evaluateGoal(k, s, {}).missing.en == "[3] COPY . /app ran again, but because \"server.js changed\".");
}

TEST_CASE("goals: probes that are missing never pass") {
    engine::State s;
    Goal g = goal(GoalKind::CacheKeepsStep);
    g.instruction = "npm install";
    g.edit = "server.js";
    GoalResult r = evaluateGoal(g, s, {});
    CHECK_FALSE(r.met);
    CHECK(r.missing.en == "A build cannot be run here.");
}

TEST_CASE("predictions: the learner's answer") {
    CHECK(parsePredictionAnswer("3 4") == std::optional<std::vector<int>>({3, 4}));
    CHECK(parsePredictionAnswer(" 4,3, 3 ") == std::optional<std::vector<int>>({3, 4}));
    CHECK(parsePredictionAnswer("[3] [5]") == std::optional<std::vector<int>>({3, 5}));
    CHECK(parsePredictionAnswer("none") == std::optional<std::vector<int>>(std::vector<int>{}));
    CHECK(parsePredictionAnswer("없음") == std::optional<std::vector<int>>(std::vector<int>{}));
    CHECK_FALSE(parsePredictionAnswer("three").has_value());
    CHECK_FALSE(parsePredictionAnswer("").has_value());
    CHECK_FALSE(parsePredictionAnswer("0 3").has_value());
}

TEST_CASE("predictions: scored against what the builder did") {
    engine::LastBuild b;
    b.ran = b.ok = true;
    b.steps = {
        {0, 1, "FROM node", true, "", "", 0, 1, "", 0},
        {0, 2, "WORKDIR /app", true, "", "", 0, 2, "", 0},
        {0, 3, "COPY . /app", false, "server.js changed", "server.js 변경", 10, 3, "", 0},
        {0, 4, "RUN npm install", false, "parent layer was rebuilt", "부모 레이어가 다시 만들어짐", 900, 4, "", 0}};
    PredictionScore right = scorePrediction({4, 3}, b);
    CHECK(right.correct);
    CHECK(right.summary.en == "You predicted: 3, 4. The builder ran again: 3, 4. Correct!");
    CHECK(right.explanation.en ==
          "[1/4] FROM node: CACHED\n[2/4] WORKDIR /app: CACHED\n[3/4] COPY . /app: ran again: server.js changed\n"
          "[4/4] RUN npm install: ran again: parent layer was rebuilt\n");
    PredictionScore wrong = scorePrediction({3, 2}, b);
    CHECK_FALSE(wrong.correct);
    CHECK(wrong.missed == std::vector<int>{4});
    CHECK(wrong.extra == std::vector<int>{2});
    CHECK(wrong.summary.en ==
          "You predicted: 2, 3. The builder ran again: 3, 4. Missed: 4. Came from the cache after all: 2.");
    CHECK(wrong.summary.ko ==
          "예측: 2, 3. 실제로 다시 실행된 단계: 3, 4. 놓친 단계: 4. 실제로는 캐시를 재사용한 단계: 2.");
}
