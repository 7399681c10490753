// `layerlab`: headless subcommands first (parse, shell, play, ...), else the window.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "frontend/headless.hpp"
#ifdef LAYERLAB_WITH_GUI
#include "render/app.hpp"
#include "render/options.hpp"
#endif

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    layerlab::frontend::Io io{std::cin, std::cout, std::cerr, isatty(0) != 0};
    if (auto code = layerlab::frontend::runHeadless(args, io)) {
#ifdef LAYERLAB_WITH_GUI
        // The window's own options (--size, --screenshot, --time, ...) after the commands.
        if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help"))
            std::cout << "\n" << layerlab::render::optionsUsage();
#endif
        return *code;
    }
#ifdef LAYERLAB_WITH_GUI
    return layerlab::render::runApp(args);
#else
    std::cerr << "layerlab: built without the window; try the terminal mode: layerlab shell\n";
    return 1;
#endif
}
