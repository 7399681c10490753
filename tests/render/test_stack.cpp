// The layer-stack picture's content, geometry and timing, without a window:
// render/stack/scene (what each block says), render/stack/geometry (heights
// and alignment) and render/anim/timeline (when each block moves), all made
// from a real Machine's builds.
#include <doctest/doctest.h>

#include "render/anim/timeline.hpp"
#include "render/stack/geometry.hpp"
#include "render/stack/scene.hpp"
#include "sim/cli/machine.hpp"

namespace {

using namespace layerlab;
using render::stack::BlockKind;
using render::stack::BlockState;

struct Builds {
    cli::Machine machine;
    render::stack::BuildInput first, second;
};

// The course's app built, server.js edited, built again.
Builds editAndRebuild() {
    Builds b;
    REQUIRE(b.machine.execute("docker build -t app .").ok());
    b.first = render::stack::fromLastBuild(b.machine.state());   // with the builder's record
    REQUIRE(b.machine.execute("echo '// changed' >> server.js").ok());
    REQUIRE(b.machine.execute("docker build -t app .").ok());
    b.second = render::stack::fromLastBuild(b.machine.state());
    return b;
}

const render::stack::Block* byStep(const render::stack::Column& column, int step) {
    for (const auto& block : column.blocks)
        if (block.step == step) return &block;
    return nullptr;
}

}   // namespace

TEST_CASE("stack scene: a first build is NEW, base image at the bottom as one block") {
    cli::Machine machine;
    REQUIRE(machine.execute("docker build -t app .").ok());
    const auto scene =
        render::stack::buildScene(machine.state(), render::stack::fromLastBuild(machine.state().lastBuild), {});
    REQUIRE(scene.after.present);
    CHECK_FALSE(scene.before.present);
    REQUIRE(scene.after.blocks.size() >= 4);
    const auto& base = scene.after.blocks.front();
    CHECK(base.kind == BlockKind::Base);
    CHECK(base.baseName == "node:latest");
    CHECK(base.baseLayers.size() > 1);
    CHECK(base.size > 100u * 1000 * 1000);
    for (const auto& block : scene.after.blocks)
        if (block.step > 1) CHECK_MESSAGE(block.state == BlockState::New, block.instruction);
    // BuildKit's EXPOSE and CMD are no steps: one config band on top, from the image history.
    const auto& top = scene.after.blocks.back();
    CHECK(top.kind == BlockKind::Config);
    CHECK(top.step == 0);
    CHECK(top.instruction.find("EXPOSE") != std::string::npos);
    CHECK(top.instruction.find("CMD") != std::string::npos);
}

TEST_CASE("stack scene: edit server.js and rebuild: the first miss, the cascade, before and after") {
    Builds b = editAndRebuild();
    const auto scene = render::stack::buildScene(b.machine.state(), b.second, b.first);
    REQUIRE(scene.before.present);
    const auto* workdir = byStep(scene.after, 2);
    const auto* copy = byStep(scene.after, 3);
    const auto* run = byStep(scene.after, 4);
    REQUIRE(workdir);
    REQUIRE(copy);
    REQUIRE(run);
    CHECK(workdir->state == BlockState::Cached);
    CHECK(copy->state == BlockState::Rebuilt);
    CHECK(copy->firstMiss);
    CHECK_FALSE(copy->cascade);
    CHECK(copy->reason.find("server.js") != std::string::npos);
    CHECK(run->state == BlockState::Rebuilt);
    CHECK(run->cascade);
    CHECK(run->cascadeFrom == 3);
    CHECK(scene.firstMissStep == 3);

    // The base and WORKDIR are the same layers: kept, joined to their twins.
    CHECK(scene.before.blocks.front().state == BlockState::Kept);
    CHECK(scene.before.blocks.front().twin == 0);
    const auto* oldCopy = byStep(scene.before, 3);
    REQUIRE(oldCopy);
    CHECK(oldCopy->state == BlockState::Replaced);
    CHECK(oldCopy->digest != copy->digest);
    CHECK(copy->twin >= 0);   // same step: old and new digest side by side

    // npm install ran again (its parent is new) and made the very same layer:
    // the builder's record says so, and the old block is SAME, not REPLACED.
    CHECK(run->sameResult);
    CHECK_FALSE(copy->sameResult);
    const auto* oldRun = byStep(scene.before, 4);
    REQUIRE(oldRun);
    CHECK(oldRun->digest == run->digest);
    CHECK(oldRun->state == BlockState::Same);
    CHECK(std::string(render::stack::stateWord(oldRun->state)) == "SAME");

    // Totals: the base image was already here (the local image store, not the
    // build cache): it is counted apart and saves no build time.
    const auto& base = scene.after.blocks.front();
    CHECK(base.kind == BlockKind::Base);
    CHECK_FALSE(base.basePulled);
    CHECK(scene.totals.baseLocal == base.size);
    CHECK(scene.totals.basePulled == 0);
    CHECK(scene.totals.cached == 1);   // WORKDIR
    CHECK(scene.totals.rebuilt == 2);
    CHECK(scene.totals.sameResult == 1);
    CHECK(scene.totals.bytesReused == workdir->size);
    CHECK(scene.totals.bytesWritten == copy->size + run->size);
    CHECK(scene.totals.savedMs == b.machine.state().lastBuild.savedMs);
}

