// docker_commands_everyday: see the header. Texts copied from
// `docker CMD --help` of Docker CLI 28.2.2.
#include "sim/cli/docker_commands_everyday.hpp"

#include "sim/cli/docker_command_groups.hpp"

namespace layerlab::cli {
namespace {

using command_groups::kInspectFormatHelp;
// The table commands' --format text (flagsHelper.FormatHelp), shared with the other groups.
const char* const kTableFormatHelp = command_groups::kFormatHelp;

CommandSpec spec(const char* path, const char* use, const char* shortText, const char* aliases, CommandSpec::Args args,
                 int min, int max, std::vector<FlagSpec> flags) {
    CommandSpec c{path, use, shortText, aliases, {}, true, args, min, max};
    c.flags = std::move(flags);
    return c;
}

}   // namespace

void everydayCommands(std::vector<CommandSpec>& t) {
    using A = CommandSpec::Args;
    // Flags of existing commands that this module models: run/create -v and
    // --mount (volumes, binds of ~/app), rm -v (anonymous volumes).
    for (CommandSpec& c : t)
        for (FlagSpec& f : c.flags)
            if (((c.path == "run" || c.path == "create") && (f.name == "volume" || f.name == "mount")) ||
                (c.path == "rm" && f.name == "volumes"))
                f.supported = true;
    t.push_back(spec("diff", "diff CONTAINER", "Inspect changes to files or directories on a container's filesystem",
                     "docker container diff, docker diff", A::Exact, 1, 1, {}));
    t.push_back(spec("commit", "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
                     "Create a new image from a container's changes", "docker container commit, docker commit",
                     A::Range, 1, 2,
                     {
                         {"author", 'a', "string", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")"},
                         {"change", 'c', "list", "Apply Dockerfile instruction to the created image", false},
                         {"message", 'm', "string", "Commit message"},
                         {"pause", 'p', "", "Pause container during commit (default true)"},
                     }));
    t.push_back(
        spec("cp", "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
             "Copy files/folders between a container and the local filesystem", "docker container cp, docker cp",
             A::Exact, 2, 2,
             {
                 {"archive", 'a', "", "Archive mode (copy all uid/gid information)", false},
                 {"follow-link", 'L', "", "Always follow symbol link in SRC_PATH", false},
                 {"quiet", 'q', "",
                  "Suppress progress output during copy. Progress output is automatically suppressed if no "
                  "terminal is attached"},
             }));
    t.push_back(spec("export", "export [OPTIONS] CONTAINER", "Export a container's filesystem as a tar archive",
                     "docker container export, docker export", A::Exact, 1, 1,
                     {{"output", 'o', "string", "Write to a file, instead of STDOUT"}}));
    t.push_back(spec("import", "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
                     "Import the contents from a tarball to create a filesystem image",
                     "docker image import, docker import", A::Range, 1, 2,
                     {
                         {"change", 'c', "list", "Apply Dockerfile instruction to the created image", false},
                         {"message", 'm', "string", "Set commit message for imported image"},
                         {"platform", 0, "string", "Set platform if server is multi-platform capable", false},
                     }));
    t.push_back(
        spec("save", "save [OPTIONS] IMAGE [IMAGE...]",
             "Save one or more images to a tar archive (streamed to STDOUT by default)",
             "docker image save, docker save", A::Min, 1, 0,
             {
                 {"output", 'o', "string", "Write to a file, instead of STDOUT"},
                 {"platform", 0, "stringSlice",
                  "Save only the given platform(s). Formatted as a comma-separated list of \"os[/arch[/variant]]\" "
                  "(e.g., \"linux/amd64,linux/arm64/v8\")",
                  false},
             }));
    t.push_back(
        spec("load", "load [OPTIONS]", "Load an image from a tar archive or STDIN", "docker image load, docker load",
             A::NoArgs, 0, 0,
             {
                 {"input", 'i', "string", "Read from tar archive file, instead of STDIN"},
                 {"platform", 0, "stringSlice",
                  "Load only the given platform(s). Formatted as a comma-separated list of \"os[/arch[/variant]]\" "
                  "(e.g., \"linux/amd64,linux/arm64/v8\")",
                  false},
                 {"quiet", 'q', "", "Suppress the load output"},
             }));
    t.push_back(spec("rename", "rename CONTAINER NEW_NAME", "Rename a container",
                     "docker container rename, docker rename", A::Exact, 2, 2, {}));
    t.push_back(spec("port", "port CONTAINER [PRIVATE_PORT[/PROTO]]",
                     "List port mappings or a specific mapping for the container", "docker container port, docker port",
                     A::Range, 1, 2, {}));
    t.push_back(spec("top", "top CONTAINER [ps OPTIONS]", "Display the running processes of a container",
                     "docker container top, docker top", A::Min, 1, 0, {}));
    t.back().interspersed = false;   // ps options after CONTAINER are ps's, not docker's
    t.push_back(spec("wait", "wait CONTAINER [CONTAINER...]",
                     "Block until one or more containers stop, then print their exit codes",
                     "docker container wait, docker wait", A::Min, 1, 0, {}));
    t.push_back(spec("stats", "stats [OPTIONS] [CONTAINER...]",
                     "Display a live stream of container(s) resource usage statistics",
                     "docker container stats, docker stats", A::Any, 0, 0,
                     {
                         {"all", 'a', "", "Show all containers (default shows just running)"},
                         {"format", 0, "string", kTableFormatHelp, false},
                         {"no-stream", 0, "", "Disable streaming stats and only pull the first result"},
                         {"no-trunc", 0, "", "Do not truncate output"},
                     }));
    t.push_back(spec("volume create", "volume create [OPTIONS] [VOLUME]", "Create a volume", "", A::Max, 0, 1,
                     {
                         {"driver", 'd', "string", "Specify volume driver name (default \"local\")", false},
                         {"label", 0, "list", "Set metadata for a volume", false},
                         {"opt", 'o', "map", "Set driver specific options (default map[])", false},
                     }));
    t.push_back(spec("volume ls", "volume ls [OPTIONS]", "List volumes", "docker volume ls, docker volume list",
                     A::NoArgs, 0, 0,
                     {
                         {"filter", 'f', "filter", "Provide filter values (e.g. \"dangling=true\")", false},
                         {"format", 0, "string", kTableFormatHelp, false},
                         {"quiet", 'q', "", "Only display volume names"},
                     }));
    t.push_back(spec("volume inspect", "volume inspect [OPTIONS] VOLUME [VOLUME...]",
                     "Display detailed information on one or more volumes", "", A::Min, 1, 0,
                     {{"format", 'f', "string", kInspectFormatHelp, false}}));
    t.push_back(spec("volume rm", "volume rm [OPTIONS] VOLUME [VOLUME...]",
                     "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
                     "docker volume rm, docker volume remove", A::Min, 1, 0,
                     {{"force", 'f', "", "Force the removal of one or more volumes"}}));
    t.push_back(spec("volume prune", "volume prune [OPTIONS]", "Remove unused local volumes", "", A::NoArgs, 0, 0,
                     {
                         {"all", 'a', "", "Remove all unused volumes, not just anonymous ones"},
                         {"filter", 0, "filter", "Provide filter values (e.g. \"label=<label>\")", false},
                         {"force", 'f', "", "Do not prompt for confirmation"},
                     }));
}

}   // namespace layerlab::cli
