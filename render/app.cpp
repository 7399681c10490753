// The window's life: options, GLFW + OpenGL 3.3 core (glad), Dear ImGui,
// then a short loop, then cleanup in reverse order (the shape of ImGui's
// examples/example_glfw_opengl3/main.cpp). Everything drawn lives in
// render/layout.cpp and render/panels/; the model lives in sim/.
#include "render/app.hpp"

#include <glad/gl.h>   // before GLFW, so GLFW does not include the system GL header
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "render/frame_pacing.hpp"
#include "render/options.hpp"
#include "render/screenshot.hpp"
#include "render/workspace.hpp"

namespace layerlab::render {
namespace {

constexpr const char* kNoDisplay = "layerlab: no display found; use the terminal mode instead: layerlab shell";

bool hasDisplayVariable() {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (display && *display) || (wayland && *wayland);
}

// GLFW reports errors through this callback; LayerLab prints its own one-line
// messages instead, so a learner never sees a raw "X11: Failed to open display".
void quietGlfwError(int, const char*) {}

}   // namespace

int runApp(const std::vector<std::string>& args) {
    // 0. Options (before touching the display, so --help-like mistakes say so).
    std::string error;
    auto parsed = parseOptions(args, error);
    if (!parsed) {
        std::cerr << error << "\n" << optionsUsage();
        return 2;
    }
    const AppOptions& options = *parsed;

    // 1. A display and an OpenGL 3.3 core context.
    glfwSetErrorCallback(quietGlfwError);
    if (!hasDisplayVariable() || !glfwInit()) {
        std::cerr << kNoDisplay << "\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "LayerLab", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "layerlab: cannot open an OpenGL 3.3 window on this display; use the terminal mode instead: "
                     "layerlab shell\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.screenshot.empty() && options.frames == 0 ? 1 : 0);
    if (!gladLoadGL(glfwGetProcAddress)) {
        glfwDestroyWindow(window);
        glfwTerminate();
        std::cerr << "layerlab: cannot load OpenGL 3.3; use the terminal mode instead: layerlab shell\n";
        return 1;
    }

    // 2. Dear ImGui with its GLFW and OpenGL 3 backends.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;   // the layout is fixed; write no imgui.ini into the learner's folder
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // 3. The workspace: string tables, fonts, theme, the simulated machine.
    Workspace workspace(options);
    if (!workspace.start(error)) {
        std::cerr << error << "\n";
    }

    // 4. The loop: poll, (re)build fonts when new glyphs appeared, draw, render.
    const int frameLimit = options.frames > 0 ? options.frames : (options.screenshot.empty() ? 0 : 4);
    int exitCode = 0;
    // Idle: no redraw when nothing changes (render/frame_pacing.hpp).
    const bool scripted = frameLimit > 0;
    FramePacer pacer;
    for (int frame = 0; !glfwWindowShouldClose(window) && !workspace.quitRequested(); ++frame) {
        pacer.waitForFrame(workspace.animating(glfwGetTime()), scripted);
        if (workspace.fontsNeedRebuild()) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            workspace.rebuildFonts();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        workspace.drawFrame(glfwGetTime());
        ImGui::Render();

        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        glViewport(0, 0, width, height);
        const ImVec4 clear = workspace.clearColor();
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        const bool last = frameLimit > 0 && frame + 1 >= frameLimit;
        // A scripted run (tests, screenshots) fails on any OpenGL error.
        for (GLenum glError = glGetError(); scripted && glError != GL_NO_ERROR; glError = glGetError()) {
            std::cerr << "layerlab: OpenGL error 0x" << std::hex << glError << std::dec << " in frame " << frame
                      << "\n";
            exitCode = 1;
        }
        if (last && !options.screenshot.empty()) {
            if (writeScreenshot(options.screenshot, width, height, error)) {
                std::cout << "layerlab: wrote " << options.screenshot << " (" << width << "x" << height << ")\n";
                std::ofstream sidecar(options.screenshot + ".json");
                sidecar << workspace.drawnBlocksJson();
            } else {
                std::cerr << "layerlab: " << error << "\n";
                exitCode = 1;
            }
        }
        glfwSwapBuffers(window);
        if (last) break;
    }

    // The loop ended: the window was closed normally, nothing to restore next time.
    workspace.endSession();

    // 5. Cleanup, in reverse order.
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

}   // namespace layerlab::render
