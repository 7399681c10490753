// The shell word lexer, a line-by-line port of BuildKit's lex.go semantics
// (normal mode is checked by the buildkit-shell conformance corpus).
#include "sim/dockerfile/shell_lex.hpp"

#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::shell {

const std::string* Env::lookup(std::string_view name) const {
    for (auto it = vars.rbegin(); it != vars.rend(); ++it) {
        if (it->key == name) return &it->value;
    }
    return nullptr;
}

namespace {

constexpr char32_t kEof = static_cast<char32_t>(-1);

// Go text/scanner's Next/Peek over code points (a leading BOM is skipped).
class Scanner {
public:
    explicit Scanner(std::string_view src) : m_src(src) {
        if (m_src.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
    }
    char32_t peek() const {
        if (m_pos >= m_src.size()) return kEof;
        return unicode::decode(m_src, m_pos).cp;
    }
    char32_t next() {
        if (m_pos >= m_src.size()) return kEof;
        const unicode::Rune r = unicode::decode(m_src, m_pos);
        m_pos += static_cast<std::size_t>(r.width);
        return r.cp;
    }

private:
    std::string_view m_src;
    std::size_t m_pos = 0;
};

struct Words {
    std::string word;
    std::vector<std::string> words;
    bool inWord = false;

    void addChar(char32_t ch) {
        if (unicode::isSpace(ch)) {
            if (inWord && !word.empty()) {
                words.push_back(std::move(word));
                word.clear();
                inWord = false;
            }
        } else {
            addRawChar(ch);
        }
    }
    void addRawChar(char32_t ch) {
        unicode::append(word, ch);
        inWord = true;
    }
    void addString(std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const unicode::Rune r = unicode::decode(s, i);
            addChar(r.cp);
            i += static_cast<std::size_t>(r.width);
        }
    }
    void addRawString(std::string_view s) {
        word += s;
        inWord = true;
    }
    std::vector<std::string> take() {
        if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
            inWord = false;
        }
        return std::move(words);
    }
};

struct Failure {
    std::string message;
};

class ShellWord {
public:
    ShellWord(std::string_view src, const Env& env, const LexOptions& options)
        : m_scanner(src), m_env(env), m_options(options), m_rawEscapes(options.rawEscapes) {}

    // Returns false and sets m_error on failure.
    bool processStopOn(char32_t stopChar, bool rawEscapes, std::string& result, std::vector<std::string>* wordsOut) {
        Words words;
        const bool saved = m_rawEscapes;
        m_rawEscapes = rawEscapes;
        const bool ok = processLoop(stopChar, result, words);
        m_rawEscapes = saved;
        if (!ok) return false;
        if (wordsOut) *wordsOut = words.take();
        return true;
    }

    std::string error;
    std::vector<std::string> unmatched;

private:
    bool fail(std::string message) {
        error = std::move(message);
        return false;
    }

    bool processLoop(char32_t stopChar, std::string& result, Words& words) {
        while (m_scanner.peek() != kEof) {
            char32_t ch = m_scanner.peek();
            if (stopChar != kEof && ch == stopChar) {
                m_scanner.next();
                return true;
            }
            const bool quotes = !m_options.skipProcessQuotes && (ch == '\'' || ch == '"');
            if (ch == '$' || quotes) {
                std::string tmp;
                bool ok = false;
                if (ch == '$') ok = processDollar(tmp);
                else if (ch == '\'') ok = processSingleQuote(tmp);
                else ok = processDoubleQuote(tmp);
                if (!ok) return false;
                result += tmp;
                if (ch == '$') words.addString(tmp);
                else words.addRawString(tmp);
                continue;
            }
            ch = m_scanner.next();
            if (ch == static_cast<char32_t>(static_cast<unsigned char>(m_options.escapeToken))) {
                if (m_rawEscapes) {
                    words.addRawChar(ch);
                    unicode::append(result, ch);
                }
                ch = m_scanner.next();
                if (ch == kEof) break;
                words.addRawChar(ch);
            } else {
                words.addChar(ch);
            }
            unicode::append(result, ch);
        }
        if (stopChar != kEof) {
            std::string s = "unexpected end of statement while looking for matching ";
            unicode::append(s, stopChar);
            return fail(s);
        }
        return true;
    }

