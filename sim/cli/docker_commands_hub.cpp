// docker_commands_hub: see the header. Texts copied from `docker CMD --help`
// of Docker CLI 28 (docker/cli cli/command/registry/*.go, image/push.go,
// container/update.go, system/events.go).
#include "sim/cli/docker_commands_hub.hpp"

namespace layerlab::cli {
namespace {

CommandSpec spec(const char* path, const char* use, const char* shortText, const char* aliases, CommandSpec::Args args,
                 int min, int max, std::vector<FlagSpec> flags) {
    CommandSpec c{path, use, shortText, aliases, {}, true, args, min, max};
    c.flags = std::move(flags);
    return c;
}

}   // namespace

void hubCommands(std::vector<CommandSpec>& t) {
    using A = CommandSpec::Args;
    for (CommandSpec& c : t)
        for (FlagSpec& f : c.flags)
            if ((c.path == "run" || c.path == "create") &&
                (f.name == "restart" || f.name == "memory" || f.name == "cpus"))
                f.supported = true;
    t.push_back(spec("login", "login [OPTIONS] [SERVER]", "Authenticate to a registry", "", A::Max, 0, 1,
                     {
                         {"password", 'p', "string", "Password or Personal Access Token (PAT)"},
                         {"password-stdin", 0, "", "Take the Password or Personal Access Token (PAT) from stdin"},
                         {"username", 'u', "string", "Username"},
                     }));
    t.push_back(spec("logout", "logout [SERVER]", "Log out from a registry", "", A::Max, 0, 1, {}));
    t.push_back(spec("push", "push [OPTIONS] NAME[:TAG]", "Upload an image to a registry",
                     "docker image push, docker push", A::Exact, 1, 1,
                     {
                         {"all-tags", 'a', "", "Push all tags of an image to the repository"},
                         {"disable-content-trust", 0, "", "Skip image signing (default true)", false},
                         {"platform", 0, "string",
                          "Push a platform-specific manifest as a single-platform image to the registry.\nImage index "
                          "won't be pushed, meaning that other manifests, including attestations won't be "
                          "preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
                          false},
                         {"quiet", 'q', "", "Suppress verbose output"},
                     }));
    t.push_back(spec("search", "search [OPTIONS] TERM", "Search Docker Hub for images", "", A::Exact, 1, 1,
                     {
                         {"filter", 'f', "filter", "Filter output based on conditions provided"},
                         {"format", 0, "string", "Pretty-print search using a Go template"},
                         {"limit", 0, "int", "Max number of search results"},
                         {"no-trunc", 0, "", "Don't truncate output"},
                     }));
    t.push_back(
        spec("update", "update [OPTIONS] CONTAINER [CONTAINER...]", "Update configuration of one or more containers",
             "docker container update, docker update", A::Min, 1, 0,
             {
                 {"blkio-weight", 0, "uint16",
                  "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)", false},
                 {"cpu-period", 0, "int", "Limit CPU CFS (Completely Fair Scheduler) period", false},
                 {"cpu-quota", 0, "int", "Limit CPU CFS (Completely Fair Scheduler) quota", false},
                 {"cpu-rt-period", 0, "int", "Limit the CPU real-time period in microseconds", false},
                 {"cpu-rt-runtime", 0, "int", "Limit the CPU real-time runtime in microseconds", false},
                 {"cpu-shares", 'c', "int", "CPU shares (relative weight)", false},
                 {"cpus", 0, "decimal", "Number of CPUs"},
                 {"cpuset-cpus", 0, "string", "CPUs in which to allow execution (0-3, 0,1)", false},
                 {"cpuset-mems", 0, "string", "MEMs in which to allow execution (0-3, 0,1)", false},
                 {"memory", 'm', "bytes", "Memory limit"},
                 {"memory-reservation", 0, "bytes", "Memory soft limit", false},
                 {"memory-swap", 0, "bytes", "Swap limit equal to memory plus swap: -1 to enable unlimited swap"},
                 {"pids-limit", 0, "int", "Tune container pids limit (set -1 for unlimited)", false},
                 {"restart", 0, "string", "Restart policy to apply when a container exits"},
             }));
    t.push_back(spec("events", "events [OPTIONS]", "Get real time events from the server",
                     "docker system events, docker events", A::NoArgs, 0, 0,
                     {
                         {"filter", 'f', "filter", "Filter output based on conditions provided"},
                         {"format", 0, "string",
                          "Format output using a custom template:\n'json':             Print in JSON format\n"
                          "'TEMPLATE':         Print output using the given Go template.\nRefer to "
                          "https://docs.docker.com/go/formatting/ for more information about formatting output with "
                          "templates",
                          false},
                         {"since", 0, "string", "Show all events created since timestamp"},
                         {"until", 0, "string", "Stream events until this timestamp"},
                     }));
}

}   // namespace layerlab::cli
