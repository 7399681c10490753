// The classroom's panels (issue 9), apart from the tiled ones in panels.hpp:
// the prediction's panel beside the stack, the scenario bar (step forward and back),
// and the Session menu (open, save, undo, redo, start over, narration cards,
// the sandbox's predict toggle).
#pragma once
#include "render/view.hpp"

namespace layerlab::render::panels {

namespace predict {
bool visible(const View& view);
// The question or its score (render/layout.cpp and the presenter place it; nothing when neither is open).
void draw(View& view);
// The height it needs at WIDTH (its text wrapped), with the window's padding: presenter mode's strip.
float height(View& view, float width);
}   // namespace predict

namespace session {
// The "Session" menu of the main menu bar.
void menu(View& view);
// Undo / redo / start over, as the menu and the presenter's keys do them.
bool undo(View& view);
bool redo(View& view);
void startOver(View& view);
}   // namespace session

namespace classroom {
// Floating windows over the tiled layout: the scenario bar while a scenario is open.
void overlays(View& view);
}   // namespace classroom

}   // namespace layerlab::render::panels
