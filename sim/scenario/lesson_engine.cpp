#include "sim/scenario/lesson_engine.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/state_json.hpp"

namespace layerlab::scenario {

namespace {

LocalizedText both(std::string en, std::string ko) { return {std::move(en), std::move(ko)}; }

void append(LocalizedText& to, const LocalizedText& more) {
    to.en += more.en;
    to.ko += more.ko;
}

// The host path a file edit names: relative to the shell's folder, or ~/app/... / /...
std::string hostPath(const engine::State& s, const std::string& path) {
    if (path.rfind("/", 0) == 0 || path.rfind("~/app/", 0) == 0)
        return fs::normalizePath(path.substr(path.rfind("~/app/", 0) == 0 ? 6 : 0));
    return fs::normalizePath(s.cwd.empty() ? path : s.cwd + "/" + path);
}

}   // namespace

bool ranBuild(const Outcome& outcome) {
    return std::any_of(outcome.events.begin(), outcome.events.end(), [](const Event& e) {
        return std::holds_alternative<StepCached>(e) || std::holds_alternative<StepBuilt>(e) ||
               std::holds_alternative<StepFailed>(e);
    });
}

LessonSession::LessonSession(cli::Machine& machine, SessionConfig config)
    : m_machine(&machine), m_config(std::move(config)) {
    if (!m_config.lesson) {
        m_start = m_machine->state();
        m_sessionStart = m_start;
        m_logSeen = m_machine->commandLog().size();
        return;
    }
    const Scenario& lesson = *m_config.lesson;
    PlayOptions options;
    options.lang = m_config.lang;
    options.seed = m_config.seed;
    if (m_config.start) {
        m_start = *m_config.start;
    } else {
        m_start = startState(lesson, options, m_errors);
        m_start.lang = m_config.lang;
    }
    engine::State initial = m_start;
    LessonProgress& p = *progress();
    if (m_config.restart || p.completed) {
        p.savedState.reset();
        p.buildsDone = 0;
        p.predictionsDone = 0;
    } else if (p.savedState) {
        auto imported = stateFromJson(*p.savedState);
        if (imported.state) {
            initial = *imported.state;
            initial.lang = m_config.lang;
            m_resumed = true;
            m_resumedBuilds = p.buildsDone;
        } else {
            p.buildsDone = 0;
            p.predictionsDone = 0;
        }
    }
    m_machine->setState(initial);
    m_sessionStart = initial;
    m_logSeen = m_machine->commandLog().size();
    m_goals = evaluateGoals(lesson.goals, initial, machineProbe());
    m_met.assign(m_goals.size(), false);
    for (size_t i = 0; i < m_goals.size(); ++i) m_met[i] = m_goals[i].met;
}

LessonProgress* LessonSession::progress() {
    if (m_config.progress && m_config.lesson) return &m_config.progress->lesson(m_config.lesson->id);
    return &m_local;
}

const LessonProgress& LessonSession::progressRecord() const {
    if (m_config.progress && m_config.lesson) return m_config.progress->lesson(m_config.lesson->id);
    return m_local;
}

void LessonSession::saveProgress(std::string& error) {
    if (!m_config.progress || !m_config.lesson) return;
    progress()->savedState = stateToJson(m_machine->state());
    std::string why;
    if (!m_config.progress->save(why)) error = why;
}

bool LessonSession::allGoalsMet() const {
    return std::all_of(m_goals.begin(), m_goals.end(), [](const GoalResult& g) { return g.met; });
}

bool LessonSession::completed() const { return isLesson() && progressRecord().completed; }

const Prediction* LessonSession::duePrediction() const {
    if (!m_config.lesson || !m_config.askPredictions) return nullptr;
    const LessonProgress& p = progressRecord();
    return scenario::duePrediction(m_config.lesson->predictions, static_cast<size_t>(p.predictionsDone),
                                   p.buildsDone + 1, m_machine->state(), machineProbe());
}

std::vector<LessonSession::PlannedStep> LessonSession::plannedBuild(const std::string& line) const {
    std::vector<PlannedStep> steps;
    if (m_machine->attached() || m_machine->needsMoreInput() || m_machine->awaitingAnswer()) return steps;
    cli::MachineOptions options = m_machine->options();
    options.editor = nullptr;   // a dry run never opens the learner's editor
    options.terminal = false;
    cli::Machine probe(m_machine->state(), options);
    const Outcome outcome = probe.execute(line);
    for (const Event& e : outcome.events) {
        if (const auto* c = std::get_if<StepCached>(&e)) steps.push_back({c->step, c->instruction});
        else if (const auto* b = std::get_if<StepBuilt>(&e)) steps.push_back({b->step, b->instruction});
        else if (const auto* f = std::get_if<StepFailed>(&e)) steps.push_back({f->step, f->instruction});
    }
    return steps;
}

bool LessonSession::wouldBuild(const std::string& line) const { return !plannedBuild(line).empty(); }

LocalizedText LessonSession::goalsText() const {
    LocalizedText out;
    const auto results = evaluateGoals(m_config.lesson->goals, m_machine->state(), machineProbe());
    for (const auto& g : results) {
        out.en += std::string(g.met ? "  [x] " : "  [ ] ") + g.description.en +
                  (g.met ? "" : "\n      " + g.missing.en) + "\n";
        out.ko += std::string(g.met ? "  [x] " : "  [ ] ") + g.description.ko +
                  (g.met ? "" : "\n      " + g.missing.ko) + "\n";
    }
    return out;
}

LocalizedText LessonSession::intro() const {
    const Scenario& lesson = *m_config.lesson;
    const std::string of = std::to_string(m_config.number) + "/" + std::to_string(m_config.total) + ": ";
    LocalizedText out = both("== Lesson " + of + lesson.title.en + " ==\n" + lesson.summary.en + "\n\n",
                             "== 레슨 " + of + lesson.title.ko + " ==\n" + lesson.summary.ko + "\n\n");
    for (const auto& c : lesson.cards)
        append(out, both("» " + (c.title.empty() ? std::string() : c.title.en + ": ") + c.text.en + "\n\n",
                         "» " + (c.title.empty() ? std::string() : c.title.ko + ": ") + c.text.ko + "\n\n"));
    append(out, both("Objective: " + lesson.objective.en + "\n", "목표: " + lesson.objective.ko + "\n"));
    append(out, both("Lesson commands: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n",
                     "레슨 명령: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n"));
    return out;
}

// The commands only: where LayerLab asks for a prediction the answer is the
// learner's to find, so the solution says a question comes, not its answer.
LocalizedText LessonSession::solutionText() const {
    LocalizedText out = both("Reference solution:\n", "모범 답안:\n");
    for (const auto& s : m_config.lesson->solution) {
        if (s.kind == Step::Kind::Command) append(out, both("  " + s.command + "\n", "  " + s.command + "\n"));
        else if (s.kind == Step::Kind::Write)
            append(out, both("  (write " + s.path + ")\n", "  (" + s.path + " 파일 쓰기)\n"));
        else if (s.kind == Step::Kind::Predict)
            append(out, both("  (LayerLab asks you to predict before the next build: answer with what you expect)\n",
                             "  (다음 빌드 전에 LayerLab이 예측을 묻습니다: 예상하는 답을 하세요)\n"));
    }
    return out;
}

// As learnGitBranching does, the answer comes after the hints, or after the
// learner confirms they want it anyway.
LocalizedText LessonSession::showSolution() {
    const auto& hints = m_config.lesson->hints;
    const size_t left = hints.size() > m_hintIndex ? hints.size() - m_hintIndex : 0;
    if (left == 0 || m_solutionAsked) return solutionText();
    m_solutionAsked = true;
    return both("The solution gives the whole answer away. " + std::to_string(left) +
                    (left == 1 ? " hint is" : " hints are") +
                    " left (`hint`). Type `show solution` again to see it anyway.\n",
                "모범 답안은 답을 통째로 보여 줍니다. 남은 힌트가 " + std::to_string(left) +
                    "개 있습니다(`hint`). 그래도 보려면 `show solution`을 한 번 더 입력하세요.\n");
}

LocalizedText LessonSession::hint() {
    const auto& hints = m_config.lesson->hints;
    if (hints.empty()) return {};
    const size_t i = m_hintIndex++ % hints.size();
    const std::string n = std::to_string(i + 1) + "/" + std::to_string(hints.size()) + ": ";
    progress()->hintsShown++;
    return both("Hint " + n + hints[i].en + "\n", "힌트 " + n + hints[i].ko + "\n");
}

void LessonSession::predict(std::vector<int> answer) {
    std::sort(answer.begin(), answer.end());
    answer.erase(std::unique(answer.begin(), answer.end()), answer.end());
    m_predicted = std::move(answer);
}

Turn LessonSession::before(const std::string& line) {
    Turn turn;
    const std::vector<std::string> w = splitWords(line);
    if (w.empty()) return turn;
    const bool lesson = isLesson();
    if (lesson && w[0] == "hint" && w.size() == 1) {
        turn.handled = true;
        if (m_config.lesson->hints.empty()) return turn;
        turn.text = hint();
        saveProgress(turn.progressError);
        return turn;
    }
    if (lesson && w[0] == "show" && w.size() == 2 && (w[1] == "goal" || w[1] == "goals")) {
        turn.handled = true;
        turn.text = both(m_config.lesson->objective.en + "\n", m_config.lesson->objective.ko + "\n");
        append(turn.text, goalsText());
        return turn;
    }
    if (lesson && w[0] == "show" && w.size() == 2 && w[1] == "solution") {
        turn.handled = true;
        turn.text = showSolution();
        return turn;
    }
    m_solutionAsked = false;
    if (lesson && w[0] == "show" && w.size() == 2 && w[1] == "lesson") {
        turn.handled = true;
        turn.text = intro();
        return turn;
    }
    if (lesson && w[0] == "predict") {
        turn.handled = true;
        auto answer = parsePredictionAnswer(line.substr(line.find("predict") + 7));
        if (!answer) {
            turn.text = both("predict: give step numbers, e.g. `predict 3 4`, or `predict none`\n",
                             "predict: 단계 번호로 답하세요. 예: `predict 3 4`, 없으면 `predict none`\n");
            return turn;
        }
        predict(*answer);
        turn.text = both("Noted. Now run the build.\n", "기록했습니다. 이제 빌드를 실행하세요.\n");
        return turn;
    }
    if (w[0] == "restart" && w.size() == 1) {
        turn.handled = true;
        turn.text = restart();
        saveProgress(turn.progressError);
        return turn;
    }
    if (lesson) {
        if (auto d = disabledBy(line, m_config.lesson->disabledCommands)) {
            turn.handled = true;
            turn.refused = true;
            turn.text = both("`" + *d + "` is switched off in this lesson.\n",
                             "`" + *d + "` 명령은 이 레슨에서 사용할 수 없습니다.\n");
            return turn;
        }
    }
    // Only a line that would build can be preceded by a question: found out
    // (only when a question could be due) by a dry run on a copy.
    m_dueBeforeBuild = nullptr;
    if (lesson && m_config.askPredictions) {
        const LessonProgress& p = progressRecord();
        const auto& predictions = m_config.lesson->predictions;
        const size_t next = static_cast<size_t>(std::max(0, p.predictionsDone));
        if (next < predictions.size() && p.buildsDone + 1 >= predictions[next].atBuild && wouldBuild(line))
            m_dueBeforeBuild = duePrediction();
    }
    if (m_dueBeforeBuild && !m_predicted) {
        if (m_config.blockUnanswered) {
            turn.handled = true;
            turn.question = m_dueBeforeBuild;
            m_dueBeforeBuild = nullptr;
            turn.text = both("? " + turn.question->question.en +
                                 "\n  Answer with `predict 3 4` (or `predict none`), then run the build again.\n",
                             "? " + turn.question->question.ko +
                                 "\n  `predict 3 4`(없으면 `predict none`)로 답한 뒤 빌드를 다시 실행하세요.\n");
            return turn;
        }
        turn.unanswered = true;
    }
    return turn;
}

void LessonSession::recordNewCommands() {
    const auto& log = m_machine->commandLog();
    if (m_logSeen > log.size()) m_logSeen = log.size();
    if (m_logSeen == log.size()) return;
    for (size_t i = m_logSeen; i < log.size(); ++i) {
        RecordedStep step;
        step.command = log[i];
        m_steps.push_back(std::move(step));
    }
    m_logSeen = log.size();
    m_redo.clear();
}

void LessonSession::checkGoals() {
    if (!isLesson()) return;
    m_goals = evaluateGoals(m_config.lesson->goals, m_machine->state(), machineProbe());
}

Turn LessonSession::after(const Outcome& outcome) {
    Turn turn;
    turn.ran = true;
    turn.outcome = outcome;
    turn.built = ranBuild(outcome);
    recordNewCommands();
    if (turn.built) {
        const Prediction* due = m_dueBeforeBuild;
        m_dueBeforeBuild = nullptr;
        LessonProgress& p = *progress();
        p.buildsDone++;
        if (due) p.predictionsDone++;
        turn.explained = due;
        if (m_predicted) {
            PredictionScore score = scorePrediction(*m_predicted, m_machine->state().lastBuild);
            const std::string mark = score.correct ? "✔ " : "✘ ";
            append(turn.text, both(mark + score.summary.en + "\n" + score.explanation.en,
                                   mark + score.summary.ko + "\n" + score.explanation.ko));
            if (due) append(turn.text, both("» " + due->explain.en + "\n", "» " + due->explain.ko + "\n"));
            p.predictionsAsked++;
            if (score.correct) p.predictionsRight++;
            m_predicted.reset();
            m_lastScore = score;
            m_lastExplained = due;
            turn.score = std::move(score);
        }
    }
    if (!isLesson()) return turn;
    checkGoals();
    bool all = true;
    for (size_t i = 0; i < m_goals.size(); ++i) {
        if (m_goals[i].met && !m_met[i])
            append(turn.text, both("[goal met] " + m_goals[i].description.en + "\n",
                                   "[목표 달성] " + m_goals[i].description.ko + "\n"));
        m_met[i] = m_goals[i].met;
        all = all && m_goals[i].met;
    }
    LessonProgress& p = *progress();
    if (all && !p.completed) {
        p.completed = true;
        turn.completed = true;
        append(turn.text, both("Lesson complete! ", "레슨 완료! "));
        if (!m_config.next.en.empty())
            append(turn.text, both("Next: " + m_config.next.en + "\n", "다음: " + m_config.next.ko + "\n"));
        else append(turn.text, both("That was the last lesson.\n", "마지막 레슨이었습니다.\n"));
    }
    saveProgress(turn.progressError);
    return turn;
}

Turn LessonSession::run(const std::string& line) {
    Turn first = before(line);
    if (first.handled) return first;
    Outcome outcome = m_machine->execute(line);
    Turn turn = after(outcome);
    turn.unanswered = first.unanswered;
    LocalizedText text = first.text;
    append(text, turn.text);
    turn.text = std::move(text);
    return turn;
}

std::string LessonSession::applyWrite(const std::string& path, const std::string& content, uint32_t mode) {
    engine::State s = m_machine->state();
    auto edit = s.host.tryWithFile(hostPath(s, path), content, mode, 0, 0, s.clock.nowMs);
    if (!edit.error.empty()) return "cannot write " + path + ": " + edit.error;
    s.host = edit.tree;
    // setState forgets the Machine's own undo stack and open heredoc; the
    // session's recording is the undo history.
    m_machine->setState(std::move(s));
    return "";
}

std::string LessonSession::writeFile(const std::string& path, const std::string& content, uint32_t mode) {
    recordNewCommands();
    std::string error = applyWrite(path, content, mode);
    if (!error.empty()) return error;
    RecordedStep step;
    step.kind = Step::Kind::Write;
    step.path = path;
    step.content = content;
    step.mode = mode;
    m_steps.push_back(std::move(step));
    m_redo.clear();
    checkGoals();
    return "";
}

void LessonSession::addCard(LocalizedText text) {
    recordNewCommands();
    if (text.en.empty()) text.en = text.ko;
    if (text.ko.empty()) text.ko = text.en;
    if (text.empty()) return;
    RecordedStep step;
    step.kind = Step::Kind::Say;
    step.say = std::move(text);
    m_steps.push_back(std::move(step));
}

void LessonSession::apply(const RecordedStep& step, int& builds) {
    switch (step.kind) {
        case Step::Kind::Command:
            if (ranBuild(m_machine->execute(step.command))) ++builds;
            break;
        case Step::Kind::Write:
            applyWrite(step.path, step.content, step.mode);
            break;
        default:
            break;
    }
}

void LessonSession::replay(const std::vector<RecordedStep>& steps) {
    // The shell's history is what was typed, undone commands too (as in
    // bash): the new Machine keeps the old one's, not the replay's lines.
    std::vector<std::string> history = m_machine->historyLines();
    *m_machine = cli::Machine(m_sessionStart, m_machine->options());
    int builds = 0;
    for (const RecordedStep& step : steps) apply(step, builds);
    m_machine->keepHistory(std::move(history));
    m_logSeen = m_machine->commandLog().size();
    // The build count the lesson's predictions key on follows the replay.
    progress()->buildsDone = m_resumedBuilds + builds;
    m_predicted.reset();
    m_dueBeforeBuild = nullptr;
    checkGoals();
    for (size_t i = 0; i < m_goals.size() && i < m_met.size(); ++i) m_met[i] = m_goals[i].met;
}

bool LessonSession::undo() {
    recordNewCommands();
    if (m_steps.empty()) return false;
    m_redo.push_back(std::move(m_steps.back()));
    m_steps.pop_back();
    replay(m_steps);
    return true;
}

bool LessonSession::redo() {
    recordNewCommands();
    if (m_redo.empty()) return false;
    RecordedStep step = std::move(m_redo.back());
    m_redo.pop_back();
    int builds = 0;
    std::vector<std::string> history = m_machine->historyLines();
    apply(step, builds);
    m_machine->keepHistory(std::move(history));   // redone, not typed again
    progress()->buildsDone += builds;
    m_steps.push_back(std::move(step));
    m_logSeen = m_machine->commandLog().size();
    checkGoals();
    for (size_t i = 0; i < m_goals.size() && i < m_met.size(); ++i) m_met[i] = m_goals[i].met;
    return true;
}

void LessonSession::restoreRecording(const std::vector<Step>& steps) {
    recordNewCommands();
    m_steps.clear();
    m_redo.clear();
    for (const Step& step : steps) {
        if (step.kind != Step::Kind::Command && step.kind != Step::Kind::Write && step.kind != Step::Kind::Say)
            continue;
        m_steps.push_back({step.kind, step.command, step.path, step.content, step.mode, step.say});
    }
    replay(m_steps);
}

LocalizedText LessonSession::restart() {
    m_machine->setState(m_start);
    m_sessionStart = m_start;
    m_resumedBuilds = 0;
    m_logSeen = m_machine->commandLog().size();
    m_steps.clear();
    m_redo.clear();
    m_predicted.reset();
    m_dueBeforeBuild = nullptr;
    if (!isLesson()) return both("Back to where the session started.\n", "세션을 시작한 상태로 돌아왔습니다.\n");
    LessonProgress& p = *progress();
    p.buildsDone = 0;
    p.predictionsDone = 0;
    m_met.assign(m_config.lesson->goals.size(), false);
    checkGoals();
    return both("The lesson starts over.\n", "레슨을 처음부터 다시 시작합니다.\n");
}

nlohmann::json LessonSession::toScenario(const std::string& id) const {
    nlohmann::json steps = nlohmann::json::array();
    // What ran since the last recorded step is part of the session too.
    std::vector<RecordedStep> all = m_steps;
    const auto& log = m_machine->commandLog();
    for (size_t i = std::min(m_logSeen, log.size()); i < log.size(); ++i) {
        RecordedStep step;
        step.command = log[i];
        all.push_back(std::move(step));
    }
    for (const RecordedStep& step : all) {
        switch (step.kind) {
            case Step::Kind::Command:
                steps.push_back({{"command", step.command}});
                break;
            case Step::Kind::Write: {
                nlohmann::json write = {{"path", step.path}, {"content", step.content}};
                if (step.mode != 0644) {
                    char octal[8];
                    std::snprintf(octal, sizeof octal, "%04o", static_cast<unsigned>(step.mode & 07777));
                    write["mode"] = octal;
                }
                steps.push_back({{"write", write}});
                break;
            }
            case Step::Kind::Say:
                steps.push_back({{"say", {{"en", step.say.en}, {"ko", step.say.ko}}}});
                break;
            default:
                break;
        }
    }
    return {{"version", kFormatVersion},
            {"id", id},
            {"seed", m_sessionStart.seed},
            {"lang", m_sessionStart.lang},
            {"start", {{"state", stateToJson(m_sessionStart)}}},
            {"steps", steps},
            {"finalState", stateToJson(m_machine->state())}};
}

}   // namespace layerlab::scenario
