// docker_cli: the `docker` command line over the simulated engine.
//
// runDocker() takes the words after `docker` and behaves like Docker CLI 28:
// global options, the command tree (`docker run` == `docker container run`,
// `docker images` == `docker image ls`, `docker rmi` == `docker image rm`,
// ...), pflag parsing (sim/cli/flags.hpp), argument checks, `--help` pages,
// and every error in Docker's words and exit codes (125 for flag errors and
// `docker run` daemon errors, 1 otherwise). The command itself is one engine
// operation (sim/engine/containers/container_api.hpp, image_commands.hpp,
// builder.hpp), which applies all or nothing.
//
// What Docker has and LayerLab does not model (a command such as `docker
// network` or `docker swarm`, a flag such as `--cpu-shares`) is recognised and
// answered plainly with what the simulator does not model; nothing pretends.
//
// Teaching notes (engine::Hint, English and Korean) ride along in the
// result, apart from Docker's own text: e.g. after `docker -p 3000:80 IMAGE`
// (a line from the course notes) Docker's real error is followed by a hint
// that `run` is missing.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "sim/cli/flags.hpp"
#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::cli {

struct DockerEnv {
    // VAR=value prefixes of the command line (`DOCKER_BUILDKIT=0 docker build .`).
    std::map<std::string, std::string> vars;
    // The output is a terminal (progress drawn as on screen) or a script/pipe.
    bool terminal = false;
    // What the learner answers to a confirmation prompt ("Are you sure you
    // want to continue? [y/N]"); nullopt = no input (Docker then cancels).
    std::optional<std::string> answer;
    // What the shell feeds the command's stdin (`docker load < app.tar`);
    // nullopt = the terminal.
    std::optional<std::string> stdinData;
    bool buildkit() const;
};

// Runs `docker ARGS...` on `state`. Never throws on learner input.
engine::ContainerOutcome runDocker(engine::State& state, const std::vector<std::string>& args, const DockerEnv& env);

// The command tree as a learner types it, for Tab completion: every
// invoked path ("run", "container run", "image ls", "buildx build", ...)
// with the spec path in docker_commands.hpp whose flags it parses with.
struct DockerCommandPath {
    std::string invoked;
    std::string spec;
};
std::vector<DockerCommandPath> dockerCommandTree();

// docker's global options (the [OPTIONS] before COMMAND).
const CommandSpec& dockerGlobalSpec();

// True for `docker` sub-commands whose stderr a terminal shows before their
// stdout (run/create: the pull and daemon errors precede the program's output).
bool dockerErrFirst(const std::vector<std::string>& args);

}   // namespace layerlab::cli
