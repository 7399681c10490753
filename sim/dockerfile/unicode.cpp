// Go-compatible UTF-8 decoding and the Unicode predicates BuildKit relies on.
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::unicode {

Rune decode(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const std::size_t n = s.size() - pos;
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) return {b0, 1};
    const Rune bad{0xFFFD, 1};
    const auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i < n && byte(pos + i) >= lo && byte(pos + i) <= hi;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (!cont(1)) return bad;
        return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (byte(pos + 1) & 0x3F)), 2};
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        // Go rejects overlongs (E0 80..9F) and surrogates (ED A0..BF).
        const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
        if (!cont(1, lo, hi) || !cont(2)) return bad;
        return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F)), 3};
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
        if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return bad;
        return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) |
                                      ((byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F)),
                4};
    }
    return bad;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isSpaceAboveAscii(char32_t cp) {
    if (cp <= 0xFF) return cp == 0x85 || cp == 0xA0;
    return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

bool isPrint(char32_t cp) {
    if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
    return isPrintTable(cp);
}

bool isLetter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return isLetterTable(cp);
}

bool isDigit(char32_t cp) {
    if (cp < 0x80) return cp >= '0' && cp <= '9';
    return isDigitTable(cp);
}

char32_t toLower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return toLowerTable(cp);
}

std::string toLower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        for (char c : s) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
        return out;
    }
    // strings.Map: invalid bytes become U+FFFD.
    for (std::size_t i = 0; i < s.size();) {
        const Rune r = decode(s, i);
        append(out, toLower(r.cp));
        i += static_cast<std::size_t>(r.width);
    }
    return out;
}

std::string_view trimLeftSpace(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {   // ASCII, nearly every byte of a Dockerfile: nothing to decode
            if (!isSpace(b)) break;
            ++i;
            continue;
        }
        const Rune r = decode(s, i);
        if (!isSpace(r.cp)) break;
        i += static_cast<std::size_t>(r.width);
    }
    return s.substr(i);
}

std::string_view trimSpace(std::string_view s) {
    // The usual case, nothing to trim: ASCII that is not a space at both ends.
    const auto kept = [](char c) {
        return static_cast<unsigned char>(c) < 0x80 && !isSpace(static_cast<unsigned char>(c));
    };
    if (!s.empty() && kept(s.front()) && kept(s.back())) return s;
    s = trimLeftSpace(s);
    // Like utf8.DecodeLastRuneInString: step back over one code point at a time.
    while (!s.empty()) {
        const auto last = static_cast<unsigned char>(s.back());
        if (last < 0x80) {
            if (!isSpace(last)) break;
            s.remove_suffix(1);
            continue;
        }
        std::size_t start = s.size() - 1;
        while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        const Rune r = decode(s, start);
        if (start + static_cast<std::size_t>(r.width) != s.size() || !isSpace(r.cp)) break;
        s.remove_suffix(s.size() - start);
    }
    return s;
}

}   // namespace layerlab::dockerfile::unicode