    bool processSingleQuote(std::string& result) {
        char32_t ch = m_scanner.next();
        if (m_options.rawQuotes) unicode::append(result, ch);
        for (;;) {
            ch = m_scanner.next();
            if (ch == kEof) return fail("unexpected end of statement while looking for matching single-quote");
            if (ch == '\'') {
                if (m_options.rawQuotes) unicode::append(result, ch);
                return true;
            }
            unicode::append(result, ch);
        }
    }

    bool processDoubleQuote(std::string& result) {
        char32_t ch = m_scanner.next();
        if (m_options.rawQuotes) unicode::append(result, ch);
        const auto escape = static_cast<char32_t>(static_cast<unsigned char>(m_options.escapeToken));
        for (;;) {
            const char32_t peek = m_scanner.peek();
            if (peek == kEof) return fail("unexpected end of statement while looking for matching double-quote");
            if (peek == '"') {
                ch = m_scanner.next();
                if (m_options.rawQuotes) unicode::append(result, ch);
                return true;
            }
            if (peek == '$') {
                std::string value;
                if (!processDollar(value)) return false;
                result += value;
                continue;
            }
            ch = m_scanner.next();
            if (ch == escape) {
                if (m_rawEscapes) unicode::append(result, ch);
                const char32_t after = m_scanner.peek();
                if (after == kEof) continue;   // a lone escape at the end is dropped
                if (after == '"' || after == '$' || after == escape) ch = m_scanner.next();
            }
            unicode::append(result, ch);
        }
    }

    static bool isSpecialParam(char32_t ch) {
        switch (ch) {
            case '@':
            case '*':
            case '#':
            case '?':
            case '-':
            case '$':
            case '!':
            case '0':
                return true;
            default:
                return false;
        }
    }

    std::string processName() {
        std::string name;
        while (m_scanner.peek() != kEof) {
            char32_t ch = m_scanner.peek();
            if (name.empty() && unicode::isDigit(ch)) {
                while (m_scanner.peek() != kEof && unicode::isDigit(m_scanner.peek())) {
                    unicode::append(name, m_scanner.next());
                }
                return name;
            }
            if (name.empty() && isSpecialParam(ch)) {
                unicode::append(name, m_scanner.next());
                return name;
            }
            if (!unicode::isLetter(ch) && !unicode::isDigit(ch) && ch != '_') break;
            unicode::append(name, m_scanner.next());
        }
        return name;
    }

    const std::string* getEnv(const std::string& name) {
        const std::string* value = m_env.lookup(name);
        if (!value) {
            bool seen = false;
            for (const auto& u : unmatched) seen = seen || u == name;
            if (!seen) unmatched.push_back(name);
        }
        return value;
    }

