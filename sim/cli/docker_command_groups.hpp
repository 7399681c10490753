// docker_command_groups: the parts of the docker command table, one file per
// group of commands (docker_commands_container.cpp, _image, _system, _build).
// docker_commands.cpp assembles them into the one table that parsing, help,
// aliases and completion read; nothing else should call these.
#pragma once
#include <vector>

#include "sim/cli/flags.hpp"

namespace layerlab::cli::command_groups {

// docker/cli flagsHelper.FormatHelp and InspectFormatHelp.
inline constexpr const char* kFormatHelp =
    "Format output using a custom template:\n"
    "'table':            Print output in table format with column headers (default)\n"
    "'table TEMPLATE':   Print output in table format using the given Go template\n"
    "'json':             Print in JSON format\n"
    "'TEMPLATE':         Print output using the given Go template.\n"
    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
inline constexpr const char* kInspectFormatHelp =
    "Format output using a custom template:\n"
    "'json':             Print in JSON format\n"
    "'TEMPLATE':         Print output using the given Go template.\n"
    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

// Each appends its commands' specs, in the order `docker --help` lists them.
void containerCommands(std::vector<CommandSpec>& table);   // run, create, start ... container prune
void imageCommands(std::vector<CommandSpec>& table);   // images, image inspect ... pull
void systemCommands(std::vector<CommandSpec>& table);   // version, info, system df
void buildCommands(std::vector<CommandSpec>& table);   // build (buildx) and legacy build

}   // namespace layerlab::cli::command_groups
