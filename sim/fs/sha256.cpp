// sha256 over OpenSSL's EVP interface (uses SHA-NI where the CPU has it);
// builds without OpenSSL (LAYERLAB_SHA256_PORTABLE: the browser) use the
// portable implementation in sha256_portable.cpp, which the native tests
// check against OpenSSL.
#include "sim/fs/sha256.hpp"

#include <cstdlib>

#ifdef LAYERLAB_SHA256_PORTABLE
#include "sim/fs/sha256_portable.hpp"
#else
#include <openssl/evp.h>
#endif

namespace layerlab::fs {

#ifndef LAYERLAB_SHA256_PORTABLE
namespace {

EVP_MD_CTX* ctxOf(void* p) { return static_cast<EVP_MD_CTX*>(p); }

// EVP failures only happen on allocation failure or a broken OpenSSL build:
// a programmer/environment error, not learner input.
void check(int ok) {
    if (ok != 1) std::abort();
}

// Fetched once: in OpenSSL 3, initialising with EVP_sha256() repeats an
// implicit provider fetch on every init, which dominates hashing small files.
const EVP_MD* sha256Md() {
    static const EVP_MD* md = [] {
        EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? static_cast<const EVP_MD*>(fetched) : EVP_sha256();
    }();
    return md;
}

}   // namespace
#endif

std::string toHex(const RawDigest& digest) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(64, '0');
    for (size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = kHex[digest[i] >> 4];
        out[2 * i + 1] = kHex[digest[i] & 0xf];
    }
    return out;
}

std::string toDigestString(const RawDigest& digest) { return "sha256:" + toHex(digest); }

RawDigest sha256Raw(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.finish();
}

std::string sha256Hex(std::string_view data) { return toHex(sha256Raw(data)); }

std::string sha256Digest(std::string_view data) { return toDigestString(sha256Raw(data)); }

#ifdef LAYERLAB_SHA256_PORTABLE
namespace {
PortableSha256* portableOf(void* p) { return static_cast<PortableSha256*>(p); }
}   // namespace

Sha256::Sha256() : m_ctx(new PortableSha256()) {}
Sha256::~Sha256() { delete portableOf(m_ctx); }
void Sha256::reset() { portableOf(m_ctx)->reset(); }
void Sha256::update(std::string_view data) { portableOf(m_ctx)->update(data); }
RawDigest Sha256::finish() { return portableOf(m_ctx)->finish(); }
#else
Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
    if (!m_ctx) std::abort();
    reset();
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctxOf(m_ctx)); }

void Sha256::reset() { check(EVP_DigestInit_ex(ctxOf(m_ctx), sha256Md(), nullptr)); }

void Sha256::update(std::string_view data) {
    if (!data.empty()) check(EVP_DigestUpdate(ctxOf(m_ctx), data.data(), data.size()));
}

RawDigest Sha256::finish() {
    RawDigest out{};
    unsigned int len = 0;
    check(EVP_DigestFinal_ex(ctxOf(m_ctx), out.data(), &len));
    return out;
}
#endif

}   // namespace layerlab::fs
