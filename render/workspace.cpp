#include "layerlab_paths.hpp"
#include "render/workspace.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "render/layout.hpp"
#include "render/theme.hpp"
#include "sim/scenario/lesson_index.hpp"

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

}   // namespace

std::string dataDir() {
    const char* env = std::getenv("LAYERLAB_DATA_DIR");
    if (env && *env) return env;
    return LAYERLAB_SOURCE_DIR;
}

Workspace::Workspace(AppOptions options)
    : m_options(std::move(options)), m_machine(cli::Machine::defaultState(1, m_options.lang)) {
    m_ui.presenter = m_options.presenter;
}

bool Workspace::start(std::string& error) {
    bool ok = m_strings.load(dataDir() + "/assets/lang", &error);
    m_strings.setLang(m_options.lang);
    applyTheme(m_ui.presenter);
    loadLessons();
    collectGlyphs();

    View view = makeView(0.0);
    view.syncDockerfile();
    // --lesson ID|N: select it, and start it when it is a lesson file.
    for (size_t i = 0; i < m_ui.lessons.size() && !m_options.lesson.empty(); ++i) {
        const std::string& id = m_ui.lessons[i].id;
        if (id == m_options.lesson || id.rfind(m_options.lesson + "-", 0) == 0 ||
            std::to_string(i + 1) == m_options.lesson) {
            m_ui.selectedLesson = static_cast<int>(i);
            if (m_ui.lessons[i].playable && !view.startLesson(static_cast<int>(i))) {
                error = "layerlab: lesson " + id + ": " + m_ui.lesson.error;
                ok = false;
            }
            break;
        }
    }
    if (!m_options.lesson.empty() && m_ui.selectedLesson < 0) {
        error = "layerlab: no lesson '" + m_options.lesson + "' (see layerlab lessons)";
        ok = false;
    }
    // The window's session is kept after every command and offered back after
    // an unclean exit; a scripted window (--run, --screenshot, --frames) never
    // writes or removes it, and --run never sees the offer.
    m_keepSession = m_options.screenshot.empty() && m_options.frames == 0 && m_options.run.empty();
    if (m_options.run.empty()) {
        m_session = scenario::SessionStore(scenario::SessionStore::defaultPath("window"));
        std::string loadError;
        m_offer = m_session.load(loadError);
        if (!loadError.empty()) {
            error = "layerlab: " + loadError;
            if (m_keepSession) m_session.clear();
        }
    }
    m_savedCommands = m_machine.commandLog().size();
    for (const std::string& line : m_options.run) view.run(line);
    refreshPicture(view, /*restart=*/false);
    // A screenshot shows a moment of the animation on a virtual clock: the
    // end by default, or --time SECONDS after the last --run command.
    anim::Playback& playback = m_ui.picture.playback;
    if (m_options.time >= 0.0) {
        playback.setTime(m_options.time);
        if (!playback.paused()) playback.togglePause();
    } else if (!m_options.screenshot.empty() || m_options.frames > 0) {
        playback.finish();
    }
    if (m_options.inspect > 0) {
        const auto& blocks = m_ui.picture.scene.after.blocks;
        for (size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].step == m_options.inspect) {
                m_ui.picture.selected = Selection{1, static_cast<int>(i)};
                m_ui.picture.editorLine = blocks[i].sourceLine;
            }
    }
    // Glyphs the picture draws that no string table holds.
    m_fonts.addText("…→≠·");
    return ok;
}

