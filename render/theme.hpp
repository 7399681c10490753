// The look: one palette for the whole window, in a normal and a presenter
// (classroom projector) variant. Cached vs rebuilt layers use blue vs orange,
// a pair that stays distinct for the common colour-vision deficiencies, and
// every coloured box also carries a text label ("CACHED"/"REBUILT").
#pragma once
#include <imgui.h>

namespace layerlab::render {

struct Palette {
    ImVec4 background;
    ImVec4 panel;
    ImVec4 text;
    ImVec4 textDim;
    ImVec4 accent;   // buttons, selection
    ImVec4 cached;   // blue: layer reused from the build cache
    ImVec4 rebuilt;   // orange: layer that ran again
    ImVec4 base;   // grey-blue: the FROM image
    ImVec4 failed;   // vermilion + the word FAILED
    ImVec4 configOnly;   // light grey: metadata-only steps (ENV, EXPOSE, CMD ...)
    ImVec4 ok;   // bluish green: running containers
    ImVec4 warn;
    ImVec4 terminalBg;
    ImVec4 boxText;   // text drawn on a coloured box
};

// Applies the style and colours to ImGui and returns the palette panels use.
const Palette& applyTheme(bool presenter);

// The palette last applied.
const Palette& palette();

// Font size in pixels for each mode.
float baseFontSize(bool presenter);

}   // namespace layerlab::render
