// sha256_portable: FIPS 180-4 SHA-256 in plain C++, for builds without
// OpenSSL (the browser build: Emscripten has no libcrypto). The native build
// keeps OpenSSL (SHA-NI, measured in bench/bench_build_context) and its test
// suite checks that both give the same digests (tests/test_fs_sha256.cpp).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace layerlab::fs {

class PortableSha256 {
public:
    PortableSha256() { reset(); }
    void reset();
    void update(std::string_view data);
    // The digest of everything given since reset(); the object must be reset() before reuse.
    std::array<uint8_t, 32> finish();

private:
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> m_state{};
    std::array<uint8_t, 64> m_buffer{};
    size_t m_buffered = 0;
    uint64_t m_length = 0;   // bytes hashed so far
};

}   // namespace layerlab::fs
