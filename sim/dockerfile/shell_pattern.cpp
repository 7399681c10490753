// Shell patterns for ${v#pat}, ${v%pat} and ${v/pat/rep}. BuildKit turns the
// pattern into a Go regular expression (* -> .* or .*?, ? -> .) and matches
// it leftmost-first; this backtracking matcher follows the same priorities,
// including Go's "." not matching a newline.
#include <algorithm>
#include <optional>

#include "sim/dockerfile/shell_lex.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::shell {

namespace {

struct Token {
    enum Kind { Literal, Any, Star } kind;
    char32_t ch = 0;
};

struct Compiled {
    std::vector<Token> tokens;
    std::string error;
};

std::vector<char32_t> runes(std::string_view s, std::vector<std::size_t>* offsets = nullptr) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const unicode::Rune r = unicode::decode(s, i);
        out.push_back(r.cp);
        if (offsets) offsets->push_back(i);
        i += static_cast<std::size_t>(r.width);
    }
    if (offsets) offsets->push_back(s.size());
    return out;
}

Compiled compile(const std::vector<char32_t>& pattern) {
    Compiled c;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char32_t tok = pattern[i];
        if (tok == '*') {
            c.tokens.push_back({Token::Star});
        } else if (tok == '?') {
            c.tokens.push_back({Token::Any});
        } else if (tok == '\\') {
            const bool hasNext = i + 1 < pattern.size();
            if (hasNext && (pattern[i + 1] == '}' || pattern[i + 1] == '/')) continue;
            if (!hasNext || (pattern[i + 1] != '*' && pattern[i + 1] != '?' && pattern[i + 1] != '\\')) {
                std::string e = "invalid escape '\\";
                if (hasNext) unicode::append(e, pattern[i + 1]);
                c.error = e + "'";
                return c;
            }
            c.tokens.push_back({Token::Literal, pattern[++i]});
        } else {
            c.tokens.push_back({Token::Literal, tok});
        }
    }
    return c;
}

// First match (in regexp priority order) of tokens[t..] at text[pos..]; returns its end.
std::optional<std::size_t> matchAt(const std::vector<Token>& tokens, std::size_t t, const std::vector<char32_t>& text,
                                   std::size_t pos, bool greedy) {
    if (t == tokens.size()) return pos;
    const Token& tok = tokens[t];
    if (tok.kind == Token::Literal) {
        if (pos < text.size() && text[pos] == tok.ch) return matchAt(tokens, t + 1, text, pos + 1, greedy);
        return std::nullopt;
    }
    if (tok.kind == Token::Any) {
        if (pos < text.size() && text[pos] != '\n') return matchAt(tokens, t + 1, text, pos + 1, greedy);
        return std::nullopt;
    }
    std::size_t maxLen = 0;
    while (pos + maxLen < text.size() && text[pos + maxLen] != '\n') ++maxLen;
    if (greedy) {
        for (std::size_t n = maxLen + 1; n-- > 0;) {
            if (auto end = matchAt(tokens, t + 1, text, pos + n, greedy)) return end;
        }
    } else {
        for (std::size_t n = 0; n <= maxLen; ++n) {
            if (auto end = matchAt(tokens, t + 1, text, pos + n, greedy)) return end;
        }
    }
    return std::nullopt;
}

std::string fromRunes(const std::vector<char32_t>& r, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < r.size(); ++i) unicode::append(out, r[i]);
    return out;
}

// reversePattern keeps "\x" pairs in order: a\*c -> c\*a.
std::vector<char32_t> reversePattern(const std::vector<char32_t>& p) {
    std::vector<char32_t> out(p.size());
    const std::size_t last = p.size() - 1;
    for (std::size_t i = 0; i < p.size();) {
        const std::size_t outIdx = last - i;
        if (p[i] == '\\' && i != last) {
            out[outIdx - 1] = p[i];
            out[outIdx] = p[i + 1];
            i += 2;
        } else {
            out[outIdx] = p[i];
            ++i;
        }
    }
    return out;
}

