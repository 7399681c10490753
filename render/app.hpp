// The window: runApp() opens LayerLab's Dear ImGui window (GLFW + OpenGL 3.3
// core) and runs until it is closed. With no display it prints one line that
// offers the terminal mode and returns 1.
#pragma once
#include <string>
#include <vector>

namespace layerlab::render {

int runApp(const std::vector<std::string>& args);

}   // namespace layerlab::render
