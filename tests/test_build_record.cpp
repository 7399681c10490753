// Build records (sim/engine/builder/build_record.hpp): what the picture, `why`
// and `play --format json` read about each build, checked against the
// builder's own decisions on the course's node app and small Dockerfiles.
#include <doctest/doctest.h>

#include "build_test_util.hpp"
#include "layerlab_paths.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/report_json.hpp"
#include "sim/cli/machine.hpp"
#include "sim/engine/builder/build_record.hpp"
#include "sim/engine/builder/build_totals.hpp"
#include "sim/scenario/build_record_json.hpp"
#include "sim/scenario/state_json.hpp"

using namespace layerlab;
using engine::BuildRecord;
using engine::BuildStepOutcome;
using engine::InputChange;
using engine::MissCause;

namespace {

const engine::BuildRecordStep* stepNo(const BuildRecord& b, int step) {
    for (const auto& s : b.steps)
        if (s.step == step) return &s;
    return nullptr;
}

const engine::BuildRecordStep* keyword(const BuildRecord& b, const std::string& kw) {
    for (const auto& s : b.steps)
        if (s.keyword == kw) return &s;
    return nullptr;
}

cli::Machine localMachine(const std::string& dockerfile) {
    engine::State st;
    buildtest::addLocalBase(st, "localbase:1");
    st.host = fs::FileTree()
                  .withFile("Dockerfile", dockerfile)
                  .withFile("server.js", "console.log('hi')\n")
                  .withFile("package.json", "{}\n");
    return cli::Machine(st);
}

void writeDockerfile(cli::Machine& m, const std::string& text) {
    engine::State s = m.state();
    s.host = s.host.withFile("Dockerfile", text);
    m.setState(s);
}

}   // namespace

