// docker_cli_system: `docker version`, `docker info`, `docker system df` and
// the help pages of `docker` and its command groups, in Docker 28's layout
// with only what LayerLab models listed (the rest named as not modelled).
#include <numeric>

#include "sim/cli/docker_cli_internal.hpp"
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/volumes/volumes.hpp"

namespace layerlab::cli::detail {
namespace {

struct Entry {
    const char* name;
    const char* text;
};

std::string listing(const std::vector<Entry>& entries) {
    std::string out;
    for (const auto& e : entries) {
        std::string n = e.name;
        n.resize(std::max<size_t>(n.size() + 1, 12), ' ');
        out += "  " + n + e.text + "\n";
    }
    return out;
}

}   // namespace

std::string dockerHelp() {
    return "Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n" +
           listing({{"run", "Create and run a new container from an image"},
                    {"exec", "Execute a command in a running container"},
                    {"ps", "List containers"},
                    {"build", "Build an image from a Dockerfile"},
                    {"pull", "Download an image from a registry"},
                    {"push", "Upload an image to a registry"},
                    {"images", "List images"},
                    {"login", "Authenticate to a registry"},
                    {"logout", "Log out from a registry"},
                    {"search", "Search Docker Hub for images"},
                    {"version", "Show the Docker version information"},
                    {"info", "Display system-wide information"}}) +
           "\nManagement Commands:\n" +
           listing({{"container", "Manage containers"},
                    {"image", "Manage images"},
                    {"network", "Manage networks"},
                    {"system", "Manage Docker"},
                    {"volume", "Manage volumes"}}) +
           "\nCommands:\n" +
           listing({{"attach", "Attach local standard input, output, and error streams to a running container"},
                    {"commit", "Create a new image from a container's changes"},
                    {"cp", "Copy files/folders between a container and the local filesystem"},
                    {"create", "Create a new container"},
                    {"diff", "Inspect changes to files or directories on a container's filesystem"},
                    {"events", "Get real time events from the server"},
                    {"export", "Export a container's filesystem as a tar archive"},
                    {"history", "Show the history of an image"},
                    {"import", "Import the contents from a tarball to create a filesystem image"},
                    {"inspect", "Return low-level information on Docker objects"},
                    {"kill", "Kill one or more running containers"},
                    {"load", "Load an image from a tar archive or STDIN"},
                    {"logs", "Fetch the logs of a container"},
                    {"pause", "Pause all processes within one or more containers"},
                    {"port", "List port mappings or a specific mapping for the container"},
                    {"rename", "Rename a container"},
                    {"restart", "Restart one or more containers"},
                    {"rm", "Remove one or more containers"},
                    {"rmi", "Remove one or more images"},
                    {"save", "Save one or more images to a tar archive (streamed to STDOUT by default)"},
                    {"start", "Start one or more stopped containers"},
                    {"stats", "Display a live stream of container(s) resource usage statistics"},
                    {"stop", "Stop one or more running containers"},
                    {"tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"},
                    {"top", "Display the running processes of a container"},
                    {"unpause", "Unpause all processes within one or more containers"},
                    {"update", "Update configuration of one or more containers"},
                    {"wait", "Block until one or more containers stop, then print their exit codes"}}) +
           "\nGlobal Options:\n"
           "  -v, --version            Print version information and quit\n"
           "\nRun 'docker COMMAND --help' for more information on a command.\n"
           "\nLayerLab simulates the commands above. Left out, each says why: swarm and its commands (one\n"
           "engine, no cluster), plugin, context and the global options -H/--context/--tls (one local engine),\n"
           "compose, buildx bake, scout.\n";
}

std::string groupHelp(const std::string& group) {
    std::string head = "Usage:  docker " + group + " COMMAND\n\n";
    std::string tail = "\nRun 'docker " + group + " COMMAND --help' for more information on a command.\n";
    if (group == "container")
        return head + "Manage containers\n\nCommands:\n" +
               listing({{"attach", "Attach local standard input, output, and error streams to a running container"},
                        {"commit", "Create a new image from a container's changes"},
                        {"cp", "Copy files/folders between a container and the local filesystem"},
                        {"create", "Create a new container"},
                        {"diff", "Inspect changes to files or directories on a container's filesystem"},
                        {"exec", "Execute a command in a running container"},
                        {"export", "Export a container's filesystem as a tar archive"},
                        {"inspect", "Display detailed information on one or more containers"},
                        {"kill", "Kill one or more running containers"},
                        {"logs", "Fetch the logs of a container"},
                        {"ls", "List containers"},
                        {"pause", "Pause all processes within one or more containers"},
                        {"port", "List port mappings or a specific mapping for the container"},
                        {"prune", "Remove all stopped containers"},
                        {"rename", "Rename a container"},
                        {"restart", "Restart one or more containers"},
                        {"rm", "Remove one or more containers"},
                        {"run", "Create and run a new container from an image"},
                        {"start", "Start one or more stopped containers"},
                        {"stats", "Display a live stream of container(s) resource usage statistics"},
                        {"stop", "Stop one or more running containers"},
                        {"top", "Display the running processes of a container"},
                        {"unpause", "Unpause all processes within one or more containers"},
                        {"update", "Update configuration of one or more containers"},
                        {"wait", "Block until one or more containers stop, then print their exit codes"}}) +
               tail;
    if (group == "image")
        return head + "Manage images\n\nCommands:\n" +
               listing({{"build", "Build an image from a Dockerfile"},
                        {"history", "Show the history of an image"},
                        {"import", "Import the contents from a tarball to create a filesystem image"},
                        {"inspect", "Display detailed information on one or more images"},
                        {"load", "Load an image from a tar archive or STDIN"},
                        {"ls", "List images"},
                        {"prune", "Remove unused images"},
                        {"pull", "Download an image from a registry"},
                        {"push", "Upload an image to a registry"},
                        {"rm", "Remove one or more images"},
                        {"save", "Save one or more images to a tar archive (streamed to STDOUT by default)"},
                        {"tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"}}) +
               tail;
    if (group == "system")
        return head + "Manage Docker\n\nCommands:\n" +
               listing({{"df", "Show docker disk usage"},
                        {"events", "Get real time events from the server"},
                        {"info", "Display system-wide information"}}) +
               tail + "\nNot modelled by LayerLab yet: prune (use container, image and volume prune).\n";
    if (group == "builder")
        return head + "Manage builds\n\nCommands:\n" + listing({{"build", "Build an image from a Dockerfile"}}) + tail +
               "\nNot modelled by LayerLab: du, prune.\n";
    return "Usage:  docker buildx [OPTIONS] COMMAND\n\nBuild with BuildKit\n\nCommands:\n" +
           listing({{"build", "Start a build"}}) +
           "\nRun 'docker buildx COMMAND --help' for more information on a command.\n"
           "\nNot modelled by LayerLab: bake, create, du, imagetools, inspect, ls, prune, rm, stop, use, version.\n";
}

Outcome cmdVersion(engine::State&, const Invocation& inv) {
    if (inv.flags.has("format"))
        return failure("layerlab: docker version --format: LayerLab prints the default layout only.\n");
    Outcome o;
    o.out =
        "Client:\n"
        " Version:           28.2.2\n"
        " API version:       1.50\n"
        " Go version:        go1.24.3\n"
        " Git commit:        e6534b4\n"
        " Built:             Fri May 30 12:07:14 2025\n"
        " OS/Arch:           linux/amd64\n"
        " Context:           default\n"
        "\n"
        "Server: LayerLab (simulated Docker Engine, in memory)\n"
        " Engine:\n"
        "  Version:          28.2.2 (simulated)\n"
        "  API version:      1.50 (minimum version 1.24)\n"
        "  OS/Arch:          linux/amd64\n"
        "  Experimental:     false\n";
    return o;
}

Outcome cmdInfo(engine::State& state, const Invocation& inv) {
    if (inv.flags.has("format"))
        return failure("layerlab: docker info --format: LayerLab prints the default layout only.\n");
    int running = 0, paused = 0, stopped = 0;
    for (const auto& c : state.containers) {
        if (c.status == engine::Container::Status::Running || c.status == engine::Container::Status::Restarting)
            ++running;
        else if (c.status == engine::Container::Status::Paused) ++paused;
        else ++stopped;
    }
    Outcome o;
    o.out =
        "Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\nServer:\n Containers: " +
        std::to_string(state.containers.size()) + "\n  Running: " + std::to_string(running) +
        "\n  Paused: " + std::to_string(paused) + "\n  Stopped: " + std::to_string(stopped) +
        "\n Images: " + std::to_string(state.images.size()) +
        "\n Server Version: 28.2.2 (simulated by LayerLab)\n Storage Driver: overlay2\n Logging Driver: json-file\n"
        " Default Runtime: runc\n Operating System: LayerLab simulated host\n OSType: linux\n Architecture: x86_64\n"
        " Name: layerlab\n Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Experimental: false\n"
        " Live Restore Enabled: false\n";
    return withHint(
        o, "A short `docker info`: LayerLab shows the parts it models (containers, images, storage driver).",
        "짧은 `docker info`입니다. LayerLab은 시뮬레이션하는 부분(컨테이너, 이미지, 스토리지 드라이버)만 보여 줍니다.");
}

Outcome cmdSystemDf(engine::State& state, const Invocation& inv) {
    if (inv.flags.has("format") || inv.flags.flag("verbose"))
        return failure("layerlab: docker system df " + std::string(inv.flags.flag("verbose") ? "-v" : "--format") +
                       ": LayerLab prints the default table only.\n");
    namespace fmt = engine::format;
    fmt::Table t;
    t.addRow({"TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"});
    t.addRow(engine::imagesDiskUsage(state).row());
    engine::ContainersDiskUsage cu = engine::containersDiskUsage(state);
    auto reclaim = [](uint64_t part, uint64_t total) {
        std::string s = fmt::humanSizeWithPrecision(static_cast<double>(part), 4);
        if (total > 0) s += " (" + std::to_string(part * 100 / total) + "%)";
        return s;
    };
    t.addRow({"Containers", std::to_string(cu.total), std::to_string(cu.active),
              fmt::humanSizeWithPrecision(static_cast<double>(cu.size), 4), reclaim(cu.reclaimable, cu.size)});
    {
        // volumes: ACTIVE = mounted by some container; unused ones are reclaimable
        int active = 0;
        uint64_t size = 0, unused = 0;
        for (const auto& [name, v] : state.volumes) {
            const uint64_t bytes = v.files.totalBytes();
            size += bytes;
            if (engine::volumes::volumeUsers(state, name).empty()) unused += bytes;
            else ++active;
        }
        t.addRow({"Local Volumes", std::to_string(state.volumes.size()), std::to_string(active),
                  fmt::humanSizeWithPrecision(static_cast<double>(size), 4), reclaim(unused, size)});
    }
    uint64_t cacheBytes = 0;
    for (const auto& [key, rec] : state.buildCache) {
        auto it = state.layers.find(rec.layer);
        if (it != state.layers.end()) cacheBytes += it->second.size;
    }
    std::string cacheSize = fmt::humanSizeWithPrecision(static_cast<double>(cacheBytes), 4);
    t.addRow({"Build Cache", std::to_string(state.buildCache.size()), "0", cacheSize, cacheSize});
    Outcome o;
    o.out = t.render();
    return o;
}

}   // namespace layerlab::cli::detail
