// View: what a panel gets each frame. Panels read the model through it
// (machine.state(), a const State&) and change the model only by
// View::run(line), which sends a command line through the simulated Machine
// exactly as a line typed in `layerlab shell` would.
//
// UiState holds the window's own state (input buffers, scroll requests, the
// terminal's scrollback): "real data lives outside your functions", so no
// panel keeps function-static state.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "render/anim/timeline.hpp"
#include "render/anim/tween.hpp"
#include "render/fonts.hpp"
#include "render/predict_state.hpp"
#include "render/strings.hpp"
#include "render/terminal_select.hpp"
#include "render/stack/scene.hpp"
#include "render/theme.hpp"
#include "sim/cli/machine.hpp"
#include "sim/dockerfile/dockerfile.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/lesson_engine.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/stepper.hpp"

namespace layerlab::render {

// One lesson as the lesson list shows it.
struct LessonEntry {
    std::string id;
    std::string titleEn, titleKo;
    std::string summaryEn, summaryKo;
    std::string objectiveEn, objectiveKo;
    bool playable = false;   // a lesson file (not the built-in concept list)
};

// One entry of the terminal's scrollback. What the simulated machine
// printed (Docker's output, which real Docker prints in English too) and
// the commands stay as written; what LayerLab itself says (lesson text,
// teaching hints, its notes) keeps both languages, so switching language
// re-translates the old lines as well as the new ones. An entry may hold
// several lines (a lesson's text is one entry in each language).
struct TerminalLine {
    enum class Kind { Command, Output, Error, Note, Hint };
    Kind kind = Kind::Output;
    std::string text;   // as written; for LayerLab's own lines, the English
    std::string ko;   // LayerLab's own lines in Korean ("" = not translated)
    const std::string& in(bool korean) const { return korean && !ko.empty() ? ko : text; }
};

// A build that failed: the Machine keeps no trace of it in State (a failing
// command changes nothing), so the window keeps what the events said.
struct FailedBuild {
    bool present = false;
    std::vector<engine::BuildStepRecord> steps;   // cached/built steps before the failure
    engine::BuildStepRecord failedStep;
    std::string error;
};

// A lesson being played in the window: its start state was loaded into the
// Machine; its goals are re-checked after every command.
struct LessonRun {
    bool active = false;
    int index = -1;   // into UiState::lessons
    scenario::Scenario lesson;
    std::vector<scenario::GoalResult> goals;
    int hintsShown = 0;
    bool showSolution = false;
    std::string error;   // why it could not start
};

// Which block the learner clicked: column 0 = before, 1 = now.
struct Selection {
    int column = -1;
    int index = -1;
    bool any() const { return column >= 0 && index >= 0; }
};

// A block as it was drawn in the last frame, for the screenshot's JSON sidecar
// (tests find each block's pixels there).
struct DrawnBlock {
    std::string column;   // "before" | "after" | "container"
    int step = 0;
    std::string state;   // "CACHED", "REBUILT", ... or the container's name
    std::string instruction;
    float x = 0, y = 0, w = 0, h = 0;
    std::string mark;   // predict, then see: "guess", "right", "wrong" or ""
};

// A container `docker rm` removed: drawn on its image after the ones left,
// fading out and lifting off (render/anim departureTimeline).
struct Departure {
    std::string name;
    engine::Digest imageId;
    size_t slot = 0;   // its place among its image's containers before `docker rm`: it fades there
};

struct PictureState {
    stack::BuildInput lastGood;   // the last successful build (what State.lastBuild says)
    stack::BuildInput now;   // the build the picture shows (may be a failed one)
    stack::BuildInput before;   // the build of the same tag before it
    stack::Scene scene;
    anim::Timeline timeline;
    anim::Playback playback;
    bool dirty = true;   // the model changed: rebuild the scene
    // Without a build to show (or after a pull / a run of another image):
    // that image's own layers, with what the last pull downloaded.
    engine::Digest focusImage;
    std::vector<stack::PulledLayer> pulled;
    Selection selected;
    bool baseExpanded = false;
    int editorLine = 0;   // Dockerfile line to highlight in the editor (0 = none)
    bool showFiles = false;   // the inspector opens on the layer's files (--inspect STEP:files)
    std::vector<DrawnBlock> drawn;
    // The columns' titles (state "TITLE", the text as instruction) and the
    // part of the picture in sight (a scrolled picture shows a window of it).
    std::vector<DrawnBlock> titles;
    DrawnBlock visible;
    // Controls drawn with the picture in the last frame (the prediction's
    // checkboxes and Build button), for the sidecar: GUI tests press them.
    std::vector<DrawnBlock> controls;
    // A picture taller than its panel scrolls; a new build scrolls to its
    // first miss (its offset from the picture's top, set when drawn).
    bool scrollToFirstMiss = true;
    bool scrollToContainers = false;   // a container came or went: show the top, where containers stand
    float firstMissOffset = -1.0f;
    // The last command's removals and what they mean ("docker rm: ..."); an
    // image `docker rmi` removed stays drawn, faded (its Column.removed).
    std::vector<Departure> departures;
    std::string departureNote;   // string key; "" = none
};

// A scenario (or a lesson) run step by step: opened with --scenario, the
// path box or a file dropped on the window, and presenter mode's stage.
struct ScenarioRun {
    std::shared_ptr<const scenario::Scenario> scenario;
    std::shared_ptr<scenario::Stepper> stepper;
    std::string path;   // the file it came from ("" for a lesson)
    std::vector<std::string> errors;   // why the last file could not be opened (JSON pointers)
    bool active() const { return stepper != nullptr; }
};

// The session's path boxes and the narration card being written.
struct SessionUi {
    std::string openPath;
    std::string savePath = "session.json";
    std::string cardEn, cardKo;
    std::string message;   // "Saved to ..." / an error
};

struct UiState {
    // Lessons
    std::vector<LessonEntry> lessons;
    int selectedLesson = -1;
    LessonRun lesson;

