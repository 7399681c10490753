#include "render/options.hpp"

#include <cstdlib>
#include <cstring>

#include "sim/locale.hpp"

namespace layerlab::render {
namespace {

bool parseInt(const std::string& text, int& out) {
    if (text.empty() || text.size() > 6) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    out = std::atoi(text.c_str());
    return true;
}

bool parseSize(const std::string& text, int& w, int& h) {
    auto x = text.find('x');
    if (x == std::string::npos) return false;
    return parseInt(text.substr(0, x), w) && parseInt(text.substr(x + 1), h) && w >= 320 && h >= 240;
}

std::string langFromLocale() { return languageFromLocale(std::getenv); }

}   // namespace

const char* optionsUsage() {
    return "Window options:\n"
           "  --lang ko|en         language of the window (default: from LANG)\n"
           "  --presenter          classroom mode: large type (+/-), high contrast, keys Space/Right, Left, P, R, L, Esc\n"
           "  --lesson ID|N        start a lesson (as layerlab shell --lesson); with --presenter, present it\n"
           "  --scenario FILE      open a scenario or lesson file to run step by step (Space/Right, Left)\n"
           "  --steps N            run the first N steps of the scenario or presented lesson at start\n"
           "  --run \"COMMAND\"      send a command line at start (repeatable), e.g. --run \"docker build -t app .\"\n"
           "  --screenshot FILE    render a few frames, write a PNG of the window and exit\n"
           "  --time SECONDS       with --screenshot: the animation SECONDS after the last --run (virtual clock)\n"
           "  --inspect STEP       open the inspector on build step STEP of the layer stack\n"
           "                       (STEP:files: on the files of its layer)\n"
           "  --frames N           render N frames and exit\n"
           "  --trace-startup      print where the first frame's time went (ms since start, JSON)\n"
           "  --size WxH           window size in pixels (default 1280x800), e.g. --size 1920x1080;\n"
           "                       the screenshot has this size (the display must be at least as big)\n";
}

std::optional<AppOptions> parseOptions(const std::vector<std::string>& args, std::string& error) {
    AppOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                error = "layerlab: option " + arg + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        std::string text;
        if (arg == "--presenter") {
            options.presenter = true;
        } else if (arg == "--lang") {
            if (!value(text)) return std::nullopt;
            if (text != "en" && text != "ko") {
                error = "layerlab: --lang must be ko or en, not '" + text + "'";
                return std::nullopt;
            }
            options.lang = text;
        } else if (arg == "--screenshot") {
            if (!value(options.screenshot)) return std::nullopt;
        } else if (arg == "--frames") {
            if (!value(text)) return std::nullopt;
            if (!parseInt(text, options.frames) || options.frames < 1) {
                error = "layerlab: --frames needs a positive number, not '" + text + "'";
                return std::nullopt;
            }
        } else if (arg == "--trace-startup") {
            options.traceStartup = true;
        } else if (arg == "--time") {
            if (!value(text)) return std::nullopt;
            char* end = nullptr;
            const double t = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size() || !(t >= 0.0) || t > 3600.0) {
                error = "layerlab: --time needs seconds between 0 and 3600, not '" + text + "'";
                return std::nullopt;
            }
            options.time = t;
        } else if (arg == "--inspect") {
            if (!value(text)) return std::nullopt;
            const std::string suffix = ":files";
            options.inspectFiles =
                text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
            const std::string step = options.inspectFiles ? text.substr(0, text.size() - suffix.size()) : text;
            if (!parseInt(step, options.inspect) || options.inspect < 1) {
                error = "layerlab: --inspect needs a build step number (or STEP:files), not '" + text + "'";
                return std::nullopt;
            }
        } else if (arg == "--run") {
            if (!value(text)) return std::nullopt;
            options.run.push_back(text);
        } else if (arg == "--lesson") {
            if (!value(options.lesson)) return std::nullopt;
        } else if (arg == "--scenario") {
            if (!value(options.scenario)) return std::nullopt;
        } else if (arg == "--steps") {
            if (!value(text)) return std::nullopt;
            if (!parseInt(text, options.steps)) {
                error = "layerlab: --steps needs a number of steps, not '" + text + "'";
                return std::nullopt;
            }
        } else if (arg == "--size") {
            if (!value(text)) return std::nullopt;
            if (!parseSize(text, options.width, options.height)) {
                error = "layerlab: --size needs WIDTHxHEIGHT (at least 320x240), not '" + text + "'";
                return std::nullopt;
            }
        } else {
            error = "layerlab: unknown option '" + arg + "' (see layerlab --help)";
            return std::nullopt;
        }
    }
    if (options.lang.empty()) options.lang = langFromLocale();
    return options;
}

}   // namespace layerlab::render
