#include "render/workspace.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "render/layout.hpp"
#include "render/theme.hpp"

namespace layerlab::render {
namespace {

constexpr int kConceptCount = 11;

nlohmann::json readJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return nlohmann::json();
    return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// Every string anywhere in DOC (lesson texts are nested objects and arrays).
void forEachString(const nlohmann::json& doc, Fonts& fonts) {
    if (doc.is_string()) {
        fonts.addText(doc.get_ref<const std::string&>());
    } else if (doc.is_structured()) {
        for (const auto& child : doc) forEachString(child, fonts);
    }
}

}  // namespace

std::string dataDir() {
    const char* env = std::getenv("LAYERLAB_DATA_DIR");
    if (env && *env) return env;
    return LAYERLAB_SOURCE_DIR;
}

Workspace::Workspace(AppOptions options) : m_options(std::move(options)) {
    m_ui.presenter = m_options.presenter;
}

bool Workspace::start(std::string& error) {
    bool ok = m_strings.load(dataDir() + "/assets/lang", &error);
    m_strings.setLang(m_options.lang);
    applyTheme(m_ui.presenter);
    loadLessons();
    collectGlyphs();
    return ok;
}

void Workspace::loadLessons() {
    m_ui.lessons.clear();
    for (int i = 1; i <= kConceptCount; ++i) {
        char title[40], summary[40];
        std::snprintf(title, sizeof title, "ui.concepts.%02d.title", i);
        std::snprintf(summary, sizeof summary, "ui.concepts.%02d.summary", i);
        LessonEntry entry;
        entry.id = "concept-" + std::to_string(i);
        entry.titleEn = m_strings.trIn("en", title);
        entry.titleKo = m_strings.trIn("ko", title);
        entry.summaryEn = m_strings.trIn("en", summary);
        entry.summaryKo = m_strings.trIn("ko", summary);
        m_ui.lessons.push_back(std::move(entry));
    }
}

void Workspace::collectGlyphs() {
    m_strings.forEachText([this](const std::string& text) { m_fonts.addText(text); });
    // Lesson texts, so a lesson opened later shows no missing glyphs.
    std::error_code ec;
    const std::filesystem::path lessonDir = std::filesystem::path(dataDir()) / "lessons";
    if (std::filesystem::is_directory(lessonDir, ec)) {
        for (const auto& file : std::filesystem::recursive_directory_iterator(lessonDir, ec))
            if (file.path().extension() == ".json") forEachString(readJson(file.path()), m_fonts);
    }
}

bool Workspace::fontsNeedRebuild() const {
    return m_fonts.needsRebuild() || m_builtFontSize != baseFontSize(m_ui.presenter);
}

void Workspace::rebuildFonts() {
    m_builtFontSize = baseFontSize(m_ui.presenter);
    m_fonts.build(m_builtFontSize);
}

ImVec4 Workspace::clearColor() const { return palette().background; }

void Workspace::drawFrame(double now) {
    if (m_ui.presenterChanged) {
        applyTheme(m_ui.presenter);   // fonts follow before the next frame (fontsNeedRebuild)
        m_ui.presenterChanged = false;
    }
    m_ui.langChanged = false;
    View view{m_strings, m_fonts, m_ui, m_highlights, palette(), now};
    drawLayout(view);
}

}  // namespace layerlab::render
