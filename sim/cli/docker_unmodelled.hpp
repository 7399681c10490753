// docker_unmodelled: the real Docker commands LayerLab leaves out, each with
// the reason a learner is told (no command answers a bare "not modelled").
#pragma once
#include <string>
#include <vector>

namespace layerlab::cli {

// The top-level names (`docker swarm`, `docker network`, ...).
const std::vector<std::string>& unmodelledDockerCommands();

// "layerlab: docker swarm: ..." with the reason, for a name in the list above
// or a sub-command of a modelled group ("container update").
std::string unmodelledMessage(const std::string& command);

}   // namespace layerlab::cli
