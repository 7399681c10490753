// View::run and friends: the window's only way to change the model. Every
// button ends here as a command line for Machine::execute, the same path a
// line typed in `layerlab shell` takes, so the window and the terminal can
// never disagree about what Docker does.
#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <type_traits>
#include <variant>

#include "render/view.hpp"
#include "sim/limits.hpp"
#include "sim/scenario/loader.hpp"

namespace layerlab::render {
namespace {

// `docker build`, `docker image build`, `docker buildx build`, with or without env prefixes.
bool looksLikeBuild(const std::string& line) {
    std::istringstream in(line.substr(0, line.find('\n')));
    std::string word, previous;
    while (in >> word) {
        if (word == "build" && (previous == "docker" || previous == "image" || previous == "buildx")) return true;
        if (word.find('=') == std::string::npos && word != "docker" && word != "image" && word != "buildx")
            return false;
        previous = word;
    }
    return false;
}

// A terminal shows stdout and stderr interleaved (Machine::terminalText);
// lines that came from stderr are drawn in the error colour.
void appendOutput(UiState& ui, const std::string& line, const Outcome& outcome) {
    const std::string text = cli::Machine::terminalText(line, outcome);
    std::istringstream in(text);
    std::string row;
    while (std::getline(in, row)) {
        // docker writes progress to stderr too: only a failed command's stderr is an error.
        const bool fromErr = !outcome.ok() && !row.empty() && outcome.err.find(row) != std::string::npos &&
                             outcome.out.find(row) == std::string::npos;
        ui.terminal.push_back({fromErr ? TerminalLine::Kind::Error : TerminalLine::Kind::Output, row, ""});
    }
}

bool shareATag(const stack::BuildInput& a, const stack::BuildInput& b) {
    for (const auto& tag : a.tags)
        if (std::find(b.tags.begin(), b.tags.end(), tag) != b.tags.end()) return true;
    return false;
}

// The picture after a build: the build now, and the previous successful build
// of the same tag as "before". A failed build is drawn from its events (the
// Machine keeps no failed State); its "before" is the last good build.
void notePicture(View& view, const Outcome& outcome, const FailedBuild& failed,
                 const std::map<int, std::string>& keys) {
    PictureState& pic = view.ui.picture;
    stack::BuildInput previous = pic.lastGood;
    if (outcome.ok()) {
        stack::BuildInput now = stack::fromLastBuild(view.state());
        now.keyByStep = keys;
        pic.before = previous.present && shareATag(previous, now) ? previous : stack::BuildInput{};
        pic.lastGood = now;
        pic.now = std::move(now);
    } else {
        stack::BuildInput now;
        now.present = true;
        now.steps = failed.steps;
        if (!failed.failedStep.instruction.empty()) now.failedStep = failed.failedStep;
        now.error = failed.error;
        now.keyByStep = keys;
        now.layersKnown = false;
        // A cached step's layer is in the build cache under its key; the steps
        // that ran left nothing (a failed command changes no State).
        for (auto& step : now.steps) {
            auto key = keys.find(step.step);
            if (!step.cached || key == keys.end()) continue;
            auto record = view.state().buildCache.find(key->second);
            if (record == view.state().buildCache.end()) continue;
            step.layerDiffId = record->second.layer;
            if (auto layer = view.state().layers.find(step.layerDiffId); layer != view.state().layers.end())
                step.layerSize = layer->second.size;
        }
        pic.before = previous;
        pic.now = std::move(now);
    }
    pic.scene = stack::buildScene(view.state(), pic.now, pic.before);
    pic.timeline = anim::makeTimeline(pic.scene);
    pic.playback.start(pic.timeline.end);
    pic.selected = Selection{};
    pic.scrollToFirstMiss = true;
    pic.dirty = false;
}

}   // namespace

void refreshPicture(View& view, bool restart) {
    PictureState& pic = view.ui.picture;
    const engine::LastBuild& last = view.state().lastBuild;
    if (!pic.lastGood.present && last.ran && last.ok) {
        pic.lastGood = stack::fromLastBuild(view.state());
        pic.now = pic.lastGood;
        // The build before it, from the builder's records (a lesson's setup built it).
        if (const engine::BuildRecord* record = stack::recordOf(view.state(), pic.now))
            if (const engine::BuildRecord* previous = engine::previousBuild(view.state(), *record))
                if (previous->ok) pic.before = stack::fromRecord(*previous);
    }
    const size_t oldBlocks = pic.scene.after.blocks.size();
    if (!pic.focusImage.empty() && view.state().images.count(pic.focusImage))
        pic.scene = stack::imageScene(view.state(), pic.focusImage, pic.pulled);
    else pic.scene = stack::buildScene(view.state(), pic.now, pic.before);
    if (restart || pic.scene.after.blocks.size() != oldBlocks || pic.timeline.after.size() != oldBlocks) {
        pic.timeline = anim::makeTimeline(pic.scene);
        pic.playback.start(pic.timeline.end);
        if (!restart) pic.playback.finish();
    }
    pic.dirty = false;
}

namespace {

// After a command that is not a build. A pull shows the pulled image's layers
// (downloaded ones animate, "Already exists" ones stand still); a container
// of an image the build picture does not show moves the picture to that
// image, so `docker run node` twice shows two containers on node. Any other
// command only finishes a running animation at once.
// `docker rm` / `docker rmi`: a removed container fades out on its image; a
// removed image's column fades to a dashed outline (its records stay, and so
// does the build cache). Everything else stands still.
struct Removed {
    engine::Digest imageId;
    std::string name;
    size_t slot;   // index among the containers of the same image, in creation order
};
bool noteDepartures(View& view, const Outcome& outcome, const std::map<std::string, Removed>& containersBefore) {
    PictureState& pic = view.ui.picture;
    std::vector<Departure> leaving;
    const char* note = nullptr;
    bool focusRemoved = false;
    for (const Event& event : outcome.events) {
        if (const auto* e = std::get_if<ContainerRemoved>(&event)) {
            auto before = containersBefore.find(e->id);
            if (before == containersBefore.end()) continue;
            leaving.push_back(Departure{before->second.name, before->second.imageId, before->second.slot});
            if (!note) note = "ui.stack.container_removed";
        }
        if (const auto* e = std::get_if<ImageRemoved>(&event)) {
            const bool shown = e->imageId == pic.scene.after.imageId || e->imageId == pic.scene.before.imageId;
            if (!shown) continue;
            focusRemoved = focusRemoved || e->imageId == pic.focusImage;
            note = "ui.stack.image_removed";
        }
    }
    pic.departures = std::move(leaving);
    pic.departureNote = note ? note : "";
    if (!note) return false;
    if (focusRemoved) pic.scene.after.removed = true;   // the pulled image's own picture, faded
    else refreshPicture(view, /*restart=*/false);
    pic.timeline = anim::departureTimeline(pic.scene);
    pic.playback.start(pic.timeline.end);
    return true;
}

void noteImageFocus(View& view, const Outcome& outcome) {
    PictureState& pic = view.ui.picture;
    std::vector<stack::PulledLayer> pulled;
    engine::Digest image;
    for (const Event& event : outcome.events) {
        if (const auto* e = std::get_if<LayerPulled>(&event))
            pulled.push_back({e->diffId, e->alreadyExists, e->downloadStartMs, e->downloadDoneMs, e->extractStartMs,
                              e->extractDoneMs});
        if (const auto* e = std::get_if<ImageCreated>(&event); e && !pulled.empty()) image = e->imageId;
        if (const auto* e = std::get_if<ContainerCreated>(&event)) {
            const bool shown = e->imageId == pic.scene.after.imageId || e->imageId == pic.scene.before.imageId;
            if (!shown && image.empty()) image = e->imageId;
        }
    }
    // A pull of an image the machine already had tags nothing new: find it by its layers.
    if (image.empty() && !pulled.empty())
        for (const auto& [id, candidate] : view.state().images)
            if (!candidate.layers.empty() && candidate.layers.back() == pulled.back().diffId) image = id;
    if (image.empty()) {
        pic.playback.finish();   // typing a command during an animation finishes it at once
        pic.dirty = true;
        return;
    }
    pic.focusImage = image;
    pic.pulled = std::move(pulled);
    pic.scene = stack::imageScene(view.state(), pic.focusImage, pic.pulled);
    pic.timeline = anim::makeTimeline(pic.scene);
    pic.playback.start(pic.timeline.end);
    pic.selected = Selection{};
    pic.dirty = false;
}

// Keeps the steps of a failed build from its events: the Machine drops the
// failed State, so State.lastBuild still shows the previous successful build.
void noteBuild(View& view, const std::string& line, const Outcome& outcome,
               const std::map<std::string, Removed>& containersBefore) {
    FailedBuild failed;
    std::map<int, std::string> keys;
    bool sawStep = false;
    for (const Event& event : outcome.events) {
        std::visit(
            [&](const auto& e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, StepCached>) {
                    engine::BuildStepRecord step;
                    step.stage = e.stage;
                    step.step = e.step;
                    step.instruction = e.instruction;
                    step.cached = true;
                    step.sourceLine = e.sourceLine;
                    keys[e.step] = e.key;
                    failed.steps.push_back(step);
                    sawStep = true;
                } else if constexpr (std::is_same_v<T, StepBuilt>) {
                    engine::BuildStepRecord step;
                    step.stage = e.stage;
                    step.step = e.step;
                    step.instruction = e.instruction;
                    step.reason = e.reason;
                    step.reasonKo = e.reasonKo;
                    step.durationMs = e.durationMs;
                    step.sourceLine = e.sourceLine;
                    keys[e.step] = e.key;
                    failed.steps.push_back(step);
                    sawStep = true;
                } else if constexpr (std::is_same_v<T, StepFailed>) {
                    failed.present = true;
                    failed.failedStep.stage = e.stage;
                    failed.failedStep.step = e.step;
                    failed.failedStep.instruction = e.instruction;
                    failed.failedStep.sourceLine = e.sourceLine;
                    failed.error = e.error;
                    sawStep = true;
                }
            },
            event);
    }
    if (!sawStep && !looksLikeBuild(line)) {
        if (!noteDepartures(view, outcome, containersBefore)) noteImageFocus(view, outcome);
        // A container created, started, stopped or removed stands on top of
        // its image: a tall stack scrolled to its first miss would hide it.
        for (const Event& event : outcome.events)
            if (std::holds_alternative<ContainerCreated>(event) || std::holds_alternative<ContainerStarted>(event) ||
                std::holds_alternative<ContainerStopped>(event) || std::holds_alternative<ContainerRemoved>(event))
                view.ui.picture.scrollToContainers = true;
        return;
    }
    view.ui.picture.departures.clear();
    view.ui.picture.departureNote.clear();
    view.ui.picture.focusImage.clear();
    view.ui.picture.pulled.clear();
    if (outcome.ok()) {
        view.ui.failedBuild = FailedBuild{};
    } else {
        failed.present = true;
        if (failed.error.empty()) failed.error = outcome.err;
        view.ui.failedBuild = failed;
    }
    notePicture(view, outcome, failed, keys);
}

std::string heredocTerminator(const std::string& text) {
    std::string terminator = "EOF";
    for (int n = 1;; ++n) {
        std::istringstream in(text);
        std::string line;
        bool clash = false;
        while (std::getline(in, line)) clash = clash || line == terminator;
        if (!clash) return terminator;
        terminator = "EOF" + std::to_string(n);
    }
}

}   // namespace

