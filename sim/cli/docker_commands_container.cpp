// docker_commands_container: the specs of the container commands (run, create,
// start, stop, restart, kill, pause, unpause, rm, ps, logs, attach, exec,
// inspect, container prune).
// Use lines, aliases and flags as Docker CLI 28.2's `--help` declares them
// (see docker_commands.cpp for the conventions).
// Data: rows that repeat are flags Docker's commands share (run and create), kept as
// Docker declares each command so its --help lists them in its own order.
#include "sim/cli/docker_command_groups.hpp"

namespace layerlab::cli::command_groups {
namespace {

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

}   // namespace

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

}   // namespace layerlab::cli::command_groups
