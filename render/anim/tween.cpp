#include "render/anim/tween.hpp"

#include <algorithm>
#include <cmath>

namespace layerlab::render::anim {

float easeOutCubic(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    float u = 1.0f - t;
    return 1.0f - u * u * u;
}

float easeInOutSine(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return 0.5f - 0.5f * std::cos(t * 3.14159265f);
}

float Tween::progress(double now) const {
    if (!started() || now < start) return 0.0f;
    if (duration <= 0.0) return 1.0f;
    return static_cast<float>(std::min(1.0, (now - start) / duration));
}

void Highlights::flash(int key, double now, double delay, double duration) {
    Tween tween;
    tween.duration = duration;
    tween.begin(now, delay);
    m_tweens[key] = tween;
}

float Highlights::strength(int key, double now) const {
    auto it = m_tweens.find(key);
    if (it == m_tweens.end() || !it->second.started() || now < it->second.start) return 0.0f;
    return 1.0f - easeOutCubic(it->second.progress(now));
}

bool Highlights::anyRunning(double now) const {
    for (const auto& [key, tween] : m_tweens)
        if (tween.started() && (now < tween.start || tween.running(now))) return true;
    return false;
}

}   // namespace layerlab::render::anim
