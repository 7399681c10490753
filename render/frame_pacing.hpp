// When the window draws: every frame while something moves, a few frames
// after an input event (ImGui settles hover and focus over two or three),
// and otherwise not at all: it sleeps in glfwWaitEvents, so an idle window
// costs no CPU (in the browser, which cannot sleep, frameDue says whether an
// animation frame draws). Shared by the window's loop (render/app.cpp) and
// bench/frame/bench_frame, which measures that idle cost.
#pragma once

namespace layerlab::render {

class FramePacer {
public:
    // Returns when the next frame should be drawn. SCRIPTED (screenshots,
    // --frames) never waits. MAXWAIT > 0 bounds a wait (seconds); the
    // return value says whether a frame is due (false: the wait timed out
    // with nothing to draw).
    bool waitForFrame(bool animating, bool scripted, double maxWait = 0.0);
    // The browser calls every animation frame and cannot sleep: whether this
    // one draws. WOKEN: an input event, a resize or a page script's call
    // since the last call (the same few frames follow it as after a wait).
    bool frameDue(bool animating, bool woken, bool scripted);

private:
    int m_settleFrames = 3;
};

}   // namespace layerlab::render
