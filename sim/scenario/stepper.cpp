#include "sim/scenario/stepper.hpp"

namespace layerlab::scenario {

Stepper::Stepper(const Scenario& scenario, LessonSession& session) : m_session(session) {
    if (scenario.lesson) {
        // A lesson: its cards first (as the shell's intro shows them), then the solution.
        for (const Card& card : scenario.cards) {
            Step say;
            say.kind = Step::Kind::Say;
            say.say = card.text;
            say.path = card.title.en;   // the card's title travels with it (en in path, ko in content)
            say.content = card.title.ko;
            m_steps.push_back(std::move(say));
        }
        m_steps.insert(m_steps.end(), scenario.solution.begin(), scenario.solution.end());
    } else {
        m_steps = scenario.steps;
    }
    rewind();
}

void Stepper::setRoomGuess(std::vector<int> answer) {
    m_roomGuess = std::move(answer);
    m_session.predict(*m_roomGuess);
}

void Stepper::apply(const Step& step, Turn* turn, const std::function<Turn(const std::string& line)>& run) {
    switch (step.kind) {
        case Step::Kind::Command: {
            Turn t = run ? run(step.command) : m_session.run(step.command);
            if (t.built) {
                m_asking = false;
                m_roomGuess.reset();
            }
            m_card.reset();
            m_cardTitle.reset();
            if (turn) *turn = std::move(t);
            break;
        }
        case Step::Kind::Write:
            m_session.writeFile(step.path, step.content, step.mode);
            m_card.reset();
            m_cardTitle.reset();
            break;
        case Step::Kind::Say:
            m_card = step.say;
            if (!step.path.empty() || !step.content.empty()) m_cardTitle = LocalizedText{step.path, step.content};
            else m_cardTitle.reset();
            m_session.addCard(step.say);
            break;
        case Step::Kind::Predict:
            // The room answers (P); without a guess the scenario's answer is
            // scored, and shown only by the build's reveal.
            m_asking = true;
            m_session.predict(m_roomGuess ? *m_roomGuess : step.answer);
            break;
        case Step::Kind::Check:
            break;
    }
}

bool Stepper::forward(Turn* turn, const std::function<Turn(const std::string& line)>& run) {
    if (atEnd()) return false;
    apply(m_steps[m_done], turn, run);
    ++m_done;
    return true;
}

void Stepper::rewind() {
    m_session.restart();
    m_done = 0;
    m_card.reset();
    m_cardTitle.reset();
    m_asking = false;
    m_roomGuess.reset();
}

bool Stepper::back() {
    if (m_done == 0) return false;
    const size_t target = m_done - 1;
    rewind();
    while (m_done < target) forward();
    return true;
}

}   // namespace layerlab::scenario
