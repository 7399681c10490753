#include "render/anim/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace layerlab::render::anim {
namespace {

using stack::BlockKind;
using stack::BlockState;

// A course build of a few simulated seconds plays in 2-4.5 s of building,
// plus the drop and fade: 3-6 s in all at 1x.
constexpr double kMinBuildSeconds = 2.0;
constexpr double kMaxBuildSeconds = 4.5;
constexpr double kMinStepSeconds = 0.3;
constexpr double kConfigSeconds = 0.2;
constexpr double kFadeSeconds = 0.5;

bool ran(const stack::Block& block) {
    return block.state == BlockState::Rebuilt || block.state == BlockState::New || block.state == BlockState::Failed ||
           block.state == BlockState::Pulled;
}

// A pull, on the pull's own clock (the engine's LayerPulled timings): several
// layers download at once, each is extracted in order once downloaded; the
// whole pull is scaled to play in about 3 s. Layers the machine has
// ("Already exists") stand still.
constexpr double kPullSeconds = 3.0;
constexpr double kPullLead = 0.2;

Timeline pullTimeline(const stack::Scene& scene) {
    Timeline tl;
    const auto& blocks = scene.after.blocks;
    tl.after.resize(blocks.size());
    int64_t last = 0;
    for (const auto& b : blocks)
        if (b.state == BlockState::Pulled) last = std::max(last, b.extractDoneMs);
    const double scale = last > 0 ? kPullSeconds / static_cast<double>(last) : 0.0;
    auto at = [&](int64_t ms) { return kPullLead + static_cast<double>(ms) * scale; };
    double end = 0.0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const auto& b = blocks[i];
        if (b.state != BlockState::Pulled) continue;
        BlockTiming& timing = tl.after[i];
        timing.built = true;
        if (last > 0 && b.extractDoneMs > b.downloadStartMs) {
            timing.appear = at(b.downloadStartMs);
            timing.downloaded = at(b.downloadDoneMs);
            timing.extractStart = at(b.extractStartMs);
            timing.done = at(b.extractDoneMs);
        } else {
            // No timing recorded (an older event): one after another.
            timing.appear = std::max(kPullLead, end);
            timing.downloaded = timing.extractStart = timing.appear + 0.2;
            timing.done = timing.appear + 0.3;
        }
        end = std::max(end, timing.done);
    }
    tl.end = end;
    tl.containersAt = end;
    for (const auto& timing : tl.after) tl.marks.push_back(timing.done);
    tl.marks.push_back(tl.end);
    std::sort(tl.marks.begin(), tl.marks.end());
    tl.marks.erase(std::unique(tl.marks.begin(), tl.marks.end()), tl.marks.end());
    return tl;
}

}   // namespace

Timeline makeTimeline(const stack::Scene& scene) {
    for (const auto& b : scene.after.blocks)
        if (b.state == BlockState::Pulled || b.state == BlockState::Exists || b.state == BlockState::Stored)
            return pullTimeline(scene);
    Timeline tl;
    const auto& blocks = scene.after.blocks;
    tl.after.resize(blocks.size());

    double simulated = 0.0;
    int running = 0;
    for (const auto& block : blocks)
        if (ran(block) && block.kind != BlockKind::Config) {
            simulated += static_cast<double>(block.durationMs) / 1000.0;
            ++running;
        }
    // Scale simulated seconds into the 2-4.5 s window (a 40 s npm install
    // and a 0.2 s COPY keep their proportions).
    const double target = std::clamp(simulated, kMinBuildSeconds, kMaxBuildSeconds);
    const double scale = simulated > 0.0 ? target / simulated : 0.0;

    const bool anyMiss = std::any_of(blocks.begin(), blocks.end(), ran);
    double t = kDropSeconds;
    if (anyMiss && scene.before.present) {
        tl.fadeStart = kDropSeconds;
        tl.fadeEnd = kDropSeconds + kFadeSeconds;
        t = tl.fadeEnd;
    }
    bool missSeen = false;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const auto& block = blocks[i];
        BlockTiming& timing = tl.after[i];
        missSeen = missSeen || ran(block);
        if (!missSeen) {
            // Cached: drops in at once with its badge.
            timing.appear = 0.0;
            timing.done = kDropSeconds;
            continue;
        }
        timing.built = ran(block);
        double length = kConfigSeconds;
        if (block.state == BlockState::Failed) length = 0.6;
        else if (timing.built && block.kind != BlockKind::Config)
            length = std::max(kMinStepSeconds, static_cast<double>(block.durationMs) / 1000.0 * scale);
        if (running == 0 && timing.built) length = kMinStepSeconds;
        timing.appear = t;
        timing.done = t + length;
        t = timing.done;
        if (block.state == BlockState::Failed) tl.failAt = timing.done;
    }
    tl.end = std::max(t, kDropSeconds) + (tl.failAt >= 0.0 ? kShakeSeconds : 0.0);
    tl.containersAt = tl.end;
    for (const auto& timing : tl.after) tl.marks.push_back(timing.done);
    tl.marks.push_back(tl.end);
    std::sort(tl.marks.begin(), tl.marks.end());
    tl.marks.erase(std::unique(tl.marks.begin(), tl.marks.end()), tl.marks.end());
    return tl;
}

