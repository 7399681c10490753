#include "frontend/lesson_shell.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <ostream>

#include "frontend/repl.hpp"
#include "sim/fs/atomic_write.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/lesson_session.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/predictions.hpp"
#include "sim/scenario/session_export.hpp"
#include "sim/scenario/state_json.hpp"

namespace layerlab::frontend {

using scenario::LocalizedText;

bool wantsLesson(const std::vector<std::string>& args) {
    for (const auto& a : args)
        if (a == "--lesson" || a.rfind("--lesson=", 0) == 0) return true;
    return false;
}

namespace {

struct Session {
    const scenario::Scenario* lesson = nullptr;
    size_t number = 0, total = 0;
    std::string nextId;
    std::string lang;
    engine::State start;   // the lesson's start state
    engine::State sessionStart;   // where this session's command log begins (start, or a resumed state)
    size_t logStart = 0;   // commandLog() entries before that belong to an abandoned attempt
    std::unique_ptr<cli::Machine> machine;
    scenario::ProgressStore store{""};
    std::vector<bool> met;
    std::optional<std::vector<int>> predicted;
    size_t hintIndex = 0;
    bool solutionAsked = false;   // `show solution` asked once before every hint was seen: the next one shows it
    const scenario::Prediction* dueBeforeBuild = nullptr;   // the prediction due when the current build started
    Io* io = nullptr;

    const std::string& t(const LocalizedText& text) const { return text.in(lang); }
    std::string tr(const char* en, const char* ko) const { return lang == "ko" ? ko : en; }
    scenario::LessonProgress& progress() { return store.lesson(lesson->id); }

    void saveProgress() {
        std::string error;
        progress().savedState = scenario::stateToJson(machine->state());
        if (!store.save(error)) io->err << "layerlab: " << error << "\n";
    }

    const scenario::Prediction* duePrediction() {
        return scenario::duePrediction(lesson->predictions, static_cast<size_t>(progress().predictionsDone),
                                       progress().buildsDone + 1, machine->state(), scenario::machineProbe());
    }

    std::string goalsText(const std::vector<scenario::GoalResult>& results) const {
        std::string out;
        for (const auto& g : results)
            out += std::string(g.met ? "  [x] " : "  [ ] ") + t(g.description) +
                   (g.met ? "" : "\n      " + t(g.missing)) + "\n";
        return out;
    }

    std::string intro() const {
        std::string out = tr("== Lesson ", "== 레슨 ") + std::to_string(number) + "/" + std::to_string(total) + ": " +
                          t(lesson->title) + " ==\n" + t(lesson->summary) + "\n\n";
        for (const auto& c : lesson->cards)
            out += "» " + (c.title.empty() ? std::string() : t(c.title) + ": ") + t(c.text) + "\n\n";
        out += tr("Objective: ", "목표: ") + t(lesson->objective) + "\n";
        out += tr("Lesson commands: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n",
                  "레슨 명령: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n");
        return out;
    }

    // The commands only: where LayerLab asks for a prediction the answer is
    // the learner's to find, so the solution says a question comes, not its answer.
    std::string solutionText() const {
        std::string out = tr("Reference solution:\n", "모범 답안:\n");
        for (const auto& s : lesson->solution) {
            if (s.kind == scenario::Step::Kind::Command) out += "  " + s.command + "\n";
            else if (s.kind == scenario::Step::Kind::Predict)
                out += tr("  (LayerLab asks you to predict before the next build: answer with what you expect)\n",
                          "  (다음 빌드 전에 LayerLab이 예측을 묻습니다: 예상하는 답을 하세요)\n");
        }
        return out;
    }

    // As learnGitBranching does, the answer comes after the hints, or after
    // the learner confirms they want it anyway.
    std::string showSolution() {
        const size_t left = lesson->hints.size() > hintIndex ? lesson->hints.size() - hintIndex : 0;
        if (left == 0 || solutionAsked) return solutionText();
        solutionAsked = true;
        return tr("The solution gives the whole answer away. ", "모범 답안은 답을 통째로 보여 줍니다. ") +
               (lang == "ko" ? "남은 힌트가 " + std::to_string(left) + "개 있습니다(`hint`). "
                             : std::to_string(left) + (left == 1 ? " hint is" : " hints are") + " left (`hint`). ") +
               tr("Type `show solution` again to see it anyway.\n",
                  "그래도 보려면 `show solution`을 한 번 더 입력하세요.\n");
    }

    bool isBuild(const std::vector<std::string>& w) const {
        if (w.size() < 2 || w[0] != "docker") return false;
        return w[1] == "build" || (w.size() > 2 && (w[1] == "image" || w[1] == "buildx") && w[2] == "build");
    }

