// Predict, then see, on the layer stack itself. While a question is open
// (render/predict_state.hpp) a click on a block of the build now toggles
// it as "predicted: rebuilt" through PredictUi::toggle, the call the
// panel's checkboxes and the presenter's digit keys make, so the answer
// that reaches the LessonSession is the same however it was given. After
// the build each block, once its animation has finished, says whether the
// guess was right: a tick or a cross and the guess in words, never colour
// alone.
#pragma once
#include <imgui.h>

#include <string>

#include "render/stack/geometry.hpp"
#include "render/view.hpp"

namespace layerlab::render::stack {

// A question is open and B is one of the steps of the build it is about:
// a click on B is a guess, not a selection for the inspector.
bool predictable(const View& view, const Block& b);

// The label the guess on B carries ("predicted: rebuilt", "√ predicted:
// cached", ...; "" for none): the block's title row leaves room for it.
std::string predictLabel(const View& view, const Block& b);

// The guess (outline and label) or, after the build, its verdict on B,
// drawn over the block at BOX. REVEALED: the block's animation is over.
// Returns what it drew, for the screenshot's sidecar: "guess" (picked
// while asking), "right" or "wrong" (the verdict), or "" (nothing).
const char* predictMark(View& view, ImDrawList* dl, const Block& b, Box box, float alpha, bool revealed);

}   // namespace layerlab::render::stack
