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

// A pull: layers the machine has ("Already exists") stand still; the others
// download one after another, for a time that grows with their size.
Timeline pullTimeline(const stack::Scene& scene) {
    Timeline tl;
    const auto& blocks = scene.after.blocks;
    tl.after.resize(blocks.size());
    double total = 0.0;
    for (const auto& b : blocks)
        if (b.state == BlockState::Pulled) total += std::log10(std::max<double>(10.0, static_cast<double>(b.size)));
    const double scale = total > 0.0 ? 3.0 / total : 0.0;
    double t = 0.2;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].state != BlockState::Pulled) continue;
        const double length =
            std::max(0.15, scale * std::log10(std::max<double>(10.0, static_cast<double>(blocks[i].size))));
        tl.after[i] = BlockTiming{t, t + length, true};
        t += length;
    }
    tl.end = t;
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
    for (const auto& timing : tl.after) tl.marks.push_back(timing.done);
    tl.marks.push_back(tl.end);
    std::sort(tl.marks.begin(), tl.marks.end());
    tl.marks.erase(std::unique(tl.marks.begin(), tl.marks.end()), tl.marks.end());
    return tl;
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
