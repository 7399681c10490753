// The panels of the window, one file each (render/panels/<name>.cpp), each
// with a draw(View&) that draws the panel's contents inside a window that
// render/layout.cpp has already begun. Find a panel on screen by its title,
// then its file by the same name.
#pragma once
#include "render/view.hpp"

namespace layerlab::render::panels {

namespace lessons { void draw(View& view); }      // "Lessons": the course's lessons, in order

}  // namespace layerlab::render::panels
