// The window's life: options, GLFW + OpenGL 3.3 core (glad), Dear ImGui,
// then a short loop, then cleanup in reverse order (the shape of ImGui's
// examples/example_glfw_opengl3/main.cpp). Everything drawn lives in
// render/layout.cpp and render/panels/; the model lives in sim/.
//
// The browser build (Emscripten, web/) differs in a few seams only, marked
// __EMSCRIPTEN__: a WebGL 2 (GL ES 3) context through the GLES 3 headers
// instead of glad, the browser calling one frame at a time
// (emscripten_set_main_loop) instead of the loop (paused while idle:
// FramePacer::frameDue, resumed by input), and the canvas and the font atlas
// following the page's size and devicePixelRatio.
#include "render/app.hpp"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#else
#include <glad/gl.h>   // before GLFW, so GLFW does not include the system GL header
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cfloat>
#include <cstdlib>
#include <fstream>
#include <iostream>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

#include "render/frame_pacing.hpp"
#include "render/options.hpp"
#include "render/screenshot.hpp"
#include "render/startup_trace.hpp"
#include "render/workspace.hpp"

namespace layerlab::render {
namespace {

constexpr const char* kNoDisplay = "layerlab: no display found; use the terminal mode instead: layerlab shell";

bool hasDisplayVariable() {
#ifdef __EMSCRIPTEN__
    return true;   // the page's canvas
#endif
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (display && *display) || (wayland && *wayland);
}

// GLFW reports errors through this callback; LayerLab prints its own one-line
// messages instead, so a learner never sees a raw "X11: Failed to open display".
void quietGlfwError(int, const char*) {}

// Everything one frame needs, kept between frames (on the heap in the
// browser, where runApp returns before the first frame).
struct AppLoop {
    AppOptions options;
    GLFWwindow* window = nullptr;
    Workspace workspace;
    FramePacer pacer;
    int frame = 0;
    int frameLimit = 0;
    bool scripted = false;
    int exitCode = 0;
    explicit AppLoop(const AppOptions& o) : options(o), workspace(o) {}
};

// Static initialisation: as near the process's start as this file gets.
StartupTrace g_trace(StartupTrace::Clock::now());

AppLoop* g_running = nullptr;   // for runningWorkspace()
bool g_woken = true;   // the browser: input or a page script since the last frame (requestFrames)
#ifdef __EMSCRIPTEN__
bool g_paused = false;   // the main loop stopped while idle (no animation frames at all)
#endif

#ifdef __EMSCRIPTEN__
// The canvas fills the page (web/index.html's CSS): its drawing buffer is the
// CSS size times devicePixelRatio, and ImGui lays out in CSS pixels with that
// ratio as the framebuffer scale, so text is as large as on the desktop.
// A new size or ratio wakes the idle page (requestFrames).
float fitCanvasToPage(GLFWwindow* window) {
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int width = static_cast<int>(cssWidth * ratio), height = static_cast<int>(cssHeight * ratio);
    int current[2] = {0, 0};
    glfwGetWindowSize(window, &current[0], &current[1]);
    if (width > 0 && height > 0 && (width != current[0] || height != current[1])) {
        glfwSetWindowSize(window, width, height);
        requestFrames();
    }
    return ratio > 0.0f ? ratio : 1.0f;
}

// Input wakes the idle page. Installed before ImGui's GLFW backend, which
// calls the callbacks it replaces (the cursor's position it polls, so that
// one is only ours).
void wakeOnInput(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { requestFrames(); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { requestFrames(); });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { requestFrames(); });
    glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { requestFrames(); });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned) { requestFrames(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { requestFrames(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { requestFrames(); });
    // The page's size or devicePixelRatio changed (the loop may be stopped: fitCanvasToPage runs in it).
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false,
                                   [](int, const EmscriptenUiEvent*, void*) -> EM_BOOL {
                                       requestFrames();
                                       return EM_FALSE;
                                   });
}
#endif

// One frame: poll, (re)build fonts when new glyphs appeared, draw, render.
// Returns false when the window should close.
bool drawOneFrame(AppLoop& loop) {
    if (glfwWindowShouldClose(loop.window) || loop.workspace.quitRequested()) return false;
    Workspace& workspace = loop.workspace;
#ifdef __EMSCRIPTEN__
    // The browser calls each frame from requestAnimationFrame: no waiting
    // here, and while nothing moves and nothing happened, nothing is drawn
    // (the canvas keeps showing the last frame).
    glfwPollEvents();
    const float pixelRatio = fitCanvasToPage(loop.window);
    workspace.setPixelRatio(pixelRatio);
    const bool woken = g_woken || workspace.fontsNeedRebuild();
    g_woken = false;
    if (!loop.pacer.frameDue(workspace.animating(glfwGetTime()), woken, loop.scripted)) {
        // Idle: no more animation frames until requestFrames (even an empty
        // one keeps the browser compositing 60 times a second).
        emscripten_pause_main_loop();
        g_paused = true;
        return true;
    }
#else
    loop.pacer.waitForFrame(workspace.animating(glfwGetTime()), loop.scripted);
#endif
    if (workspace.fontsNeedRebuild()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        workspace.rebuildFonts();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        if (loop.frame == 0) g_trace.mainPhase("font_atlas");   // the browser: at the page's devicePixelRatio
    }
    ImGui_ImplOpenGL3_NewFrame();   // the first one compiles the shaders and uploads the font atlas
    if (loop.frame == 0) g_trace.mainPhase("gl_objects");
    ImGui_ImplGlfw_NewFrame();
#ifdef __EMSCRIPTEN__
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(io.DisplaySize.x / pixelRatio, io.DisplaySize.y / pixelRatio);
    io.DisplayFramebufferScale = ImVec2(pixelRatio, pixelRatio);
    if (ImGui::IsMousePosValid(&io.MousePos))
        io.MousePos = ImVec2(io.MousePos.x / pixelRatio, io.MousePos.y / pixelRatio);
#endif
    // A screenshot shows no hover or tooltip wherever the display's pointer happens to be.
    if (!loop.options.screenshot.empty()) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    workspace.drawFrame(glfwGetTime());
    ImGui::Render();
    if (loop.frame == 0) g_trace.mainPhase("draw_lists");

    int width = 0, height = 0;
    glfwGetFramebufferSize(loop.window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 clear = workspace.clearColor();
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (loop.frame == 0 && g_trace.on) {
        glFinish();
        g_trace.mainPhase("gl_render");
    }

    const int frame = loop.frame++;
    const bool last = loop.frameLimit > 0 && frame + 1 >= loop.frameLimit;
    // A scripted run (tests, screenshots) fails on any OpenGL error.
    for (GLenum glError = glGetError(); loop.scripted && glError != GL_NO_ERROR; glError = glGetError()) {
        std::cerr << "layerlab: OpenGL error 0x" << std::hex << glError << std::dec << " in frame " << frame << "\n";
        loop.exitCode = 1;
    }
#ifndef __EMSCRIPTEN__
    const AppOptions& options = loop.options;
    std::string error;
    if (last && !options.screenshot.empty()) {
        if (writeScreenshot(options.screenshot, width, height, error)) {
            std::cout << "layerlab: wrote " << options.screenshot << " (" << width << "x" << height << ")\n";
            std::ofstream sidecar(options.screenshot + ".json");
            sidecar << workspace.drawnBlocksJson();
        } else {
            std::cerr << "layerlab: " << error << "\n";
            loop.exitCode = 1;
        }
    }
#endif
    glfwSwapBuffers(loop.window);
    if (frame == 0 && g_trace.on) {
        glFinish();   // on the screen, not only queued
        g_trace.firstFrame();
    }
    return !last;
}

#ifndef __EMSCRIPTEN__
// Cleanup, in reverse order.
int closeWindow(AppLoop* loop) {
    // The loop ended: the window was closed normally, nothing to restore next time.
    loop->workspace.endSession();
    const int exitCode = loop->exitCode;
    g_running = nullptr;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(loop->window);
    glfwTerminate();
    delete loop;
    return exitCode;
}
#endif

// A display and an OpenGL 3.3 core context (WebGL 2 in the browser), current
// on this thread; null (with the reason on stderr) when there is none.
GLFWwindow* openWindow(const AppOptions& options) {
    glfwSetErrorCallback(quietGlfwError);
    if (!glfwInit()) {   // runApp checked DISPLAY / WAYLAND_DISPLAY before starting the second thread
        std::cerr << kNoDisplay << "\n";
        return nullptr;
    }
#ifdef __EMSCRIPTEN__
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
#endif
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "LayerLab", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "layerlab: cannot open an OpenGL 3.3 window on this display; use the terminal mode instead: "
                     "layerlab shell\n";
        return nullptr;
    }
    glfwMakeContextCurrent(window);
#ifndef __EMSCRIPTEN__
    glfwSwapInterval(options.screenshot.empty() && options.frames == 0 ? 1 : 0);
    if (!gladLoadGL(glfwGetProcAddress)) {
        glfwDestroyWindow(window);
        glfwTerminate();
        std::cerr << "layerlab: cannot load OpenGL 3.3; use the terminal mode instead: layerlab shell\n";
        return nullptr;
    }
#endif
    return window;
}

}   // namespace

