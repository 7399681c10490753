// json_schema: a small JSON Schema (draft 2020-12) validator for the subset
// LayerLab's own schema uses, so lessons/schema/scenario.schema.json is the
// single source of the scenario format's rules and the C++ loader cannot drift
// from it.
//
// Supported keywords: type (one or several), properties, required,
// additionalProperties (true/false/schema), items, enum, const, minimum,
// maximum, minLength, minItems, pattern (ECMAScript regex), oneOf, anyOf,
// allOf, not, if/then/else, dependentRequired, $ref to "#/$defs/NAME", and the
// annotations $schema, $id, title, description, $comment. A schema that uses
// any other keyword is refused when the validator is built (so a rule written
// in the schema is never silently skipped).
//
// Errors carry the JSON pointer of the offending value and say what was
// expected, in the words a teacher editing a lesson file can act on:
//   /steps/3/command: expected a string
//   /goals/0: missing required property "tag"
//   /steps/2: expected exactly one of "command", "say", "write", "predict", "check"
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace layerlab::scenario {

struct SchemaError {
    std::string pointer;   // "" for the document root, else "/steps/3/command"
    std::string message;   // "expected a string"
    std::string text() const { return (pointer.empty() ? std::string("/") : pointer) + ": " + message; }
};

class SchemaValidator {
public:
    // Throws std::invalid_argument when the schema uses a keyword outside the
    // subset (a programmer error in the repo's own schema, caught by tests).
    explicit SchemaValidator(nlohmann::json schema);

    // All errors, in document order of the first place each was found.
    std::vector<SchemaError> validate(const nlohmann::json& document) const;

    // Every property name the schema declares anywhere (for the sync test).
    std::vector<std::string> declaredProperties() const;

private:
    void check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer,
               std::vector<SchemaError>& errors) const;
    void checkObject(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer,
                     std::vector<SchemaError>& errors) const;
    void checkCombinators(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer,
                          std::vector<SchemaError>& errors) const;
    bool matches(const nlohmann::json& schema, const nlohmann::json& value) const;
    const nlohmann::json& resolve(const nlohmann::json& schema) const;
    void checkKeywords(const nlohmann::json& schema, const std::string& where) const;

    nlohmann::json m_schema;
};

// "/steps/3" + "command" -> "/steps/3/command", escaping '~' and '/'.
std::string appendPointer(const std::string& pointer, const std::string& token);
std::string appendPointer(const std::string& pointer, size_t index);

}   // namespace layerlab::scenario
