// View::run and friends: the window's only way to change the model. Every
// button ends here as a command line for Machine::execute, the same path a
// line typed in `layerlab shell` takes, so the window and the terminal can
// never disagree about what Docker does.
#include <algorithm>
#include <map>
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
        ui.terminal.push_back({fromErr ? TerminalLine::Kind::Error : TerminalLine::Kind::Output, row});
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
void noteImageFocus(View& view, const Outcome& outcome) {
    PictureState& pic = view.ui.picture;
    std::vector<stack::PulledLayer> pulled;
    engine::Digest image;
    for (const Event& event : outcome.events) {
        if (const auto* e = std::get_if<LayerPulled>(&event)) pulled.push_back({e->diffId, e->alreadyExists});
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
void noteBuild(View& view, const std::string& line, const Outcome& outcome) {
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
        noteImageFocus(view, outcome);
        return;
    }
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

Outcome View::run(const std::string& line) {
    const std::string prompt = machine.prompt();
    // A lesson can switch commands off (as `layerlab shell --lesson` does).
    if (ui.lesson.active && !machine.attached() && !machine.needsMoreInput()) {
        if (auto disabled = scenario::disabledBy(line, ui.lesson.lesson.disabledCommands)) {
            Outcome refused;
            refused.exitCode = 1;
            refused.err = formatPattern(tr("ui.lessons.disabled"), {*disabled});
            ui.terminal.push_back({TerminalLine::Kind::Command, prompt + line.substr(0, line.find('\n'))});
            ui.terminal.push_back({TerminalLine::Kind::Error, refused.err});
            ui.scrollToEnd = true;
            return refused;
        }
    }
    Outcome outcome = machine.execute(line);
    fonts.addText(line);
    fonts.addText(outcome.out);
    fonts.addText(outcome.err);

    // The command as a terminal echoes it: the prompt, then the first line;
    // a multi-line heredoc from a button is summarised, not dumped.
    const auto newline = line.find('\n');
    ui.terminal.push_back({TerminalLine::Kind::Command, prompt + line.substr(0, newline)});
    if (newline != std::string::npos) {
        const auto lines = std::count(line.begin(), line.end(), '\n');
        ui.terminal.push_back({TerminalLine::Kind::Note,
                               formatPattern(strings.tr("ui.terminal.heredoc_lines"), {std::to_string(lines - 1)})});
    }
    appendOutput(ui, line, outcome);
    if (machine.takeClearRequest()) ui.terminal.clear();
    if (machine.exitRequested()) ui.quit = true;
    ui.scrollToEnd = true;
    // The scrollback keeps the last limits::kScrollbackLines lines (sim/limits.hpp).
    if (ui.terminal.size() > limits::kScrollbackLines)
        ui.terminal.erase(ui.terminal.begin(),
                          ui.terminal.begin() + static_cast<long>(ui.terminal.size() - limits::kScrollbackLines));

    noteBuild(*this, line, outcome);
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
