#include "render/app.hpp"

#include <cstdlib>
#include <iostream>

namespace layerlab::render {

int runApp(const std::vector<std::string>&) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        std::cerr << "layerlab: no display found (DISPLAY is not set); use the terminal mode instead: layerlab shell\n";
        return 1;
    }
    std::cerr << "layerlab: the window is not built yet; use: layerlab shell\n";
    return 1;
}

}  // namespace layerlab::render