TEST_CASE("build record: the course app, first build then an edit of server.js") {
    cli::Machine m;
    REQUIRE(m.execute("docker build -t app .").exitCode == 0);
    REQUIRE(engine::latestBuild(m.state(), "app:latest") != nullptr);
    const BuildRecord firstRecord = *engine::latestBuild(m.state(), "app:latest");   // a copy: the history grows
    const BuildRecord* first = &firstRecord;
    CHECK(first->number == 1);
    CHECK(first->previousNumber == 0);
    CHECK(first->ok);
    CHECK(first->imageId == m.state().tags.at("app:latest"));
    // FROM, WORKDIR, COPY, RUN are steps; EXPOSE and CMD are config, not layers (BuildKit).
    REQUIRE(first->steps.size() == 6);
    CHECK(first->steps[0].keyword == "FROM");
    CHECK(first->steps[0].step == 1);
    CHECK(first->steps[0].stepTotal == 4);
    CHECK(first->steps[0].sourceLine == 2);
    CHECK(first->steps[2].instruction == "COPY . /app");
    CHECK(first->steps[2].sourceLine == 8);
    CHECK(first->steps[4].keyword == "EXPOSE");
    CHECK(first->steps[4].outcome == BuildStepOutcome::Config);
    CHECK(first->steps[4].step == 0);
    CHECK(first->steps[4].configOnly);
    CHECK(first->steps[4].instruction == "EXPOSE 80");
    CHECK(first->steps[5].instruction == "CMD [\"node\", \"server.js\"]");
    for (int i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(first->steps[i].outcome == BuildStepOutcome::New);
        CHECK(first->steps[i].cause == MissCause::NotInCache);
        CHECK(first->steps[i].changes.empty());
    }
    CHECK(first->firstMissStep == 1);
    // The base image, pulled by this build, with its own layers.
    REQUIRE(first->bases.size() == 1);
    CHECK(first->bases[0].ref == "node:latest");
    CHECK(first->bases[0].pulled);
    CHECK(first->bases[0].platform == "linux/amd64");
    CHECK(first->bases[0].layers.size() > 1);
    uint64_t total = 0;
    for (const auto& l : first->bases[0].layers) total += l.size;
    CHECK(first->bases[0].totalSize == total);
    CHECK(first->bytesPulled == total);
    CHECK(first->steps[0].inputs.baseImage == "node:latest");
    CHECK(first->steps[0].inputs.baseImageId == first->bases[0].imageId);
    // Timestamps on the virtual clock, in order, inside the build.
    CHECK(first->finishedMs == first->startedMs + first->totalMs);
    for (size_t i = 1; i < 4; ++i) CHECK(first->steps[i].startMs >= first->steps[i - 1].endMs);
    CHECK(first->steps[3].endMs - first->steps[3].startMs == first->steps[3].durationMs);
    // The RUN's key inputs: its command, env, workdir, user; its parent is the COPY.
    const auto& run = first->steps[3].inputs;
    CHECK(run.op == "RUN");
    CHECK(run.command == "/bin/sh -c npm install");
    CHECK(run.workdir == "/app");
    CHECK(run.parentStep == 3);
    CHECK(run.parentKey == first->steps[2].cacheKey);
    CHECK(first->steps[2].inputs.destination == "/app");

    REQUIRE(m.execute("echo '// edit' >> server.js").exitCode == 0);
    REQUIRE(m.execute("docker build -t app .").exitCode == 0);
    const BuildRecord* now = engine::latestBuild(m.state(), "app:latest");
    REQUIRE(now != nullptr);
    CHECK(now->number == 2);
    CHECK(now->previousNumber == 1);
    CHECK(engine::previousBuild(m.state(), *now) == &m.state().buildHistory.at("app:latest")[0]);
    CHECK(now->steps[0].outcome == BuildStepOutcome::Cached);
    CHECK(now->steps[1].outcome == BuildStepOutcome::Cached);
    CHECK(now->steps[1].recordedMs > 0);
    const auto& copy = now->steps[2];
    CHECK(copy.outcome == BuildStepOutcome::Rebuilt);
    CHECK(copy.cause == MissCause::Own);
    REQUIRE(copy.changes.size() == 1);
    CHECK(copy.changes[0].kind == InputChange::Kind::FileChanged);
    CHECK(copy.changes[0].name == "server.js");
    CHECK(copy.changes[0].before.rfind("sha256:", 0) == 0);
    CHECK(copy.changes[0].before != copy.changes[0].after);
    CHECK(copy.previousLayerDiffId == first->steps[2].layerDiffId);
    CHECK(copy.previousLayerDiffId != copy.layerDiffId);
    const auto& npm = now->steps[3];
    CHECK(npm.outcome == BuildStepOutcome::Rebuilt);
    CHECK(npm.cause == MissCause::Cascade);
    CHECK(npm.causeStep == 3);
    REQUIRE(!npm.changes.empty());
    CHECK(npm.changes[0].kind == InputChange::Kind::Parent);
    CHECK(now->steps[4].outcome == BuildStepOutcome::Config);
    CHECK(now->firstMissStep == 3);
    // The cache saved WORKDIR's time; a base image already here is not a step that ran before.
    CHECK(now->savedMs == now->steps[1].recordedMs);
    CHECK(now->bytesPulled == 0);
    CHECK(now->bytesReused == first->bases[0].totalSize + now->steps[1].layerSize);
    CHECK(now->bytesWritten == copy.layerSize + npm.layerSize);
    // npm install ran again and, with the same package.json, made the very same layer.
    CHECK(npm.layerDiffId == npm.previousLayerDiffId);
    CHECK(engine::ranWithSameResult(npm));
    CHECK(engine::stepVerdict(npm, false) ==
          "rebuilt because step 3 changed (its parent layer is new); same result: "
          "the same layer as before (same contents, same digest)");
    CHECK(engine::stepVerdict(npm, true) ==
          "3단계가 바뀌어서 다시 빌드했습니다 (부모 레이어가 새로 만들어짐); 결과는 "
          "이전과 같은 레이어입니다 (내용이 같아 digest도 같음)");
    CHECK(engine::stepVerdict(copy, false).rfind("missed by its own change: server.js changed (sha256:", 0) == 0);

    // The why panel's rows: instruction and parent the same, server.js changed, package.json the same.
    auto rows = engine::keyInputRows(m.state(), *now, 2);
    REQUIRE(rows.size() >= 4);
    CHECK(rows[0].label == "instruction");
    CHECK(rows[0].same);
    CHECK(rows[1].label == "parent");
    CHECK(rows[1].same);
    bool sawServer = false, sawPackage = false;
    for (const auto& r : rows) {
        if (r.label == "server.js") {
            sawServer = true;
            CHECK_FALSE(r.same);
        }
        if (r.label == "package.json") {
            sawPackage = true;
            CHECK(r.same);
        }
    }
    CHECK(sawServer);
    CHECK(sawPackage);
    // The layer's contents: the copied files, added under /app.
    auto files = engine::stepLayerContents(m.state(), *now, 2);
    CHECK(files.known);
    bool server = false;
    for (const auto& f : files.files)
        if (f.path == "/app/server.js") {
            server = true;
            CHECK(f.kind == engine::LayerFileChange::Kind::Added);
            CHECK(f.size > 0);
        }
    CHECK(server);
}

