// Fonts for the window: NanumGothic (UI, with Hangul) and NanumGothicCoding
// (Dockerfile and terminal), at the sizes of the normal or presenter mode.
//
// The full Korean range would make a 4096x4096 atlas and cost ~270 ms at
// start-up, so the atlas holds only the glyphs of text LayerLab can show:
// the string tables, the lesson texts and, as they appear, the Dockerfile and
// terminal output. addText() notes new code points; the app rebuilds the
// atlas between frames when needsRebuild() says so (rare: a learner typing
// new Hangul). Without the Nanum files it falls back to ImGui's default font.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace layerlab::render {

class Fonts {
public:
    Fonts();

    // Marks every code point of UTF8 as needed; new ones make needsRebuild() true.
    void addText(std::string_view utf8);
    bool needsRebuild() const { return m_dirty; }

    // Clears ImGui's atlas and adds the fonts at BASE pixels, rasterised at
    // BASE * PIXELRATIO device pixels (io.FontGlobalScale brings the layout
    // back to BASE). The caller re-creates the GL texture
    // (ImGui_ImplOpenGL3_CreateFontsTexture).
    void build(float base, float pixelRatio = 1.0f);
    float baseSize() const { return m_base; }

    ImFont* ui() const { return m_ui; }
    ImFont* heading() const { return m_heading; }
    ImFont* mono() const { return m_mono; }
    bool hasHangul() const { return m_hasHangul; }

private:
    std::vector<bool> m_used;   // indexed by code point (BMP only: ImWchar is 16-bit here)
    bool m_dirty = true;
    float m_base = 16.0f;
    bool m_hasHangul = false;
    ImVector<ImWchar> m_ranges;
    ImFont* m_ui = nullptr;
    ImFont* m_heading = nullptr;
    ImFont* m_mono = nullptr;
};

// The size in layout pixels to draw FONT's text at (ImDrawList::AddText,
// ellipsize): its rasterised size times io.FontGlobalScale.
float drawSize(const ImFont* font);

}   // namespace layerlab::render
