#include "render/fonts.hpp"

#include <imgui_internal.h>   // ImTextCharFromUtf8

#include <filesystem>

namespace layerlab::render {
namespace {

constexpr const char* kUiFont = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
constexpr const char* kUiBoldFont = "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf";
constexpr const char* kMonoFont = "/usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf";

bool fileExists(const char* path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}   // namespace

Fonts::Fonts() : m_used(0x10000, false) {
    // Printable ASCII and Latin-1 always: paths, digests and docker output.
    for (unsigned c = 0x20; c <= 0xFF; ++c) m_used[c] = true;
    m_used[0xFFFD] = true;   // shown for anything still missing
}

void Fonts::addText(std::string_view utf8) {
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned int c = 0;
        int len = ImTextCharFromUtf8(&c, p, end);
        if (len <= 0) break;
        p += len;
        if (c < m_used.size() && !m_used[c]) {
            m_used[c] = true;
            m_dirty = true;
        }
    }
}

float drawSize(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

void Fonts::build(float layoutBase, float pixelRatio) {
    m_base = layoutBase;
    const float base = layoutBase * pixelRatio;
    ImGuiIO& io = ImGui::GetIO();
    io.FontGlobalScale = 1.0f / pixelRatio;
    io.Fonts->Clear();

    // Ranges are pairs [first, last] ending in 0; consecutive code points merge.
    m_ranges.clear();
    for (unsigned c = 1; c < m_used.size(); ++c) {
        if (!m_used[c]) continue;
        unsigned last = c;
        while (last + 1 < m_used.size() && m_used[last + 1]) ++last;
        m_ranges.push_back(static_cast<ImWchar>(c));
        m_ranges.push_back(static_cast<ImWchar>(last));
        c = last;
    }
    m_ranges.push_back(0);

    // No horizontal oversampling: half the atlas to rasterize at start (bench_frame's
    // first_frame_phases_ms font_atlas_build), glyphs snapped to whole pixels instead.
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    m_hasHangul = fileExists(kUiFont) && fileExists(kMonoFont);
    if (m_hasHangul) {
        m_ui = io.Fonts->AddFontFromFileTTF(kUiFont, base, &config, m_ranges.Data);
        const char* bold = fileExists(kUiBoldFont) ? kUiBoldFont : kUiFont;
        m_heading = io.Fonts->AddFontFromFileTTF(bold, base * 1.3f, &config, m_ranges.Data);
        m_mono = io.Fonts->AddFontFromFileTTF(kMonoFont, base, &config, m_ranges.Data);
    }
    if (!m_ui || !m_heading || !m_mono) {
        // The fonts-nanum package is missing: ImGui's own font (ASCII only).
        io.Fonts->Clear();
        ImFontConfig fallback;
        fallback.SizePixels = base;
        m_ui = io.Fonts->AddFontDefault(&fallback);
        m_heading = m_ui;
        m_mono = m_ui;
        m_hasHangul = false;
    }
    io.FontDefault = m_ui;
    io.Fonts->Build();
    m_dirty = false;
}

}   // namespace layerlab::render
