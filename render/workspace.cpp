#include "layerlab_paths.hpp"
#include "render/workspace.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "render/layout.hpp"
#include "render/panels/classroom.hpp"
#include "render/presenter/presenter.hpp"
#include "render/theme.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/state_json.hpp"
#include "sim/json_text.hpp"

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

// The prediction as a test or a page script reads it: the question open
// and the blocks picked, or the last score.
nlohmann::json predictionJson(const PredictUi& p) {
    nlohmann::json doc = {{"asking", p.asking},
                          {"picked", std::vector<int>(p.picked.begin(), p.picked.end())},
                          {"none", p.none},
                          {"sandboxToggle", p.sandboxToggle}};
    if (p.reveal)
        doc["score"] = {{"predicted", p.reveal->predicted},
                        {"actual", p.reveal->actual},
                        {"correct", p.reveal->correct},
                        {"summary", p.reveal->summary.en}};
    return doc;
}

// The terminal's rows in sight in the last frame, with their text as shown:
// tests find where to drag, and see that long lines wrap.
nlohmann::json terminalJson(const UiState& ui, bool korean) {
    nlohmann::json rows = nlohmann::json::array();
    for (const TerminalRow& r : ui.terminalRows) {
        if (r.line >= ui.terminal.size()) continue;
        const std::string& text = ui.terminal[r.line].in(korean);
        rows.push_back({{"line", r.line},
                        {"text", text.substr(r.begin, r.end - r.begin)},
                        {"x", r.x},
                        {"y", r.y},
                        {"w", r.w},
                        {"h", r.h}});
    }
    return {{"rows", rows}, {"entries", ui.terminal.size()}};
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

bool Workspace::start(std::string& error, const std::function<void(const char*)>& phase) {
    auto done = [&](const char* name) {
        if (phase) phase(name);
    };
    bool ok = m_strings.load(dataDir() + "/assets/lang", &error);
    m_strings.setLang(m_options.lang);
    applyTheme(m_ui.presenter);
    done("strings");
    loadLessons();
    done("lessons");
    collectGlyphs();
    done("glyphs");
    // Progress is the learner's: kept in interactive runs only, so a
    // screenshot or a test never resumes (or overwrites) someone's lesson.
    const bool scripted = !m_options.screenshot.empty() || m_options.frames > 0;
    if (!scripted) {
        m_progress = scenario::ProgressStore(scenario::ProgressStore::defaultPath());
        std::string progressError;
        if (!m_progress.load(progressError)) std::fprintf(stderr, "layerlab: %s\n", progressError.c_str());
        m_ui.progress = &m_progress;
    }

    done("progress");
    View view = makeView(0.0);
    scenario::SessionConfig sandbox;
    sandbox.lang = m_strings.lang();
    m_ui.session = std::make_shared<scenario::LessonSession>(m_machine, sandbox);
    view.syncDockerfile();
    // --lesson ID|N: select it, and start it when it is a lesson file
    // (presenter mode: present it step by step).
    for (size_t i = 0; i < m_ui.lessons.size() && !m_options.lesson.empty(); ++i) {
        const std::string& id = m_ui.lessons[i].id;
        if (id == m_options.lesson || id.rfind(m_options.lesson + "-", 0) == 0 ||
            std::to_string(i + 1) == m_options.lesson) {
            m_ui.selectedLesson = static_cast<int>(i);
            const bool started = !m_ui.lessons[i].playable ? true
                                 : m_ui.presenter          ? view.presentLesson(static_cast<int>(i))
                                                           : view.startLesson(static_cast<int>(i));
            if (!started) {
                error = "layerlab: lesson " + id + ": " + m_ui.lesson.error;
                ok = false;
            }
            break;
        }
    }
    done("lesson_started");
    if (!m_options.lesson.empty() && m_ui.selectedLesson < 0) {
        error = "layerlab: no lesson '" + m_options.lesson + "' (see layerlab lessons)";
        ok = false;
    }
    if (!m_options.scenario.empty() && !view.openScenario(m_options.scenario)) {
        error.clear();
        for (const auto& e : m_ui.scenarioRun.errors) error += (error.empty() ? "" : "\n") + e;
        ok = false;
    }
    // --steps N: the first N steps of the scenario or presented lesson.
    for (int i = 0; i < m_options.steps && m_ui.scenarioRun.active(); ++i) view.stepForward();
        // The window's session is kept after every command and offered back after
        // an unclean exit; a scripted window (--run, --screenshot, --frames) never
        // writes or removes it, and --run never sees the offer.
#ifdef __EMSCRIPTEN__
    // The browser keeps its session its own way (web/session_store: the
    // lesson engine's recording, reopened without asking when the tab opens
    // again; a tab never closes cleanly), so no crash file and no offer.
    constexpr bool kSessionFile = false;
#else
    constexpr bool kSessionFile = true;
#endif
    m_keepSession = kSessionFile && m_options.screenshot.empty() && m_options.frames == 0 && m_options.run.empty();
    if (kSessionFile && m_options.run.empty()) {
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
    done("run_commands");
    refreshPicture(view, /*restart=*/false);
    done("picture");
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
                m_ui.picture.showFiles = m_options.inspectFiles;
            }
    }
    // Glyphs the picture draws that no string table holds.
    m_fonts.addText("…→≠·√×");
    return ok;
}

