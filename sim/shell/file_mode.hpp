// file_mode: chmod's MODE argument, the one parser LayerLab has for it.
// Octal ("755", "0644", at most 4 digits) or symbolic clauses joined by
// commas: [ugoa]*([-+=][rwxXst]*)+ as GNU chmod reads them. Without a
// who-letter, the umask (022) applies: `chmod +w` adds u+w only.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace layerlab::shell {

// The new mode (low 12 bits) of a file with oldMode, or nullopt when the
// spec is invalid (chmod then says "invalid mode").
std::optional<uint32_t> applyMode(std::string_view spec, uint32_t oldMode, bool isDir);

}   // namespace layerlab::shell
