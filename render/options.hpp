// Command-line options of the window (`layerlab [--lang ko] [--presenter] ...`).
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace layerlab::render {

struct AppOptions {
    std::string lang;   // "en" or "ko"; empty = from the locale (LANG)
    std::string screenshot;   // write a PNG of the window and exit
    int frames = 0;   // render N frames then exit (0 = until closed)
    bool presenter = false;   // large fonts, high contrast
    std::vector<std::string> run;   // command lines sent through the Machine at start, in order
    std::string lesson;   // lesson ID or number to start with
    std::string scenario;   // --scenario FILE: a scenario or lesson file to step through
    int steps = 0;   // --steps N: run the first N steps of the scenario (or presented lesson) at start
    // --time SECONDS: the layer-stack animation SECONDS after the last --run
    // command, on a virtual clock (the same command gives the same picture).
    // Negative: not given (a screenshot then shows the end of the animation).
    double time = -1.0;
    // --inspect STEP: open the inspector on build step STEP of the picture
    // (0: none), for screenshots of the why panel and a layer's files.
    int inspect = 0;
    bool inspectFiles = false;   // --inspect STEP:files: on the layer's files
    // --trace-startup: print where the first frame's time went (render/startup_trace.hpp).
    bool traceStartup = false;
    int width = 1280;
    int height = 800;
};

// Parses ARGS (argv without argv[0]). On error returns std::nullopt and sets
// ERROR to one line naming the bad option.
std::optional<AppOptions> parseOptions(const std::vector<std::string>& args, std::string& error);

// The usage text of the window's options.
const char* optionsUsage();

}   // namespace layerlab::render
