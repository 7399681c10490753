// new_image: see new_image.hpp.
#include "sim/engine/images/new_image.hpp"

#include "sim/engine/images/store.hpp"

namespace layerlab::engine {

void storeNewImage(State& state, Image image, std::optional<Layer> layer, const std::string& tagKey,
                   ContainerOutcome& out) {
    if (layer) {
        const uint64_t size = layer->size;
        Digest diff = addLayer(state, std::move(*layer));
        image.layers.push_back(diff);
        out.events.push_back(LayerCreated{diff, size});
    }
    Digest id = addImage(state, std::move(image));
    std::vector<std::string> tags;
    if (!tagKey.empty()) {
        for (const Event& e : tagImage(state, id, tagKey)) out.events.push_back(e);
        state.images[id].lastTagMs = state.clock.nowMs;
        tags.push_back(tagKey);
    }
    out.events.push_back(ImageCreated{id, tags});
    out.out = id + "\n";
}

}   // namespace layerlab::engine
