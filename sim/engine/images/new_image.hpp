// new_image: the tail `docker commit` and `docker import` share: a new image
// stored with its one layer (or none), tagged when a name was given, its ID
// printed as both commands print it, and the events the window animates.
#pragma once
#include <optional>
#include <string>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

// LAYER (when there is one) goes on top of IMAGE's layers; TAGKEY is a tag
// key ("name:tag") or "" for an untagged image. OUT gets the events and the ID.
void storeNewImage(State& state, Image image, std::optional<Layer> layer, const std::string& tagKey,
                   ContainerOutcome& out);

}   // namespace layerlab::engine
