// Shell patterns for ${v#pat}, ${v%pat} and ${v/pat/rep}. BuildKit turns the
// pattern into a Go regular expression (* -> .* or .*?, ? -> .) and matches
// it leftmost-first; this backtracking matcher follows the same priorities,
// including Go's "." not matching a newline.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_set>

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
            // "**" matches like "*" in either mode, so keep one.
            if (c.tokens.empty() || c.tokens.back().kind != Token::Star) c.tokens.push_back({Token::Star});
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

// First match (in regexp priority order) of the pattern at text[pos..];
// returns its end. Iterative backtracking (no recursion on hostile input) with
// failed (star, position) states remembered, which keeps patterns like
// *a*a*a*b polynomial, as Go's RE2 is.
class Matcher {
public:
    Matcher(const std::vector<Token>& tokens, const std::vector<char32_t>& text, bool greedy)
        : m_tokens(tokens), m_text(text), m_greedy(greedy) {}

    std::optional<std::size_t> at(std::size_t startPos) {
        struct Frame {
            std::size_t t, pos, next, maxLen;
        };
        std::vector<Frame> stack;
        std::size_t t = 0, pos = startPos;
        for (;;) {
            bool failed = false;
            while (t < m_tokens.size() && m_tokens[t].kind != Token::Star) {
                const Token& tok = m_tokens[t];
                const bool ok =
                    pos < m_text.size() && (tok.kind == Token::Any ? m_text[pos] != '\n' : m_text[pos] == tok.ch);
                if (!ok) {
                    failed = true;
                    break;
                }
                ++t;
                ++pos;
            }
            if (!failed && t == m_tokens.size()) return pos;
            if (!failed) {
                if (m_failed.count(key(t, pos))) {
                    failed = true;
                } else {
                    std::size_t maxLen = 0;
                    while (pos + maxLen < m_text.size() && m_text[pos + maxLen] != '\n') ++maxLen;
                    stack.push_back({t, pos, 0, maxLen});
                }
            }
            // Take the next untried choice of the innermost star, dropping exhausted ones.
            for (;;) {
                if (stack.empty()) return std::nullopt;
                Frame& f = stack.back();
                if (f.next > f.maxLen) {
                    m_failed.insert(key(f.t, f.pos));
                    stack.pop_back();
                    continue;
                }
                const std::size_t n = m_greedy ? f.maxLen - f.next : f.next;
                ++f.next;
                t = f.t + 1;
                pos = f.pos + n;
                break;
            }
        }
    }

private:
    std::uint64_t key(std::size_t t, std::size_t pos) const {
        return static_cast<std::uint64_t>(t) * (m_text.size() + 1) + pos;
    }

    const std::vector<Token>& m_tokens;
    const std::vector<char32_t>& m_text;
    bool m_greedy;
    std::unordered_set<std::uint64_t> m_failed;
};

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
    Matcher m(c.tokens, value, greedy);
    if (auto end = m.at(0)) r.value = fromRunes(value, *end);
    else r.value = fromRunes(value);
    return r;
}

}   // namespace

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
}   // namespace

PatternResult replace(std::string_view pattern, std::string_view value, std::string_view replacement, bool all) {
    const Compiled c = compile(runes(pattern));
    if (!c.error.empty()) return {false, {}, c.error};
    std::vector<std::size_t> offsets;
    const std::vector<char32_t> text = runes(value, &offsets);
    Matcher matcher(c.tokens, text, true);   // failures do not depend on where the search started
    const auto find = [&](std::size_t from) -> std::optional<std::pair<std::size_t, std::size_t>> {
        for (std::size_t start = from; start <= text.size(); ++start) {
            if (auto end = matcher.at(start)) return std::make_pair(start, *end);
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

}   // namespace layerlab::dockerfile::shell
