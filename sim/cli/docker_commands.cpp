// docker_commands: the catalogue of docker commands the simulator parses.
//
// Use lines, short descriptions, aliases and every flag (name, shorthand,
// pflag type, usage text) are taken from Docker CLI 28.2's own `--help`
// output, so parsing and help pages match Docker. Flags marked false are
// real Docker flags LayerLab does not model: they parse with the right arity
// and then make the command say so (see flags.hpp). `docker build` follows
// buildx (BuildKit, the default builder); DOCKER_BUILDKIT=0 selects the
// legacy builder's flag set, as Docker does.
//
// This file assembles the one table (and the second paths cobra registers,
// like `container ls` for `ps`); the specs themselves live one group per
// file in docker_commands_{container,image,system,build}.cpp.
#include "sim/cli/docker_commands.hpp"

#include "sim/cli/docker_command_groups.hpp"
#include "sim/cli/docker_commands_everyday.hpp"
#include "sim/cli/docker_commands_network.hpp"
#include "sim/cli/docker_commands_hub.hpp"

namespace layerlab::cli {
namespace {

// A second path for the same command, as cobra registers a subcommand both
// under its group and at the top level ("ps" and "container ls"): same flags,
// aliases and help, its own Usage line.
void addGroupPath(std::vector<CommandSpec>& table, const std::string& path, const std::string& groupPath) {
    for (const auto& c : table)
        if (c.path == path) {
            CommandSpec copy = c;
            copy.path = groupPath;
            copy.use = groupPath + c.use.substr(path.size());
            table.push_back(std::move(copy));
            return;
        }
}

std::vector<CommandSpec> makeTable() {
    std::vector<CommandSpec> table;
    command_groups::containerCommands(table);
    command_groups::imageCommands(table);
    command_groups::systemCommands(table);
    command_groups::buildCommands(table);
    everydayCommands(table);
    networkCommands(table);
    hubCommands(table);
    addGroupPath(table, "ps", "container ls");
    addGroupPath(table, "images", "image ls");
    addGroupPath(table, "rmi", "image rm");
    {
        // `docker container inspect`: containers only, no --type
        CommandSpec c = table.front();
        for (const auto& t : table)
            if (t.path == "inspect") c = t;
        c.path = "container inspect";
        c.use = "container inspect [OPTIONS] CONTAINER [CONTAINER...]";
        c.shortText = "Display detailed information on one or more containers";
        c.aliases.clear();
        std::vector<FlagSpec> flags;
        for (const auto& f : c.flags)
            if (f.name != "type") flags.push_back(f);
        c.flags = flags;
        table.push_back(std::move(c));
    }
    return table;
}

}   // namespace

const std::vector<CommandSpec>& dockerCommandSpecs() {
    static const std::vector<CommandSpec> table = makeTable();
    return table;
}

const CommandSpec* findCommandSpec(std::string_view path) {
    for (const auto& c : dockerCommandSpecs())
        if (c.path == path) return &c;
    return nullptr;
}

}   // namespace layerlab::cli
