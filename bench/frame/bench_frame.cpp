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
//   first_frame_ms      from process start to the first frame on screen (first size only),
//   first_frame_phases_ms  ... and each phase of it (GL context, workspace, font atlas, draw, swap)
//   font_atlas, glyphs  the font texture's size and the glyphs baked into it
//   idle_cpu_percent    process CPU over 3 s of an idle window (the app's own pacing)
// Run under Xvfb with Mesa llvmpipe:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench_frame
#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "render/frame_pacing.hpp"
#include "render/options.hpp"
#include "render/workspace.hpp"

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point g_processStart = Clock::now();

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
    double firstFrameMs = -1.0;
    double idleCpuPercent = -1.0;
    int blocks = 0;
    // Where the first frame's time goes, ms from process start at the end of each phase.
    std::vector<std::pair<const char*, double>> firstPhases;
    int atlasWidth = 0, atlasHeight = 0, glyphs = 0;
};

double sinceStart() { return std::chrono::duration<double, std::milli>(Clock::now() - g_processStart).count(); }

bool measure(int width, int height, bool first, Result& r) {
    if (first) r.firstPhases.push_back({"glfw_init", sinceStart()});
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(width, height, "bench_frame", nullptr, nullptr);
    if (!window) return false;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);
    if (!gladLoadGL(glfwGetProcAddress)) return false;
    if (first) r.firstPhases.push_back({"window_gl_context", sinceStart()});
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (first) r.firstPhases.push_back({"imgui_init", sinceStart()});

    layerlab::render::AppOptions options;
    options.lang = "en";
    options.width = width;
    options.height = height;
    if (first) {
        // First frame from process start: the window as `layerlab` opens it (no commands yet).
        layerlab::render::Workspace plain(options);
        std::string ignored;
        plain.start(ignored);
        r.firstPhases.push_back({"workspace_start", sinceStart()});
        if (plain.fontsNeedRebuild()) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            plain.rebuildFonts();
            r.firstPhases.push_back({"font_atlas_build", sinceStart()});
            ImGui_ImplOpenGL3_CreateFontsTexture();
            r.firstPhases.push_back({"font_texture_upload", sinceStart()});
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        plain.drawFrame(glfwGetTime());
        ImGui::Render();
        r.firstPhases.push_back({"draw_lists", sinceStart()});
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glFinish();
        r.firstPhases.push_back({"gl_render", sinceStart()});
        glfwSwapBuffers(window);
        glFinish();
        r.firstFrameMs = sinceStart();
        r.firstPhases.push_back({"swap", r.firstFrameMs});
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        r.atlasWidth = atlas->TexWidth;
        r.atlasHeight = atlas->TexHeight;
        for (const ImFont* font : atlas->Fonts) r.glyphs += font->Glyphs.Size;
    }
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

}   // namespace

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "bench_frame: no display (run under xvfb-run)\n");
        return 1;
    }
    bool first = true;
    for (auto [w, h] : {std::pair{1280, 800}, std::pair{1920, 1080}}) {
        Result r;
        if (!measure(w, h, first, r)) {
            std::fprintf(stderr, "bench_frame: cannot open a %dx%d OpenGL 3.3 window\n", w, h);
            return 1;
        }
        nlohmann::json phases = nlohmann::json::object();
        double previous = 0.0;
        for (const auto& [name, at] : r.firstPhases) {
            phases[name] = std::round((at - previous) * 10.0) / 10.0;   // each phase's own ms
            previous = at;
        }
        std::printf(
            "{\"bench\":\"frame\",\"size\":\"%dx%d\",\"scene\":\"40-step rebuild, 20 containers, 500-line terminal\","
            "\"blocks_drawn\":%d,\"cpu_ms_median\":%.3f,\"cpu_ms_p95\":%.3f,\"frame_ms_median\":%.3f,"
            "\"frame_ms_p95\":%.3f,\"gl_ms_median\":%.3f,\"swap_ms_median\":%.3f,\"gl_cpu_ms_median\":%.3f,"
            "\"first_frame_ms\":%.1f,"
            "\"first_frame_phases_ms\":%s,\"font_atlas\":\"%dx%d\",\"glyphs\":%d,\"idle_cpu_percent\":%.2f}\n",
            w, h, r.blocks, percentile(r.cpu, 0.5), percentile(r.cpu, 0.95), percentile(r.frame, 0.5),
            percentile(r.frame, 0.95), percentile(r.gl, 0.5), percentile(r.swap, 0.5), percentile(r.glCpu, 0.5),
            r.firstFrameMs, phases.dump().c_str(), r.atlasWidth, r.atlasHeight, r.glyphs, r.idleCpuPercent);
        first = false;
    }
    glfwTerminate();
    return 0;
}
