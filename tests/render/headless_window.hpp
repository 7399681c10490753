// A window without a display for GUI tests: a real Workspace drawing real
// ImGui frames (Dear ImGui needs no GPU to lay out, hit-test and record
// draw lists; only the PNG needs Xvfb), with the mouse and keys set by
// the test. Clicks go where the sidecar says a block or a control was
// drawn (Workspace::stateJson "picture"), so a test clicks what a learner
// would click and the drawing code's own hit tests decide what happened.
#pragma once
#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "render/workspace.hpp"

namespace layerlab::testing {

class HeadlessWindow {
public:
    // OPTIONS as from the command line; frames > 0 makes it a scripted
    // window (no progress file, no autosave), as a screenshot run is.
    explicit HeadlessWindow(render::AppOptions options, ImVec2 size = ImVec2(1280, 720))
        : m_home(std::filesystem::temp_directory_path() / "layerlab-headless-window"), m_size(size) {
        std::filesystem::remove_all(m_home);
        ::setenv("XDG_DATA_HOME", m_home.c_str(), 1);
        m_context = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        if (options.frames == 0) options.frames = 1;
        m_workspace = std::make_unique<render::Workspace>(options);
        std::string error;
        CHECK(m_workspace->start(error));
        CHECK(error == "");
        // A window's first frame lays it out; from the second its contents are in place.
        frame();
        frame();
    }
    ~HeadlessWindow() {
        m_workspace.reset();
        ImGui::DestroyContext(m_context);
        ::unsetenv("XDG_DATA_HOME");
        std::filesystem::remove_all(m_home);
    }
    HeadlessWindow(const HeadlessWindow&) = delete;
    HeadlessWindow& operator=(const HeadlessWindow&) = delete;

    render::Workspace& workspace() { return *m_workspace; }

    // One frame, SECONDS after the last, with the mouse at MOUSE (button 0 DOWN or not).
    void frame(ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false, double seconds = 1.0 / 30.0) {
        if (m_workspace->fontsNeedRebuild()) m_workspace->rebuildFonts();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = m_size;
        io.DeltaTime = static_cast<float>(seconds);
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        m_clock += seconds;
        ImGui::NewFrame();
        m_workspace->drawFrame(m_clock);
        ImGui::Render();
    }
    // Frames until the animation has come to rest (at most ~20 s of it).
    void settle() {
        for (int i = 0; i < 200 && m_workspace->animating(m_clock); ++i) frame(ImVec2(-FLT_MAX, -FLT_MAX), false, 0.1);
        frame();
    }
    // A key pressed and released (KEY an ImGuiKey_, with Ctrl held or not).
    void key(ImGuiKey key, bool ctrl) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[key] = kKeyBase + key;   // what a backend does: ImGuiKey_ -> its own key index
        io.KeyCtrl = ctrl;
        io.KeysDown[kKeyBase + key] = true;
        frame();
        io.KeysDown[kKeyBase + key] = false;
        frame();
        io.KeyCtrl = false;
    }
    // Press at FROM, move to TO with the button held, release there.
    void drag(ImVec2 from, ImVec2 to) {
        frame(from, false);
        frame(from, true);
        frame(ImVec2((from.x + to.x) * 0.5f, (from.y + to.y) * 0.5f), true);
        frame(to, true);
        frame(to, false);
    }
    // Press and release the left button at P (hovered first, as a real pointer is).
    void click(ImVec2 p) {
        frame(p, false);
        frame(p, true);
        frame(p, false);
        frame();
    }
    nlohmann::json state() const { return nlohmann::json::parse(m_workspace->stateJson()); }

    // The centre of the block of the build now with step STEP, as last drawn.
    ImVec2 blockCentre(int step) const {
        const nlohmann::json s = state();   // kept: the loop must not walk a destroyed temporary
        for (const auto& b : s["picture"]["blocks"])
            if (b["column"] == "after" && b["step"] == step) return centre(b);
        FAIL("no block for step " << step);
        return ImVec2();
    }
    // The centre of the control NAME (for step STEP) drawn with the picture.
    ImVec2 controlCentre(const std::string& name, int step = 0) const {
        const nlohmann::json s = state();
        for (const auto& c : s["picture"]["controls"])
            if (c["name"] == name && c["step"] == step) return centre(c);
        FAIL("no control " << name);
        return ImVec2();
    }
    std::string mark(int step) const {
        const nlohmann::json s = state();
        for (const auto& b : s["picture"]["blocks"])
            if (b["column"] == "after" && b["step"] == step) return b["mark"].get<std::string>();
        return "(not drawn)";
    }

private:
    static ImVec2 centre(const nlohmann::json& r) {
        return ImVec2(r["x"].get<float>() + r["w"].get<float>() * 0.5f,
                      r["y"].get<float>() + r["h"].get<float>() * 0.5f);
    }

    static constexpr int kKeyBase = 256;
    std::filesystem::path m_home;
    ImVec2 m_size;
    ImGuiContext* m_context = nullptr;
    std::unique_ptr<render::Workspace> m_workspace;
    double m_clock = 1.0;
};

}   // namespace layerlab::testing
