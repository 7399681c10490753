// sha256: the one hash function of LayerLab (OpenSSL EVP underneath; the
// browser build, without OpenSSL, uses fs/sha256_portable.hpp).
//
// Every digest the simulator shows (file checksums, layer diff IDs, image IDs)
// is sha256 over a canonical encoding, so the same inputs always print the same
// "sha256:..." strings. Use sha256Hex() for one buffer, Sha256 to feed pieces.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace layerlab::fs {

using RawDigest = std::array<uint8_t, 32>;

// Lower-case hex of a raw digest (64 characters).
std::string toHex(const RawDigest& digest);

// "sha256:" + lower-case hex.
std::string toDigestString(const RawDigest& digest);

// Lower-case hex sha256 of `data` (64 characters, no "sha256:" prefix).
std::string sha256Hex(std::string_view data);

// "sha256:" + sha256Hex(data): the form Docker prints.
std::string sha256Digest(std::string_view data);

RawDigest sha256Raw(std::string_view data);

// Incremental hashing. update() any number of times, then finish() once;
// reset() starts over. Not copyable (it owns an EVP context).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view data);
    void update(const RawDigest& digest) {
        update(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
    }
    RawDigest finish();
    std::string finishHex() { return toHex(finish()); }
    void reset();

private:
    void* m_ctx;   // EVP_MD_CTX* (or PortableSha256*), kept opaque so OpenSSL headers stay out of users' builds
};

}   // namespace layerlab::fs
