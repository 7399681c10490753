// docker_unmodelled: see the header.
#include "sim/cli/docker_unmodelled.hpp"

#include <utility>

namespace layerlab::cli {
namespace {

const std::vector<std::pair<std::string, std::string>>& reasons() {
    static const std::vector<std::pair<std::string, std::string>> r = {
        // everyday, not yet in the model (issue 14 lists them)
        // left out on purpose
        {"swarm", "swarm mode joins several engines into a cluster; LayerLab simulates one engine"},
        {"node", "a swarm command: swarm mode needs a cluster of engines; LayerLab simulates one"},
        {"service", "a swarm command: swarm mode needs a cluster of engines; LayerLab simulates one"},
        {"stack", "a swarm command: swarm mode needs a cluster of engines; LayerLab simulates one"},
        {"secret", "a swarm command: swarm mode needs a cluster of engines; LayerLab simulates one"},
        {"config", "a swarm command: swarm mode needs a cluster of engines; LayerLab simulates one"},
        {"plugin", "engine plugins extend a real daemon's drivers; the simulated engine has none to install"},
        {"context", "contexts switch between Docker daemons; LayerLab has one local simulated engine"},
        {"checkpoint", "checkpoint/restore is an experimental feature of a real Linux daemon (CRIU)"},
        {"manifest",
         "manifest lists describe multi-platform images in a registry; LayerLab's images are linux/amd64 "
         "only"},
        {"trust", "content trust signs images in a real registry (Notary); the simulated hub has no signatures"},
        {"buildx",
         "LayerLab simulates `docker build` (BuildKit); the other buildx commands (bake, builders, "
         "imagetools) manage real build machines and registries"},
        {"builder", "LayerLab simulates `docker build` (BuildKit); the build cache is shown by `why` and the picture"},
        {"compose",
         "Docker Compose is a separate plugin that runs several containers from a YAML file; LayerLab "
         "does not include it"},
        {"scout", "Docker Scout is a separate plugin that scans images against an online vulnerability database"},
        {"init", "docker init is a separate plugin that writes Dockerfiles from templates"},
        {"debug", "docker debug is a separate plugin of Docker Desktop"},
        {"prune", "not modelled yet: use container prune, image prune, volume prune"},
    };
    return r;
}

}   // namespace

const std::vector<std::string>& unmodelledDockerCommands() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& [name, why] : reasons())
            if (name != "prune") v.push_back(name);
        return v;
    }();
    return names;
}

std::string unmodelledMessage(const std::string& command) {
    const std::string last = command.substr(command.rfind(' ') == std::string::npos ? 0 : command.rfind(' ') + 1);
    for (const auto& [name, why] : reasons())
        if (name == last) return "layerlab: docker " + command + ": a real Docker command; " + why + ".\n";
    return "layerlab: docker " + command + ": a real Docker command that LayerLab does not model.\n";
}

}   // namespace layerlab::cli