TEST_CASE("build record: history per tag keeps the newest builds, compared with the last good one") {
    cli::Machine m = localMachine("FROM localbase:1\nCOPY server.js /app/\nRUN cat /app/server.js\n");
    REQUIRE(m.execute("docker build -t t .").exitCode == 0);
    REQUIRE(m.execute("docker build -t t .").exitCode == 0);
    REQUIRE(m.execute("docker build -t t .").exitCode == 0);
    REQUIRE(m.execute("docker build -t t .").exitCode == 0);
    const auto& hist = m.state().buildHistory.at("t:latest");
    REQUIRE(hist.size() == engine::kBuildsKeptPerTag);
    CHECK(hist.front().number == 2);
    CHECK(hist.back().number == 4);
    CHECK(hist.back().previousNumber == 3);
    CHECK(hist.back().firstMissStep == 0);
    for (const auto& s : hist.back().steps) CHECK(s.outcome == BuildStepOutcome::Cached);
    // A failed build is kept too, but the next one compares with the last good build.
    writeDockerfile(m, "FROM localbase:1\nCOPY server.js /app/\nRUN false\n");
    CHECK(m.execute("docker build -t t .").exitCode == 1);
    const BuildRecord* failed = engine::latestBuild(m.state(), "t:latest");
    REQUIRE(failed != nullptr);
    CHECK_FALSE(failed->ok);
    CHECK(failed->number == 5);
    CHECK(failed->failedStep == 3);
    const auto* run = stepNo(*failed, 3);
    REQUIRE(run != nullptr);
    CHECK(run->outcome == BuildStepOutcome::Failed);
    CHECK(run->cause == MissCause::Own);
    CHECK(run->error == "process \"/bin/sh -c false\" did not complete successfully: exit code: 1");
    CHECK(run->inputs.op == "RUN");
    CHECK(run->inputs.command == "/bin/sh -c false");
    REQUIRE(!run->changes.empty());
    CHECK(run->changes[0].kind == InputChange::Kind::Instruction);
    CHECK(run->changes[0].before == "/bin/sh -c cat /app/server.js");
    CHECK(run->changes[0].after == "/bin/sh -c false");
    CHECK(failed->error.find("did not complete successfully") != std::string::npos);
    writeDockerfile(m, "FROM localbase:1\nCOPY server.js /app/\nRUN cat /app/server.js\n");
    REQUIRE(m.execute("docker build -t t .").exitCode == 0);
    CHECK(engine::latestBuild(m.state(), "t:latest")->previousNumber == 4);
    // An untagged build is filed under "".
    REQUIRE(m.execute("docker build .").exitCode == 0);
    REQUIRE(engine::latestBuild(m.state(), "") != nullptr);
    CHECK(engine::latestBuildAnyTag(m.state()) == engine::latestBuild(m.state(), ""));
}

