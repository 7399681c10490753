// stepper: a scenario or lesson run one step at a time, forwards and back,
// as a teacher presents it (`layerlab --presenter`: Space/Right, Left).
//
// The steps are the scenario's own steps, or for a lesson its narration
// cards followed by its reference solution. Each step goes through the one
// LessonSession (commands through Machine::execute, file writes as an
// editor saves them, predictions scored by the next build). Stepping back
// replays steps 1..N-1 from the start state: the engine is deterministic, so
// the State equals the one the room saw before step N (no snapshots).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/machine.hpp"
#include "sim/scenario/lesson_engine.hpp"
#include "sim/scenario/scenario.hpp"

namespace layerlab::scenario {

// One step as the presenter shows it.
struct StepView {
    Step::Kind kind = Step::Kind::Command;
    std::string command;   // Command: the line; Write: the path
    LocalizedText card;   // Say: the narration card (a lesson card: its title and text)
    LocalizedText cardTitle;
};

class Stepper {
public:
    // The scenario must outlive the stepper. `session` is started over to
    // the scenario's start state.
    Stepper(const Scenario& scenario, LessonSession& session);

    size_t size() const { return m_steps.size(); }
    size_t done() const { return m_done; }   // steps run so far (0 = at the start)
    bool atEnd() const { return m_done >= m_steps.size(); }
    const Step& step(size_t i) const { return m_steps[i]; }
    // The step that would run next (nullptr at the end).
    const Step* next() const { return atEnd() ? nullptr : &m_steps[m_done]; }
    // The narration card showing (the last Say step run, until a command runs).
    const std::optional<LocalizedText>& card() const { return m_card; }
    const std::optional<LocalizedText>& cardTitle() const { return m_cardTitle; }
    // A prediction step was reached: the room is asked before the next build.
    bool asking() const { return m_asking; }
    // The room's guess (P, clicks): replaces the scenario's answer for the next build.
    void setRoomGuess(std::vector<int> answer);
    const std::optional<std::vector<int>>& roomGuess() const { return m_roomGuess; }

    // Runs the next step. The Turn of a command (its outcome, a prediction's
    // score); an empty Turn for other steps. False at the end.
    // A front end passes `run` to show the command as it runs (the window's
    // View::run); without it the session runs it silently (replays, tests).
    bool forward(Turn* turn = nullptr, const std::function<Turn(const std::string& line)>& run = {});
    // Undoes the last step by replaying the ones before it. False at the start.
    bool back();
    // Back to the start state.
    void rewind();

private:
    void apply(const Step& step, Turn* turn, const std::function<Turn(const std::string& line)>& run);

    LessonSession& m_session;
    std::vector<Step> m_steps;
    size_t m_done = 0;
    std::optional<LocalizedText> m_card, m_cardTitle;
    bool m_asking = false;
    std::optional<std::vector<int>> m_roomGuess;
};

}   // namespace layerlab::scenario
