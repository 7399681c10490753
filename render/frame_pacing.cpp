#include "render/frame_pacing.hpp"

#include <GLFW/glfw3.h>

namespace layerlab::render {

bool FramePacer::waitForFrame(bool animating, bool scripted, double maxWait) {
    if (scripted || animating) {
        glfwPollEvents();
        return true;
    }
    if (m_settleFrames > 0) {
        glfwPollEvents();
        --m_settleFrames;
        return true;
    }
    // Idle: sleep until an input event arrives.
    if (maxWait > 0.0) {
        const double before = glfwGetTime();
        glfwWaitEventsTimeout(maxWait);
        if (glfwGetTime() - before >= maxWait) return false;   // timed out: nothing happened
    } else {
        glfwWaitEvents();
    }
    m_settleFrames = 3;
    return true;
}

bool FramePacer::frameDue(bool animating, bool woken, bool scripted) {
    if (woken) m_settleFrames = 3;
    if (scripted || animating) return true;
    if (m_settleFrames == 0) return false;
    --m_settleFrames;
    return true;
}

}   // namespace layerlab::render
