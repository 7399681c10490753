// libFuzzer target for scenario and lesson files and the state they embed:
// parseScenario on any bytes, then stateFromJson on the same JSON. Invariants:
// a rejected file says why; an imported State exports, and that export imports
// again to the same bytes (the round trip the scenario format promises).
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_common.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/state_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace layerlab;
    const std::string_view bytes = fuzz::bytesOf(data, size);
    const scenario::LoadResult loaded = scenario::parseScenario(bytes);
    if (!loaded.ok() && loaded.errors.empty()) __builtin_trap();
    const nlohmann::json doc = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (doc.is_discarded()) return 0;
    const nlohmann::json& stateJson = doc.is_object() && doc.contains("state") ? doc["state"] : doc;
    const scenario::StateImport imported = scenario::stateFromJson(stateJson);
    if (!imported.state) {
        if (imported.errors.empty()) __builtin_trap();
        return 0;
    }
    const std::string text = scenario::stateToText(*imported.state);
    const scenario::StateImport again = scenario::stateFromJson(nlohmann::json::parse(text));
    if (!again.state || scenario::stateToText(*again.state) != text) __builtin_trap();
    return 0;
}
