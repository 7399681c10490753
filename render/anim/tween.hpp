// Tweens over wall-clock seconds (glfwGetTime), for highlighting what a
// command changed. Animation time never touches the simulation's virtual
// clock (State.clock): a frame rate never changes what the model says.
#pragma once
#include <map>

namespace layerlab::render::anim {

// Smooth start and stop, t in [0, 1].
float easeOutCubic(float t);
float easeInOutSine(float t);

// One transition from a start time over a duration.
struct Tween {
    double start = -1.0;   // seconds; negative = never started
    double duration = 1.0;

    void begin(double now, double delay = 0.0) { start = now + delay; }
    bool started() const { return start >= 0.0; }
    // 0 before the start, 1 after the end.
    float progress(double now) const;
    bool running(double now) const { return started() && progress(now) < 1.0f; }
};

// "Flash then fade" highlights keyed by an integer (a build step index):
// strength 1 at the start, 0 after the duration. Steps start one after
// another (a stagger) so the eye follows the cache cascade upwards.
class Highlights {
public:
    void clear() { m_tweens.clear(); }
    void flash(int key, double now, double delay, double duration);
    // 0 when KEY never flashed or has faded.
    float strength(int key, double now) const;
    bool anyRunning(double now) const;

private:
    std::map<int, Tween> m_tweens;
};

}   // namespace layerlab::render::anim
