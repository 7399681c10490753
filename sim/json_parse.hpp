// JSON read from a learner's bytes (package.json, a lock file, a scenario
// file) without exceptions: the browser build cannot catch them (Emscripten
// without exception catching ends the page on a throw, which a malformed
// package.json once did), and a parse error is an expected answer here, not
// an exceptional one. nlohmann's own error is kept: its byte offset and text
// are what the learner's message is made from.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace layerlab {

struct JsonParseError {
    // nlohmann's parse_error::byte: 1 + the offset of the byte the error is at
    // (the input's length + 1 at an unexpected end).
    std::size_t byte = 0;
    // nlohmann's what(), e.g. "[json.exception.parse_error.101] parse error at
    // line 1, column 9: syntax error while parsing ...", or out_of_range 406
    // for a number no double holds (1e400).
    std::string what;
};

// TEXT as JSON, or nullopt with ERROR set.
std::optional<nlohmann::json> parseJson(std::string_view text, JsonParseError& error);

}   // namespace layerlab