TEST_CASE("stack scene: the first build downloads its base image, and says so") {
    cli::Machine machine;
    REQUIRE(machine.execute("docker build -t app .").ok());
    const auto scene = render::stack::buildScene(machine.state(), render::stack::fromLastBuild(machine.state()), {});
    const auto& base = scene.after.blocks.front();
    REQUIRE(base.kind == BlockKind::Base);
    CHECK(base.basePulled);
    CHECK(scene.totals.basePulled == base.size);
    CHECK(scene.totals.baseLocal == 0);
    CHECK(scene.totals.cached == 0);
}

TEST_CASE("stack scene: a failed build ends in a FAILED block with Docker's error") {
    cli::Machine machine;
    REQUIRE(machine.execute("docker build -t app .").ok());
    const auto good = render::stack::fromLastBuild(machine.state().lastBuild);
    render::stack::BuildInput failed;
    failed.present = true;
    failed.steps = {good.steps[0], good.steps[1]};
    for (auto& step : failed.steps) step.cached = true;
    engine::BuildStepRecord bad;
    bad.step = 3;
    bad.instruction = "RUN npm instal";
    failed.failedStep = bad;
    failed.error = "process \"/bin/sh -c npm instal\" did not complete successfully: exit code: 1";
    const auto scene = render::stack::buildScene(machine.state(), failed, good);
    REQUIRE(scene.after.failed);
    CHECK(scene.after.blocks.back().state == BlockState::Failed);
    CHECK(scene.after.blocks.back().firstMiss);
    CHECK(scene.after.error == failed.error);
}

TEST_CASE("stack geometry: height by log size with a minimum, config bands thin, rows aligned") {
    render::stack::Metrics m;
    m.line = 20.0f;
    render::stack::Block tiny, mega, giga, config;
    tiny.size = 100;
    mega.size = 1000u * 1000;
    giga.size = 1000u * 1000 * 1000;
    config.kind = BlockKind::Config;
    CHECK(render::stack::blockHeight(tiny, m) == doctest::Approx(48.0));
    CHECK(render::stack::blockHeight(mega, m) == doctest::Approx(48.0 + 0.9 * 20.0));
    CHECK(render::stack::blockHeight(giga, m) == doctest::Approx(48.0 + 1.8 * 20.0));
    CHECK(render::stack::blockHeight(config, m) < render::stack::blockHeight(tiny, m));
    // A layer with a digest has a row for it (old and new digests stand level).
    render::stack::Block withDigest = tiny;
    withDigest.digest = "sha256:0123456789ab";
    CHECK(render::stack::blockHeight(withDigest, m) == doctest::Approx(48.0 + 1.1 * 20.0));

    Builds b = editAndRebuild();
    const auto scene = render::stack::buildScene(b.machine.state(), b.second, b.first);
    const auto layout = render::stack::layoutPair(scene.before, scene.after, 0.0f, 300.0f, 250.0f, 600.0f, 0.0f, m);
    REQUIRE(layout.before.size() == scene.before.blocks.size());
    REQUIRE(layout.after.size() == scene.after.blocks.size());
    for (size_t i = 0; i < scene.after.blocks.size(); ++i) {
        const int twin = scene.after.blocks[i].twin;
        if (twin >= 0) CHECK(layout.after[i].y == layout.before[static_cast<size_t>(twin)].y);
        CHECK(layout.after[i].x == 300.0f);
    }
    // Bottom to top, base at the bottom edge.
    CHECK(layout.after.front().bottom() == doctest::Approx(600.0));
    CHECK(layout.after.back().y < layout.after.front().y);
    // A limit shrinks the size-dependent part first.
    const auto small = render::stack::layoutPair(scene.before, scene.after, 0, 300, 250, 600, layout.height * 0.8f, m);
    CHECK(small.height < layout.height);
}

