// Writes the current OpenGL back buffer to a PNG. Call after rendering and
// before glfwSwapBuffers (after the swap the back buffer is undefined).
#pragma once
#include <string>

namespace layerlab::render {

// Returns false with ERROR set when the file cannot be written.
bool writeScreenshot(const std::string& path, int width, int height, std::string& error);

}   // namespace layerlab::render