TEST_CASE("build record: a build argument, ENV, and --no-cache") {
    cli::Machine m = localMachine("FROM localbase:1\nARG V\nENV A=1\nRUN echo $V\n");
    REQUIRE(m.execute("docker build --build-arg V=1 -t a .").exitCode == 0);
    REQUIRE(m.execute("docker build --build-arg V=2 -t a .").exitCode == 0);
    const BuildRecord* b = engine::latestBuild(m.state(), "a:latest");
    REQUIRE(b != nullptr);
    const auto* run = keyword(*b, "RUN");
    REQUIRE(run != nullptr);
    CHECK(run->outcome == BuildStepOutcome::Rebuilt);
    CHECK(run->cause == MissCause::Own);
    CHECK(run->inputs.buildArgs == std::vector<std::string>{"V=2"});
    CHECK(std::count(run->inputs.env.begin(), run->inputs.env.end(), "A=1") == 1);
    for (const auto& c : run->changes) MESSAGE(engine::changeText(c, false));
    REQUIRE(run->changes.size() == 1);
    CHECK(run->changes[0].kind == InputChange::Kind::BuildArg);
    CHECK(engine::changeText(run->changes[0], false) == "build argument V changed (1 \u2192 2)");
    CHECK(engine::changeText(run->changes[0], true) == "빌드 인자 V 값이 바뀜 (1 \u2192 2)");
    CHECK(keyword(*b, "ARG")->outcome == BuildStepOutcome::Config);
    CHECK(keyword(*b, "ENV")->outcome == BuildStepOutcome::Config);

    REQUIRE(m.execute("docker build --no-cache --build-arg V=2 -t a .").exitCode == 0);
    b = engine::latestBuild(m.state(), "a:latest");
    CHECK(b->noCache);
    CHECK(keyword(*b, "RUN")->cause == MissCause::NoCache);
    const auto& noCache = *keyword(*b, "RUN");
    CHECK(engine::stepVerdict(noCache, false) ==
          "--no-cache: every step runs again without the cache" +
              std::string(engine::ranWithSameResult(noCache)
                              ? "; same result: the same layer as before (same contents, same digest)"
                              : ""));
}

TEST_CASE("build record: a step that ran again with the same result, and the totals split cache from base image") {
    // After an edit of server.js both RUNs run again (cascade). The first
    // writes the same bytes as before, so its layer has the same digest; the
    // second copies server.js, so its layer is a different one.
    cli::Machine m = localMachine(
        "FROM localbase:1\nCOPY server.js /app/\nRUN echo hi > /hi.txt\nRUN cat /app/server.js > /copy.txt\n");
    REQUIRE(m.execute("docker build -t s .").exitCode == 0);
    const BuildRecord first = *engine::latestBuild(m.state(), "s:latest");
    CHECK_FALSE(engine::ranWithSameResult(*stepNo(first, 3)));   // NEW: nothing to compare with
    REQUIRE(m.execute("echo '// edit' >> server.js").exitCode == 0);
    REQUIRE(m.execute("docker build -t s .").exitCode == 0);
    const BuildRecord* now = engine::latestBuild(m.state(), "s:latest");
    REQUIRE(now != nullptr);
    const auto* copy = stepNo(*now, 2);
    const auto* same = stepNo(*now, 3);
    const auto* differs = stepNo(*now, 4);
    REQUIRE((copy && same && differs));
    CHECK(same->outcome == BuildStepOutcome::Rebuilt);
    CHECK(same->cause == MissCause::Cascade);
    CHECK(same->layerDiffId == same->previousLayerDiffId);
    CHECK(engine::ranWithSameResult(*same));
    CHECK(engine::stepVerdict(*same, false) ==
          "rebuilt because step 2 changed (its parent layer is new); same result: the same layer as before (same "
          "contents, same digest)");
    CHECK(engine::stepVerdict(*same, true) ==
          "2단계가 바뀌어서 다시 빌드했습니다 (부모 레이어가 새로 만들어짐); 결과는 이전과 같은 레이어입니다 (내용이 "
          "같아 digest도 같음)");
    CHECK(differs->outcome == BuildStepOutcome::Rebuilt);
    CHECK(differs->layerDiffId != differs->previousLayerDiffId);
    CHECK_FALSE(engine::ranWithSameResult(*differs));
    CHECK_FALSE(engine::ranWithSameResult(*copy));
    CHECK_FALSE(engine::ranWithSameResult(*stepNo(*now, 1)));   // FROM: cached

    // The totals: the base image was already here (not the build cache, no time saved for it).
    const engine::BuildTotals t = engine::buildTotals(*now);
    CHECK(t.buildMs == now->totalMs);
    CHECK(t.savedMs == now->savedMs);
    CHECK(t.baseLocal == now->bytesReused);   // nothing else was cached
    CHECK(t.basePulled == 0);
    CHECK(t.cacheReused == 0);
    CHECK(t.cached == 0);
    CHECK(t.ran == 3);
    CHECK(t.sameResult == 1);
    CHECK(t.written == copy->layerSize + same->layerSize + differs->layerSize);
    const std::string why = m.execute("why").out;
    CHECK(why.find("saved by the build cache 0.0s (cached steps: 0, 0B)") != std::string::npos);
    CHECK(why.find("(1 of the steps that ran made the same layer as before)\n") != std::string::npos);
}

