// Generated from lessons/schema/scenario.schema.json by sim/scenario/gen_schema_text.py:
// do not edit by hand.
#include "sim/scenario/schema.hpp"

namespace layerlab::scenario {

const SchemaValidator& scenarioValidator() {
    static const SchemaValidator validator(nlohmann::json::parse(scenarioSchemaText()));
    return validator;
}

std::string_view scenarioSchemaText() {
    return R"LLSCHEMA({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://layerlab.example/schema/scenario.schema.json",
  "title": "LayerLab scenario or lesson",
  "description": "One file = one scenario (a replayable demo) or one lesson (kind: lesson). The C++ loader (sim/scenario/loader.cpp) enforces this schema through sim/scenario/json_schema.cpp; docs/scenarios.md explains every field.",
  "type": "object",
  "required": ["version", "id"],
  "additionalProperties": false,
  "properties": {
    "$schema": { "type": "string" },
    "version": { "description": "Format version. This LayerLab reads version 1.", "type": "integer", "const": 1 },
    "kind": { "enum": ["scenario", "lesson"] },
    "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" },
    "title": { "$ref": "#/$defs/text" },
    "summary": { "$ref": "#/$defs/text" },
    "objective": { "$ref": "#/$defs/text" },
    "seed": { "type": "integer", "minimum": 0 },
    "lang": { "enum": ["en", "ko"] },
    "start": { "$ref": "#/$defs/start" },
    "cards": { "type": "array", "items": { "$ref": "#/$defs/card" } },
    "steps": { "type": "array", "items": { "$ref": "#/$defs/step" } },
    "goals": { "type": "array", "items": { "$ref": "#/$defs/goal" } },
    "hints": { "type": "array", "items": { "$ref": "#/$defs/text" } },
    "solution": { "type": "array", "items": { "$ref": "#/$defs/step" } },
    "disabledCommands": { "type": "array", "items": { "type": "string", "minLength": 1 } },
    "predictions": { "type": "array", "items": { "$ref": "#/$defs/prediction" } },
    "finalState": { "description": "Written by `layerlab export`: the state the steps produce. `play` checks the replay against it.", "type": "object" }
  },
  "if": { "required": ["kind"], "properties": { "kind": { "const": "lesson" } } },
  "then": { "required": ["title", "summary", "objective", "cards", "goals", "hints", "solution"] },
  "$defs": {
    "text": {
      "description": "A string a learner reads, in English and Korean.",
      "type": "object",
      "required": ["en", "ko"],
      "additionalProperties": false,
      "properties": {
        "en": { "type": "string", "minLength": 1 },
        "ko": { "type": "string", "minLength": 1 }
      }
    },
    "card": {
      "description": "A narration card.",
      "type": "object",
      "required": ["text"],
      "additionalProperties": false,
      "properties": {
        "title": { "$ref": "#/$defs/text" },
        "text": { "$ref": "#/$defs/text" }
      }
    },
    "lines": {
      "description": "File content: one string, or an array of lines (joined with newlines, plus a final newline).",
      "type": ["string", "array"],
      "items": { "type": "string" }
    },
    "file": {
      "description": "A build-context file: its content as a string or lines, or an object with content/base64 and mode.",
      "type": ["string", "array", "object"],
      "items": { "type": "string" },
      "additionalProperties": false,
      "properties": {
        "content": { "$ref": "#/$defs/lines" },
        "base64": { "type": "string" },
        "mode": { "type": "string", "pattern": "^0?[0-7]{3,4}$" }
      },
      "oneOf": [
        { "type": ["string", "array"] },
        { "type": "object", "required": ["content"] },
        { "type": "object", "required": ["base64"] }
      ]
    },
    "start": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "context": { "enum": ["course", "empty"] },
        "files": { "type": "object", "additionalProperties": { "$ref": "#/$defs/file" } },
        "remove": { "type": "array", "items": { "type": "string", "minLength": 1 } },
        "setup": { "type": "array", "items": { "type": "string", "minLength": 1 } },
        "state": { "type": "object" }
      }
    },
    "step": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "command": { "type": "string", "minLength": 1 },
        "expect": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "exitCode": { "type": "integer" },
            "contains": { "type": "string", "minLength": 1 }
          }
        },
        "say": { "$ref": "#/$defs/text" },
        "write": {
          "type": "object",
          "required": ["path", "content"],
          "additionalProperties": false,
          "properties": {
            "path": { "type": "string", "minLength": 1 },
            "content": { "$ref": "#/$defs/lines" },
            "mode": { "type": "string", "pattern": "^0?[0-7]{3,4}$" }
          }
        },
        "predict": {
          "type": "object",
          "required": ["answer"],
          "additionalProperties": false,
          "properties": {
            "answer": { "type": "array", "items": { "type": "integer", "minimum": 1 } }
          }
        },
        "check": { "type": "array", "items": { "$ref": "#/$defs/goal" } }
      },
      "oneOf": [
        { "required": ["command"] },
        { "required": ["say"] },
        { "required": ["write"] },
        { "required": ["predict"] },
        { "required": ["check"] }
      ],
      "dependentRequired": { "expect": ["command"] }
    },
    "prediction": {
      "description": "Before a `docker build` in a lesson, ask which steps will run again: at the first build numbered atBuild (default 1) or later at which every `when` goal holds. Asked in order, each once. `explain` states the rule; the per-step account comes from the build.",
      "type": "object",
      "required": ["question", "explain"],
      "additionalProperties": false,
      "properties": {
        "atBuild": { "type": "integer", "minimum": 1 },
        "when": { "type": "array", "items": { "$ref": "#/$defs/goal" } },
        "question": { "$ref": "#/$defs/text" },
        "explain": { "$ref": "#/$defs/text" }
      }
    },
    "status": { "enum": ["created", "running", "paused", "restarting", "exited", "dead"] },
    "goal": {
      "type": "object",
      "required": ["kind"],
      "properties": {
        "kind": {
          "enum": ["imageTagged", "imageAbsent", "imageConfig", "layerDelta", "danglingImages",
                   "containersFromImage", "containerPublishes", "containerState", "containerAbsent",
                   "containerCount", "containerAutoRemove", "containerLogsContain", "lastBuildStep",
                   "cacheKeepsStep", "fileContains", "fileLacks", "containerLogsRead", "fileDiffersFromImage",
                   "hubPushed"]
        }
      },
      "allOf": [
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "imageTagged" } } },
          "then": { "required": ["tag"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "tag": { "type": "string", "minLength": 1 },
                                    "sameAs": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "imageAbsent" } } },
          "then": { "required": ["tag"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "tag": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "imageConfig" } } },
          "then": { "required": ["tag"], "additionalProperties": false,
                    "anyOf": [ { "required": ["workingDir"] }, { "required": ["cmd"] }, { "required": ["exposedPorts"] } ],
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "tag": { "type": "string", "minLength": 1 },
                                    "workingDir": { "type": "string" },
                                    "cmd": { "type": "array", "items": { "type": "string" } },
                                    "exposedPorts": { "type": "array", "items": { "type": "string" } } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "layerDelta" } } },
          "then": { "required": ["tag", "base", "delta"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "tag": { "type": "string", "minLength": 1 },
                                    "base": { "type": "string", "minLength": 1 }, "delta": { "type": "integer" } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "danglingImages" } } },
          "then": { "required": ["max"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "max": { "type": "integer", "minimum": 0 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containersFromImage" } } },
          "then": { "required": ["image", "min"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "image": { "type": "string", "minLength": 1 },
                                    "min": { "type": "integer", "minimum": 1 }, "status": { "$ref": "#/$defs/status" } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerPublishes" } } },
          "then": { "required": ["hostPort", "containerPort"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 },
                                    "hostPort": { "type": "integer", "minimum": 1, "maximum": 65535 },
                                    "containerPort": { "type": "integer", "minimum": 1, "maximum": 65535 },
                                    "curlText": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerState" } } },
          "then": { "required": ["name", "status"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 },
                                    "status": { "$ref": "#/$defs/status" }, "image": { "type": "string", "minLength": 1 },
                                    "runMode": { "enum": ["attached", "detached"] } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerAbsent" } } },
          "then": { "required": ["name"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerCount" } } },
          "then": { "additionalProperties": false,
                    "anyOf": [ { "required": ["min"] }, { "required": ["max"] } ],
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "status": { "$ref": "#/$defs/status" },
                                    "min": { "type": "integer", "minimum": 0 }, "max": { "type": "integer", "minimum": 0 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerAutoRemove" } } },
          "then": { "required": ["name"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerLogsContain" } } },
          "then": { "required": ["name", "text"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 },
                                    "text": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "lastBuildStep" } } },
          "then": { "required": ["outcome"], "additionalProperties": false,
                    "anyOf": [ { "required": ["step"] }, { "required": ["instruction"] }, { "required": ["copies"] } ],
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "step": { "type": "integer", "minimum": 1 },
                                    "instruction": { "type": "string", "minLength": 1 },
                                    "copies": { "type": "string", "minLength": 1 },
                                    "outcome": { "enum": ["cached", "rebuilt"] },
                                    "reasonContains": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "cacheKeepsStep" } } },
          "then": { "required": ["instruction", "edit"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "instruction": { "type": "string", "minLength": 1 },
                                    "edit": { "type": "string", "minLength": 1 }, "dockerfile": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "fileContains" } } },
          "then": { "required": ["path", "text"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "path": { "type": "string", "minLength": 1 },
                                    "text": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "containerLogsRead" } } },
          "then": { "required": ["name"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "fileDiffersFromImage" } } },
          "then": { "required": ["path", "image", "imagePath"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "path": { "type": "string", "minLength": 1 },
                                    "image": { "type": "string", "minLength": 1 }, "imagePath": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "hubPushed" } } },
          "then": { "required": ["name"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "name": { "type": "string", "minLength": 1 },
                                    "tag": { "type": "string", "minLength": 1 }, "sameAs": { "type": "string", "minLength": 1 } } } },
        { "if": { "required": ["kind"], "properties": { "kind": { "const": "fileLacks" } } },
          "then": { "required": ["path", "text"], "additionalProperties": false,
                    "properties": { "kind": true, "describe": { "$ref": "#/$defs/text" }, "path": { "type": "string", "minLength": 1 },
                                    "text": { "type": "string", "minLength": 1 } } } }
      ]
    }
  }
}
)LLSCHEMA";
}

}  // namespace layerlab::scenario
