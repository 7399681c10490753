// korean: Korean particles chosen from the word before them.
//
// A Korean particle has two forms, picked by the sound the word before it
// ends with: with a final consonant (받침) "이, 을, 은, 과, 으로", without one
// "가, 를, 는, 와, 로" (and a word ending in ㄹ takes "로"). Messages that
// insert a value (a container name, a port, a file) must pick the form, never
// write a placeholder like "이(가)". Values are often Latin letters, digits
// or code, so the word is read aloud the way Korean speakers read it:
//   node -> 노드 (no final)      -> node는, node를
//   3000 -> 삼천 (ㄴ)            -> 3000을, 3000으로
//   80   -> 팔십 (ㅂ)            -> 80을
//   Dockerfile -> 도커파일 (ㄹ)  -> Dockerfile로, Dockerfile이
//   npm  -> 엔피엠 (ㅁ): a word with no vowel is read letter by letter
//   "실행 중(running)" -> the particle follows the word before the brackets
// Trailing quotes, backticks and punctuation are skipped. The reading of
// English words is a heuristic (last letters), with a few words the course
// uses spelled out; it is tested in tests/test_korean.cpp.
#pragma once
#include <string>
#include <string_view>

namespace layerlab::ko {

enum class Particle {
    IGa,   // 이 / 가       (subject)
    EulReul,   // 을 / 를       (object)
    EunNeun,   // 은 / 는       (topic)
    GwaWa,   // 과 / 와       (and, with)
    EuroRo,   // 으로 / 로     (to, by; ㄹ takes 로)
    Ida,   // 이다 / 다     (is)
    Ira,   // 이라는 / 라는 (called)
};

// The final consonant of the word's last sound: 0 = none, else the jongseong
// index of Unicode Hangul (8 = ㄹ).
int finalConsonant(std::string_view word);

// The form of `p` that follows `word` ("node", EunNeun -> "는").
std::string particle(std::string_view word, Particle p);

// `word` with the particle attached: with("node", EunNeun) -> "node는".
std::string with(std::string_view word, Particle p);

}   // namespace layerlab::ko