TEST_CASE("stack timeline: cached blocks drop at once, built ones one by one, a course build takes 3-6 s") {
    Builds b = editAndRebuild();
    const auto scene = render::stack::buildScene(b.machine.state(), b.second, b.first);
    const auto tl = render::anim::makeTimeline(scene);
    REQUIRE(tl.after.size() == scene.after.blocks.size());
    CHECK(tl.after[0].appear == 0.0);   // base: cached
    CHECK(tl.after[1].appear == 0.0);   // WORKDIR: cached
    CHECK_FALSE(tl.after[1].built);
    CHECK(tl.after[2].built);
    CHECK(tl.after[2].appear >= tl.fadeEnd);   // the replaced layers fade first
    CHECK(tl.after[3].appear == doctest::Approx(tl.after[2].done));
    // npm install takes longer than COPY, in proportion.
    CHECK(tl.after[3].done - tl.after[3].appear > tl.after[2].done - tl.after[2].appear);
    CHECK(tl.end >= 3.0);
    CHECK(tl.end <= 6.0);

    cli::Machine fresh;
    REQUIRE(fresh.execute("docker build -t app .").ok());
    const auto first = render::anim::makeTimeline(
        render::stack::buildScene(fresh.state(), render::stack::fromLastBuild(fresh.state().lastBuild), {}));
    CHECK(first.end >= 2.0);
    CHECK(first.end <= 6.0);
}

TEST_CASE("stack playback: speed, pause, step, replay, finish") {
    render::anim::Playback pb;
    pb.start(4.0);
    pb.advance(1.0);
    CHECK(pb.time() == doctest::Approx(1.0));
    pb.setSpeedIndex(4);
    CHECK(pb.speed() == 4.0);
    pb.advance(0.5);
    CHECK(pb.time() == doctest::Approx(3.0));
    pb.togglePause();
    pb.advance(1.0);
    CHECK(pb.time() == doctest::Approx(3.0));
    pb.stepBack({0.35, 1.0, 2.5, 4.0});
    CHECK(pb.time() == doctest::Approx(2.5));
    pb.stepForward({0.35, 1.0, 2.5, 4.0});
    CHECK(pb.time() == doctest::Approx(4.0));
    CHECK_FALSE(pb.moving());
    pb.replay();
    CHECK(pb.time() == 0.0);
    CHECK(pb.moving());
    pb.finish();
    CHECK(pb.time() == 4.0);
    pb.setSpeedIndex(0);
    CHECK(pb.speed() == 0.25);
}

