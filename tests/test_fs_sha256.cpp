// The portable sha256 (the browser build's, sim/fs/sha256_portable.hpp) must
// give OpenSSL's digests, or an image ID in the browser would differ from the
// desktop's: known FIPS 180-2 vectors, then seeded random inputs fed in
// random pieces, compared with OpenSSL's one-shot EVP_Digest.
#include <openssl/evp.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "sim/fs/sha256.hpp"
#include "sim/fs/sha256_portable.hpp"

using namespace layerlab;

namespace {

std::string portableHex(std::string_view data) {
    fs::PortableSha256 h;
    h.update(data);
    return fs::toHex(h.finish());
}

std::string opensslHex(std::string_view data) {
    fs::RawDigest out{};
    unsigned int len = 0;
    REQUIRE(EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) == 1);
    REQUIRE(len == 32);
    return fs::toHex(out);
}

}   // namespace

TEST_CASE("portable sha256: FIPS 180-2 test vectors") {
    CHECK(portableHex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(portableHex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(portableHex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(portableHex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("portable sha256 equals OpenSSL on seeded random inputs fed in random pieces") {
    std::mt19937 rng(20261202);
    // Every length around the 55/56/64-byte padding edges, then longer ones.
    std::vector<size_t> lengths;
    for (size_t n = 0; n <= 200; ++n) lengths.push_back(n);
    for (int i = 0; i < 60; ++i) lengths.push_back(std::uniform_int_distribution<size_t>(201, 70000)(rng));
    for (size_t length : lengths) {
        std::string data(length, '\0');
        for (char& c : data) c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
        const std::string expected = opensslHex(data);
        CAPTURE(length);
        CHECK(portableHex(data) == expected);

        fs::PortableSha256 pieces;
        for (size_t at = 0; at < data.size();) {
            const size_t take = std::min(data.size() - at, std::uniform_int_distribution<size_t>(0, 150)(rng));
            pieces.update(std::string_view(data).substr(at, take));
            at += take;
        }
        CHECK(fs::toHex(pieces.finish()) == expected);
        // The library's own Sha256 (OpenSSL here) agrees with both.
        CHECK(fs::sha256Hex(data) == expected);
    }
}

TEST_CASE("portable sha256: reset starts over") {
    fs::PortableSha256 h;
    h.update("something else");
    h.reset();
    h.update("abc");
    CHECK(fs::toHex(h.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