TEST_CASE("build record: the legacy builder commits config steps, and they cascade") {
    cli::Machine m = localMachine("FROM localbase:1\nCOPY . /app\nEXPOSE 80\nCMD [\"sh\"]\n");
    REQUIRE(m.execute("DOCKER_BUILDKIT=0 docker build -t l .").exitCode == 0);
    REQUIRE(m.execute("echo x >> server.js").exitCode == 0);
    REQUIRE(m.execute("DOCKER_BUILDKIT=0 docker build -t l .").exitCode == 0);
    const BuildRecord* b = engine::latestBuild(m.state(), "l:latest");
    REQUIRE(b != nullptr);
    CHECK(b->legacy);
    REQUIRE(b->steps.size() == 4);
    CHECK(b->steps[0].outcome == BuildStepOutcome::Cached);
    CHECK(b->steps[1].outcome == BuildStepOutcome::Rebuilt);
    CHECK(b->steps[1].cause == MissCause::Own);
    REQUIRE(!b->steps[1].changes.empty());
    CHECK(b->steps[1].changes[0].kind == InputChange::Kind::FileChanged);
    CHECK(b->steps[1].changes[0].name == "server.js");
    CHECK(b->steps[2].keyword == "EXPOSE");
    CHECK(b->steps[2].step == 3);
    CHECK(b->steps[2].configOnly);
    CHECK(b->steps[2].outcome == BuildStepOutcome::Rebuilt);
    CHECK(b->steps[2].cause == MissCause::Cascade);
    CHECK(b->steps[2].causeStep == 2);
    CHECK(b->steps[3].causeStep == 2);
    CHECK_FALSE(b->steps[2].inputs.config.empty());
}

TEST_CASE("build record: layer contents, dive-style, with wasted bytes") {
    cli::Machine m = localMachine("FROM localbase:1\nCOPY . /app\nRUN rm /app/server.js\n");
    REQUIRE(m.execute("docker build -t w .").exitCode == 0);
    const BuildRecord* b = engine::latestBuild(m.state(), "w:latest");
    REQUIRE(b != nullptr);
    const auto* copyStep = keyword(*b, "COPY");
    REQUIRE(copyStep != nullptr);
    auto copy = engine::stepLayerContents(m.state(), *b, static_cast<size_t>(copyStep - b->steps.data()));
    REQUIRE(copy.known);
    const engine::LayerFileChange* server = nullptr;
    for (const auto& f : copy.files)
        if (f.path == "/app/server.js") server = &f;
    REQUIRE(server != nullptr);
    CHECK(server->kind == engine::LayerFileChange::Kind::Added);
    CHECK(server->size == 18);
    CHECK(server->wastedBytes == 18);
    CHECK(copy.wastedBytes == 18);
    auto run = engine::stepLayerContents(m.state(), *b, static_cast<size_t>(keyword(*b, "RUN") - b->steps.data()));
    REQUIRE(run.known);
    REQUIRE(run.files.size() == 1);
    CHECK(run.files[0].path == "/app/server.js");
    CHECK(run.files[0].kind == engine::LayerFileChange::Kind::Removed);
    CHECK(run.removed == 1);
    // The base image's layer: everything added, nothing wasted.
    auto stack = engine::imageLayerStack(m.state(), *b);
    REQUIRE(stack.size() == 3);
    auto base = engine::layerContents(m.state(), stack, 0);
    CHECK(base.known);
    CHECK(base.wastedBytes == 0);
    CHECK(base.added > 0);
    CHECK_FALSE(engine::layerContents(m.state(), {"sha256:gone"}, 0).known);
}