TEST_CASE("stack timeline: a pull downloads several layers at once, extracts in order, Already exists stands still") {
    cli::Machine machine;
    const Outcome pull = machine.execute("docker pull node");
    REQUIRE(pull.ok());
    std::vector<render::stack::PulledLayer> pulled;
    engine::Digest image = machine.state().tags.at("node:latest");
    for (const auto& event : pull.events)
        if (const auto* e = std::get_if<LayerPulled>(&event))
            pulled.push_back({e->diffId, e->alreadyExists, e->downloadStartMs, e->downloadDoneMs, e->extractStartMs,
                              e->extractDoneMs});
    REQUIRE(pulled.size() >= 3);
    // As if the machine already had the bottom layer: it says so and does not move.
    pulled[0].alreadyExists = true;
    pulled[0].downloadStartMs = pulled[0].downloadDoneMs = pulled[0].extractStartMs = pulled[0].extractDoneMs = 0;
    const auto scene = render::stack::imageScene(machine.state(), image, pulled);
    REQUIRE(scene.after.blocks.size() == pulled.size());
    CHECK(scene.after.blocks[0].state == BlockState::Exists);
    CHECK(scene.after.blocks[1].state == BlockState::Pulled);
    const auto tl = render::anim::makeTimeline(scene);
    using render::anim::PullPhase;
    CHECK_FALSE(tl.after[0].built);
    CHECK(render::anim::pullPhase(tl.after[0], 0.0) == PullPhase::PullComplete);
    CHECK(tl.end >= 2.5);
    CHECK(tl.end <= 4.0);
    // Some moment has two layers downloading at once.
    int most = 0;
    for (double t = 0.0; t < tl.end; t += 0.02) {
        int downloading = 0;
        for (size_t i = 1; i < tl.after.size(); ++i)
            downloading += render::anim::pullPhase(tl.after[i], t) == PullPhase::Downloading ? 1 : 0;
        most = std::max(most, downloading);
    }
    CHECK(most >= 2);
    CHECK(most <= 3);   // dockerd's max-concurrent-downloads
    for (size_t i = 1; i < tl.after.size(); ++i) {
        CAPTURE(i);
        CHECK(tl.after[i].downloaded <= tl.after[i].extractStart);
        if (i > 1) CHECK(tl.after[i].extractStart >= tl.after[i - 1].done - 1e-9);   // one extraction at a time
        CHECK(render::anim::pullPhase(tl.after[i], tl.after[i].extractStart + 1e-6) == PullPhase::Extracting);
        CHECK(render::anim::pullPhase(tl.after[i], tl.end) == PullPhase::PullComplete);
        CHECK(render::anim::pullProgress(tl.after[i], (tl.after[i].appear + tl.after[i].downloaded) * 0.5) ==
              doctest::Approx(0.5));
    }
}

TEST_CASE("stack scene and timeline: docker rmi leaves the build's picture, marked removed; departures fade") {
    cli::Machine machine;
    REQUIRE(machine.execute("docker build -t app .").ok());
    const auto now = render::stack::fromLastBuild(machine.state());
    CHECK_FALSE(render::stack::buildScene(machine.state(), now, {}).after.removed);
    REQUIRE(machine.execute("docker rmi app").ok());
    const auto scene = render::stack::buildScene(machine.state(), now, {});
    CHECK(scene.after.removed);
    CHECK(scene.after.blocks.size() >= 4);   // the records stay: the build is still explained
    const auto tl = render::anim::departureTimeline(scene);
    CHECK(tl.containersAt == 0.0);
    CHECK(render::anim::departure(tl, 0.0) == 0.0);
    CHECK(render::anim::departure(tl, tl.end) == 1.0);
    CHECK(render::anim::departure(tl, tl.end * 0.5) == doctest::Approx(0.5));
    for (const auto& timing : tl.after) CHECK(render::anim::entrance(timing, 0.0) == 1.0);   // the rest stands still
    // What the picture then says is true: the build cache kept the steps, so a rebuild is all CACHED.
    REQUIRE(machine.execute("docker build -t app .").ok());
    for (const auto& step : machine.state().lastBuild.steps) CHECK_MESSAGE(step.cached, step.instruction);
    // A build's timeline has no departure, and containers wait for its end.
    const auto build = render::anim::makeTimeline(render::stack::buildScene(machine.state(), now, {}));
    CHECK(build.departEnd == 0.0);
    CHECK(build.containersAt == build.end);
}
