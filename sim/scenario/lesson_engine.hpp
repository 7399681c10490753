// lesson_engine: one LessonSession owns a lesson (or a sandbox) in play, for
// every front end: `layerlab shell --lesson`, the window's Lessons panel and
// presenter mode, and `layerlab play`. It keeps the start state, the
// narration cards, the goals (re-checked after every command), the hints in
// order, `show goal` / `show solution`, the predictions (asked before the
// build they are about, scored after it), the commands a lesson switches
// off, completion and the progress record. It also records what the learner
// did (commands, file edits, narration cards) so the session can be undone,
// redone, started over and saved as a scenario.
//
// A build is recognised from the engine's events (StepCached/Built/Failed),
// never from the command's text: before a line runs, a due prediction is
// looked up by running the line on a throwaway Machine over a copy of the
// State and looking at its events.
//
// The session drives a cli::Machine it does not own (the REPL's, the
// window's): every command still goes through Machine::execute. Everything
// the learner reads comes back as LocalizedText (English and Korean), so a
// window can switch language at any time and a terminal prints one of them.
// Progress goes to a ProgressStore (lesson_session.hpp) when one is given.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/machine.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/lesson_session.hpp"
#include "sim/scenario/predictions.hpp"
#include "sim/scenario/scenario.hpp"

namespace layerlab::scenario {

struct SessionConfig {
    const Scenario* lesson = nullptr;   // nullptr: a sandbox (no goals, hints or lesson predictions)
    std::string lang = "en";
    std::optional<uint64_t> seed;   // overrides the lesson's seed
    size_t number = 0, total = 0;   // "Lesson 3/11"
    // How to go on to the lesson after this one, in the front end's own words:
    // the shell names its command, the window its button. Empty: the last lesson.
    LocalizedText next;
    ProgressStore* progress = nullptr;   // nullptr: nothing is kept (play, tests)
    // A start state already made (play builds it once): used instead of the lesson's.
    std::optional<engine::State> start;
    bool restart = false;   // forget a saved unfinished session
    // Lesson predictions are asked before the builds they are about. `play`
    // of a lesson's own steps (not its solution) asks none.
    bool askPredictions = true;
    // A due prediction stops the build until it is answered (shell, window).
    // `play` runs the build anyway and reports the missing answer.
    bool blockUnanswered = true;
};

// What one input line did.
struct Turn {
    bool handled = false;   // a lesson command answered it; the Machine did not run it
    bool refused = false;   // handled: a command the lesson switches off
    bool ran = false;   // the Machine ran the line
    Outcome outcome;
    bool built = false;   // the line ran a docker build (from its events)
    const Prediction* question = nullptr;   // asked before this build, which therefore did not run
    bool unanswered = false;   // blockUnanswered off: a due prediction had no answer
    std::optional<PredictionScore> score;   // the prediction this build answered
    const Prediction* explained = nullptr;   // the lesson prediction the build was about
    bool completed = false;   // the lesson was completed by this line
    LocalizedText text;   // what the lesson adds to the terminal (may be empty)
    std::string progressError;   // the progress file could not be written
};

// One thing the learner did, in order: what undo/redo replays and what a
// saved scenario holds (a command, a file written by an editor, a card).
struct RecordedStep {
    Step::Kind kind = Step::Kind::Command;   // Command, Write or Say
    std::string command;
    std::string path, content;
    uint32_t mode = 0644;
    LocalizedText say;
};

class LessonSession {
public:
    // Loads the start state into `machine` (the lesson's, or the learner's
    // saved unfinished one; a sandbox starts from the machine as it is).
    LessonSession(cli::Machine& machine, SessionConfig config);

    // --- the shell's two hooks (the REPL prints the Machine's output between them)
    // Lesson commands (hint, show goal, show solution, show lesson, predict,
    // restart), disabled commands and the question before a build.
    Turn before(const std::string& line);
    // After the Machine ran a line: the build's score, goals newly met, completion.
    Turn after(const Outcome& outcome);
    // before + Machine::execute + after (the window and play).
    Turn run(const std::string& line);

