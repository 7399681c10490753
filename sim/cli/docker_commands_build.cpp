// docker_commands_build: the specs of docker build: buildx (BuildKit, the
// default builder) and the legacy builder's flag set (DOCKER_BUILDKIT=0).
// Use lines, aliases and flags as Docker CLI 28.2's `--help` declares them
// (see docker_commands.cpp for the conventions).
#include "sim/cli/docker_command_groups.hpp"

namespace layerlab::cli::command_groups {

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

}   // namespace layerlab::cli::command_groups
