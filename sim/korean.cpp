#include "sim/korean.hpp"

#include <cctype>
#include <cstdint>
#include <string>

namespace layerlab::ko {

namespace {

constexpr int kNone = 0, kGiyeok = 1, kNieun = 4, kRieul = 8, kMieum = 16, kBieup = 17, kSiot = 19, kIeung = 21;

// The last code point of `s` (UTF-8) and where it starts; 0 for an empty string.
uint32_t lastCodePoint(std::string_view s, size_t& start) {
    if (s.empty()) {
        start = 0;
        return 0;
    }
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    start = i;
    const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k])); };
    const uint32_t b0 = b(i);
    // A broken or overlong sequence is U+FFFD, never an ASCII letter or digit:
    // "\xC1\xA1" would decode to 'a', and "a\x80" (stray continuation bytes
    // after a letter) to the 'a' before them, while the last byte holds no
    // letter (finalConsonant reads those bytes back; found by fuzz_instructions).
    constexpr uint32_t kReplacement = 0xFFFD;
    const size_t len = s.size() - i;
    if (b0 < 0x80) return len == 1 ? b0 : kReplacement;
    const size_t want = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    if (want == 0 || len != want) return kReplacement;
    uint32_t cp = b0 & (0x7F >> want);
    for (size_t k = 1; k < want; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
    static constexpr uint32_t kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    return cp < kMinimum[want] || cp > 0x10FFFF ? kReplacement : cp;
}

bool isHangulSyllable(uint32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// Sino-Korean reading of a number written in digits: the last unit read
// aloud decides (3000 = 삼천, 80 = 팔십, 7 = 칠, 0 = 영).
int numberFinal(std::string_view digits) {
    size_t zeros = 0;
    while (zeros < digits.size() && digits[digits.size() - 1 - zeros] == '0') ++zeros;
    if (zeros == digits.size()) return kIeung;   // 영
    if (zeros == 0) {
        static constexpr int last[10] = {kIeung, kRieul, kNone, kMieum, kNone, kNone, kGiyeok, kRieul, kRieul, kNone};
        return last[digits.back() - '0'];   // 일 이 삼 사 오 육 칠 팔 구
    }
    if (zeros == 1) return kBieup;   // 십
    if (zeros == 2) return kGiyeok;   // 백
    if (zeros == 3) return kNieun;   // 천
    if (zeros < 8) return kNieun;   // 만
    if (zeros < 12) return kGiyeok;   // 억
    return kNone;   // 조
}

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// How Korean speakers read the end of an English word or an abbreviation.
int latinFinal(std::string word) {
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool vowel = false;
    for (char c : word) vowel = vowel || isVowel(c) || c == 'y';
    const char last = word.back();
    if (word == "hub") return kNone;   // 허브
    if (!vowel || word.size() <= 2) {
        // Read letter by letter (npm = 엔피엠, tcp = 티씨피, -it = 아이티): el, em, en, ar end in a consonant.
        if (last == 'l' || last == 'r') return kRieul;
        if (last == 'm') return kMieum;
        if (last == 'n') return kNieun;
        return kNone;
    }
    auto ends = [&](std::string_view tail) {
        return word.size() >= tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends("ile")) return kRieul;   // file, Dockerfile: 파일
    if (ends("ne")) return kNieun;   // alpine, engine, prune, none: 알파인, 엔진, 프룬
    if (ends("me")) return kMieum;   // name, time: 네임, 타임
    if (ends("ng")) return kIeung;   // string, ping
    if (last == 'l') return kRieul;   // curl, install
    if (last == 'm') return kMieum;   // from, stream
    if (last == 'n') return kNieun;   // run, python, json
    // A stop after a vowel is heard as a final consonant: app 앱, web 웹,
    // get 겟, exec 이그잭, stack 스택; after a consonant it gets its own
    // syllable: temp 템프, start 스타트, help 헬프.
    size_t i = word.size() - 1;
    while (i > 0 && (word[i - 1] == last || (last == 'k' && word[i - 1] == 'c'))) --i;
    const bool afterVowel = i > 0 && isVowel(word[i - 1]);
    if (!afterVowel) return kNone;
    if (last == 'p' || last == 'b') return kBieup;
    if (last == 't') return kSiot;
    if (last == 'k' || last == 'c') return kGiyeok;
    return kNone;
}

}   // namespace

int finalConsonant(std::string_view word) {
    // Skip what is not read: closing quotes, backticks, punctuation, spaces;
    // a bracketed gloss ("실행 중(running)") gives way to the word before it.
    for (;;) {
        while (!word.empty()) {
            const char c = word.back();
            if (c == ' ' || c == '`' || c == '"' || c == '\'' || c == '.' || c == ',' || c == '!' || c == '?' ||
                c == ':' || c == ';' || c == '/' || c == ']' || c == '>' || c == '*' || c == '-' || c == '_')
                word.remove_suffix(1);
            else break;
        }
        if (!word.empty() && word.back() == ')') {
            const size_t open = word.rfind('(');
            if (open != std::string_view::npos && open > 0) {
                word = word.substr(0, open);
                continue;
            }
            word.remove_suffix(1);
            continue;
        }
        break;
    }
    if (word.empty()) return kNone;
    size_t start = 0;
    const uint32_t cp = lastCodePoint(word, start);
    if (isHangulSyllable(cp)) return static_cast<int>((cp - 0xAC00) % 28);
    if (cp == '#') return kBieup;   // 샵
    if (cp < 0x80 && std::isdigit(static_cast<int>(cp))) {
        size_t i = word.size();
        while (i > 0 && std::isdigit(static_cast<unsigned char>(word[i - 1]))) --i;
        return numberFinal(word.substr(i));
    }
    if (cp < 0x80 && std::isalpha(static_cast<int>(cp))) {
        size_t i = word.size();
        while (i > 0 && std::isalpha(static_cast<unsigned char>(word[i - 1]))) --i;
        return latinFinal(std::string(word.substr(i)));
    }
    return kNone;
}

std::string particle(std::string_view word, Particle p) {
    const int f = finalConsonant(word);
    const bool has = f != kNone;
    switch (p) {
        case Particle::IGa:
            return has ? "이" : "가";
        case Particle::EulReul:
            return has ? "을" : "를";
        case Particle::EunNeun:
            return has ? "은" : "는";
        case Particle::GwaWa:
            return has ? "과" : "와";
        case Particle::EuroRo:
            return has && f != kRieul ? "으로" : "로";
        case Particle::Ida:
            return has ? "이다" : "다";
        case Particle::Ira:
            return has ? "이라는" : "라는";
    }
    return "";
}

std::string with(std::string_view word, Particle p) { return std::string(word) + particle(word, p); }

}   // namespace layerlab::ko