TEST_CASE("build record: pull events, per layer, say which layers already exist") {
    cli::Machine m;
    auto first = m.execute("docker pull node");
    REQUIRE(first.exitCode == 0);
    std::vector<LayerPulled> pulls;
    for (const auto& e : first.events)
        if (const auto* p = std::get_if<LayerPulled>(&e)) pulls.push_back(*p);
    REQUIRE(pulls.size() > 1);
    for (size_t i = 0; i < pulls.size(); ++i) {
        CAPTURE(i);
        CHECK(pulls[i].image == "node:latest");
        CHECK(pulls[i].index == static_cast<int>(i));
        CHECK(pulls[i].count == static_cast<int>(pulls.size()));
        CHECK_FALSE(pulls[i].alreadyExists);
        CHECK(pulls[i].shortId.size() == 12);
        CHECK(pulls[i].compressedSize > 0);
        CHECK(pulls[i].extractDoneMs >= pulls[i].downloadDoneMs);
        // Each phase has a start and an end: download, then extraction once downloaded.
        CHECK(pulls[i].downloadStartMs < pulls[i].downloadDoneMs);
        CHECK(pulls[i].extractStartMs >= pulls[i].downloadDoneMs);
        CHECK(pulls[i].extractStartMs < pulls[i].extractDoneMs);
        // Extraction is in layer order: a layer starts after the one below it ends.
        if (i > 0) CHECK(pulls[i].extractStartMs >= pulls[i - 1].extractDoneMs);
    }
    // Several layers download at once (dockerd's max-concurrent-downloads is 3):
    // the second layer starts before the first is done.
    CHECK(pulls[1].downloadStartMs < pulls[0].downloadDoneMs);
    int atOnce = 0;
    for (const auto& p : pulls) atOnce += p.downloadStartMs <= pulls[0].downloadStartMs ? 1 : 0;
    CHECK(atOnce == std::min<int>(3, static_cast<int>(pulls.size())));
    // A build FROM the pulled image downloads nothing: no pull events.
    auto build = m.execute("docker build -t app .");
    REQUIRE(build.exitCode == 0);
    for (const auto& e : build.events) CHECK_FALSE(std::holds_alternative<LayerPulled>(e));
    CHECK_FALSE(engine::latestBuild(m.state(), "app:latest")->bases[0].pulled);
}

TEST_CASE("build record: a BuildKit build that pulls its base emits the pull's events") {
    cli::Machine m;
    auto build = m.execute("docker build -t app .");
    REQUIRE(build.exitCode == 0);
    int pulled = 0, firstStep = -1, lastPull = -1;
    for (size_t i = 0; i < build.events.size(); ++i) {
        if (const auto* p = std::get_if<LayerPulled>(&build.events[i])) {
            ++pulled;
            lastPull = static_cast<int>(i);
            CHECK(p->image == "node:latest");
        }
        if (firstStep < 0 && std::holds_alternative<StepBuilt>(build.events[i])) firstStep = static_cast<int>(i);
    }
    CHECK(pulled == static_cast<int>(engine::latestBuild(m.state(), "app:latest")->bases[0].layers.size()));
    CHECK(lastPull < firstStep);   // the layers arrive before FROM is done
}

TEST_CASE("build record: state export round-trips the build history byte for byte") {
    cli::Machine m;
    REQUIRE(m.execute("docker build -t app .").exitCode == 0);
    REQUIRE(m.execute("echo '// edit' >> server.js").exitCode == 0);
    REQUIRE(m.execute("docker build -t app .").exitCode == 0);
    const std::string text = scenario::stateToText(m.state());
    CHECK(text.find("\"buildHistory\"") != std::string::npos);
    auto imported = scenario::stateFromJson(nlohmann::json::parse(text));
    REQUIRE(imported.errors.empty());
    REQUIRE(imported.state);
    CHECK(scenario::stateToText(*imported.state) == text);
    CHECK(imported.state->buildHistory.at("app:latest").back().steps[3].cause == MissCause::Cascade);
    // Bad values are refused with their pointer.
    auto j = nlohmann::json::parse(text);
    j["buildHistory"]["app:latest"][0]["steps"][0]["outcome"] = "maybe";
    j["buildHistory"]["app:latest"][1]["steps"][2]["changes"][0]["kind"] = 3;
    auto bad = scenario::stateFromJson(j);
    CHECK_FALSE(bad.state);
    REQUIRE(bad.errors.size() == 2);
    CHECK(bad.errors[0] == "/buildHistory/app:latest/0/steps/0/outcome: unknown value \"maybe\"");
    CHECK(bad.errors[1] == "/buildHistory/app:latest/1/steps/2/changes/0/kind: expected a string");
}