Workspace* runningWorkspace() { return g_running ? &g_running->workspace : nullptr; }

int drawnFrames() { return g_running ? g_running->frame : 0; }

void requestFrames() {
    g_woken = true;
#ifdef __EMSCRIPTEN__
    if (g_paused) {
        g_paused = false;
        emscripten_resume_main_loop();
    }
#endif
}

int runApp(const std::vector<std::string>& args) {
    // 0. Options (before touching the display, so --help-like mistakes say so).
    std::string error;
    auto parsed = parseOptions(args, error);
    if (!parsed) {
        std::cerr << error << "\n" << optionsUsage();
        return 2;
    }
    const AppOptions& options = *parsed;
    if (!hasDisplayVariable()) {
        std::cerr << kNoDisplay << "\n";
        return 1;
    }
    g_trace.on = options.traceStartup;
    g_trace.mainPhase("options");

    // 1. Dear ImGui's context (no GL yet) and the workspace, then two things at
    // once: this thread opens the display and the OpenGL context (Mesa loading
    // its driver is the longest part of start-up) while another reads the
    // string tables and lessons, runs --run commands and rasterises the font
    // atlas. They share nothing: only the preparing thread touches ImGui until
    // the join, and GLFW is only called here. (The browser has no threads
    // here: one after the other.)
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;   // the layout is fixed; write no imgui.ini into the learner's folder
    auto* loop = new AppLoop(options);
    bool started = false;
    auto prepare = [&] {
        started = loop->workspace.start(error, [](const char* phase) { g_trace.preparePhase(phase); });
#ifndef __EMSCRIPTEN__
        // The browser builds its atlas at the page's devicePixelRatio, known at the first frame.
        if (loop->workspace.fontsNeedRebuild()) {
            loop->workspace.rebuildFonts();
            unsigned char* pixels = nullptr;
            int width = 0, height = 0;
            ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);   // what the GL upload reads
            g_trace.preparePhase("font_atlas");
        }
#endif
    };
