// Workspace: everything the window keeps between frames (string tables,
// fonts, the window's own UI state, animations) and the frame entry point.
// It owns no simulation state of its own: the model lives in the Machine.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>

#include "render/anim/tween.hpp"
#include "render/fonts.hpp"
#include "render/options.hpp"
#include "render/strings.hpp"
#include "render/view.hpp"
#include "sim/cli/machine.hpp"
#include "sim/scenario/session_store.hpp"

namespace layerlab::render {

class Workspace {
public:
    explicit Workspace(AppOptions options);

    // Loads the string tables and lessons, applies the theme, runs the
    // --run commands through the Machine. Returns false with ERROR for a problem worth printing
    // (the window still opens).
    bool start(std::string& error);

    bool fontsNeedRebuild() const;
    void rebuildFonts();
    void drawFrame(double now);
    ImVec4 clearColor() const;
    bool quitRequested() const { return m_ui.quit; }
    // The window closed normally: the autosaved session is not offered again.
    void endSession();
    // Something on screen moves (the window keeps drawing); otherwise it
    // waits for input and draws nothing.
    bool animating(double now) const;
    // The blocks of the layer stack as drawn in the last frame, as JSON
    // ({"blocks":[{"column","step","state","instruction","x","y","w","h"}]}):
    // the screenshot's sidecar, so tests know where each block's pixels are.
    std::string drawnBlocksJson() const;

private:
    void loadLessons();
    bool loadLessonIndex();
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
    float m_builtFontSize = 0.0f;
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