TEST_CASE("build record: play --format json carries the same facts as why") {
    auto loaded =
        scenario::loadScenarioFile(std::string(LAYERLAB_SOURCE_DIR) + "/examples/scenarios/cache-cascade-demo.json");
    REQUIRE(loaded.ok());
    auto report = scenario::play(*loaded.scenario);
    nlohmann::json j = scenario::reportToJson(*loaded.scenario, report, "en");
    // The second build of the demo: step 3 missed by its own change, step 4 by the cascade.
    std::vector<nlohmann::json> records;
    for (const auto& step : j["steps"])
        if (step.contains("build") && step["build"].contains("record")) records.push_back(step["build"]["record"]);
    REQUIRE(records.size() >= 2);
    const auto& second = records[1];
    CHECK(second["number"] == 2);
    CHECK(second["previousNumber"] == 1);
    CHECK(second["firstMissStep"] == 3);
    const auto& copy = second["steps"][2];
    CHECK(copy["instruction"] == "COPY . /app");
    CHECK(copy["outcome"] == "rebuilt");
    CHECK(copy["cause"] == "own");
    CHECK(copy["changes"][0]["kind"] == "fileChanged");
    CHECK(copy["changes"][0]["name"] == "server.js");
    CHECK(copy["verdict"]["en"].get<std::string>().rfind("missed by its own change: server.js changed (sha256:", 0) ==
          0);
    CHECK(copy["verdict"]["ko"].get<std::string>().rfind(
              "자기 입력이 바뀌어서 캐시를 놓쳤습니다: server.js 파일이 바뀜 (sha256:", 0) == 0);
    CHECK(copy["changesText"][0]["ko"].get<std::string>().rfind("server.js 파일이 바뀜 (sha256:", 0) == 0);
    bool serverRow = false;
    for (const auto& r : copy["keyInputs"])
        if (r["kind"] == "file" && r["name"] == "server.js") {
            serverRow = true;
            CHECK(r["same"] == false);
            CHECK(r["before"] != r["now"]);
        }
    CHECK(serverRow);
    CHECK(copy["layer"]["known"] == true);
    CHECK(copy["layer"]["added"].get<int>() >= 3);
    const auto& run = second["steps"][3];
    CHECK(run["cause"] == "cascade");
    CHECK(run["causeStep"] == 3);
    CHECK(run["verdict"]["en"] ==
          "rebuilt because step 3 changed (its parent layer is new); same result: the same "
          "layer as before (same contents, same digest)");
    CHECK(run["sameResult"] == true);
    CHECK(copy["sameResult"] == false);
    // The totals the picture shows agree with the steps; the base image (pulled by
    // the first build) was already here for the second: not the build cache.
    int same = 0;
    for (const auto& step : second["steps"]) same += step["sameResult"].get<bool>() ? 1 : 0;
    CHECK(same >= 1);
    CHECK(second["totals"]["sameResult"] == same);
    CHECK(second["totals"]["basePulled"] == 0);
    CHECK(second["totals"]["baseLocal"].get<uint64_t>() > 0u);
    CHECK(second["totals"]["savedMs"] == second["savedMs"]);
    CHECK(run["keyInputs"][0]["labelKo"] == "명령어");
    CHECK(second["steps"][4]["outcome"] == "config");
}

