// View::run and friends: the window's only way to change the model. Every
// button ends here as a command line for Machine::execute, the same path a
// line typed in `layerlab shell` takes, so the window and the terminal can
// never disagree about what Docker does.
#include <algorithm>
#include <sstream>
#include <type_traits>
#include <variant>

#include "render/view.hpp"
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

// Keeps the steps of a failed build from its events: the Machine drops the
// failed State, so State.lastBuild still shows the previous successful build.
void noteBuild(View& view, const std::string& line, const Outcome& outcome) {
    FailedBuild failed;
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
    if (!sawStep && !looksLikeBuild(line)) return;
    if (outcome.ok()) {
        view.ui.failedBuild = FailedBuild{};
    } else {
        failed.present = true;
        if (failed.error.empty()) failed.error = outcome.err;
        view.ui.failedBuild = std::move(failed);
    }
    // Flash the steps that ran again, one after another from the bottom up,
    // so the eye follows the cache cascade. Keys are indices into the steps.
    view.highlights.clear();
    view.ui.lastBuildAt = view.now;
    const auto& steps = outcome.ok() ? view.state().lastBuild.steps : view.ui.failedBuild.steps;
    for (size_t i = 0; i < steps.size(); ++i)
        if (!steps[i].cached)
            view.highlights.flash(static_cast<int>(i), view.now, 0.08 * static_cast<double>(i), 1.0);
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

}  // namespace

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
        ui.terminal.push_back({TerminalLine::Kind::Note, formatPattern(strings.tr("ui.terminal.heredoc_lines"),
                                                                        {std::to_string(lines - 1)})});
    }
    appendOutput(ui, line, outcome);
    if (machine.takeClearRequest()) ui.terminal.clear();
    if (machine.exitRequested()) ui.quit = true;
    ui.scrollToEnd = true;

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

}  // namespace layerlab::render
