// bench_frame: what one frame of the window costs, as JSON lines.
//
// The heavy scene: a 40-step build rebuilt after an edit (before/after
// columns), 20 containers on the image, a terminal of 500+ lines. For each
// window size (1280x800, 1920x1080) it prints one line with
//   cpu_ms_median/p95   CPU time from ImGui::NewFrame to ImGui::Render
//   frame_ms_median/p95 the whole frame: events, NewFrame..Render, GL draw, glFinish
//   first_frame_ms      from process start to the first frame on screen (first size only)
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
    double firstFrameMs = -1.0;
    double idleCpuPercent = -1.0;
    int blocks = 0;
};

bool measure(int width, int height, bool first, Result& r) {
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
    if (first) {
        // First frame from process start: the window as `layerlab` opens it (no commands yet).
        layerlab::render::Workspace plain(options);
        std::string ignored;
        plain.start(ignored);
        if (plain.fontsNeedRebuild()) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            plain.rebuildFonts();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        plain.drawFrame(glfwGetTime());
        ImGui::Render();
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        glFinish();
        r.firstFrameMs = std::chrono::duration<double, std::milli>(Clock::now() - g_processStart).count();
    }
    options.run = heavyScene();
    options.frames = 1;   // a scripted start: the animation shows its end
    layerlab::render::Workspace workspace(options);
    std::string error;
    workspace.start(error);

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
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        glFinish();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (timed) {
            r.cpu.push_back(cpu1 - cpu0);
            r.frame.push_back(ms);
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
        std::printf(
            "{\"bench\":\"frame\",\"size\":\"%dx%d\",\"scene\":\"40-step rebuild, 20 containers, 500-line terminal\","
            "\"blocks_drawn\":%d,\"cpu_ms_median\":%.3f,\"cpu_ms_p95\":%.3f,\"frame_ms_median\":%.3f,"
            "\"frame_ms_p95\":%.3f,\"first_frame_ms\":%.1f,\"idle_cpu_percent\":%.2f}\n",
            w, h, r.blocks, percentile(r.cpu, 0.5), percentile(r.cpu, 0.95), percentile(r.frame, 0.5),
            percentile(r.frame, 0.95), r.firstFrameMs, r.idleCpuPercent);
        first = false;
    }
    glfwTerminate();
    return 0;
}