TEST_CASE("build record: why STEP shows the verdict, the key inputs before/now and the layer's files") {
    cli::Machine m;
    REQUIRE(m.execute("docker build -t app .").exitCode == 0);
    REQUIRE(m.execute("echo '// edit' >> server.js").exitCode == 0);
    REQUIRE(m.execute("docker build -t app .").exitCode == 0);
    CHECK(
        m.execute("why 3").out ==
        "  [3] COPY . /app  (line 8)\n"
        "      REBUILT: missed by its own change: server.js changed (sha256:7eab94b0b24a\u2026 \u2192 sha256:ad50e3e134a0\u2026)\n"
        "      layer sha256:49ae34ba3a51\u2026  1.22kB  0.0s\n"
        "      before: layer sha256:80ed79664f53\u2026\n"
        "      Cache key inputs (#1 \u2192 #2):\n"
        "        instruction       same: COPY . /app\n"
        "        parent            same: [2] ec74f155c424\n"
        "        .dockerignore     same: sha256:2af4e4fb314a\u2026\n"
        "        Dockerfile        same: sha256:bc6e415cde42\u2026\n"
        "        Dockerfile.notes  same: sha256:d312030b417c\u2026\n"
        "        package.json      same: sha256:df6ec95178c8\u2026\n"
        "        server.js         sha256:7eab94b0b24a\u2026 \u2192 sha256:ad50e3e134a0\u2026\n"
        "      What changed:\n"
        "        server.js changed (sha256:7eab94b0b24a\u2026 \u2192 sha256:ad50e3e134a0\u2026)\n"
        "      Files in this layer (A added, M changed, D removed):\n"
        "        A /app/.dockerignore      19B\n"
        "        A /app/Dockerfile         374B\n"
        "        A /app/Dockerfile.notes   376B\n"
        "        A /app/package.json       234B\n"
        "        A /app/server.js          221B\n");
    auto run = m.execute("why 4").out;
    CHECK(run.find("      REBUILT: rebuilt because step 3 changed (its parent layer is new); same result: the same "
                   "layer as before (same contents, same digest)\n") != std::string::npos);
    CHECK(run.find("        parent            [3] 0d5efade3f03 \u2192 [3] be248c199e0a\n") != std::string::npos);
    CHECK(run.find("      What changed:\n        parent layer changed\n") != std::string::npos);
    // The totals keep the build cache and the local image store apart: the cache saved WORKDIR's
    // (short) time; the base image was already here, which saved a download, not build time.
    const std::string whyAll = m.execute("why").out;
    CHECK(whyAll.find("Build time 2.4s (simulated), saved by the build cache 0.0s (cached steps: 1, ") !=
          std::string::npos);
    CHECK(whyAll.find(", base image already here 1.13GB (not downloaded), written 96.1kB (1 of the steps that ran "
                      "made the same layer as before)\n") != std::string::npos);
    engine::State ko = m.state();
    ko.lang = "ko";
    m.setState(ko);
    auto copyKo = m.execute("why 3").out;
    CHECK(
        copyKo.find(
            "  [3] COPY . /app  (8번째 줄)\n"
            "      REBUILT: 자기 입력이 바뀌어서 캐시를 놓쳤습니다: server.js 파일이 바뀜 (sha256:7eab94b0b24a\u2026 \u2192 "
            "sha256:ad50e3e134a0\u2026)\n"
            "      레이어 sha256:49ae34ba3a51\u2026  1.22kB  0.0s\n"
            "      이전 레이어 sha256:80ed79664f53\u2026\n"
            "      캐시 키 입력 (#1 \u2192 #2):\n"
            "        명령어            같음: COPY . /app\n"
            "        부모 레이어       같음: [2] ec74f155c424\n") == 0);
    CHECK(m.execute("why").out.find(
              "마지막 빌드: app:latest #2 (BuildKit, 비교 대상 #1), 캐시 재사용 2단계, 다시 실행 2단계\n") == 0);
    CHECK(m.execute("why 4").out.find(
              "      REBUILT: 3단계가 바뀌어서 다시 빌드했습니다 (부모 레이어가 새로 만들어짐); "
              "결과는 이전과 같은 레이어입니다 (내용이 같아 digest도 같음)\n") != std::string::npos);
}

TEST_CASE("build record: the record structs are exported field by field (update build_record_json when these change)") {
    CHECK_MESSAGE(sizeof(engine::BuildRecord) == 256, "BuildRecord changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::BuildRecordStep) == 784, "BuildRecordStep changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::KeyInputs) == 368, "KeyInputs changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::InputChange) == 104, "InputChange changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::BaseImageRecord) == 144, "BaseImageRecord changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::BaseLayerRecord) == 80, "BaseLayerRecord changed: export/import the new field");
}
