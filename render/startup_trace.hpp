// `layerlab --trace-startup`: where the time to the first frame goes.
//
// The window prepares on two threads (render/app.cpp runApp): the main thread
// opens the display and the OpenGL context while another reads the tables and
// lessons and rasterises the font atlas. Each thread notes the end of its
// phases in its own list (no locking: the lists are read after the join and
// the first frame), in ms since the process's static initialisation. After
// the first frame is on the screen, one line goes to stdout:
//   layerlab: startup {"first_frame_ms":...,"main":{...},"prepare":{...}}
// bench/frame/bench_frame runs the real binary with it and reads that line.
#pragma once
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace layerlab::render {

class StartupTrace {
public:
    using Clock = std::chrono::steady_clock;
    explicit StartupTrace(Clock::time_point start) : m_start(start) {}

    bool on = false;

    void mainPhase(const char* name) { mark(m_main, name); }
    void preparePhase(const char* name) { mark(m_prepare, name); }

    // The first frame is drawn and swapped: print the line (once).
    void firstFrame() {
        if (!on || m_printed) return;
        m_printed = true;
        mainPhase("first_frame");
        std::string line = "layerlab: startup {\"first_frame_ms\":" + number(m_main.back().second);
        line += ",\"main\":" + phases(m_main) + ",\"prepare\":" + phases(m_prepare) + "}\n";
        std::fputs(line.c_str(), stdout);
        std::fflush(stdout);
    }

private:
    using Phases = std::vector<std::pair<const char*, double>>;
    void mark(Phases& phases, const char* name) {
        if (on) phases.push_back({name, std::chrono::duration<double, std::milli>(Clock::now() - m_start).count()});
    }
    static std::string number(double ms) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", std::round(ms * 10.0) / 10.0);
        return text;
    }
    // {"phase": ms at its end, ...} in the order they ended.
    static std::string phases(const Phases& list) {
        std::string out = "{";
        for (const auto& [name, at] : list)
            out += (out.size() > 1 ? ",\"" : "\"") + std::string(name) + "\":" + number(at);
        return out + "}";
    }

    Clock::time_point m_start;
    Phases m_main, m_prepare;
    bool m_printed = false;
};

}   // namespace layerlab::render
