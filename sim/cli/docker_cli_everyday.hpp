// docker_cli_everyday: parsed flags -> the engine calls of the everyday
// commands (docker_commands_everyday.hpp): diff, commit, cp, export, import,
// save, load, rename, port, top, wait, stats, volume. Host paths typed by the
// learner (cp, save -o, load -i, export -o, import FILE) are resolved here
// against ~/app, as the docker client resolves them against its cwd.
#pragma once
#include "sim/cli/docker_cli_internal.hpp"

namespace layerlab::cli::detail {

Outcome cmdDiff(engine::State&, const Invocation&);
Outcome cmdCommit(engine::State&, const Invocation&);
Outcome cmdCp(engine::State&, const Invocation&);
Outcome cmdExport(engine::State&, const Invocation&);
Outcome cmdImport(engine::State&, const Invocation&);
Outcome cmdSave(engine::State&, const Invocation&);
Outcome cmdLoad(engine::State&, const Invocation&);
Outcome cmdRename(engine::State&, const Invocation&);
Outcome cmdPort(engine::State&, const Invocation&);
Outcome cmdTop(engine::State&, const Invocation&);
Outcome cmdWait(engine::State&, const Invocation&);
Outcome cmdStats(engine::State&, const Invocation&);
Outcome cmdVolumeCreate(engine::State&, const Invocation&);
Outcome cmdVolumeLs(engine::State&, const Invocation&);
Outcome cmdVolumeInspect(engine::State&, const Invocation&);
Outcome cmdVolumeRm(engine::State&, const Invocation&);
Outcome cmdVolumePrune(engine::State&, const Invocation&);
// `docker volume` with no sub-command.
std::string volumeGroupHelp();

}   // namespace layerlab::cli::detail