Timeline departureTimeline(const stack::Scene& scene) {
    Timeline tl;
    tl.after.resize(scene.after.blocks.size());   // all in place at once
    tl.departEnd = kDepartSeconds;
    tl.end = kDepartSeconds;
    tl.marks = {kDepartSeconds};
    return tl;
}

double departure(const Timeline& timeline, double t) {
    if (timeline.departEnd <= 0.0) return 1.0;
    return std::clamp(t / timeline.departEnd, 0.0, 1.0);
}

PullPhase pullPhase(const BlockTiming& timing, double t) {
    if (timing.downloaded < 0.0 || t >= timing.done) return PullPhase::PullComplete;
    if (t < timing.appear) return PullPhase::Waiting;
    if (t < timing.downloaded) return PullPhase::Downloading;
    if (t < timing.extractStart) return PullPhase::DownloadComplete;
    return PullPhase::Extracting;
}

double pullProgress(const BlockTiming& timing, double t) {
    auto part = [t](double from, double to) {
        return to > from ? std::clamp((t - from) / (to - from), 0.0, 1.0) : 1.0;
    };
    switch (pullPhase(timing, t)) {
        case PullPhase::Waiting:
            return 0.0;
        case PullPhase::Downloading:
            return part(timing.appear, timing.downloaded);
        case PullPhase::Extracting:
            return part(timing.extractStart, timing.done);
        case PullPhase::DownloadComplete:
        case PullPhase::PullComplete:
            break;
    }
    return 1.0;
}

double entrance(const BlockTiming& timing, double t) {
    if (t < timing.appear) return 0.0;
    if (timing.done <= timing.appear) return 1.0;
    return std::min(1.0, (t - timing.appear) / (timing.done - timing.appear));
}

void Playback::start(double length) {
    m_length = length;
    m_time = 0.0;
    m_paused = false;
}

void Playback::advance(double wallSeconds) {
    if (m_paused) return;
    m_time = std::min(m_length, m_time + wallSeconds * speed());
}

void Playback::setTime(double t) { m_time = std::clamp(t, 0.0, m_length); }

void Playback::stepForward(const std::vector<double>& marks) {
    m_paused = true;
    for (double mark : marks)
        if (mark > m_time + 1e-6) {
            m_time = std::min(mark, m_length);
            return;
        }
    m_time = m_length;
}

void Playback::stepBack(const std::vector<double>& marks) {
    m_paused = true;
    double target = 0.0;
    for (double mark : marks)
        if (mark < m_time - 1e-6) target = mark;
    m_time = target;
}

void Playback::setSpeedIndex(int index) { m_speed = std::clamp(index, 0, static_cast<int>(std::size(kSpeeds)) - 1); }

}   // namespace layerlab::render::anim
