// The panels of the window, one file each (render/panels/<name>.cpp), each
// with a draw(View&) that draws the panel's contents inside a window that
// render/layout.cpp has already begun. Find a panel on screen by its title,
// then its file by the same name.
#pragma once
#include "render/view.hpp"

namespace layerlab::render::panels {

namespace lessons { void draw(View& view); }      // "Lessons": the course's lessons, in order
namespace dockerfile { void draw(View& view); }   // "Dockerfile": edit, save, build
namespace terminal { void draw(View& view); }     // "Terminal": the host shell (layerlab shell)
namespace layers { void draw(View& view); }       // "Layer stack": the last build, cached vs rebuilt and why
namespace images { void draw(View& view); }       // "Images": docker images, with layer counts
namespace containers { void draw(View& view); }   // "Containers": docker ps -a
namespace inspect { void draw(View& view); }      // "Inspect": the clicked block of the layer stack

}  // namespace layerlab::render::panels