    bool processDollar(std::string& out) {
        m_scanner.next();
        if (m_scanner.peek() != '{') {
            const std::string name = processName();
            if (name.empty()) {
                out = "$";
                return true;
            }
            const std::string* value = getEnv(name);
            if (!value && m_options.skipUnsetEnv) out = "$" + name;
            else out = value ? *value : std::string();
            return true;
        }
        m_scanner.next();
        // Go grows its stack; ours is fixed, so absurd nesting is refused instead of crashing.
        if (++m_depth > kMaxDepth) return fail("syntax error: substitution nested too deeply");
        struct Leave {
            int& depth;
            ~Leave() { --depth; }
        } leave{m_depth};
        switch (m_scanner.peek()) {
            case kEof:
                return fail("syntax error: missing '}'");
            case '{':
            case '}':
            case ':':
                return fail("syntax error: bad substitution");
            default:
                break;
        }
        const std::string name = processName();
        char32_t ch = m_scanner.next();
        std::string chs;
        if (ch != kEof) unicode::append(chs, ch);
        bool nullIsUnset = false;
        if (ch == '}') {
            const std::string* value = getEnv(name);
            if (!value && m_options.skipUnsetEnv) out = "${" + name + "}";
            else out = value ? *value : std::string();
            return true;
        }
        if (ch == ':') {
            nullIsUnset = true;
            ch = m_scanner.next();
            if (ch != kEof) unicode::append(chs, ch);
        }
        if (nullIsUnset || ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%')
            return processModifier(name, ch, chs, nullIsUnset, out);
        if (ch == '/') return processReplace(name, out);
        return fail("unsupported modifier (" + chs + ") in substitution");
    }

    // ${name-word} ${name+word} ${name?word} ${name#pattern} ${name%pattern} and
    // their ':' forms (nullIsUnset), after the modifier CH (CHS as written).
    bool processModifier(const std::string& name, char32_t ch, const std::string& chs, bool nullIsUnset,
                         std::string& out) {
        const bool rawEscapes = ch == '#' || ch == '%';
        std::string word;
        if (!processStopOn('}', rawEscapes, word, nullptr)) {
            if (m_scanner.peek() == kEof) error = "syntax error: missing '}'";
            return false;
        }
        const std::string* value = getEnv(name);
        if (m_options.skipUnsetEnv && !value) {
            out = "${" + name + chs + word + "}";
            return true;
        }
        const bool set = value != nullptr;
        const bool empty = !set || value->empty();
        switch (ch) {
            case '-':
                out = (!set || (nullIsUnset && empty)) ? word : *value;
                return true;
            case '+':
                out = (!set || (nullIsUnset && empty)) ? std::string() : word;
                return true;
            case '?':
                if (!set) return fail(name + ": " + (word.empty() ? "is not allowed to be unset" : word));
                if (nullIsUnset && empty)
                    return fail(name + ": " + (word.empty() ? "is not allowed to be empty" : word));
                out = *value;
                return true;
            case '%':
            case '#': {
                bool greedy = false;
                if (!word.empty() && static_cast<char32_t>(static_cast<unsigned char>(word[0])) == ch) {
                    greedy = true;
                    word.erase(0, 1);
                }
                const std::string current = set ? *value : std::string();
                const PatternResult r =
                    ch == '%' ? trimSuffix(word, current, greedy) : trimPrefix(word, current, greedy);
                if (!r.ok) return fail("invalid pattern (" + word + ") in substitution: " + r.error);
                out = r.value;
                return true;
            }
            default:
                return fail("unsupported modifier (" + chs + ") in substitution");
        }
    }

    // ${name/pattern/replacement} and ${name//pattern/replacement}, after the first '/'.
    bool processReplace(const std::string& name, std::string& out) {
        const bool all = m_scanner.peek() == '/';
        if (all) m_scanner.next();
        std::string pattern, replacement;
        if (!processStopOn('/', true, pattern, nullptr)) {
            if (m_scanner.peek() == kEof) error = "syntax error: missing '/' in ${}";
            return false;
        }
        if (!processStopOn('}', true, replacement, nullptr)) {
            if (m_scanner.peek() == kEof) error = "syntax error: missing '}'";
            return false;
        }
        const std::string* value = getEnv(name);
        if (m_options.skipUnsetEnv && !value) {
            out = "${" + name + "/" + pattern + "/" + replacement + "}";
            return true;
        }
        const PatternResult r = replace(pattern, value ? *value : std::string(), replacement, all);
        if (!r.ok) return fail("invalid pattern (" + pattern + ") in substitution: " + r.error);
        out = r.value;
        return true;
    }

    static constexpr int kMaxDepth = 1000;
    int m_depth = 0;
    Scanner m_scanner;
    const Env& m_env;
    const LexOptions& m_options;
    bool m_rawEscapes;
};

}   // namespace

LexResult lex(std::string_view word, const Env& env, const LexOptions& options) {
    ShellWord sw(word, env, options);
    LexResult result;
    if (!sw.processStopOn(kEof, options.rawEscapes, result.word, &result.words)) {
        result.ok = false;
        result.word.clear();
        result.words.clear();
        result.error = "failed to process " + goQuote(word) + ": " + sw.error;
    }
    result.unmatched = std::move(sw.unmatched);
    return result;
}

Expansion processWord(std::string_view word, const Env& env, char escapeToken) {
    LexOptions options;
    options.escapeToken = escapeToken;
    LexResult r = lex(word, env, options);
    Expansion e;
    e.ok = r.ok;
    e.value = std::move(r.word);
    e.error = std::move(r.error);
    return e;
}

Expansion processWords(std::string_view word, const Env& env, char escapeToken) {
    LexOptions options;
    options.escapeToken = escapeToken;
    LexResult r = lex(word, env, options);
    Expansion e;
    e.ok = r.ok;
    e.words = std::move(r.words);
    e.error = std::move(r.error);
    return e;
}

}   // namespace layerlab::dockerfile::shell
