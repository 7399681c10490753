// bench_frame: what one frame of the window costs, as JSON lines.
//
// The heavy scene: a 40-step build rebuilt after an edit (before/after
// columns), 20 containers on the image, a terminal of 500+ lines. For each
// window size (1280x800, 1920x1080) it prints one line with
//   cpu_ms_median/p95   CPU time from ImGui::NewFrame to ImGui::Render
//   frame_ms_median/p95 the whole frame: events, NewFrame..Render, GL draw, glFinish
//   gl_ms/swap_ms       the whole frame's parts: GL draw + glFinish, and SwapBuffers (Xvfb copies the image)
//   gl_cpu_ms           CPU time of all threads (llvmpipe's too) for the GL draw and swap: the cost
//                       on a loaded machine, where wall time is mostly waiting for a core
//   font_atlas, glyphs  the font texture's size and the glyphs baked into it
//   idle_cpu_percent    process CPU over 3 s of an idle window (the app's own pacing)
// Then one line for the start-up, measured on the real program, not a copy of it:
//   {"bench":"first_frame",...}  `layerlab --frames 1 --trace-startup` (1280x800, en) run RUNS
//                       times: from the spawn (exec and dynamic linking included) to the line it
//                       prints once its first frame is on the screen (median, best, and the first
//                       run apart: Mesa compiles the shaders then unless its disk cache has them),
//                       and the program's own phases of the median run (render/startup_trace.hpp).
// Run under Xvfb with Mesa llvmpipe:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench_frame
#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "layerlab_paths.hpp"
#include "render/frame_pacing.hpp"
#include "render/options.hpp"
#include "render/workspace.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

// The heavy scene as command lines, sent through the Machine as a learner would.
std::vector<std::string> heavyScene() {
    std::string dockerfile = "cat > Dockerfile <<'EOF'\nFROM node\nWORKDIR /app\n";
    for (int i = 1; i <= 37; ++i)
        dockerfile += i % 3 == 0 ? "COPY server.js /app/copy" + std::to_string(i) + ".js\n"
                                 : "RUN echo step " + std::to_string(i) + " > /app/f" + std::to_string(i) + ".txt\n";
    dockerfile += "CMD [\"node\", \"server.js\"]\nEOF";
    std::vector<std::string> lines = {dockerfile, "docker build -t app .", "echo '// changed' >> server.js",
                                      "docker build -t app ."};
    for (int i = 0; i < 20; ++i) lines.push_back("docker run -d --name web" + std::to_string(i) + " app");
    for (int i = 0; i < 260; ++i) lines.push_back("echo terminal line " + std::to_string(i));
    return lines;
}

struct Result {
    std::vector<double> cpu, frame;
    std::vector<double> gl, swap;   // the frame's parts: GL draw + glFinish, SwapBuffers (Xvfb's copy)
    // CPU time of all threads (llvmpipe's rasterizer threads too) from the GL draw to the end of the
    // swap: what the frame costs the machine, whatever else runs on it (wall time on a loaded
    // machine mostly measures waiting for a core).
    std::vector<double> glCpu;
    double idleCpuPercent = -1.0;
    int blocks = 0;
    int atlasWidth = 0, atlasHeight = 0, glyphs = 0;
    // What llvmpipe shades (its cost follows pixels, not draw calls): the triangles of the
    // last frame, and their area over the framebuffer's (1.0: every pixel once).
    int triangles = 0;
    double shadedAreaRatio = 0.0;
};

// Sum of the triangles' areas, clipped to the screen only roughly (their own extent):
// how many times the frame shades each pixel on average.
double shadedArea(const ImDrawData* data, int& triangles) {
    double area = 0.0;
    triangles = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImVec2& a = list->VtxBuffer[list->IdxBuffer[cmd.IdxOffset + i]].pos;
                const ImVec2& b = list->VtxBuffer[list->IdxBuffer[cmd.IdxOffset + i + 1]].pos;
                const ImVec2& c = list->VtxBuffer[list->IdxBuffer[cmd.IdxOffset + i + 2]].pos;
                area += std::fabs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5;
                ++triangles;
            }
        }
    }
    return area / (data->DisplaySize.x * data->DisplaySize.y);
}

