// The legacy builder's stdout (moby daemon/builder/dockerfile): the context
// upload line, "Step N/M : <instruction>" with " ---> Using cache" or the
// step's container and output, the intermediate image IDs, the unused
// build-arg warning, and "Successfully built" / "Successfully tagged".
#include "sim/engine/builder/internal.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::engine::bk {

std::string renderLegacy(const BuildTrace& t) {
    std::string out;
    for (const auto& l : t.legacyPreamble) out += l + "\n";
    for (const auto& step : t.legacySteps) {
        out += step.header + "\n";
        for (const auto& l : step.lines) out += l + "\n";
    }
    if (t.failed) return out;
    for (const auto& w : t.legacyWarnings) out += w + "\n";
    out += "Successfully built " + format::shortId(t.imageId) + "\n";
    for (const auto& tag : t.tagsShort) out += "Successfully tagged " + tag + "\n";
    return out;
}

}   // namespace layerlab::engine::bk
