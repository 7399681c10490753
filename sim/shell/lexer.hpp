// lexer: sh text -> the tokens the parser reads (parser.cpp, syntax.hpp):
// words with their quoting kept as segments, operators, and redirections
// with their heredoc bodies (read after the line that opened them).
// `$(...)`, backticks and `${...}` stay raw text inside a segment, with
// their own quotes and parentheses, for expansion to run later. Internal to
// sim/shell.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/shell/syntax.hpp"

namespace layerlab::shell::detail {

struct Token {
    enum class Kind { Word, Op, Redir, End };
    Kind kind = Kind::End;
    RawWord word;
    std::string op;   // ";", "&&", "||", "|", "&", "\n", "(", ")"
    Redirect redir;
    int line = 1;
    bool plain(std::string_view s) const {   // an unquoted word equal to s (a keyword)
        return kind == Kind::Word && word.size() == 1 && word[0].quote == 0 && word[0].text == s;
    }
};

bool isOpChar(char c);

class Lexer {
public:
    explicit Lexer(std::string_view s) : m_s(s) {}

    std::vector<Token> run();

    bool unterminated() const { return m_unterminated; }
    bool openHeredoc() const { return m_openHeredoc; }
    bool missingTarget() const { return m_missingTarget; }
    const std::string& missingNear() const { return m_missingNear; }
    int line() const { return m_line; }

private:
    bool startsWith(std::string_view t) const { return m_s.substr(m_pos, t.size()) == t; }

    // From an opening "$(" (m_pos at '$'), the raw text up to its ')'.
    std::string readDollarParen();

    std::string readBacktick();

    std::string readBrace() {   // "${...}"
        size_t end = m_s.find('}', m_pos + 2);
        if (end == std::string_view::npos) {
            m_unterminated = true;
            end = m_s.size() - 1;
        }
        std::string raw(m_s.substr(m_pos, end + 1 - m_pos));
        m_pos = end + 1;
        return raw;
    }

    RawWord readWord();
    // At "$(", "${" or '`': the whole substitution appended to INTO (false, nothing read, elsewhere).
    bool readSubstitution(std::string& into);
    // From an opening '"': the text up to the closing one (backslash escapes applied, substitutions
    // kept whole); false when it is never closed (unterminated()).
    bool readDoubleQuoted(std::string& text);

    bool readHeredoc(Redirect& r);

    // At a redirection operator (m_pos on it): the operator, m_pos past it.
    std::string readRedirectOp();
    // The operator and its target word into r (fd -1: the operator's default);
    // false when the target is missing (missingTarget() and missingNear() say so).
    bool readRedirect(int fd, Redirect& r);

public:
    char m_quoteChar = 0;   // the quote left open when unterminated() ('\'' or '"')

private:
    std::string_view m_s;
    size_t m_pos = 0;
    int m_line = 1;
    bool m_unterminated = false;
    bool m_openHeredoc = false;
    bool m_missingTarget = false;
    std::string m_missingNear;
};

}   // namespace layerlab::shell::detail
