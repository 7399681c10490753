// The JSON form of RUN/CMD/COPY/...: BuildKit decodes the rest of the line
// with Go's encoding/json into []interface{}. A syntax error is silent (the
// line falls back to the shell form); a valid array holding a non-string is an
// error. This reproduces Go's strictness and its string decoding exactly.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>

#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

constexpr std::size_t kMaxDepth = 10000;   // encoding/json maxNestingDepth

class Reader {
public:
    explicit Reader(std::string_view s) : m_s(s) {}

    void skipSpace() {
        while (m_pos < m_s.size() &&
               (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' || m_s[m_pos] == '\n' || m_s[m_pos] == '\r'))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s[m_pos]; }
    bool consume(char c) {
        if (peek() != c || atEnd()) return false;
        ++m_pos;
        return true;
    }
    bool literal(std::string_view word) {
        if (m_s.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    int u4(std::size_t at) const {
        if (at + 6 > m_s.size() || m_s[at] != '\\' || m_s[at + 1] != 'u') return -1;
        int v = 0;
        for (std::size_t i = at + 2; i < at + 6; ++i) {
            const int h = hex(m_s[i]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        return v;
    }

    // A string token; decodes into *out when given. False on a syntax error.
    bool string(std::string* out) {
        if (!consume('"')) return false;
        while (!atEnd()) {
            const auto c = static_cast<unsigned char>(m_s[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (m_pos + 1 >= m_s.size()) return false;
                const char e = m_s[m_pos + 1];
                char plain = 0;
                switch (e) {
                    case '"':
                        plain = '"';
                        break;
                    case '\\':
                        plain = '\\';
                        break;
                    case '/':
                        plain = '/';
                        break;
                    case 'b':
                        plain = '\b';
                        break;
                    case 'f':
                        plain = '\f';
                        break;
                    case 'n':
                        plain = '\n';
                        break;
                    case 'r':
                        plain = '\r';
                        break;
                    case 't':
                        plain = '\t';
                        break;
                    case 'u':
                        break;
                    default:
                        return false;
                }
                if (e != 'u') {
                    if (out) out->push_back(plain);
                    m_pos += 2;
                    continue;
                }
                const int rr = u4(m_pos);
                if (rr < 0) return false;
                m_pos += 6;
                char32_t cp = static_cast<char32_t>(rr);
                if (cp >= 0xD800 && cp < 0xE000) {
                    const int rr1 = u4(m_pos);
                    if (cp < 0xDC00 && rr1 >= 0xDC00 && rr1 < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(rr1) - 0xDC00);
                        m_pos += 6;
                    } else {
                        cp = 0xFFFD;
                    }
                }
                if (out) unicode::append(*out, cp);
                continue;
            }
            if (c < 0x80) {
                if (out) out->push_back(static_cast<char>(c));
                ++m_pos;
                continue;
            }
            const unicode::Rune r = unicode::decode(m_s, m_pos);
            if (out) {
                if (r.width == 1) unicode::append(*out, 0xFFFD);
                else out->append(m_s.substr(m_pos, static_cast<std::size_t>(r.width)));
            }
            m_pos += static_cast<std::size_t>(r.width);
        }
        return false;
    }

    // A number token; sets *overflow when Go's float64 conversion would fail.
    bool number(bool* overflow) {
        const std::size_t start = m_pos;
        consume('-');
        if (consume('0')) {
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9' && !atEnd()) ++m_pos;
        } else {
            return false;
        }
        if (consume('.')) {
            if (!(peek() >= '0' && peek() <= '9') || atEnd()) return false;
            while (peek() >= '0' && peek() <= '9' && !atEnd()) ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-') ++m_pos;
            if (!(peek() >= '0' && peek() <= '9') || atEnd()) return false;
            while (peek() >= '0' && peek() <= '9' && !atEnd()) ++m_pos;
        }
        const std::string text(m_s.substr(start, m_pos - start));
        if (outOfRange(text)) {
            // Overflow (not underflow) is what makes strconv.ParseFloat fail.
            *overflow = *overflow || decimalExponent(text) > 0;
        }
        return true;
    }

    // Whether TEXT (a JSON number) is beyond double's range either way.
    static bool outOfRange(const std::string& text) {
#ifdef __cpp_lib_to_chars
        double value = 0;
        return std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc::result_out_of_range;
#else
        // libc++ as the browser build has it (LLVM 14) has no floating-point
        // from_chars; musl's strtod, used there, ignores the locale too.
        errno = 0;
        const double value = std::strtod(text.c_str(), nullptr);
        (void)value;
        return errno == ERANGE;
#endif
    }

    // Rough decimal exponent of the first significant digit (sign only matters).
    static constexpr long kExpLimit = 1000000000L;
    static long decimalExponent(const std::string& text) {
        long exp = 0;
        const std::size_t e = text.find_first_of("eE");
        // strtol saturates at LONG_MAX on a huge exponent; clamped so adding the digit count cannot overflow.
        if (e != std::string::npos)
            exp = std::clamp(std::strtol(text.c_str() + e + 1, nullptr, 10), -kExpLimit, kExpLimit);
        const std::string mant = text.substr(0, e);
        const std::size_t dot = mant.find('.');
        const std::string intPart = mant.substr(
            mant[0] == '-' ? 1 : 0, dot == std::string::npos ? std::string::npos : dot - (mant[0] == '-' ? 1 : 0));
        const std::size_t firstNonZero = intPart.find_first_not_of('0');
        if (firstNonZero != std::string::npos) return exp + static_cast<long>(intPart.size() - firstNonZero);
        return exp - 1;
    }

    // Any JSON value, validated iteratively (no deep recursion on hostile input).
    bool value(bool* overflow) {
        std::string stack;   // '[' or '{'
        for (;;) {
            skipSpace();
            // parse one scalar or open a container
            const char c = peek();
            if (atEnd()) return false;
            if (c == '[' || c == '{') {
                ++m_pos;
                if (stack.size() + 1 > kMaxDepth) return false;
                stack.push_back(c);
                skipSpace();
                if (c == '[' && consume(']')) {
                    stack.pop_back();
                } else if (c == '{' && consume('}')) {
                    stack.pop_back();
                } else {
                    if (c == '{') {
                        if (!string(nullptr)) return false;
                        skipSpace();
                        if (!consume(':')) return false;
                    }
                    continue;
                }
            } else if (c == '"') {
                if (!string(nullptr)) return false;
            } else if (c == 't') {
                if (!literal("true")) return false;
            } else if (c == 'f') {
                if (!literal("false")) return false;
            } else if (c == 'n') {
                if (!literal("null")) return false;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                if (!number(overflow)) return false;
            } else {
                return false;
            }
            // after a complete value: close containers or continue with the next element
            for (;;) {
                if (stack.empty()) return true;
                skipSpace();
                const char open = stack.back();
                if (consume(',')) {
                    if (open == '{') {
                        skipSpace();
                        if (!string(nullptr)) return false;
                        skipSpace();
                        if (!consume(':')) return false;
                    }
                    break;
                }
                if (consume(open == '[' ? ']' : '}')) {
                    stack.pop_back();
                    continue;
                }
                return false;
            }
        }
    }

private:
    std::string_view m_s;
    std::size_t m_pos = 0;
};

}   // namespace

JsonArray parseJsonArray(std::string_view rest, std::vector<std::string>& out) {
    out.clear();
    rest = unicode::trimLeftSpace(rest);
    if (rest.empty() || rest[0] != '[') return JsonArray::NotJson;
    Reader r(rest);
    r.consume('[');
    bool nonString = false;
    bool overflow = false;
    r.skipSpace();
    if (!r.consume(']')) {
        for (;;) {
            r.skipSpace();
            if (r.peek() == '"' && !r.atEnd()) {
                std::string s;
                if (!r.string(&s)) return JsonArray::NotJson;
                out.push_back(std::move(s));
            } else {
                if (!r.value(&overflow)) return JsonArray::NotJson;
                nonString = true;
            }
            r.skipSpace();
            if (r.consume(',')) continue;
            if (r.consume(']')) break;
            return JsonArray::NotJson;
        }
    }
    r.skipSpace();
    if (!r.atEnd()) return JsonArray::NotJson;
    if (overflow) return JsonArray::NotJson;
    if (nonString) {
        out.clear();
        return JsonArray::NotStrings;
    }
    return JsonArray::Strings;
}

}   // namespace layerlab::dockerfile::detail
