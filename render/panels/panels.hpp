// The panels of the window, one file each (render/panels/<name>.cpp), each
// with a draw(View&) that draws the panel's contents inside a window that
// render/layout.cpp has already begun. Find a panel on screen by its title,
// then its file by the same name.
#pragma once
#include "render/view.hpp"

namespace layerlab::render::panels {

namespace lessons {
void draw(View& view);
}   // namespace lessons
namespace dockerfile {
void draw(View& view);
}   // namespace dockerfile
namespace terminal {
void draw(View& view);
// The scrollback (render/panels/scrollback.cpp): wrapped lines in their
// colours, mouse selection, Ctrl+C; HEIGHT as ImGui::BeginChild takes it.
void scrollback(View& view, float height);
// The Copy button's text: the selection, or everything when nothing is selected.
std::string copyText(const View& view);
}   // namespace terminal
namespace layers {
void draw(View& view);
}   // namespace layers
// HEADING: the panel's own title (off in a tab, whose label says it).
namespace images {
void draw(View& view, bool heading = true);
}   // namespace images
namespace containers {
void draw(View& view, bool heading = true);
}   // namespace containers
namespace inspect {
void draw(View& view);
}   // namespace inspect

}   // namespace layerlab::render::panels
