// scenario: the in-memory form of a scenario or lesson file (format version 1).
//
// A scenario is a replayable demo: a seed, a starting state, steps (docker or
// host command lines, file writes, narration, predictions, checks) and goals.
// A lesson is a scenario with kind "lesson": titles and text in English and
// Korean, narration cards, goals the learner must reach, hints, a reference
// solution and commands switched off for the lesson. docs/scenarios.md
// documents every field; lessons/schema/scenario.schema.json is the schema
// the loader (loader.hpp) enforces.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/engine/state.hpp"
#include "sim/scenario/text.hpp"

namespace layerlab::scenario {

// A file of the starting build context.
struct FileSpec {
    std::string content;
    uint32_t mode = 0644;
};

struct StartSpec {
    enum class Context { Course, Empty };
    // "course": the course notes' node app (cli::Machine::defaultState);
    // "empty": an empty ~/app.
    Context context = Context::Course;
    std::map<std::string, FileSpec> files;   // written over the context (relative to ~/app)
    std::vector<std::string> remove;   // context files to delete first
    std::vector<std::string> setup;   // command lines run silently before step 1
    std::optional<engine::State> state;   // a whole exported state: replaces all of the above
};

enum class GoalKind {
    ImageTagged,
    ImageAbsent,
    ImageConfig,
    LayerDelta,
    DanglingImages,
    ContainersFromImage,
    ContainerPublishes,
    ContainerState,
    ContainerAbsent,
    ContainerCount,
    ContainerAutoRemove,
    ContainerLogsContain,
    LastBuildStep,
    CacheKeepsStep,
    FileContains,
    FileLacks,
    ContainerLogsRead,
    FileDiffersFromImage,
    HubPushed
};
std::string goalKindName(GoalKind kind);

// One predicate over the State. Which fields matter depends on the kind (see
// the schema); the rest stay empty.
struct Goal {
    GoalKind kind = GoalKind::ImageTagged;
    LocalizedText describe;   // optional wording that replaces the generated one
    std::string tag, base, image, name, path, text, instruction, edit, dockerfile, curlText, reasonContains;
    std::string status;   // container status word: "running", "exited", ...
    std::string outcome;   // lastBuildStep: "cached" or "rebuilt"
    std::string sameAs;   // imageTagged, hubPushed: the tag must name the same image as this one
    std::string runMode;   // containerState: "attached" or "detached" (how it was first started)
    std::string copies;   // lastBuildStep: the step whose layer holds this context file
    std::string imagePath;   // fileDiffersFromImage: the file's path inside the image"
    std::optional<std::string> workingDir;
    std::optional<std::vector<std::string>> cmd, exposedPorts;
    std::optional<int> min, max, step, delta, hostPort, containerPort;
};

struct Step {
    enum class Kind { Command, Say, Write, Predict, Check };
    Kind kind = Kind::Command;
    std::string pointer;   // "/steps/3": where it came from, for reports
    // Command
    std::string command;   // may hold several lines (a heredoc)
    std::optional<int> expectExitCode;
    std::string expectContains;
    // Say
    LocalizedText say;
    // Write: a host file relative to ~/app
    std::string path, content;
    uint32_t mode = 0644;
    // Predict: the step numbers expected to run again in the next build
    std::vector<int> answer;
    // Check: goals that must hold at this point
    std::vector<Goal> check;
};

struct Card {
    LocalizedText title;
    LocalizedText text;
};

// A lesson asks, before a `docker build`, which steps will run again: at the
// first build (counting from the lesson's start) numbered atBuild or later at
// which every `when` goal holds, so the question always fits what the learner
// did (lesson 7 asks only once server.js really differs from the image's
// copy). Predictions are asked in order, each once. `explain` states the rule
// the question is about; the step-by-step account comes from the build itself.
struct Prediction {
    int atBuild = 1;
    std::vector<Goal> when;
    LocalizedText question;
    LocalizedText explain;
};

struct Scenario {
    int version = 1;
    bool lesson = false;
    std::string id;
    LocalizedText title, summary, objective;
    std::optional<uint64_t> seed;
    std::string lang;   // "" = the caller's choice
    StartSpec start;
    std::vector<Card> cards;
    std::vector<Step> steps;
    std::vector<Goal> goals;
    std::vector<LocalizedText> hints;
    std::vector<Step> solution;
    std::vector<std::string> disabledCommands;
    std::vector<Prediction> predictions;
    std::optional<engine::State> finalState;   // written by `layerlab export`
    std::string sourcePath;   // the file it came from ("" when parsed from text)
};

}   // namespace layerlab::scenario
