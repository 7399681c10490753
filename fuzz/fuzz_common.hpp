// Helpers shared by the libFuzzer targets: splitting one input into parts
// without wasting the fuzzer's bytes on a format.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::fuzz {

inline std::string_view bytesOf(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Parts separated by a NUL byte ("Dockerfile\0file1\0file2"): NUL is rare in
// the text the seeds hold, so a mutation that keeps the structure is cheap.
inline std::vector<std::string_view> splitOnNul(std::string_view bytes, std::size_t maxParts) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (parts.size() + 1 < maxParts) {
        std::size_t nul = bytes.find('\0', pos);
        if (nul == std::string_view::npos) break;
        parts.push_back(bytes.substr(pos, nul - pos));
        pos = nul + 1;
    }
    parts.push_back(bytes.substr(pos));
    return parts;
}

}   // namespace layerlab::fuzz
