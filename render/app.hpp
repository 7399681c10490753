// The window: runApp() opens LayerLab's Dear ImGui window (GLFW + OpenGL 3.3
// core) and runs until it is closed. With no display it prints one line that
// offers the terminal mode and returns 1.
#pragma once
#include <string>
#include <vector>

namespace layerlab::render {

int runApp(const std::vector<std::string>& args);

class Workspace;
// The open window's workspace (null when no window is open): the browser
// build's JS hook (web/hook.cpp) sends commands through it, as the terminal does.
Workspace* runningWorkspace();
// Frames drawn so far by the open window (0 when none is open): the page's
// first-frame signal.
int drawnFrames();
// Something outside the frame changed what the window shows (the page's
// hook ran a command, opened a scenario, typed text): the browser, which
// draws nothing while idle, draws the next frames.
void requestFrames();

}   // namespace layerlab::render
