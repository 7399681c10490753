// build_record_json: BuildRecords (sim/engine/builder/build_record.hpp) as
// JSON and back. The same object is State.buildHistory's export and the
// "record" of a build in `play --format json`, so the window, the report and
// an exported state carry the same facts. Canonical: a fixed field set, enum
// values by their stable names ("cached", "cascade", "fileChanged"), so
// export -> import -> export is byte-identical. Import never throws: every
// error names its JSON pointer; a missing field keeps its default.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/engine/state.hpp"

namespace layerlab::scenario {

nlohmann::json buildRecordToJson(const engine::BuildRecord& record);
nlohmann::json buildHistoryToJson(const std::map<std::string, std::vector<engine::BuildRecord>>& history);

// For `play --format json`: the record plus what is derived from `state` at
// that moment, per step: "verdict" and "changesText" ({en, ko}, the words
// `why` prints), "keyInputs" (rows before/now/same) and "layer" (its files:
// path, kind added/changed/removed, size, wasted; at most kMaxReportedFiles,
// the rest counted in "filesOmitted").
inline constexpr size_t kMaxReportedFiles = 100;
nlohmann::json buildFactsToJson(const engine::State& state, const engine::BuildRecord& record);

engine::BuildRecord buildRecordFromJson(const nlohmann::json& json, const std::string& pointer,
                                        std::vector<std::string>& errors);
std::map<std::string, std::vector<engine::BuildRecord>> buildHistoryFromJson(const nlohmann::json& json,
                                                                             const std::string& pointer,
                                                                             std::vector<std::string>& errors);

}   // namespace layerlab::scenario