// The lesson list is the catalogue sim/scenario validated (schema, ids,
// the index): a broken lesson file is shown with its errors, never skipped.
// Without a lessons folder at all, the eleven concepts of the course notes.
void Workspace::loadLessons() {
    m_ui.lessons.clear();
    m_ui.lessonErrors.clear();
    const std::string dir = scenario::findLessonsDir();
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::path(dir) / "index.json", ec)) {
        auto catalog = std::make_shared<scenario::LessonCatalog>(scenario::loadLessonCatalog(dir));
        m_ui.lessonErrors = catalog->errors;
        for (const auto& e : catalog->errors) m_fonts.addText(e);
        for (const scenario::Scenario& lesson : catalog->lessons) {
            LessonEntry entry;
            entry.id = lesson.id;
            entry.titleEn = lesson.title.en.empty() ? lesson.id : lesson.title.en;
            entry.titleKo = lesson.title.ko;
            entry.summaryEn = lesson.summary.en;
            entry.summaryKo = lesson.summary.ko;
            entry.objectiveEn = lesson.objective.en;
            entry.objectiveKo = lesson.objective.ko;
            entry.playable = true;
            m_ui.lessons.push_back(std::move(entry));
        }
        m_ui.catalog = std::move(catalog);
        return;
    }
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

// Presenter mode scales its type (+ and -): the atlas is rebuilt at that size,
// so large text stays sharp instead of being stretched.
static float fontSizeFor(const UiState& ui) {
    return std::round(baseFontSize(ui.presenter) * (ui.presenter ? ui.presenterScale : 1.0f));
}

bool Workspace::fontsNeedRebuild() const {
    return m_fonts.needsRebuild() || m_builtFontSize != fontSizeFor(m_ui) || m_builtPixelRatio != m_pixelRatio;
}

void Workspace::rebuildFonts() {
    m_builtFontSize = fontSizeFor(m_ui);
    m_builtPixelRatio = m_pixelRatio;
    m_fonts.build(m_builtFontSize, m_pixelRatio);
}

View Workspace::makeView(double now) { return View{m_machine, m_strings, m_fonts, m_ui, m_highlights, palette(), now}; }

// The panels' colour: the tiled panels draw no background of their own (render/layout.cpp).
ImVec4 Workspace::clearColor() const { return palette().panel; }

