// docker_commands: the catalogue of docker commands the simulator parses.
//
// Use lines, short descriptions, aliases and every flag (name, shorthand,
// pflag type, usage text) are taken from Docker CLI 28.2's own `--help`
// output, so parsing and help pages match Docker. Flags marked false are
// real Docker flags LayerLab does not model: they parse with the right arity
// and then make the command say so (see flags.hpp). `docker build` follows
// buildx (BuildKit, the default builder); DOCKER_BUILDKIT=0 selects the
// legacy builder's flag set, as Docker does.
#include "sim/cli/docker_commands.hpp"

namespace layerlab::cli {
namespace {

// docker/cli flagsHelper.FormatHelp and InspectFormatHelp.
const char* const kFormatHelp =
    "Format output using a custom template:\n"
    "'table':            Print output in table format with column headers (default)\n"
    "'table TEMPLATE':   Print output in table format using the given Go template\n"
    "'json':             Print in JSON format\n"
    "'TEMPLATE':         Print output using the given Go template.\n"
    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
const char* const kInspectFormatHelp =
    "Format output using a custom template:\n"
    "'json':             Print in JSON format\n"
    "'TEMPLATE':         Print output using the given Go template.\n"
    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

// The flags of `docker run`; `docker create` has the same less the three that
// only make sense for a process started now, and its own wording of --pull.
std::vector<FlagSpec> containerCreateFlags(bool run) {
    std::vector<FlagSpec> flags = {
        {"add-host", 0, "list", "Add a custom host-to-IP mapping (host:ip)", false},
        {"annotation", 0, "map",
         "Add an annotation to the container (passed through to the OCI runtime) (default map[])", false},
        {"attach", 'a', "list", "Attach to STDIN, STDOUT or STDERR", true},
        {"blkio-weight", 0, "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)",
         false},
        {"blkio-weight-device", 0, "list", "Block IO weight (relative device weight) (default [])", false},
        {"cap-add", 0, "list", "Add Linux capabilities", false},
        {"cap-drop", 0, "list", "Drop Linux capabilities", false},
        {"cgroup-parent", 0, "string", "Optional parent cgroup for the container", false},
        {"cgroupns", 0, "string",
         "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)",
         false},
        {"cidfile", 0, "string", "Write the container ID to the file", false},
        {"cpu-count", 0, "int", "CPU count (Windows only)", false},
        {"cpu-percent", 0, "int", "CPU percent (Windows only)", false},
        {"cpu-period", 0, "int", "Limit CPU CFS (Completely Fair Scheduler) period", false},
        {"cpu-quota", 0, "int", "Limit CPU CFS (Completely Fair Scheduler) quota", false},
        {"cpu-rt-period", 0, "int", "Limit CPU real-time period in microseconds", false},
        {"cpu-rt-runtime", 0, "int", "Limit CPU real-time runtime in microseconds", false},
        {"cpu-shares", 'c', "int", "CPU shares (relative weight)", false},
        {"cpus", 0, "decimal", "Number of CPUs", false},
        {"cpuset-cpus", 0, "string", "CPUs in which to allow execution (0-3, 0,1)", false},
        {"cpuset-mems", 0, "string", "MEMs in which to allow execution (0-3, 0,1)", false},
        {"detach", 'd', "", "Run container in background and print container ID", true},
        {"detach-keys", 0, "string", "Override the key sequence for detaching a container", false},
        {"device", 0, "list", "Add a host device to the container", false},
        {"device-cgroup-rule", 0, "list", "Add a rule to the cgroup allowed devices list", false},
        {"device-read-bps", 0, "list", "Limit read rate (bytes per second) from a device (default [])", false},
        {"device-read-iops", 0, "list", "Limit read rate (IO per second) from a device (default [])", false},
        {"device-write-bps", 0, "list", "Limit write rate (bytes per second) to a device (default [])", false},
        {"device-write-iops", 0, "list", "Limit write rate (IO per second) to a device (default [])", false},
        {"disable-content-trust", 0, "", "Skip image verification (default true)", false},
        {"dns", 0, "list", "Set custom DNS servers", false},
        {"dns-option", 0, "list", "Set DNS options", false},
        {"dns-search", 0, "list", "Set custom DNS search domains", false},
        {"domainname", 0, "string", "Container NIS domain name", false},
        {"entrypoint", 0, "string", "Overwrite the default ENTRYPOINT of the image", true},
        {"env", 'e', "list", "Set environment variables", true},
        {"env-file", 0, "list", "Read in a file of environment variables", false},
        {"expose", 0, "list", "Expose a port or a range of ports", true},
        {"gpus", 0, "gpu-request", "GPU devices to add to the container ('all' to pass all GPUs)", false},
        {"group-add", 0, "list", "Add additional groups to join", false},
        {"health-cmd", 0, "string", "Command to run to check health", false},
        {"health-interval", 0, "duration", "Time between running the check (ms|s|m|h) (default 0s)", false},
        {"health-retries", 0, "int", "Consecutive failures needed to report unhealthy", false},
        {"health-start-interval", 0, "duration",
         "Time between running the check during the start period (ms|s|m|h) (default 0s)", false},
        {"health-start-period", 0, "duration",
         "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)",
         false},
        {"health-timeout", 0, "duration", "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", false},
        {"help", 0, "", "Print usage", true},
        {"hostname", 'h', "string", "Container host name", false},
        {"init", 0, "", "Run an init inside the container that forwards signals and reaps processes", false},
        {"interactive", 'i', "", "Keep STDIN open even if not attached", true},
        {"io-maxbandwidth", 0, "bytes", "Maximum IO bandwidth limit for the system drive (Windows only)", false},
        {"io-maxiops", 0, "uint", "Maximum IOps limit for the system drive (Windows only)", false},
        {"ip", 0, "string", "IPv4 address (e.g., 172.30.100.104)", false},
        {"ip6", 0, "string", "IPv6 address (e.g., 2001:db8::33)", false},
        {"ipc", 0, "string", "IPC mode to use", false},
        {"isolation", 0, "string", "Container isolation technology", false},
        {"kernel-memory", 0, "bytes", "Kernel memory limit", false},
        {"label", 'l', "list", "Set meta data on a container", false},
        {"label-file", 0, "list", "Read in a line delimited file of labels", false},
        {"link", 0, "list", "Add link to another container", false},
        {"link-local-ip", 0, "list", "Container IPv4/IPv6 link-local addresses", false},
        {"log-driver", 0, "string", "Logging driver for the container", false},
        {"log-opt", 0, "list", "Log driver options", false},
        {"mac-address", 0, "string", "Container MAC address (e.g., 92:d0:c6:0a:29:33)", false},
        {"memory", 'm', "bytes", "Memory limit", false},
        {"memory-reservation", 0, "bytes", "Memory soft limit", false},
        {"memory-swap", 0, "bytes", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", false},
        {"memory-swappiness", 0, "int", "Tune container memory swappiness (0 to 100) (default -1)", false},
        {"mount", 0, "mount", "Attach a filesystem mount to the container", false},
        {"name", 0, "string", "Assign a name to the container", true},
        {"network", 0, "network", "Connect a container to a network", false},
        {"network-alias", 0, "list", "Add network-scoped alias for the container", false},
        {"no-healthcheck", 0, "", "Disable any container-specified HEALTHCHECK", false},
        {"oom-kill-disable", 0, "", "Disable OOM Killer", false},
        {"oom-score-adj", 0, "int", "Tune host's OOM preferences (-1000 to 1000)", false},
        {"pid", 0, "string", "PID namespace to use", false},
        {"pids-limit", 0, "int", "Tune container pids limit (set -1 for unlimited)", false},
        {"platform", 0, "string", "Set platform if server is multi-platform capable", false},
        {"privileged", 0, "", "Give extended privileges to this container", false},
        {"publish", 'p', "list", "Publish a container's port(s) to the host", true},
        {"publish-all", 'P', "", "Publish all exposed ports to random ports", true},
        {"pull", 0, "string", "Pull image before running (\"always\", \"missing\", \"never\") (default \"missing\")",
         false},
        {"quiet", 'q', "", "Suppress the pull output", false},
        {"read-only", 0, "", "Mount the container's root filesystem as read only", false},
        {"restart", 0, "string", "Restart policy to apply when a container exits (default \"no\")", false},
        {"rm", 0, "", "Automatically remove the container and its associated anonymous volumes when it exits", true},
        {"runtime", 0, "string", "Runtime to use for this container", false},
        {"security-opt", 0, "list", "Security Options", false},
        {"shm-size", 0, "bytes", "Size of /dev/shm", false},
        {"sig-proxy", 0, "", "Proxy received signals to the process (default true)", false},
        {"stop-signal", 0, "string", "Signal to stop the container", false},
        {"stop-timeout", 0, "int", "Timeout (in seconds) to stop a container", false},
        {"storage-opt", 0, "list", "Storage driver options for the container", false},
        {"sysctl", 0, "map", "Sysctl options (default map[])", false},
        {"tmpfs", 0, "list", "Mount a tmpfs directory", false},
        {"tty", 't', "", "Allocate a pseudo-TTY", true},
        {"ulimit", 0, "ulimit", "Ulimit options (default [])", false},
        {"use-api-socket", 0, "", "Bind mount Docker API socket and required auth", false},
        {"user", 'u', "string", "Username or UID (format: <name|uid>[:<group|gid>])", true},
        {"userns", 0, "string", "User namespace to use", false},
        {"uts", 0, "string", "UTS namespace to use", false},
        {"volume", 'v', "list", "Bind mount a volume", false},
        {"volume-driver", 0, "string", "Optional volume driver for the container", false},
        {"volumes-from", 0, "list", "Mount volumes from the specified container(s)", false},
        {"workdir", 'w', "string", "Working directory inside the container", true},
    };
    if (run) return flags;
    std::vector<FlagSpec> create;
    for (auto& f : flags) {
        if (f.name == "detach" || f.name == "detach-keys" || f.name == "sig-proxy") continue;
        // docker/cli create.go has the stray "|" in this text, so --help shows it too.
        if (f.name == "pull")
            f.usage = "Pull image before creating (\"always\", \"|missing\", \"never\") (default \"missing\")";
        create.push_back(std::move(f));
    }
    return create;
}

// docker run, create, start ... container prune.
void containerCommands(std::vector<CommandSpec>& table) {
    {
        CommandSpec c{"run",
                      "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
                      "Create and run a new container from an image",
                      "docker container run, docker run",
                      {},
                      false,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = containerCreateFlags(true);
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"create",
                      "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
                      "Create a new container",
                      "docker container create, docker create",
                      {},
                      false,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = containerCreateFlags(false);
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"start",
                      "start [OPTIONS] CONTAINER [CONTAINER...]",
                      "Start one or more stopped containers",
                      "docker container start, docker start",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"attach", 'a', "", "Attach STDOUT/STDERR and forward signals", true},
            {"checkpoint", 0, "string", "Restore from this checkpoint", false},
            {"checkpoint-dir", 0, "string", "Use a custom checkpoint storage directory", false},
            {"detach-keys", 0, "string", "Override the key sequence for detaching a container", false},
            {"interactive", 'i', "", "Attach container's STDIN", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"stop",
                      "stop [OPTIONS] CONTAINER [CONTAINER...]",
                      "Stop one or more running containers",
                      "docker container stop, docker stop",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"signal", 's', "string", "Signal to send to the container", true},
            {"timeout", 't', "int", "Seconds to wait before killing the container", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"restart",
                      "restart [OPTIONS] CONTAINER [CONTAINER...]",
                      "Restart one or more containers",
                      "docker container restart, docker restart",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"signal", 's', "string", "Signal to send to the container", true},
            {"timeout", 't', "int", "Seconds to wait before killing the container", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"kill",
                      "kill [OPTIONS] CONTAINER [CONTAINER...]",
                      "Kill one or more running containers",
                      "docker container kill, docker kill",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"signal", 's', "string", "Signal to send to the container", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"pause",
                      "pause CONTAINER [CONTAINER...]",
                      "Pause all processes within one or more containers",
                      "docker container pause, docker pause",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {};
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"unpause",
                      "unpause CONTAINER [CONTAINER...]",
                      "Unpause all processes within one or more containers",
                      "docker container unpause, docker unpause",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {};
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"rm",
                      "rm [OPTIONS] CONTAINER [CONTAINER...]",
                      "Remove one or more containers",
                      "docker container rm, docker container remove, docker rm",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"force", 'f', "", "Force the removal of a running container (uses SIGKILL)", true},
            {"link", 'l', "", "Remove the specified link", false},
            {"volumes", 'v', "", "Remove anonymous volumes associated with the container", false},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"ps",
                      "ps [OPTIONS]",
                      "List containers",
                      "docker container ls, docker container list, docker container ps, docker ps",
                      {},
                      true,
                      CommandSpec::Args::NoArgs,
                      0,
                      0};
        c.flags = {
            {"all", 'a', "", "Show all containers (default shows just running)", true},
            {"filter", 'f', "filter", "Filter output based on conditions provided", true},
            {"format", 0, "string", kFormatHelp, true},
            {"last", 'n', "int", "Show n last created containers (includes all states) (default -1)", true},
            {"latest", 'l', "", "Show the latest created container (includes all states)", true},
            {"no-trunc", 0, "", "Don't truncate output", true},
            {"quiet", 'q', "", "Only display container IDs", true},
            {"size", 's', "", "Display total file sizes", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"logs",
                      "logs [OPTIONS] CONTAINER",
                      "Fetch the logs of a container",
                      "docker container logs, docker logs",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      1,
                      1};
        c.flags = {
            {"details", 0, "", "Show extra details provided to logs", false},
            {"follow", 'f', "", "Follow log output", true},
            {"since", 0, "string",
             "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)",
             false},
            {"tail", 'n', "string", "Number of lines to show from the end of the logs (default \"all\")", true},
            {"timestamps", 't', "", "Show timestamps", true},
            {"until", 0, "string",
             "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)",
             false},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"attach",
                      "attach [OPTIONS] CONTAINER",
                      "Attach local standard input, output, and error streams to a running container",
                      "docker container attach, docker attach",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      1,
                      1};
        c.flags = {
            {"detach-keys", 0, "string", "Override the key sequence for detaching a container", true},
            {"no-stdin", 0, "", "Do not attach STDIN", true},
            {"sig-proxy", 0, "", "Proxy all received signals to the process (default true)", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"exec",
                      "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
                      "Execute a command in a running container",
                      "docker container exec, docker exec",
                      {},
                      false,
                      CommandSpec::Args::Min,
                      2,
                      0};
        c.flags = {
            {"detach", 'd', "", "Detached mode: run command in the background", true},
            {"detach-keys", 0, "string", "Override the key sequence for detaching a container", false},
            {"env", 'e', "list", "Set environment variables", true},
            {"env-file", 0, "list", "Read in a file of environment variables", false},
            {"interactive", 'i', "", "Keep STDIN open even if not attached", true},
            {"privileged", 0, "", "Give extended privileges to the command", false},
            {"tty", 't', "", "Allocate a pseudo-TTY", true},
            {"user", 'u', "string", "Username or UID (format: \"<name|uid>[:<group|gid>]\")", true},
            {"workdir", 'w', "string", "Working directory inside the container", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"inspect",
                      "inspect [OPTIONS] NAME|ID [NAME|ID...]",
                      "Return low-level information on Docker objects",
                      "",
                      {},
                      true,
                      CommandSpec::Args::Min,
                      1,
                      0};
        c.flags = {
            {"format", 'f', "string", kInspectFormatHelp, true},
            {"size", 's', "", "Display total file sizes if the type is container", true},
            {"type", 0, "string", "Only inspect objects of the given type", true},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"container prune",
                      "container prune [OPTIONS]",
                      "Remove all stopped containers",
                      "",
                      {},
                      true,
                      CommandSpec::Args::NoArgs,
                      0,
                      0};
        c.flags = {
            {"filter", 0, "filter", "Provide filter values (e.g. \"until=<timestamp>\")", false},
            {"force", 'f', "", "Do not prompt for confirmation", true},
        };
        table.push_back(std::move(c));
    }
}

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

// docker build: buildx (BuildKit) and the legacy builder (DOCKER_BUILDKIT=0).
void buildCommands(std::vector<CommandSpec>& table) {
    {
        CommandSpec c{"build",
                      "buildx build [OPTIONS] PATH | URL | -",
                      "Start a build",
                      "docker buildx build, docker buildx b",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      1,
                      1};
        c.flags = {
            {"add-host", 0, "strings", "Add a custom host-to-IP mapping (format: \"host:ip\")", false},
            {"allow", 0, "strings",
             "Allow extra privileged entitlement (e.g., \"network.host\", \"security.insecure\")", false},
            {"attest", 0, "stringArray", "Attestation parameters (format: \"type=sbom,generator=image\")", false},
            {"build-arg", 0, "stringArray", "Set build-time variables", true},
            {"build-context", 0, "stringArray", "Additional build contexts (e.g., name=path)", false},
            {"builder", 0, "string", "Override the configured builder instance", false},
            {"cache-from", 0, "stringArray",
             "External cache sources (e.g., \"user/app:cache\", \"type=local,src=path/to/dir\")", false},
            {"cache-to", 0, "stringArray",
             "Cache export destinations (e.g., \"user/app:cache\", \"type=local,dest=path/to/dir\")", false},
            {"cgroup-parent", 0, "string", "Optional parent cgroup for the container", false},
            {"file", 'f', "string", "Name of the Dockerfile (default: \"PATH/Dockerfile\")", true},
            {"iidfile", 0, "string", "Write the image ID to the file", false},
            {"label", 0, "stringArray", "Set metadata for an image", false},
            {"load", 0, "", "Shorthand for \"--output=type=docker\"", false},
            {"metadata-file", 0, "string", "Write build result metadata to the file", false},
            {"network", 0, "string",
             "Set the networking mode for the \"RUN\" instructions during build (default \"default\")", false},
            {"no-cache", 0, "", "Do not use cache when building the image", true},
            {"no-cache-filter", 0, "stringArray", "Do not cache specified stages", false},
            {"output", 'o', "stringArray", "Output destination (format: \"type=local,dest=path\")", false},
            {"platform", 0, "stringArray", "Set target platform for build", false},
            {"progress", 0, "string",
             "Set type of progress output (\"auto\", \"plain\", \"tty\"). Use plain to show container output (default \"auto\")",
             true},
            {"provenance", 0, "string", "Shorthand for \"--attest=type=provenance\"", false},
            {"pull", 0, "", "Always attempt to pull all referenced images", true},
            {"push", 0, "", "Shorthand for \"--output=type=registry\"", false},
            {"quiet", 'q', "", "Suppress the build output and print image ID on success", true},
            {"sbom", 0, "string", "Shorthand for \"--attest=type=sbom\"", false},
            {"secret", 0, "stringArray", "Secret to expose to the build (format: \"id=mysecret[,src=/local/secret]\")",
             false},
            {"shm-size", 0, "bytes", "Size of \"/dev/shm\"", false},
            {"ssh", 0, "stringArray",
             "SSH agent socket or keys to expose to the build (format: \"default|<id>[=<socket>|<key>[,<key>]]\")",
             false},
            {"tag", 't', "stringArray", "Name and optionally a tag (format: \"name:tag\")", true},
            {"target", 0, "string", "Set the target build stage to build", true},
            {"ulimit", 0, "ulimit", "Ulimit options (default [])", false},
        };
        table.push_back(std::move(c));
    }
    {
        CommandSpec c{"legacy build",
                      "build [OPTIONS] PATH | URL | -",
                      "Build an image from a Dockerfile",
                      "docker image build, docker build, docker builder build",
                      {},
                      true,
                      CommandSpec::Args::Exact,
                      1,
                      1};
        c.flags = {
            {"add-host", 0, "list", "Add a custom host-to-IP mapping (\"host:ip\")", false},
            {"build-arg", 0, "list", "Set build-time variables", true},
            {"cache-from", 0, "strings", "Images to consider as cache sources", false},
            {"cgroup-parent", 0, "string", "Set the parent cgroup for the \"RUN\" instructions during build", false},
            {"compress", 0, "", "Compress the build context using gzip", false},
            {"cpu-period", 0, "int", "Limit the CPU CFS (Completely Fair Scheduler) period", false},
            {"cpu-quota", 0, "int", "Limit the CPU CFS (Completely Fair Scheduler) quota", false},
            {"cpu-shares", 'c', "int", "CPU shares (relative weight)", false},
            {"cpuset-cpus", 0, "string", "CPUs in which to allow execution (0-3, 0,1)", false},
            {"cpuset-mems", 0, "string", "MEMs in which to allow execution (0-3, 0,1)", false},
            {"disable-content-trust", 0, "", "Skip image verification (default true)", false},
            {"file", 'f', "string", "Name of the Dockerfile (Default is \"PATH/Dockerfile\")", true},
            {"force-rm", 0, "", "Always remove intermediate containers", false},
            {"iidfile", 0, "string", "Write the image ID to the file", false},
            {"isolation", 0, "string", "Container isolation technology", false},
            {"label", 0, "list", "Set metadata for an image", false},
            {"memory", 'm', "bytes", "Memory limit", false},
            {"memory-swap", 0, "bytes", "Swap limit equal to memory plus swap: -1 to enable unlimited swap", false},
            {"network", 0, "string",
             "Set the networking mode for the RUN instructions during build (default \"default\")", false},
            {"no-cache", 0, "", "Do not use cache when building the image", true},
            {"platform", 0, "string", "Set platform if server is multi-platform capable", false},
            {"pull", 0, "", "Always attempt to pull a newer version of the image", true},
            {"quiet", 'q', "", "Suppress the build output and print image ID on success", true},
            {"rm", 0, "", "Remove intermediate containers after a successful build (default true)", false},
            {"security-opt", 0, "strings", "Security options", false},
            {"shm-size", 0, "bytes", "Size of \"/dev/shm\"", false},
            {"squash", 0, "", "Squash newly built layers into a single new layer", false},
            {"tag", 't', "list", "Name and optionally a tag in the \"name:tag\" format", true},
            {"target", 0, "string", "Set the target build stage to build.", true},
            {"ulimit", 0, "ulimit", "Ulimit options (default [])", false},
        };
        table.push_back(std::move(c));
    }
}

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
    containerCommands(table);
    imageCommands(table);
    systemCommands(table);
    buildCommands(table);
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