PatternResult trimPrefixRunes(const std::vector<char32_t>& pattern, const std::vector<char32_t>& value, bool greedy) {
    PatternResult r;
    const Compiled c = compile(pattern);
    if (!c.error.empty()) return {false, {}, c.error};
    if (auto end = matchAt(c.tokens, 0, value, 0, greedy)) r.value = fromRunes(value, *end);
    else r.value = fromRunes(value);
    return r;
}

}  // namespace

PatternResult trimPrefix(std::string_view pattern, std::string_view value, bool greedy) {
    return trimPrefixRunes(runes(pattern), runes(value), greedy);
}

PatternResult trimSuffix(std::string_view pattern, std::string_view value, bool greedy) {
    std::vector<char32_t> p = runes(pattern);
    if (!p.empty()) p = reversePattern(p);
    std::vector<char32_t> v = runes(value);
    std::reverse(v.begin(), v.end());
    PatternResult r = trimPrefixRunes(p, v, greedy);
    if (!r.ok) return r;
    std::vector<char32_t> back = runes(r.value);
    std::reverse(back.begin(), back.end());
    r.value = fromRunes(back);
    return r;
}

namespace {
// regexp.ReplaceAllString expands $0 / ${0} (the match) and drops other group refs.
std::string expandTemplate(std::string_view repl, std::string_view match) {
    std::string out;
    for (std::size_t i = 0; i < repl.size(); ++i) {
        if (repl[i] != '$' || i + 1 >= repl.size()) {
            out.push_back(repl[i]);
            continue;
        }
        if (repl[i + 1] == '$') {
            out.push_back('$');
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        std::string name;
        const auto isNameChar = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        };
        if (repl[j] == '{') {
            std::size_t k = j + 1;
            while (k < repl.size() && isNameChar(repl[k])) ++k;
            if (k >= repl.size() || repl[k] != '}' || k == j + 1) {
                out.push_back('$');
                continue;
            }
            name = std::string(repl.substr(j + 1, k - j - 1));
            i = k;
        } else {
            std::size_t k = j;
            while (k < repl.size() && isNameChar(repl[k])) ++k;
            if (k == j) {
                out.push_back('$');
                continue;
            }
            name = std::string(repl.substr(j, k - j));
            i = k - 1;
        }
        if (name == "0") out += match;
    }
    return out;
}
}  // namespace

PatternResult replace(std::string_view pattern, std::string_view value, std::string_view replacement, bool all) {
    const Compiled c = compile(runes(pattern));
    if (!c.error.empty()) return {false, {}, c.error};
    std::vector<std::size_t> offsets;
    const std::vector<char32_t> text = runes(value, &offsets);
    const auto find = [&](std::size_t from) -> std::optional<std::pair<std::size_t, std::size_t>> {
        for (std::size_t start = from; start <= text.size(); ++start) {
            if (auto end = matchAt(c.tokens, 0, text, start, true)) return std::make_pair(start, *end);
        }
        return std::nullopt;
    };
    PatternResult r;
    if (!all) {
        const auto m = find(0);
        if (!m) {
            r.value = std::string(value);
            return r;
        }
        r.value = std::string(value.substr(0, offsets[m->first])) + std::string(replacement) +
                  std::string(value.substr(offsets[m->second]));
        return r;
    }
    std::string out;
    std::size_t lastEnd = 0;   // in runes
    std::size_t search = 0;
    while (search <= text.size()) {
        const auto m = find(search);
        if (!m) break;
        out += value.substr(offsets[lastEnd], offsets[m->first] - offsets[lastEnd]);
        if (m->second > lastEnd || m->first == 0) {
            out += expandTemplate(replacement, value.substr(offsets[m->first], offsets[m->second] - offsets[m->first]));
        }
        lastEnd = m->second;
        if (search + 1 > m->second) ++search;
        else search = m->second;
    }
    out += value.substr(offsets[lastEnd]);
    r.value = std::move(out);
    return r;
}

}  // namespace layerlab::dockerfile::shell
