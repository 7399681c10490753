// Timeline: when each block of a build appears and how long it takes to
// build, on the animation's own clock (seconds since the command ran, at 1x).
// Made from the scene, i.e. from the builder's records: cached blocks drop in
// at once, then from the first miss the replaced layers of the build before
// fade out and the new blocks are built one by one, each for a time in
// proportion to its simulated duration, scaled so a course build takes a few
// seconds. Pure arithmetic, tested without a window.
#pragma once
#include <vector>

#include "render/stack/scene.hpp"

namespace layerlab::render::anim {

struct BlockTiming {
    double appear = 0.0;   // the block starts to show
    double done = 0.0;   // fully built (== appear + drop time for cached blocks)
    bool built = false;   // it ran in this build (it grows instead of dropping in)
    // A pulled layer: downloaded at DOWNLOADED, extracted from EXTRACTSTART to
    // DONE (APPEAR is the download's start). -1 for anything else.
    double downloaded = -1.0;
    double extractStart = -1.0;
};

// The phase of a pulled layer at time T, in Docker's pull words.
enum class PullPhase { Waiting, Downloading, DownloadComplete, Extracting, PullComplete };
PullPhase pullPhase(const BlockTiming& timing, double t);
// 0..1 through the current phase (downloading or extracting).
double pullProgress(const BlockTiming& timing, double t);

struct Timeline {
    std::vector<BlockTiming> after;   // one per scene.after.blocks
    double fadeStart = 0.0;   // replaced blocks of the build before fade out
    double fadeEnd = 0.0;
    double failAt = -1.0;   // the failed step shakes from here (-1: no failure)
    double end = 0.0;   // everything is in place
    std::vector<double> marks;   // the moments a block is done: the step button's stops
    double containersAt = 0.0;   // containers stand on the image from here (the build's end)
    double departEnd = 0.0;   // removed containers and images fade out until here (0: none)
};

inline constexpr double kDropSeconds = 0.35;
inline constexpr double kShakeSeconds = 0.7;

Timeline makeTimeline(const stack::Scene& scene);

// After `docker rm` / `docker rmi`: everything left stands still, what was
// removed fades out and lifts off for kDepartSeconds.
inline constexpr double kDepartSeconds = 1.2;
Timeline departureTimeline(const stack::Scene& scene);
// 0..1 of a departure at time T (0: still in place, 1: gone).
double departure(const Timeline& timeline, double t);

// 0..1 of a block's entrance at time T (0: not yet, 1: in place).
double entrance(const BlockTiming& timing, double t);

// Where the animation clock stands, at a speed the learner picks. The window
// advances it by wall time; a screenshot sets it (--time) so the same command
// gives the same picture.
class Playback {
public:
    static constexpr double kSpeeds[] = {0.25, 0.5, 1.0, 2.0, 4.0};

    void start(double length);   // from 0, playing
    void advance(double wallSeconds);   // t += seconds * speed, unless paused; stops at the end
    void finish() { m_time = m_length; }
    void replay() {
        m_time = 0.0;
        m_paused = false;
    }
    void setTime(double t);
    void togglePause() { m_paused = !m_paused; }
    void stepForward(const std::vector<double>& marks);   // pause at the next mark
    void stepBack(const std::vector<double>& marks);   // pause at the mark before
    void setSpeedIndex(int index);

    double time() const { return m_time; }
    double length() const { return m_length; }
    bool paused() const { return m_paused; }
    bool moving() const { return !m_paused && m_time < m_length; }
    int speedIndex() const { return m_speed; }
    double speed() const { return kSpeeds[m_speed]; }

private:
    double m_time = 0.0;
    double m_length = 0.0;
    bool m_paused = false;
    int m_speed = 2;   // 1x
};

}   // namespace layerlab::render::anim
