// docker_commands_image: the specs of the image commands (images, image
// inspect, history, tag, rmi, image prune, pull).
// Use lines, aliases and flags as Docker CLI 28.2's `--help` declares them
// (see docker_commands.cpp for the conventions).
// Data: rows that repeat other groups' are flags Docker declares on each command.
#include "sim/cli/docker_command_groups.hpp"

namespace layerlab::cli::command_groups {

// docker images, image inspect, history, tag, rmi, image prune, pull.
void imageCommands(std::vector<CommandSpec>& table) {
    {
        CommandSpec c{"images",
                      "images [OPTIONS] [REPOSITORY[:TAG]]",
                      "List images",
                      "docker image ls, docker image list, docker images",
                      {},
                      true,
                      CommandSpec::Args::Max,
                      0,
                      1};
        c.flags = {
            {"all", 'a', "", "Show all images (default hides intermediate images)", true},
            {"digests", 0, "", "Show digests", true},
            {"filter", 'f', "filter", "Filter output based on conditions provided", true},
            {"format", 0, "string", kFormatHelp, true},
            {"no-trunc", 0, "", "Don't truncate output", true},
            {"quiet", 'q', "", "Only show image IDs", true},
            {"tree", 0, "", "List multi-platform images as a tree (EXPERIMENTAL)", false},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"image inspect",
                      "image inspect [OPTIONS] IMAGE [IMAGE...]",
                      "Display detailed information on one or more images",
                      "",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"format", 'f', "string", kInspectFormatHelp, true},
            {"platform", 0, "string",
             "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
             false},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"history",
                      "history [OPTIONS] IMAGE",
                      "Show the history of an image",
                      "docker image history, docker history",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      1,
                      1};
        c.flags = {
            {"format", 0, "string", kFormatHelp, true},
            {"human", 'H', "", "Print sizes and dates in human readable format (default true)", true},
            {"no-trunc", 0, "", "Don't truncate output", true},
            {"platform", 0, "string",
             "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")",
             false},
            {"quiet", 'q', "", "Only show image IDs", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"tag",
                      "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
                      "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
                      "docker image tag, docker tag",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      2,
                      2};
        c.flags = {};
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"rmi",
                      "rmi [OPTIONS] IMAGE [IMAGE...]",
                      "Remove one or more images",
                      "docker image rm, docker image remove, docker rmi",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"force", 'f', "", "Force removal of the image", true},
            {"no-prune", 0, "", "Do not delete untagged parents", true},
            {"platform", 0, "strings",
             "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")",
             false},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"image prune",
                      "image prune [OPTIONS]",
                      "Remove unused images",
                      "",
                      {},
                      true,
                      CommandSpec::Args::NoArgs,
                      0,
                      0};
        c.flags = {
            {"all", 'a', "", "Remove all unused images, not just dangling ones", true},
            {"filter", 0, "filter", "Provide filter values (e.g. \"until=<timestamp>\")", true},
            {"force", 'f', "", "Do not prompt for confirmation", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"pull",
                      "pull [OPTIONS] NAME[:TAG|@DIGEST]",
                      "Download an image from a registry",
                      "docker image pull, docker pull",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      1,
                      1};
        c.flags = {
            {"all-tags", 'a', "", "Download all tagged images in the repository", true},
            {"disable-content-trust", 0, "", "Skip image verification (default true)", false},
            {"platform", 0, "string", "Set platform if server is multi-platform capable", false},
            {"quiet", 'q', "", "Suppress verbose output", true},
        };
        table.push_back(std::move(c));
    }
}

}   // namespace layerlab::cli::command_groups