// lessons/index.json lists the lessons in order ({"lessons": ["01-...", ...]},
// each lessons/<id>.json with "title"/"summary"/"objective" as {"en","ko"}).
// Only what the list shows is read here; playing a lesson is sim/scenario's job.
bool Workspace::loadLessonIndex() {
    const std::filesystem::path dir = scenario::findLessonsDir();
    const nlohmann::json index = readJson(dir / "index.json");
    if (!index.is_object() || !index.contains("lessons") || !index["lessons"].is_array()) return false;
    auto text = [](const nlohmann::json& doc, const char* field, const char* lang) {
        if (!doc.contains(field) || !doc[field].is_object()) return std::string();
        const auto& value = doc[field];
        return value.contains(lang) && value[lang].is_string() ? value[lang].get<std::string>() : std::string();
    };
    std::vector<LessonEntry> lessons;
    for (const auto& id : index["lessons"]) {
        if (!id.is_string()) return false;
        const nlohmann::json lesson = readJson(dir / (id.get<std::string>() + ".json"));
        if (!lesson.is_object()) return false;
        LessonEntry entry;
        entry.id = id.get<std::string>();
        entry.titleEn = text(lesson, "title", "en");
        entry.titleKo = text(lesson, "title", "ko");
        entry.summaryEn = text(lesson, "summary", "en");
        entry.summaryKo = text(lesson, "summary", "ko");
        entry.objectiveEn = text(lesson, "objective", "en");
        entry.objectiveKo = text(lesson, "objective", "ko");
        if (entry.titleEn.empty()) entry.titleEn = entry.id;
        entry.playable = true;
        lessons.push_back(std::move(entry));
    }
    if (lessons.empty()) return false;
    m_ui.lessons = std::move(lessons);
    return true;
}

void Workspace::loadLessons() {
    m_ui.lessons.clear();
    if (loadLessonIndex()) return;
    // No lesson files: the eleven concepts of the course notes, from the string tables.
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
    const std::filesystem::path lessonDir = scenario::findLessonsDir();
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

View Workspace::makeView(double now) { return View{m_machine, m_strings, m_fonts, m_ui, m_highlights, palette(), now}; }

ImVec4 Workspace::clearColor() const { return palette().background; }

void Workspace::drawFrame(double now) {
    if (m_ui.presenterChanged) {
        applyTheme(m_ui.presenter);   // fonts follow before the next frame (fontsNeedRebuild)
        m_ui.presenterChanged = false;
    }
    View view = makeView(now);
    if (m_ui.picture.dirty) refreshPicture(view, /*restart=*/false);
    // The animation clock follows wall time, except on the virtual clock of --time.
    if (m_lastFrame >= 0.0 && m_options.time < 0.0) m_ui.picture.playback.advance(std::min(0.1, now - m_lastFrame));
    m_lastFrame = now;
    drawLayout(view);
    drawRestoreOffer(view);
    autosave();
}

void Workspace::drawRestoreOffer(View& view) {
    if (!m_offer) return;
    const char* id = "##restore-session";
    ImGui::OpenPopup(id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
    const std::string text =
        formatPattern(m_strings.tr("ui.session.restore_text"), {std::to_string(m_offer->commands.size())});
    m_fonts.addText(text);
    ImGui::TextUnformatted(text.c_str());
    ImGui::Spacing();
    if (ImGui::Button(m_strings.tr("ui.session.restore"))) {
        engine::State state = std::move(m_offer->state);
        state.lang = m_machine.state().lang;
        m_machine.setState(std::move(state));
        m_offer.reset();
        view.syncDockerfile();
        refreshPicture(view, /*restart=*/false);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (m_offer && ImGui::Button(m_strings.tr("ui.session.start_new"))) {
        if (m_keepSession) m_session.clear();
        m_offer.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void Workspace::autosave() {
    // While the offer is open the old session must not be overwritten.
    if (!m_keepSession || m_offer || m_machine.commandLog().size() == m_savedCommands) return;
    m_savedCommands = m_machine.commandLog().size();
    if (const std::string error = m_session.save(m_machine.state(), m_machine.commandLog()); !error.empty())
        std::fprintf(stderr, "layerlab: the session is not being kept: %s\n", error.c_str());
}

void Workspace::endSession() {
    if (m_keepSession) m_session.clear();
}

bool Workspace::animating(double now) const { return m_ui.picture.playback.moving() || m_highlights.anyRunning(now); }

std::string Workspace::drawnBlocksJson() const {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : m_ui.picture.drawn)
        blocks.push_back({{"column", b.column},
                          {"step", b.step},
                          {"state", b.state},
                          {"instruction", b.instruction},
                          {"x", b.x},
                          {"y", b.y},
                          {"w", b.w},
                          {"h", b.h}});
    nlohmann::json doc = {
        {"time", m_ui.picture.playback.time()}, {"end", m_ui.picture.playback.length()}, {"blocks", blocks}};
    return doc.dump(1) + "\n";
}

}   // namespace layerlab::render