#ifdef __EMSCRIPTEN__
    GLFWwindow* window = openWindow(options);
    g_trace.mainPhase("window_gl_context");
    if (window) prepare();
#else
    std::thread preparing(prepare);
    GLFWwindow* window = openWindow(options);
    g_trace.mainPhase("window_gl_context");
    preparing.join();
    g_trace.mainPhase("joined");
#endif
    if (!window) {
        ImGui::DestroyContext();
        delete loop;
        return 1;
    }
    if (!started) {
        std::cerr << error << "\n";
    }
    // 2. ImGui's GLFW and OpenGL 3 backends.
#ifdef __EMSCRIPTEN__
    wakeOnInput(window);
#endif
    ImGui_ImplGlfw_InitForOpenGL(window, true);
#ifdef __EMSCRIPTEN__
    ImGui_ImplOpenGL3_Init("#version 300 es");
#else
    ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
    g_trace.mainPhase("imgui_backends");
    loop->window = window;
    g_running = loop;
    // A scenario or lesson file dropped on the window opens in it.
    glfwSetWindowUserPointer(window, &loop->workspace);
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        if (count > 0) static_cast<Workspace*>(glfwGetWindowUserPointer(w))->dropFile(paths[0]);
    });

    // 3. The loop. Idle: no redraw when nothing changes (render/frame_pacing.hpp).
    loop->frameLimit = options.frames > 0 ? options.frames : (options.screenshot.empty() ? 0 : 4);
    loop->scripted = loop->frameLimit > 0;
#ifdef __EMSCRIPTEN__
    // The browser owns the loop: it calls one frame per animation frame. The
    // page stays open, so nothing is cleaned up (runApp returns at once).
    emscripten_set_main_loop_arg([](void* arg) { drawOneFrame(*static_cast<AppLoop*>(arg)); }, loop, 0, false);
    return 0;
#else
    while (drawOneFrame(*loop)) {}
    return closeWindow(loop);
#endif
}

}   // namespace layerlab::render