    // Terminal
    std::vector<TerminalLine> terminal;
    TerminalSelection selection;   // a mouse drag over the scrollback (render/terminal_select.hpp)
    std::vector<TerminalRow> terminalRows;   // the rows in sight in the last frame (for the sidecar)
    std::string input;
    std::vector<std::string> history;
    int historyPos = -1;   // -1: not browsing the history
    bool scrollToEnd = false;
    bool focusInput = false;

    // Dockerfile editor: the text being edited and the file text it started from.
    std::string dockerfile;
    std::string dockerfileOnDisk;
    bool dockerfileExists = false;
    // The editor's text parsed as BuildKit would, redone only when the text changes.
    std::string parsedText;
    dockerfile::ParseResult parsed;
    bool parsedOnce = false;

    // Builds
    FailedBuild failedBuild;
    double lastBuildAt = -1.0;   // wall-clock time of the last build, for the highlight

    // The layer-stack picture (render/stack/): the build now, the build before
    // of the same tag, the scene made of them and its animation.
    PictureState picture;

    // The one lesson engine (sim/scenario/lesson_engine.hpp): the sandbox's
    // session or the lesson being played. Every command goes through it.
    std::shared_ptr<scenario::LessonSession> session;
    std::shared_ptr<const scenario::LessonCatalog> catalog;   // the validated lessons (pointers stay valid)
    std::vector<std::string> lessonErrors;   // the catalogue's errors: shown, never skipped
    scenario::ProgressStore* progress = nullptr;   // nullptr in scripted runs (screenshots, tests)
    PredictUi predict;
    ScenarioRun scenarioRun;
    SessionUi sessionUi;
    float presenterScale = 1.0f;   // presenter mode: 1.0 - 2.5 (keys + and -)

    // Window
    bool presenter = false;
    bool presenterChanged = false;
    bool quit = false;
};

struct View {
    cli::Machine& machine;
    StringTable& strings;
    Fonts& fonts;
    UiState& ui;
    anim::Highlights& highlights;
    const Palette& palette;
    double now = 0.0;   // wall-clock seconds, for animation only

    const engine::State& state() const { return machine.state(); }
    const char* tr(const char* key) const { return strings.tr(key); }
    bool korean() const { return strings.lang() == "ko"; }
    // The text of the current language, English when the Korean one is empty.
    const std::string& pick(const std::string& en, const std::string& ko) const {
        return korean() && !ko.empty() ? ko : en;
    }

    // Sends LINE through the Machine, shows it and its output in the terminal,
    // and starts the animations its events ask for (render/commands.cpp).
    Outcome run(const std::string& line);
    // LayerLab's own line in the terminal, in both languages (render/terminal_lines.cpp):
    // string KEY with ARGS, or a text the lesson engine gave.
    void note(TerminalLine::Kind kind, const char* key, std::initializer_list<std::string> args = {});
    void note(TerminalLine::Kind kind, const scenario::LocalizedText& text);
    // String KEY in both languages, {0} replaced by ARG in each.
    scenario::LocalizedText bothLanguages(const char* key, const scenario::LocalizedText& arg) const;
    // Writes the editor's text to the build context's Dockerfile with a host
    // command (`cat > Dockerfile <<'EOF'`), as a learner could type it.
    Outcome saveDockerfile();
    // Re-reads the Dockerfile from the build context when the editor holds no
    // unsaved change (a terminal command may have rewritten it).
    void syncDockerfile();

    // Lessons (render/lesson_run.cpp): load lesson INDEX's start state into
    // the Machine, as `layerlab shell --lesson` does; re-check its goals.
    bool startLesson(int index);
    void leaveLesson();
    // The session settings of catalogue lesson INDEX as the window plays it
    // (Lessons panel, or presented): number, language, the next lesson.
    scenario::SessionConfig lessonConfig(int index, bool presented) const;
    void refreshGoals();

    // Scenarios (render/scenario_run.cpp): open a scenario or lesson file
    // (its start state into the Machine, its steps ready to step through),
    // step forward and back (back replays from the start), save the session.
    bool openScenario(const std::string& path);
    bool presentLesson(int index);
    void closeScenario();
    scenario::Turn stepForward();
    bool stepBack();
    bool saveSession(const std::string& path);
    // After a change of the Machine not made by run() (undo, redo, start
    // over, a step back): the picture, the editor and the goals follow.
    void afterReplay();
    // A scenario file opened in the window (render/scenario_open.cpp): its
    // start state into the Machine and a new sandbox session, then its steps.
    bool playScenario(const scenario::Scenario& scenario, std::string& error);
    // Command steps through run(), write steps through the session (recorded as an editor's save).
    void replaySteps(const std::vector<scenario::Step>& steps);
};

// Predict, then see (render/predict.cpp): open the question before LINE's
// build; the Build button's action (answer to the session, run the build).
void askPrediction(View& view, const std::string& line, const scenario::LocalizedText& question);
Outcome submitPrediction(View& view);

// Re-reads the picture's scene from the model after a change that was not a
// build (a lesson start, a removed image). RESTART plays its animation from
// the start; otherwise it shows the end.
void refreshPicture(View& view, bool restart);

// The command the Build button sends.
inline constexpr const char* kBuildCommand = "docker build -t app .";

}   // namespace layerlab::render