    // --- what the window shows and its buttons
    bool isLesson() const { return m_config.lesson != nullptr; }
    const Scenario* lesson() const { return m_config.lesson; }
    const SessionConfig& config() const { return m_config; }
    const std::vector<GoalResult>& goals() const { return m_goals; }
    bool allGoalsMet() const;
    bool completed() const;
    size_t hintsShown() const { return m_hintIndex; }
    // The next hint, in order (wraps round). Counts in progress.
    LocalizedText hint();
    // `show solution`: after every hint, or when asked twice.
    LocalizedText showSolution();
    LocalizedText solutionText() const;
    LocalizedText goalsText() const;
    LocalizedText intro() const;
    // The learner's answer for the next build (step numbers; {} = none).
    void predict(std::vector<int> answer);
    void clearPrediction() { m_predicted.reset(); }
    const std::optional<std::vector<int>>& predicted() const { return m_predicted; }
    // The lesson prediction the next build would be asked (nullptr: none is due).
    const Prediction* duePrediction() const;
    // Whether `line` would run a docker build, and its steps as Docker
    // numbers them ("[3/5]" -> {3, "COPY . /app"}), from a dry run on a copy
    // of the State (the learner's State is not touched). Empty: no build.
    struct PlannedStep {
        int step = 0;
        std::string instruction;
    };
    std::vector<PlannedStep> plannedBuild(const std::string& line) const;
    bool wouldBuild(const std::string& line) const;
    // The last scored prediction (window: ticks and crosses).
    const std::optional<PredictionScore>& lastScore() const { return m_lastScore; }
    const Prediction* lastExplained() const { return m_lastExplained; }
    void setLang(std::string lang) { m_config.lang = std::move(lang); }
    const std::string& lang() const { return m_config.lang; }

    // --- recording, undo, redo, start over
    // A file written as an editor saves it (relative to the current folder, or ~/app/...).
    std::string writeFile(const std::string& path, const std::string& content, uint32_t mode = 0644);
    // A narration card between steps (recorded; changes nothing).
    void addCard(LocalizedText text);
    const std::vector<RecordedStep>& recorded() const { return m_steps; }
    const std::vector<RecordedStep>& undone() const { return m_redo; }
    bool canUndo() const { return !m_steps.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    // Undo replays the recorded steps but the last from the session's start
    // (deterministic, so the State equals the one before that step).
    bool undo();
    bool redo();
    // Back to the start state (a lesson's, or the sandbox's first).
    LocalizedText restart();
    // A saved session's steps (toScenario's, recorded from this session's
    // start: the browser's autosave reopened) become this session's
    // recording, replayed as undo replays (no question stops a build; the
    // build count follows). Predict and check steps are not recordings.
    void restoreRecording(const std::vector<Step>& steps);
    const engine::State& sessionStart() const { return m_sessionStart; }
    // The session as a scenario file: start state, steps, final state.
    nlohmann::json toScenario(const std::string& id) const;

    // Setup commands of the lesson that failed ("/start/setup/0: ...").
    const std::vector<std::string>& errors() const { return m_errors; }
    // The learner's unfinished session was loaded instead of the start state.
    bool resumed() const { return m_resumed; }
    const engine::State& startOfLesson() const { return m_start; }
    const LessonProgress& progressRecord() const;

private:
    LessonProgress* progress();
    std::string applyWrite(const std::string& path, const std::string& content, uint32_t mode);
    void apply(const RecordedStep& step, int& builds);
    void saveProgress(std::string& error);
    void recordNewCommands();
    void replay(const std::vector<RecordedStep>& steps);
    void checkGoals();

    cli::Machine* m_machine;
    SessionConfig m_config;
    engine::State m_start;   // the lesson's start state (sandbox: the machine's when the session began)
    engine::State m_sessionStart;   // where the recording begins (start, or a resumed state)
    std::vector<RecordedStep> m_steps, m_redo;
    size_t m_logSeen = 0;
    std::vector<GoalResult> m_goals;
    std::vector<bool> m_met;
    std::optional<std::vector<int>> m_predicted;
    std::optional<PredictionScore> m_lastScore;
    const Prediction* m_lastExplained = nullptr;
    size_t m_hintIndex = 0;
    bool m_solutionAsked = false;
    const Prediction* m_dueBeforeBuild = nullptr;
    std::vector<std::string> m_errors;
    bool m_resumed = false;
    int m_resumedBuilds = 0;   // builds the resumed session had run before it was saved
    // Without a progress store: the counters a store would keep.
    LessonProgress m_local;
};

// Whether an Outcome's events show a docker build (cached, built or failed steps).
bool ranBuild(const Outcome& outcome);

}   // namespace layerlab::scenario
