// JSON text of a value that may hold a learner's bytes (a RUN line, a file
// name, a label, a command typed): invalid UTF-8 becomes U+FFFD, as Go's
// encoding/json writes it, instead of nlohmann's type_error 316 ending the
// program (found by fuzz_build through `docker image inspect`). Every JSON
// text LayerLab writes goes through here: inspect output, image configs,
// archives, saved sessions and exports.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace layerlab {

// INDENT as nlohmann's dump: -1 compact, N spaces per level. A template so an
// ordered_json (inspect output, whose key order is Docker's) is written as it
// is, not converted to a sorted json first.
template <class Json>
std::string jsonText(const Json& value, int indent = -1) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}   // namespace layerlab