    bool onLine(const std::string& line) {
        std::vector<std::string> w = scenario::splitWords(line);
        if (w.empty()) return false;
        std::ostream& out = io->out;
        if (w[0] == "hint" && w.size() == 1) {
            if (lesson->hints.empty()) return true;
            const size_t i = hintIndex++ % lesson->hints.size();
            out << tr("Hint ", "힌트 ") << (i + 1) << "/" << lesson->hints.size() << ": " << t(lesson->hints[i])
                << "\n";
            progress().hintsShown++;
            saveProgress();
            return true;
        }
        if (w[0] == "show" && w.size() == 2 && (w[1] == "goal" || w[1] == "goals")) {
            out << t(lesson->objective) << "\n"
                << goalsText(scenario::evaluateGoals(lesson->goals, machine->state(), scenario::machineProbe()));
            return true;
        }
        if (w[0] == "show" && w.size() == 2 && w[1] == "solution") {
            out << showSolution();
            return true;
        }
        solutionAsked = false;
        if (w[0] == "show" && w.size() == 2 && w[1] == "lesson") {
            out << intro();
            return true;
        }
        if (w[0] == "predict") {
            std::string rest = line.substr(line.find("predict") + 7);
            auto answer = scenario::parsePredictionAnswer(rest);
            if (!answer) {
                out << tr("predict: give step numbers, e.g. `predict 3 4`, or `predict none`\n",
                          "predict: 단계 번호로 답하세요. 예: `predict 3 4`, 없으면 `predict none`\n");
                return true;
            }
            predicted = *answer;
            out << tr("Noted. Now run the build.\n", "기록했습니다. 이제 빌드를 실행하세요.\n");
            return true;
        }
        if (w[0] == "save" && w.size() == 2) {
            const auto& log = machine->commandLog();
            std::vector<std::string> commands(log.begin() + static_cast<long>(std::min(logStart, log.size())),
                                              log.end());
            const std::string text =
                scenario::sessionToText(lesson->id + "-session", sessionStart, commands, machine->state());
            if (!fs::writeFileAtomically(w[1], text).empty())   // atomic: never half a file
                out << "save: " << tr("cannot write ", "쓸 수 없습니다: ") << w[1] << "\n";
            else out << tr("Saved the session to ", "세션을 저장했습니다: ") << w[1] << "\n";
            return true;
        }
        if (w[0] == "restart" && w.size() == 1) {
            machine->setState(start);
            sessionStart = start;
            logStart = machine->commandLog().size();
            progress().buildsDone = 0;
            progress().predictionsDone = 0;
            predicted.reset();
            met.assign(lesson->goals.size(), false);
            saveProgress();
            out << tr("The lesson starts over.\n", "레슨을 처음부터 다시 시작합니다.\n");
            return true;
        }
        if (auto d = scenario::disabledBy(line, lesson->disabledCommands)) {
            out << "`" << *d << "`"
                << tr(" is switched off in this lesson.\n", " 명령은 이 레슨에서 사용할 수 없습니다.\n");
            return true;
        }
        dueBeforeBuild = isBuild(w) ? duePrediction() : nullptr;
        if (isBuild(w) && !predicted) {
            if (const scenario::Prediction* p = dueBeforeBuild) {
                dueBeforeBuild = nullptr;
                out << "? " << t(p->question) << "\n"
                    << tr("  Answer with `predict 3 4` (or `predict none`), then run the build again.\n",
                          "  `predict 3 4`(없으면 `predict none`)로 답한 뒤 빌드를 다시 실행하세요.\n");
                return true;
            }
        }
        return false;
    }

