#!/usr/bin/env python3
"""Regenerates sim/scenario/schema_text.cpp from lessons/schema/scenario.schema.json.

Run from the repository root after editing the schema:
    python3 sim/scenario/gen_schema_text.py
tests/test_scenario_schema.cpp fails while the two differ.
"""
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
schema = (root / "lessons/schema/scenario.schema.json").read_text(encoding="utf-8")
assert ")LLSCHEMA\"" not in schema
out = f'''// Generated from lessons/schema/scenario.schema.json by sim/scenario/gen_schema_text.py:
// do not edit by hand.
#include "sim/scenario/schema.hpp"

namespace layerlab::scenario {{

const SchemaValidator& scenarioValidator() {{
    static const SchemaValidator validator(nlohmann::json::parse(scenarioSchemaText()));
    return validator;
}}

std::string_view scenarioSchemaText() {{
    return R"LLSCHEMA({schema})LLSCHEMA";
}}

}}  // namespace layerlab::scenario
'''
(root / "sim/scenario/schema_text.cpp").write_text(out, encoding="utf-8")
