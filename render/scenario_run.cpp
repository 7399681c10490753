// Scenarios in and out of the window: a scenario or lesson file opened
// (--scenario FILE, the path box, a file dropped on the window), its steps
// run one at a time (Next / Space / Right) and undone (Back / Left: the
// session replays the steps before it from the start state), and the
// session saved as a scenario file that `layerlab check` accepts and
// `layerlab play` replays to the same state.
#include <filesystem>
#include <fstream>

#include "render/view.hpp"
#include "sim/fs/atomic_write.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/player.hpp"
#include "sim/json_text.hpp"

namespace layerlab::render {
namespace {

void addTexts(Fonts& fonts, const scenario::Scenario& s) {
    auto add = [&](const scenario::LocalizedText& t) { fonts.addText(t.en + t.ko); };
    add(s.title);
    add(s.summary);
    add(s.objective);
    for (const auto& c : s.cards) {
        add(c.title);
        add(c.text);
    }
    for (const auto& step : s.steps) add(step.say);
    for (const auto& step : s.solution) add(step.say);
    for (const auto& p : s.predictions) {
        add(p.question);
        add(p.explain);
    }
}

// The first build command after step `from` (the question of a predict step is about it).
std::string nextBuildLine(const scenario::Stepper& stepper, size_t from, const scenario::LessonSession& session) {
    for (size_t i = from; i < stepper.size(); ++i) {
        const scenario::Step& step = stepper.step(i);
        if (step.kind == scenario::Step::Kind::Command && session.wouldBuild(step.command)) return step.command;
        if (step.kind == scenario::Step::Kind::Command || step.kind == scenario::Step::Kind::Write) break;
    }
    return "";
}

}   // namespace

void View::afterReplay() {
    ui.failedBuild = FailedBuild{};
    ui.picture = PictureState{};   // the picture starts again from the machine's last build
    refreshPicture(*this, /*restart=*/false);
    highlights.clear();
    ui.dockerfileOnDisk.clear();
    ui.dockerfile.clear();
    syncDockerfile();
    refreshGoals();
    ui.predict.close();
}

void View::closeScenario() { ui.scenarioRun.stepper.reset(); }

bool View::openScenario(const std::string& path) {
    ScenarioRun& sr = ui.scenarioRun;
    scenario::LoadResult loaded = scenario::loadScenarioFile(path);
    if (!loaded.ok()) {
        sr.errors.clear();
        for (const auto& e : loaded.errors) sr.errors.push_back(path + ": " + e);
        for (const auto& e : sr.errors) ui.terminal.push_back({TerminalLine::Kind::Error, e, ""});
        ui.scrollToEnd = true;
        return false;
    }
    auto sc = std::make_shared<const scenario::Scenario>(std::move(*loaded.scenario));
    addTexts(fonts, *sc);
    ui.lesson = LessonRun{};
    scenario::SessionConfig config;
    config.lang = strings.lang();
    config.blockUnanswered = false;   // the steps answer their own predictions
    if (sc->lesson) {
        config.lesson = sc.get();
    } else {
        scenario::PlayOptions options;
        options.lang = strings.lang();
        std::vector<std::string> errors;
        engine::State start = scenario::startState(*sc, options, errors);
        for (const auto& e : errors) ui.terminal.push_back({TerminalLine::Kind::Error, path + ": " + e, ""});
        machine.setState(std::move(start));
    }
    ui.session = std::make_shared<scenario::LessonSession>(machine, config);
    sr = ScenarioRun{};
    sr.scenario = sc;
    sr.stepper = std::make_shared<scenario::Stepper>(*sc, *ui.session);
    sr.path = path;
    afterReplay();
    note(TerminalLine::Kind::Note,
         bothLanguages("ui.scenario.opened", sc->title.empty() ? scenario::LocalizedText{sc->id, ""} : sc->title));
    return true;
}

bool View::presentLesson(int index) {
    if (!ui.catalog || index < 0 || index >= static_cast<int>(ui.catalog->lessons.size())) return false;
    ui.lesson = LessonRun{};
    // Shares the catalogue's lifetime: the lesson stays where the catalogue keeps it.
    std::shared_ptr<const scenario::Scenario> sc(ui.catalog, &ui.catalog->lessons[static_cast<size_t>(index)]);
    addTexts(fonts, *sc);
    scenario::SessionConfig config = lessonConfig(index, true);
    config.lesson = sc.get();
    config.blockUnanswered = false;
    ui.session = std::make_shared<scenario::LessonSession>(machine, config);
    ScenarioRun& sr = ui.scenarioRun;
    sr = ScenarioRun{};
    sr.scenario = sc;
    sr.stepper = std::make_shared<scenario::Stepper>(*sc, *ui.session);
    afterReplay();
    ui.lesson.active = true;
    ui.lesson.index = index;
    ui.lesson.lesson = *sc;
    refreshGoals();
    note(TerminalLine::Kind::Note, bothLanguages("ui.lessons.started", sc->title));
    return true;
}

scenario::Turn View::stepForward() {
    ScenarioRun& sr = ui.scenarioRun;
    scenario::Turn turn;
    if (!sr.active() || sr.stepper->atEnd()) return turn;
    const scenario::Step& step = *sr.stepper->next();
    // The room's guess, clicked or typed while the question was open.
    if (ui.predict.asking && ui.predict.answered()) sr.stepper->setRoomGuess(ui.predict.answer());
    sr.stepper->forward(&turn, [this](const std::string& line) {
        scenario::Turn t;
        t.outcome = run(line);
        t.ran = true;
        t.built = scenario::ranBuild(t.outcome);
        return t;
    });
    if (turn.built) ui.predict.asking = false;
    switch (step.kind) {
        case scenario::Step::Kind::Write:
            note(TerminalLine::Kind::Note, "ui.lessons.write", {step.path});
            syncDockerfile();
            ui.picture.dirty = true;
            refreshGoals();
            break;
        case scenario::Step::Kind::Predict: {
            const std::string line = nextBuildLine(*sr.stepper, sr.stepper->done(), *ui.session);
            if (!line.empty()) {
                const scenario::Prediction* due = ui.session->duePrediction();
                askPrediction(*this, line,
                              due ? due->question
                                  : scenario::LocalizedText{"Which steps will run again? Guess, then press Right.",
                                                            "어떤 단계가 다시 실행될까요? 예측한 뒤 → 키를 누르세요."});
            }
            break;
        }
        default:
            break;
    }
    ui.scrollToEnd = true;
    return turn;
}

bool View::stepBack() {
    ScenarioRun& sr = ui.scenarioRun;
    if (!sr.active() || !sr.stepper->back()) return false;
    afterReplay();
    note(TerminalLine::Kind::Note, "ui.scenario.stepped_back",
         {std::to_string(sr.stepper->done()), std::to_string(sr.stepper->size())});
    ui.scrollToEnd = true;
    return true;
}

bool View::saveSession(const std::string& path) {
    SessionUi& s = ui.sessionUi;
    if (!ui.session || path.empty()) return false;
    std::string id = std::filesystem::path(path).stem().string();
    if (id.empty()) id = "session";
    // Atomic: a crash mid-save leaves the old file, never half of one.
    if (!fs::writeFileAtomically(path, jsonText(ui.session->toScenario(id), 2) + "\n").empty()) {
        s.message = formatPattern(tr("ui.session.cannot_write"), {path});
        return false;
    }
    s.message = formatPattern(tr("ui.session.saved"), {path});
    fonts.addText(s.message);
    return true;
}

}   // namespace layerlab::render