    void afterCommand(const Outcome& outcome) {
        bool built = false;
        for (const auto& e : outcome.events)
            if (std::holds_alternative<StepCached>(e) || std::holds_alternative<StepBuilt>(e) ||
                std::holds_alternative<StepFailed>(e))
                built = true;
        std::ostream& out = io->out;
        if (built) {
            const scenario::Prediction* due = dueBeforeBuild;
            progress().buildsDone++;
            if (due) progress().predictionsDone++;
            if (predicted) {
                scenario::PredictionScore score = scenario::scorePrediction(*predicted, machine->state().lastBuild);
                out << (score.correct ? "✔ " : "✘ ") << t(score.summary) << "\n" << t(score.explanation);
                if (due) out << "» " << t(due->explain) << "\n";
                progress().predictionsAsked++;
                if (score.correct) progress().predictionsRight++;
                predicted.reset();
            }
        }
        auto results = scenario::evaluateGoals(lesson->goals, machine->state(), scenario::machineProbe());
        bool all = true;
        for (size_t i = 0; i < results.size(); ++i) {
            if (results[i].met && !met[i])
                out << tr("[goal met] ", "[목표 달성] ") << t(results[i].description) << "\n";
            met[i] = results[i].met;
            all = all && results[i].met;
        }
        if (all && !progress().completed) {
            progress().completed = true;
            out << tr("Lesson complete! ", "레슨 완료! ");
            if (!nextId.empty())
                out << tr("Next: layerlab shell --lesson ", "다음: layerlab shell --lesson ") << nextId << "\n";
            else out << tr("That was the last lesson.\n", "마지막 레슨이었습니다.\n");
        }
        saveProgress();
    }
};

}   // namespace

int runLessonShell(const std::vector<std::string>& args, Io& io) {
    std::string id;
    bool restart = false;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lesson" && i + 1 < args.size()) id = args[++i];
        else if (args[i].rfind("--lesson=", 0) == 0) id = args[i].substr(9);
        else if (args[i] == "--restart") restart = true;
        else rest.push_back(args[i]);
    }
    if (id.empty()) {
        io.err << "layerlab shell: --lesson needs a lesson id or number (see `layerlab lessons`)\n";
        return 2;
    }
    frontend::ShellArgs parsed = frontend::parseShellArgs(rest);
    if (!parsed.error.empty()) {
        io.err << parsed.error << "\n";
        return 2;
    }
    if (!parsed.options.extraArgs.empty() || !parsed.options.contextDir.empty()) {
        io.err << "layerlab shell: "
               << (parsed.options.contextDir.empty() ? "unknown option '" + parsed.options.extraArgs.front() + "'"
                                                     : std::string("--context cannot be used with --lesson"))
               << "\n";
        return 2;
    }
    scenario::LessonCatalog catalog = scenario::loadLessonCatalog(scenario::findLessonsDir());
    for (const auto& e : catalog.errors) io.err << e << "\n";
    if (!catalog.errors.empty()) return 1;
    const scenario::Scenario* lesson = scenario::findLesson(catalog, id);
    if (!lesson) {
        io.err << "layerlab shell: no lesson \"" << id << "\" (see `layerlab lessons`)\n";
        return 2;
    }

    Session s;
    s.io = &io;
    s.lesson = lesson;
    s.total = catalog.lessons.size();
    for (size_t i = 0; i < catalog.lessons.size(); ++i)
        if (&catalog.lessons[i] == lesson) {
            s.number = i + 1;
            if (i + 1 < catalog.lessons.size()) s.nextId = catalog.lessons[i + 1].id;
        }
    s.lang = parsed.options.lang.empty() ? frontend::languageFromEnvironment() : parsed.options.lang;
    scenario::PlayOptions options;
    options.lang = s.lang;
    if (parsed.options.seed != 1) options.seed = parsed.options.seed;
    std::vector<std::string> setupErrors;
    s.start = scenario::startState(*lesson, options, setupErrors);
    s.start.lang = s.lang;
    for (const auto& e : setupErrors) io.err << lesson->id << ": " << e << "\n";

    s.store = scenario::ProgressStore(scenario::ProgressStore::defaultPath());
    std::string error;
    if (!s.store.load(error)) io.err << "layerlab: " << error << "\n";
    engine::State initial = s.start;
    std::string resumed;
    auto& p = s.progress();
    if (restart || p.completed) {
        p.savedState.reset();
        p.buildsDone = 0;
        p.predictionsDone = 0;
    } else if (p.savedState) {
        auto imported = scenario::stateFromJson(*p.savedState);
        if (imported.state) {
            initial = *imported.state;
            initial.lang = s.lang;
            resumed = s.tr("(Resuming where you left off; `restart` starts over.)\n",
                           "(지난번에 멈춘 곳에서 이어 합니다. `restart`로 처음부터 시작합니다.)\n");
        } else {
            p.buildsDone = 0;
            p.predictionsDone = 0;
        }
    }
    cli::MachineOptions mopts;
    mopts.terminal = io.stdinIsTerminal;
    s.machine = std::make_unique<cli::Machine>(initial, mopts);
    s.sessionStart = initial;
    s.met.assign(lesson->goals.size(), false);
    auto startGoals = scenario::evaluateGoals(lesson->goals, initial, scenario::machineProbe());
    for (size_t i = 0; i < startGoals.size(); ++i) s.met[i] = startGoals[i].met;

    frontend::ReplHooks hooks;
    hooks.banner = s.intro() + resumed + "\n";
    hooks.extraHelp = s.tr("Lesson: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n",
                           "레슨: hint, show goal, show solution, show lesson, predict N..., save FILE, restart\n");
    hooks.commands = {"hint", "show goal", "show solution", "show lesson", "predict", "save", "restart"};
    hooks.historyName = lesson->id;
    hooks.onLine = [&s](const std::string& line) { return s.onLine(line); };
    hooks.afterCommand = [&s](const std::string&, const Outcome& outcome) { s.afterCommand(outcome); };
    return frontend::runRepl(*s.machine, io, hooks);
}

}   // namespace layerlab::frontend
