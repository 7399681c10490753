// Go's filepath.Match and Glob, ported for the Unix separator (see go_match.hpp).
#include "sim/fs/go_match.hpp"

#include <algorithm>

namespace layerlab::fs {

namespace {

constexpr char32_t kRuneError = 0xFFFD;

// utf8.DecodeRuneInString: invalid or truncated input gives (RuneError, 1).
char32_t decodeRune(std::string_view s, size_t& n) {
    if (s.empty()) {
        n = 0;
        return kRuneError;
    }
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) {
        n = 1;
        return b0;
    }
    size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || b0 >= 0xF8 || s.size() < len) {
        n = 1;
        return kRuneError;
    }
    char32_t r = b0 & (0x7F >> len);
    for (size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80) {
            n = 1;
            return kRuneError;
        }
        r = (r << 6) | (b & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (r < kMin[len] || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
        n = 1;
        return kRuneError;
    }
    n = len;
    return r;
}

struct Scan {
    bool star = false;
    std::string_view chunk;
    std::string_view rest;
};

Scan scanChunk(std::string_view pattern) {
    Scan out;
    while (!pattern.empty() && pattern[0] == '*') {
        pattern.remove_prefix(1);
        out.star = true;
    }
    bool inRange = false;
    size_t i = 0;
    for (; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            if (i + 1 < pattern.size()) ++i;
        } else if (c == '[') {
            inRange = true;
        } else if (c == ']') {
            inRange = false;
        } else if (c == '*' && !inRange) {
            break;
        }
    }
    out.chunk = pattern.substr(0, i);
    out.rest = pattern.substr(i);
    return out;
}

// getEsc: one (possibly escaped) character of a class range.
bool getEsc(std::string_view& chunk, char32_t& r) {
    if (chunk.empty() || chunk[0] == '-' || chunk[0] == ']') return false;
    if (chunk[0] == '\\') {
        chunk.remove_prefix(1);
        if (chunk.empty()) return false;
    }
    size_t n = 0;
    r = decodeRune(chunk, n);
    if (r == kRuneError && n == 1) return false;
    chunk.remove_prefix(n);
    return !chunk.empty();
}

struct ChunkResult {
    bool ok = false;
    bool bad = false;
    std::string_view rest;
};

ChunkResult matchChunk(std::string_view chunk, std::string_view s) {
    bool failed = false;   // keeps parsing after a mismatch to report bad syntax
    while (!chunk.empty()) {
        if (!failed && s.empty()) failed = true;
        switch (chunk[0]) {
            case '[': {
                char32_t r = 0;
                if (!failed) {
                    size_t n = 0;
                    r = decodeRune(s, n);
                    s.remove_prefix(n);
                }
                chunk.remove_prefix(1);
                bool negated = false;
                if (!chunk.empty() && chunk[0] == '^') {
                    negated = true;
                    chunk.remove_prefix(1);
                }
                bool match = false;
                int nrange = 0;
                for (;;) {
                    if (!chunk.empty() && chunk[0] == ']' && nrange > 0) {
                        chunk.remove_prefix(1);
                        break;
                    }
                    char32_t lo = 0;
                    if (!getEsc(chunk, lo)) return {false, true, {}};
                    char32_t hi = lo;
                    if (chunk[0] == '-') {
                        chunk.remove_prefix(1);
                        if (!getEsc(chunk, hi)) return {false, true, {}};
                    }
                    if (lo <= r && r <= hi) match = true;
                    ++nrange;
                }
                if (match == negated) failed = true;
                break;
            }
            case '?':
                if (!failed) {
                    if (s[0] == '/') failed = true;
                    size_t n = 0;
                    decodeRune(s, n);
                    s.remove_prefix(n);
                }
                chunk.remove_prefix(1);
                break;
            case '\\':
                chunk.remove_prefix(1);
                if (chunk.empty()) return {false, true, {}};
                [[fallthrough]];
            default:
                if (!failed) {
                    if (chunk[0] != s[0]) failed = true;
                    s.remove_prefix(1);
                }
                chunk.remove_prefix(1);
                break;
        }
    }
    if (failed) return {false, false, {}};
    return {true, false, s};
}

void globDir(const FileTree& tree, const std::string& dir, const std::vector<std::string_view>& parts, size_t i,
             std::vector<std::string>& out) {
    const std::string_view part = parts[i];
    const bool last = i + 1 == parts.size();
    auto visit = [&](const std::string& path) {
        if (last) out.push_back(path);
        else if (tree.isDirectory(path)) globDir(tree, path, parts, i + 1, out);
    };
    if (!hasGlobMeta(part)) {
        const std::string path = dir.empty() ? std::string(part) : dir + "/" + std::string(part);
        if (tree.exists(path)) visit(path);
        return;
    }
    for (const std::string& name : tree.list(dir)) {
        if (goMatch(part, name).value_or(false)) visit(dir.empty() ? name : dir + "/" + name);
    }
}

}   // namespace

std::optional<bool> goMatch(std::string_view pattern, std::string_view name) {
    while (!pattern.empty()) {
        const Scan sc = scanChunk(pattern);
        pattern = sc.rest;
        if (sc.star && sc.chunk.empty()) {
            // A trailing '*' matches the rest of the name unless it has a '/'.
            return name.find('/') == std::string_view::npos;
        }
        ChunkResult r = matchChunk(sc.chunk, name);
        if (r.ok && (r.rest.empty() || !pattern.empty())) {
            name = r.rest;
            continue;
        }
        if (r.bad) return std::nullopt;
        bool advanced = false;
        if (sc.star) {
            // Let the star eat i+1 bytes (never a '/') and try the chunk again.
            for (size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
                ChunkResult t = matchChunk(sc.chunk, name.substr(i + 1));
                if (t.ok) {
                    if (pattern.empty() && !t.rest.empty()) continue;
                    name = t.rest;
                    advanced = true;
                    break;
                }
                if (t.bad) return std::nullopt;
            }
        }
        if (advanced) continue;
        // No match: still report a malformed remainder, as Go does.
        while (!pattern.empty()) {
            const Scan rest = scanChunk(pattern);
            pattern = rest.rest;
            if (matchChunk(rest.chunk, "").bad) return std::nullopt;
        }
        return false;
    }
    return name.empty();
}

bool hasGlobMeta(std::string_view pattern) { return pattern.find_first_of("*?[\\") != std::string_view::npos; }

std::optional<std::vector<std::string>> globTree(const FileTree& tree, std::string_view pattern) {
    const std::string normalized = normalizePath(pattern);
    if (!goMatch(normalized, "").has_value()) return std::nullopt;
    std::vector<std::string> out;
    if (normalized.empty()) {
        out.push_back("");
        return out;
    }
    std::vector<std::string_view> parts;
    std::string_view rest = normalized;
    while (!rest.empty()) {
        const size_t slash = rest.find('/');
        parts.push_back(rest.substr(0, slash));
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    globDir(tree, "", parts, 0, out);
    std::sort(out.begin(), out.end());
    return out;
}

}   // namespace layerlab::fs
