// schema: the scenario format's JSON Schema, compiled into the binary so that
// `layerlab play` and `check` validate files wherever the binary runs.
//
// The text is a byte-for-byte copy of lessons/schema/scenario.schema.json
// (tests/test_scenario_schema.cpp fails when the two differ; regenerate
// schema_text.cpp with `python3 sim/scenario/gen_schema_text.py`).
#pragma once
#include <string_view>

#include "sim/scenario/json_schema.hpp"

namespace layerlab::scenario {

// The format version this LayerLab reads and writes.
inline constexpr int kFormatVersion = 1;

std::string_view scenarioSchemaText();
const SchemaValidator& scenarioValidator();

}   // namespace layerlab::scenario
