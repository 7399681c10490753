// Presenter mode: the window for a classroom projector (1280x720 or
// 1920x1080), run from the keyboard. Few panels, large type (scale 100-250%,
// + and -), high contrast: the stage is the layer stack and the Dockerfile,
// the terminal shows the last commands in large type, a narration card
// stands over the stage while it is the current step.
//
// Keys: Space or Right runs the next step of the scenario or lesson (a
// command, a file edit, a card), Left steps back (the steps before it are
// replayed from the start state), P asks the room to predict before the
// next build (digits pick steps, 0 = none), R replays the last animation,
// L switches language, Esc leaves presenter mode.
#pragma once
#include "render/view.hpp"

namespace layerlab::render::presenter {

enum class Key { Next, Back, Predict, Replay, Language, Leave, Bigger, Smaller };

// What a key does (the keyboard handler and the tests call this).
void press(View& view, Key key);

// The whole window in presenter mode, keys included.
void draw(View& view);

inline constexpr float kMinScale = 1.0f;
inline constexpr float kMaxScale = 2.5f;

}   // namespace layerlab::render::presenter
