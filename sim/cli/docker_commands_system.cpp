// docker_commands_system: the specs of docker version, info and system df.
// Use lines, aliases and flags as Docker CLI 28.2's `--help` declares them
// (see docker_commands.cpp for the conventions).
// Data: rows that repeat are flags Docker declares on each command.
#include "sim/cli/docker_command_groups.hpp"

namespace layerlab::cli::command_groups {

// docker version, info, system df.
void systemCommands(std::vector<CommandSpec>& table) {
    {
        CommandSpec c{"version",
                      "version [OPTIONS]",
                      "Show the Docker version information",
                      "",
                      {},
                      true,
                      CommandSpec::Args::NoArgs,
                      0,
                      0};
        c.flags = {
            {"format", 'f', "string", kInspectFormatHelp, true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"info",
                      "info [OPTIONS]",
                      "Display system-wide information",
                      "docker system info, docker info",
                      {},
                      true,
                      CommandSpec::Args::NoArgs,
                      0,
                      0};
        c.flags = {
            {"format", 'f', "string", kInspectFormatHelp, true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"system df",
                      "system df [OPTIONS]",
                      "Show docker disk usage",
                      "",
                      {},
                      true,
                      CommandSpec::Args::NoArgs,
                      0,
                      0};
        c.flags = {
            {"format", 0, "string", kFormatHelp, true},
            {"verbose", 'v', "", "Show detailed information on space usage", true},
        };
        table.push_back(std::move(c));
    }
}

}   // namespace layerlab::cli::command_groups
