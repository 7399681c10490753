// The window's fixed layout: a menu bar, then the panels tiled in three
// columns (ImGui 1.86 has no docking). Sizes follow the window, so the same
// layout serves a laptop and a projector.
#pragma once
#include "render/view.hpp"

namespace layerlab::render {

void drawLayout(View& view);

}   // namespace layerlab::render
