// UTF-8 and Unicode helpers that reproduce Go's behaviour (unicode/utf8,
// unicode.IsSpace/IsPrint/IsLetter/IsDigit, strings.ToLower/TrimSpace),
// because BuildKit's parser is written in Go and its results depend on them.
#pragma once
#include <string>
#include <string_view>

namespace layerlab::dockerfile::unicode {

// One decoded code point. Invalid UTF-8 decodes like Go: U+FFFD, width 1.
struct Rune {
    char32_t cp = 0;
    int width = 0;
};
Rune decode(std::string_view s, std::size_t pos);
// Go's string(rune): surrogates and values above U+10FFFF become U+FFFD.
void append(std::string& out, char32_t cp);

// unicode.IsSpace. Inline for ASCII: the parsers ask it for every character.
bool isSpaceAboveAscii(char32_t cp);
inline bool isSpace(char32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return isSpaceAboveAscii(cp);
}
bool isPrint(char32_t cp);   // unicode.IsPrint
bool isLetter(char32_t cp);   // unicode.IsLetter
bool isDigit(char32_t cp);   // unicode.IsDigit (Nd)
char32_t toLower(char32_t cp);

std::string toLower(std::string_view s);   // strings.ToLower
std::string_view trimSpace(std::string_view s);   // strings.TrimSpace
std::string_view trimLeftSpace(std::string_view s);

// Generated tables (unicode_tables.cpp).
bool isPrintTable(char32_t cp);
bool isLetterTable(char32_t cp);
bool isDigitTable(char32_t cp);
char32_t toLowerTable(char32_t cp);

}   // namespace layerlab::dockerfile::unicode
