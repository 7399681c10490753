// state_json: the whole simulator State as JSON and back.
//
// Export is canonical (object keys sorted, fixed field set, 2-space indent),
// so export -> import -> export is byte-identical, and two States with the
// same content export to the same bytes. File trees keep every entry with its
// kind, content (UTF-8 text as "content", anything else as "base64"), mode
// (octal string "0644"), uid, gid and mtime. The random source's 64-bit state
// is a 16-digit hex string so that no JSON reader rounds it.
//
// Import is the strict inverse. It never throws: a value of the wrong type is
// reported with its JSON pointer ("/containers/0/ports/1/hostPort: expected an
// integer"); a missing field takes the State's default, so exports written
// before a field existed still load. Nothing is half-imported: on any error
// the result holds no State.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/engine/state.hpp"
#include "sim/fs/file_tree.hpp"

namespace layerlab::scenario {

nlohmann::json stateToJson(const engine::State& state);
std::string stateToText(const engine::State& state);   // stateToJson(...).dump(2) + "\n"

struct StateImport {
    std::optional<engine::State> state;
    std::vector<std::string> errors;   // "/images/sha256:…/layers/0: expected a string"
};
// `pointer` prefixes every error (e.g. "/start/state" inside a scenario file).
StateImport stateFromJson(const nlohmann::json& json, const std::string& pointer = "");

nlohmann::json fileTreeToJson(const fs::FileTree& tree);
// Errors are appended to `errors` with `pointer` as prefix; returns the tree
// built from the valid entries (callers discard it when errors is non-empty).
fs::FileTree fileTreeFromJson(const nlohmann::json& json, const std::string& pointer, std::vector<std::string>& errors);

// Helpers shared with the scenario loader.
std::string base64Encode(const std::string& bytes);
std::optional<std::string> base64Decode(const std::string& text);
bool isValidUtf8(const std::string& bytes);
std::string modeToText(uint32_t mode);   // 0644 -> "0644"
std::optional<uint32_t> modeFromText(const std::string& text);   // "644" / "0755" -> bits

}   // namespace layerlab::scenario
