// View: what a panel gets each frame. Panels read the model through it and
// change the model only by View::run(line), which sends a command line
// through the simulated Machine exactly as a typed command would.
//
// UiState holds the window's own state (input buffers, scroll requests, the
// last build as the events told it): "real data lives outside your
// functions", so no panel keeps function-static state.
#pragma once
#include <string>
#include <vector>

#include "render/anim/tween.hpp"
#include "render/fonts.hpp"
#include "render/strings.hpp"
#include "render/theme.hpp"

namespace layerlab::render {

// One lesson as the lesson list shows it.
struct LessonEntry {
    std::string id;
    std::string titleEn, titleKo;
    std::string summaryEn, summaryKo;
};

struct UiState {
    std::vector<LessonEntry> lessons;
    int selectedLesson = -1;
    bool presenter = false;
    bool presenterChanged = false;   // the workspace re-applies fonts and theme between frames
    bool langChanged = false;
};

struct View {
    StringTable& strings;
    Fonts& fonts;
    UiState& ui;
    anim::Highlights& highlights;
    const Palette& palette;
    double now = 0.0;   // wall-clock seconds, for animation only

    const char* tr(const char* key) const { return strings.tr(key); }
    bool korean() const { return strings.lang() == "ko"; }
    // Picks the text of the current language, English when the Korean one is empty.
    const std::string& pick(const std::string& en, const std::string& ko) const {
        return korean() && !ko.empty() ? ko : en;
    }
};

}  // namespace layerlab::render
