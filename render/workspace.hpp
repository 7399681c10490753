// Workspace: everything the window keeps between frames (string tables,
// fonts, the window's own UI state, animations) and the frame entry point.
// It owns no simulation state of its own: the model lives in the Machine.
#pragma once
#include <imgui.h>

#include <optional>
#include <functional>
#include <string>

#include "render/anim/tween.hpp"
#include "render/fonts.hpp"
#include "render/options.hpp"
#include "render/strings.hpp"
#include "render/view.hpp"
#include "sim/cli/machine.hpp"
#include "sim/scenario/lesson_session.hpp"
#include "sim/scenario/session_store.hpp"

namespace layerlab::render {

class Workspace {
public:
    explicit Workspace(AppOptions options);

    // Loads the string tables and lessons, applies the theme, runs the
    // --run commands through the Machine. Returns false with ERROR for a problem worth printing
    // (the window still opens).
    // PHASE, when given, is called with a name at the end of each part of the
    // start (--trace-startup: render/startup_trace.hpp).
    bool start(std::string& error, const std::function<void(const char*)>& phase = {});

    bool fontsNeedRebuild() const;
    void rebuildFonts();
    // Device pixels per layout pixel (the browser's devicePixelRatio): the
    // glyphs are rasterised at that scale, so text stays sharp on HiDPI screens.
    void setPixelRatio(float ratio) { m_pixelRatio = ratio > 0.0f ? ratio : 1.0f; }
    void drawFrame(double now);
    ImVec4 clearColor() const;
    bool quitRequested() const { return m_ui.quit; }
    // The window closed normally: the autosaved session is not offered again.
    void endSession();
    // Something on screen moves (the window keeps drawing); otherwise it
    // waits for input and draws nothing.
    bool animating(double now) const;
    // The blocks of the layer stack as drawn in the last frame, as JSON
    // ({"blocks":[{"column","step","state","instruction","x","y","w","h","mark"}], "controls":
    // [{"name","step","x","y","w","h"}]}):
    // the screenshot's sidecar, so tests know where each block's pixels are.
    std::string drawnBlocksJson() const;
    // A file dropped on the window: opened as a scenario before the next frame.
    void dropFile(std::string path) { m_dropped = std::move(path); }

    // A command line from outside the window (the browser's JS hook): through
    // View::run, the terminal's path to Machine::execute; returns what the
    // terminal shows for it.
    std::string runLine(const std::string& line);
    // What a test or a page script reads back, as JSON: {"tags": {"myapp:latest":
    // "sha256:..."}, "lastBuild": [{"step", "cached"}], "lesson", "goalsMet", "prediction": {"asking",
    // "picked", "none", "score": {"predicted", "actual", "correct"}}, "terminal": {"rows": [{"line",
    // "text", "x", "y", "w", "h"}] (the scrollback's rows in sight)}, "picture": drawnBlocksJson}.
    std::string stateJson() const;

    // The session since the last lesson start or opened scenario, as a
    // scenario file (`layerlab play` replays it): the lesson engine's own
    // recording (LessonSession::toScenario), as the Session panel saves it.
    std::string sessionJson() const;
    // What the browser autosaves: {"lesson": ID or "", "session": sessionJson}.
    std::string autosaveJson() const;
    // Opens a scenario (or lesson) file's text, or an autosaveJson(): the
    // start state, then its commands through the terminal's path. ERROR
    // names what is wrong (JSON pointer, line:col) and nothing changes.
    bool openScenarioText(const std::string& text, std::string& error);
    // Text typed outside ImGui's keys (the browser's IME, a paste): its glyphs go into the font atlas.
    void addGlyphs(std::string_view text) { m_fonts.addText(text); }

private:
    void loadLessons();
    void collectGlyphs();

    View makeView(double now);
    // The session autosave (sim/scenario/session_store): the offer to restore
    // after an unclean exit, and a save after every command.
    void drawRestoreOffer(View& view);
    void autosave();

    AppOptions m_options;
    cli::Machine m_machine;
    StringTable m_strings;
    Fonts m_fonts;
    UiState m_ui;
    anim::Highlights m_highlights;
    scenario::ProgressStore m_progress{""};
    std::string m_dropped;
    float m_builtFontSize = 0.0f;
    float m_pixelRatio = 1.0f, m_builtPixelRatio = 1.0f;
    double m_lastFrame = -1.0;
    scenario::SessionStore m_session{""};
    std::optional<scenario::SavedSession> m_offer;   // an unclean exit's session, until answered
    bool m_keepSession = false;   // an interactive window (not --run, --screenshot, --frames)
    size_t m_savedCommands = 0;
};

// Where assets/ (the string tables) is: $LAYERLAB_DATA_DIR,
// else the source tree the binary was built from.
std::string dataDir();

}   // namespace layerlab::render