bool measure(int width, int height, Result& r) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(width, height, "bench_frame", nullptr, nullptr);
    if (!window) return false;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);
    if (!gladLoadGL(glfwGetProcAddress)) return false;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    layerlab::render::AppOptions options;
    options.lang = "en";
    options.width = width;
    options.height = height;
    options.run = heavyScene();
    options.frames = 1;   // a scripted start: the animation shows its end
    layerlab::render::Workspace workspace(options);
    std::string error;
    workspace.start(error);

    // render/app.cpp's frame, step by step, so each part can be timed on its own.
    auto frame = [&](bool timed) {
        const auto start = Clock::now();
        glfwPollEvents();
        if (workspace.fontsNeedRebuild()) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            workspace.rebuildFonts();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        const double cpu0 = threadCpuMs();
        ImGui::NewFrame();
        workspace.drawFrame(glfwGetTime());
        ImGui::Render();
        const double cpu1 = threadCpuMs();
        if (!timed) r.shadedAreaRatio = shadedArea(ImGui::GetDrawData(), r.triangles);
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        const ImVec4 clear = workspace.clearColor();   // as render/app.cpp: the panels' colour
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        const double glCpu0 = processCpuSeconds();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glFinish();
        const auto drawn = Clock::now();
        glfwSwapBuffers(window);
        glFinish();
        const auto end = Clock::now();
        const double glCpuMs = (processCpuSeconds() - glCpu0) * 1000.0;
        const double ms = std::chrono::duration<double, std::milli>(end - start).count();
        if (timed) {
            r.cpu.push_back(cpu1 - cpu0);
            r.frame.push_back(ms);
            r.gl.push_back(std::chrono::duration<double, std::milli>(drawn - start).count() - (cpu1 - cpu0));
            r.swap.push_back(std::chrono::duration<double, std::milli>(end - drawn).count());
            r.glCpu.push_back(glCpuMs);
        }
    };
    frame(false);
    for (int i = 0; i < 5; ++i) frame(false);   // fonts, layout settle
    for (int i = 0; i < 120; ++i) frame(true);
    r.blocks = static_cast<int>(nlohmann::json::parse(workspace.drawnBlocksJson())["blocks"].size());
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    r.atlasWidth = atlas->TexWidth;
    r.atlasHeight = atlas->TexHeight;
    for (const ImFont* font : atlas->Fonts) r.glyphs += font->Glyphs.Size;

    // Idle: the app's own pacing, nothing moving, no input, for 3 s.
    // The pacer's settle frames after the last input come first; the idle
    // window starts when it would sleep.
    layerlab::render::FramePacer pacer;
    for (int i = 0; i < 3; ++i)
        if (pacer.waitForFrame(false, false, 0.001)) frame(false);
    const double cpuStart = processCpuSeconds();
    const double wallStart = glfwGetTime();
    while (glfwGetTime() - wallStart < 3.0) {
        const double left = 3.0 - (glfwGetTime() - wallStart);
        if (!pacer.waitForFrame(workspace.animating(glfwGetTime()), false, std::max(0.001, left))) continue;
        frame(false);
    }
    r.idleCpuPercent = (processCpuSeconds() - cpuStart) / (glfwGetTime() - wallStart) * 100.0;

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return true;
}