void Workspace::drawFrame(double now) {
    if (m_ui.presenterChanged) {
        applyTheme(m_ui.presenter);   // fonts follow before the next frame (fontsNeedRebuild)
        m_ui.presenterChanged = false;
    }
    View view = makeView(now);
    // The language follows the window's switch everywhere, lesson text included.
    if (m_ui.session) m_ui.session->setLang(m_strings.lang());
    if (!m_dropped.empty()) {
        view.openScenario(m_dropped);
        m_dropped.clear();
    }
    if (m_ui.picture.dirty) refreshPicture(view, /*restart=*/false);
    // The animation clock follows wall time, except on the virtual clock of --time.
    if (m_lastFrame >= 0.0 && m_options.time < 0.0) m_ui.picture.playback.advance(std::min(0.1, now - m_lastFrame));
    m_lastFrame = now;
    m_ui.picture.controls.clear();   // drawn again below
    if (m_ui.presenter) presenter::draw(view);
    else drawLayout(view);
    panels::classroom::overlays(view);
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
        view.afterReplay();   // the picture, the editor and the goals follow the restored machine
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
                          {"h", b.h},
                          {"mark", b.mark}});
    nlohmann::json titles = nlohmann::json::array();
    for (const auto& t : m_ui.picture.titles)
        titles.push_back(
            {{"column", t.column}, {"text", t.instruction}, {"x", t.x}, {"y", t.y}, {"w", t.w}, {"h", t.h}});
    const DrawnBlock& v = m_ui.picture.visible;
    nlohmann::json controls = nlohmann::json::array();
    for (const auto& c : m_ui.picture.controls)
        controls.push_back({{"name", c.state}, {"step", c.step}, {"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}});
    nlohmann::json doc = {{"time", m_ui.picture.playback.time()},
                          {"end", m_ui.picture.playback.length()},
                          {"blocks", blocks},
                          {"titles", titles},
                          {"visible", {{"x", v.x}, {"y", v.y}, {"w", v.w}, {"h", v.h}}},
                          {"controls", controls}};
    return jsonText(doc, 1) + "\n";
}

std::string Workspace::runLine(const std::string& line) {
    View view = makeView(m_lastFrame < 0.0 ? 0.0 : m_lastFrame);
    const Outcome outcome = view.run(line);
    return cli::Machine::terminalText(line, outcome);
}

std::string Workspace::sessionJson() const {
    return m_ui.session ? jsonText(m_ui.session->toScenario("browser-session"), 2) + "\n" : std::string();
}

std::string Workspace::autosaveJson() const {
    const bool lesson = m_ui.lesson.active && m_ui.lesson.index >= 0;
    nlohmann::json doc = {{"lesson", lesson ? m_ui.lessons[static_cast<size_t>(m_ui.lesson.index)].id : std::string()},
                          {"session", nlohmann::json::parse(sessionJson())}};
    return jsonText(doc) + "\n";
}

bool Workspace::openScenarioText(const std::string& text, std::string& error) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    View view = makeView(m_lastFrame < 0.0 ? 0.0 : m_lastFrame);
    // An autosave of a lesson: the lesson again, then the session's commands.
    if (doc.is_object() && doc.contains("session") && doc.contains("lesson") && doc["lesson"].is_string() &&
        !doc["lesson"].get_ref<const std::string&>().empty()) {
        const std::string& id = doc["lesson"].get_ref<const std::string&>();
        for (size_t i = 0; i < m_ui.lessons.size(); ++i) {
            if (m_ui.lessons[i].id != id || !m_ui.lessons[i].playable) continue;
            auto session = scenario::scenarioFromJson(doc["session"]);
            if (!session.ok()) {
                error = session.errors.empty() ? "not a scenario" : session.errors.front();
                return false;
            }
            m_ui.selectedLesson = static_cast<int>(i);
            if (!view.startLesson(static_cast<int>(i))) {
                error = m_ui.lesson.error;
                return false;
            }
            // An unfinished lesson resumes from its progress record (kept
            // with the autosave), as on the desktop; the recording is
            // restored only onto the state it was recorded from (a
            // completed lesson starts again from its start).
            const nlohmann::json::json_pointer recordedFrom("/session/start/state");
            if (doc.contains(recordedFrom) && scenario::stateToJson(m_machine.state()) == doc.at(recordedFrom)) {
                m_ui.session->restoreRecording(session.scenario->steps);
                view.afterReplay();
            }
            return true;
        }
        error = "no lesson '" + id + "'";
        return false;
    }
    auto loaded = doc.is_object() && doc.contains("session") ? scenario::scenarioFromJson(doc["session"])
                                                             : scenario::parseScenario(text);
    if (!loaded.ok()) {
        error = loaded.errors.empty() ? "not a scenario" : loaded.errors.front();
        return false;
    }
    if (loaded.scenario->lesson) {
        for (size_t i = 0; i < m_ui.lessons.size(); ++i)
            if (m_ui.lessons[i].id == loaded.scenario->id && m_ui.lessons[i].playable) {
                m_ui.selectedLesson = static_cast<int>(i);
                if (view.startLesson(static_cast<int>(i))) return true;
                error = m_ui.lesson.error;
                return false;
            }
    }
    return view.playScenario(*loaded.scenario, error);
}

std::string Workspace::stateJson() const {
    const engine::State& state = m_machine.state();
    nlohmann::json tags = nlohmann::json::object();
    for (const auto& [tag, id] : state.tags) tags[tag] = id;
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& step : state.lastBuild.steps) steps.push_back({{"step", step.step}, {"cached", step.cached}});
    int met = 0;
    for (const auto& goal : m_ui.lesson.goals) met += goal.met ? 1 : 0;
    const Palette& colours = palette();
    auto rgb = [](const ImVec4& c) {
        return nlohmann::json::array({int(c.x * 255.0f + 0.5f), int(c.y * 255.0f + 0.5f), int(c.z * 255.0f + 0.5f)});
    };
    nlohmann::json doc = {
        {"tags", tags},
        {"palette",
         {{"background", rgb(colours.background)}, {"cached", rgb(colours.cached)}, {"rebuilt", rgb(colours.rebuilt)}}},
        {"lastBuild", steps},
        {"lesson", m_ui.lesson.active ? m_ui.lessons[m_ui.lesson.index].id : std::string()},
        {"goals", m_ui.lesson.goals.size()},
        {"goalsMet", met},
        {"prediction", predictionJson(m_ui.predict)},
        {"terminal", terminalJson(m_ui, m_strings.lang() == "ko")},
        {"picture", nlohmann::json::parse(drawnBlocksJson())}};
    return jsonText(doc);
}

}   // namespace layerlab::render
