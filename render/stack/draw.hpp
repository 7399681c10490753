// Drawing the layer-stack picture with ImGui: the build before and the build
// now side by side, each as a stack of blocks (render/stack/geometry), at the
// moment the animation clock says (render/anim/timeline), with the
// containers standing on the image they run from. Reads View and the scene;
// the only things it changes are the window's own (selection, the expanded
// base block, the rectangles it drew for the screenshot sidecar).
#pragma once
#include <imgui.h>

#include <string>

#include "render/view.hpp"

namespace layerlab::render::stack {

// Draws the picture into the rectangle [MIN, MIN+SIZE] of the current window,
// from its top edge down; returns the height it used (at most SIZE.y).
float drawPicture(View& view, ImVec2 min, ImVec2 size);

// The least height the picture needs at WIDTH (every block at its minimum):
// more than the panel has means the picture scrolls (a 40-step build).
float pictureMinHeight(View& view, float width);

// The colour and the word of a block state.
ImVec4 stateColour(const Palette& palette, BlockState state);
const char* stateLabel(View& view, BlockState state);

// TEXT cut to WIDTH pixels in FONT with "…" at the end when it does not fit.
std::string ellipsize(ImFont* font, float fontSize, const std::string& text, float width);

}   // namespace layerlab::render::stack
