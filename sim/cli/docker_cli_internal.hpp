// docker_cli_internal: what the docker CLI's dispatcher (docker_cli.cpp)
// shares with the files that turn parsed flags into engine calls
// (docker_cli_container.cpp, docker_cli_image.cpp, docker_cli_system.cpp).
#pragma once
#include <string>
#include <vector>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/flags.hpp"
#include "sim/engine/containers/container_options.hpp"

namespace layerlab::cli::detail {

// One parsed docker command.
struct Invocation {
    std::string path;   // as invoked: "docker container run", "docker ps"
    const CommandSpec* spec = nullptr;
    ParsedFlags flags;
    const DockerEnv* env = nullptr;
};

using Outcome = engine::ContainerOutcome;
using Handler = Outcome (*)(engine::State&, const Invocation&);

// Container commands (docker_cli_container.cpp)
Outcome cmdRun(engine::State&, const Invocation&);
Outcome cmdCreate(engine::State&, const Invocation&);
Outcome cmdStart(engine::State&, const Invocation&);
Outcome cmdStop(engine::State&, const Invocation&);
Outcome cmdRestart(engine::State&, const Invocation&);
Outcome cmdKill(engine::State&, const Invocation&);
Outcome cmdPause(engine::State&, const Invocation&);
Outcome cmdUnpause(engine::State&, const Invocation&);
Outcome cmdRm(engine::State&, const Invocation&);
Outcome cmdPs(engine::State&, const Invocation&);
Outcome cmdLogs(engine::State&, const Invocation&);
Outcome cmdAttach(engine::State&, const Invocation&);
Outcome cmdExec(engine::State&, const Invocation&);
Outcome cmdInspect(engine::State&, const Invocation&);   // docker inspect: containers, then images
Outcome cmdContainerPrune(engine::State&, const Invocation&);

// Image commands (docker_cli_image.cpp)
Outcome cmdImages(engine::State&, const Invocation&);
Outcome cmdImageInspect(engine::State&, const Invocation&);
Outcome cmdHistory(engine::State&, const Invocation&);
Outcome cmdTag(engine::State&, const Invocation&);
Outcome cmdRmi(engine::State&, const Invocation&);
Outcome cmdImagePrune(engine::State&, const Invocation&);
Outcome cmdPull(engine::State&, const Invocation&);
Outcome cmdBuild(engine::State&, const Invocation&);
// `docker image inspect` for these names (also used by `docker inspect`).
Outcome inspectImageNames(engine::State&, const std::vector<std::string>& names, const std::string& format);

// System commands (docker_cli_system.cpp)
Outcome cmdVersion(engine::State&, const Invocation&);
Outcome cmdInfo(engine::State&, const Invocation&);
Outcome cmdSystemDf(engine::State&, const Invocation&);
// `docker --help` (Docker 28's layout, the commands LayerLab models).
std::string dockerHelp();
// `docker container` / `docker image` / `docker system` with no sub-command.
std::string groupHelp(const std::string& group);

// An Outcome with only an error text and exit code.
Outcome failure(std::string err, int exitCode = 1);
// "Error response from daemon: ..." helpers are the engine's business; this
// is for the CLI's own checks.
Outcome withHint(Outcome o, std::string en, std::string ko);

}   // namespace layerlab::cli::detail