// One start of the real program: ms from posix_spawn to its startup line
// (the first frame is on the screen then), and that line's JSON. -1 on failure.
double startOnce(nlohmann::json& trace) {
    int out[2];
    if (pipe(out) != 0) return -1.0;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const char* binary = LAYERLAB_BINARY;
    char* argv[] = {const_cast<char*>(binary),
                    const_cast<char*>("--frames"),
                    const_cast<char*>("1"),
                    const_cast<char*>("--trace-startup"),
                    const_cast<char*>("--lang"),
                    const_cast<char*>("en"),
                    const_cast<char*>("--size"),
                    const_cast<char*>("1280x800"),
                    nullptr};
    const auto spawned = Clock::now();
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, binary, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    double ms = -1.0;
    std::string text;
    char buffer[4096];
    for (ssize_t n; !failed && (n = read(out[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<size_t>(n));
        const auto at = text.find("layerlab: startup ");
        if (ms < 0.0 && at != std::string::npos && text.find('\n', at) != std::string::npos) {
            ms = std::chrono::duration<double, std::milli>(Clock::now() - spawned).count();
            trace = nlohmann::json::parse(text.substr(at + 18, text.find('\n', at) - at - 18), nullptr, false);
        }
    }
    close(out[0]);
    int status = 0;
    if (!failed) waitpid(pid, &status, 0);
    return failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ? -1.0 : ms;
}

// The start-up line: RUNS starts of `layerlab` one after another.
bool printFirstFrame(int runs) {
    std::vector<std::pair<double, nlohmann::json>> starts;
    for (int i = 0; i < runs; ++i) {
        nlohmann::json trace;
        const double ms = startOnce(trace);
        if (ms < 0.0) {
            std::fprintf(stderr, "bench_frame: %s --frames 1 --trace-startup failed\n", LAYERLAB_BINARY);
            return false;
        }
        starts.push_back({ms, trace});
    }
    const double firstRun = starts.front().first;
    std::sort(starts.begin(), starts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const auto& median = starts[starts.size() / 2];
    nlohmann::json line = {{"bench", "first_frame"},
                           {"size", "1280x800"},
                           {"runs", runs},
                           {"first_frame_ms_median", std::round(median.first * 10.0) / 10.0},
                           {"first_frame_ms_best", std::round(starts.front().first * 10.0) / 10.0},
                           {"first_run_ms", std::round(firstRun * 10.0) / 10.0},
                           {"median_run_phases_ms_since_start", median.second}};
    std::printf("%s\n", line.dump().c_str());
    return true;
}

constexpr int kStartRuns = 7;

}   // namespace

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "bench_frame: no display (run under xvfb-run)\n");
        return 1;
    }
    for (auto [w, h] : {std::pair{1280, 800}, std::pair{1920, 1080}}) {
        Result r;
        if (!measure(w, h, r)) {
            std::fprintf(stderr, "bench_frame: cannot open a %dx%d OpenGL 3.3 window\n", w, h);
            return 1;
        }
        std::printf(
            "{\"bench\":\"frame\",\"size\":\"%dx%d\",\"scene\":\"40-step rebuild, 20 containers, 500-line terminal\","
            "\"blocks_drawn\":%d,\"cpu_ms_median\":%.3f,\"cpu_ms_p95\":%.3f,\"frame_ms_median\":%.3f,"
            "\"frame_ms_p95\":%.3f,\"gl_ms_median\":%.3f,\"swap_ms_median\":%.3f,\"gl_cpu_ms_median\":%.3f,"
            "\"triangles\":%d,\"shaded_area_ratio\":%.2f,\"font_atlas\":\"%dx%d\",\"glyphs\":%d,\"idle_cpu_percent\":%.2f}\n",
            w, h, r.blocks, percentile(r.cpu, 0.5), percentile(r.cpu, 0.95), percentile(r.frame, 0.5),
            percentile(r.frame, 0.95), percentile(r.gl, 0.5), percentile(r.swap, 0.5), percentile(r.glCpu, 0.5),
            r.triangles, r.shadedAreaRatio, r.atlasWidth, r.atlasHeight, r.glyphs, r.idleCpuPercent);
        std::fflush(stdout);
    }
    glfwTerminate();
    return printFirstFrame(kStartRuns) ? 0 : 1;
}