namespace {

// The sandbox's "predict" toggle asks before any build (a lesson asks itself,
// through its engine). True when the question is now open and LINE waits.
bool askSandboxPrediction(View& view, const std::string& line, const std::string& prompt) {
    UiState& ui = view.ui;
    if (!ui.session || view.machine.needsMoreInput() || ui.session->isLesson() || !ui.predict.sandboxToggle ||
        ui.predict.asking || ui.session->predicted() || !ui.session->wouldBuild(line))
        return false;
    askPrediction(view, line,
                  {"Which steps will run again? Click them (or none), then Build.",
                   "어떤 단계가 다시 실행될까요? 블록을 누르고(없으면 none) Build를 누르세요."});
    ui.terminal.push_back({TerminalLine::Kind::Command, prompt + line.substr(0, line.find('\n')), ""});
    ui.scrollToEnd = true;
    return true;
}

// The lesson engine first: lesson commands (hint, show goal, predict, ...),
// commands the lesson switches off, the question before a build. An outcome
// when the engine answered LINE itself (the Machine does not run it).
std::optional<Outcome> lessonAnswers(View& view, const std::string& line, const std::string& prompt) {
    UiState& ui = view.ui;
    if (!ui.session || view.machine.attached() || view.machine.needsMoreInput() || view.machine.awaitingAnswer())
        return std::nullopt;
    const scenario::Turn turn = ui.session->before(line);
    view.fonts.addText(turn.text.en + turn.text.ko);
    if (!turn.handled) return std::nullopt;
    ui.terminal.push_back({TerminalLine::Kind::Command, prompt + line.substr(0, line.find('\n')), ""});
    if (turn.question) askPrediction(view, line, turn.question->question);
    // `predict 3 4` typed while the question is open picks those blocks.
    if (ui.predict.asking && ui.session->predicted()) {
        ui.predict.picked = {ui.session->predicted()->begin(), ui.session->predicted()->end()};
        ui.predict.none = ui.predict.picked.empty();
    }
    // The lesson's words in both languages (View::note): L re-translates them later.
    view.note(turn.refused ? TerminalLine::Kind::Error : TerminalLine::Kind::Note, turn.text);
    const std::string text = turn.text.in(view.strings.lang());
    ui.scrollToEnd = true;
    view.refreshGoals();
    Outcome answered;
    answered.exitCode = turn.refused || turn.question ? 1 : 0;
    if (turn.refused) answered.err = text;
    return answered;
}

// The command as a terminal echoes it: the prompt, then the first line;
// a multi-line heredoc from a button is summarised, not dumped.
void echoCommand(View& view, const std::string& prompt, const std::string& line) {
    const auto newline = line.find('\n');
    view.ui.terminal.push_back({TerminalLine::Kind::Command, prompt + line.substr(0, newline), ""});
    if (newline == std::string::npos) return;
    const auto lines = std::count(line.begin(), line.end(), '\n');
    view.note(TerminalLine::Kind::Note, "ui.terminal.heredoc_lines", {std::to_string(lines - 1)});
}

// After the Machine ran it: the lesson engine's goals, and a prediction's
// score revealed on the blocks of the build that just ran.
void lessonAfter(View& view, const Outcome& outcome) {
    UiState& ui = view.ui;
    if (!ui.session) return;
    const scenario::Turn after = ui.session->after(outcome);
    view.fonts.addText(after.text.en + after.text.ko);
    view.note(TerminalLine::Kind::Note, after.text);
    if (after.built && !after.score) {
        ui.predict.reveal.reset();   // an unpredicted build: the last reveal is out of date
        ui.predict.revealBlocks.clear();
    }
    if (!after.score) return;
    ui.predict.asking = false;
    ui.predict.revealBlocks.clear();
    for (const auto& step : view.state().lastBuild.steps)
        ui.predict.revealBlocks.push_back({step.step, step.instruction});
    ui.predict.reveal = after.score;
    if (after.explained) ui.predict.explain = after.explained->explain;
    view.fonts.addText(after.score->summary.ko + after.score->explanation.ko + ui.predict.explain.ko);
}

// The scrollback keeps the last limits::kScrollbackLines lines (sim/limits.hpp).
void trimScrollback(UiState& ui) {
    if (ui.terminal.size() <= limits::kScrollbackLines) return;
    ui.selection.clear();   // its positions count entries from the first
    ui.terminal.erase(ui.terminal.begin(),
                      ui.terminal.begin() + static_cast<long>(ui.terminal.size() - limits::kScrollbackLines));
}

}   // namespace

Outcome View::run(const std::string& line) {
    const std::string prompt = machine.prompt();
    if (askSandboxPrediction(*this, line, prompt)) {
        Outcome waiting;
        waiting.exitCode = 1;
        return waiting;
    }
    if (std::optional<Outcome> answered = lessonAnswers(*this, line, prompt)) return *answered;
    // The containers before the command: a removed one is drawn leaving its image.
    std::map<std::string, Removed> containersBefore;
    std::map<engine::Digest, size_t> onImage;
    for (const auto& c : state().containers) containersBefore[c.id] = Removed{c.imageId, c.name, onImage[c.imageId]++};
    Outcome outcome = machine.execute(line);
    fonts.addText(line);
    fonts.addText(outcome.out);
    fonts.addText(outcome.err);
    echoCommand(*this, prompt, line);
    appendOutput(ui, line, outcome);
    // The machine's teaching notes, apart from Docker's text (as the shell
    // prints them), in both languages.
    for (const engine::Hint& hint : machine.hints())
        note(TerminalLine::Kind::Hint, {"[hint] " + hint.en, "[힌트] " + (hint.ko.empty() ? hint.en : hint.ko)});
    lessonAfter(*this, outcome);
    if (machine.takeClearRequest()) ui.terminal.clear();
    if (machine.exitRequested()) ui.quit = true;
    ui.scrollToEnd = true;
    trimScrollback(ui);

    noteBuild(*this, line, outcome, containersBefore);
    for (const auto& step : state().lastBuild.steps) fonts.addText(step.reason + step.reasonKo + step.instruction);
    for (const auto& step : ui.failedBuild.steps) fonts.addText(step.reason + step.reasonKo + step.instruction);
    fonts.addText(ui.failedBuild.error);
    syncDockerfile();
    refreshGoals();
    return outcome;
}

Outcome View::saveDockerfile() {
    std::string body = ui.dockerfile;
    if (!body.empty() && body.back() != '\n') body += '\n';
    const std::string terminator = heredocTerminator(body);
    Outcome outcome = run("cat > Dockerfile <<'" + terminator + "'\n" + body + terminator);
    if (outcome.ok()) {
        ui.dockerfile = body;
        ui.dockerfileOnDisk = body;
    }
    return outcome;
}

void View::syncDockerfile() {
    const engine::State& s = state();
    const std::string path = s.cwd.empty() ? "Dockerfile" : s.cwd + "/Dockerfile";
    const fs::FileEntry* entry = s.host.find(path);
    const std::string onDisk = (entry && !entry->isDir() && entry->content) ? *entry->content : std::string();
    const bool dirty = ui.dockerfile != ui.dockerfileOnDisk;
    ui.dockerfileExists = entry && !entry->isDir();
    if (onDisk == ui.dockerfileOnDisk) return;
    ui.dockerfileOnDisk = onDisk;
    fonts.addText(onDisk);
    if (!dirty) ui.dockerfile = onDisk;
}

}   // namespace layerlab::render
