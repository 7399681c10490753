// parser: sh text -> tokens -> a Node tree (see syntax.hpp). The lexer keeps
// quoting as segments; `$(...)`, backticks and `${...}` are kept raw inside a
// segment (with their own quotes and parentheses) for expand.cpp.
#include <algorithm>
#include <cctype>

#include "sim/shell/syntax.hpp"

namespace layerlab::shell {
namespace {

struct Token {
    enum class Kind { Word, Op, Redir, End };
    Kind kind = Kind::End;
    RawWord word;
    std::string op;      // ";", "&&", "||", "|", "&", "\n", "(", ")"
    Redirect redir;
    int line = 1;
    bool plain(std::string_view s) const {   // an unquoted word equal to s (a keyword)
        return kind == Kind::Word && word.size() == 1 && word[0].quote == 0 && word[0].text == s;
    }
};

struct Failure {
    ParseResult::Status status;
    std::string near;   // the token bash names, or "" for end of file / quotes
    bool quote = false;
};

bool isOpChar(char c) { return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '\n' || c == '(' || c == ')'; }

class Lexer {
public:
    explicit Lexer(std::string_view s) : m_s(s) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        std::vector<size_t> pendingHeredocs;
        while (m_pos < m_s.size()) {
            char c = m_s[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') { ++m_pos; continue; }
            if (c == '\\' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '\n') { m_pos += 2; ++m_line; continue; }
            if (c == '#') { while (m_pos < m_s.size() && m_s[m_pos] != '\n') ++m_pos; continue; }
            Token t;
            t.line = m_line;
            if (c == '\n') {
                ++m_pos;
                ++m_line;
                for (size_t i : pendingHeredocs)
                    if (!readHeredoc(out[i].redir)) m_openHeredoc = true;
                pendingHeredocs.clear();
                t.kind = Token::Kind::Op;
                t.op = "\n";
                out.push_back(std::move(t));
                continue;
            }
            size_t save = m_pos;
            int fd = -1;
            if (std::isdigit(static_cast<unsigned char>(c)) && m_pos + 1 < m_s.size() &&
                (m_s[m_pos + 1] == '>' || m_s[m_pos + 1] == '<')) {
                fd = c - '0';
                ++m_pos;
            }
            if (m_pos < m_s.size() && (m_s[m_pos] == '>' || m_s[m_pos] == '<' || startsWith("&>"))) {
                Redirect r;
                if (startsWith("<<-")) { r.op = "<<"; m_pos += 3; }
                else if (startsWith("<<")) { r.op = "<<"; m_pos += 2; }
                else if (startsWith(">>")) { r.op = ">>"; m_pos += 2; }
                else if (startsWith(">&")) { r.op = ">&"; m_pos += 2; }
                else if (startsWith("&>")) { r.op = "&>"; m_pos += 2; }
                else if (startsWith(">|")) { r.op = ">"; m_pos += 2; }
                else { r.op = std::string(1, m_s[m_pos]); ++m_pos; }
                r.fd = fd >= 0 ? fd : (r.op == "<" || r.op == "<<" ? 0 : 1);
                while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t')) ++m_pos;
                if (m_pos >= m_s.size() || isOpChar(m_s[m_pos])) {
                    m_missingTarget = true;
                    m_missingNear = m_pos >= m_s.size() || m_s[m_pos] == '\n' ? "newline" : std::string(1, m_s[m_pos]);
                    if (m_pos + 1 < m_s.size() && (startsWith("&&") || startsWith("||") || startsWith(";;")))
                        m_missingNear = std::string(m_s.substr(m_pos, 2));
                    return out;
                }
                r.target = readWord();
                if (r.op == "<<")
                    for (const auto& seg : r.target)
                        if (seg.quote) r.heredocExpand = false;
                t.kind = Token::Kind::Redir;
                t.redir = std::move(r);
                out.push_back(std::move(t));
                if (out.back().redir.op == "<<") pendingHeredocs.push_back(out.size() - 1);
                continue;
            }
            m_pos = save;
            if (isOpChar(c)) {
                t.kind = Token::Kind::Op;
                for (const char* op : {"&&", "||", ";;"})
                    if (startsWith(op)) t.op = op;
                if (t.op.empty()) t.op = std::string(1, c);
                m_pos += t.op.size();
                out.push_back(std::move(t));
                continue;
            }
            t.kind = Token::Kind::Word;
            t.word = readWord();
            if (m_unterminated) return out;
            out.push_back(std::move(t));
        }
        for (size_t i : pendingHeredocs)
            if (!readHeredoc(out[i].redir)) m_openHeredoc = true;
        return out;
    }

    bool unterminated() const { return m_unterminated; }
    bool openHeredoc() const { return m_openHeredoc; }
    bool missingTarget() const { return m_missingTarget; }
    const std::string& missingNear() const { return m_missingNear; }
    int line() const { return m_line; }

private:
    bool startsWith(std::string_view t) const { return m_s.substr(m_pos, t.size()) == t; }

    // From an opening "$(" (m_pos at '$'), the raw text up to its ')'.
    std::string readDollarParen() {
        size_t start = m_pos;
        m_pos += 2;
        int depth = 1;
        while (m_pos < m_s.size() && depth > 0) {
            char c = m_s[m_pos];
            if (c == '\\' && m_pos + 1 < m_s.size()) { m_pos += 2; continue; }
            if (c == '\'') {
                size_t end = m_s.find('\'', m_pos + 1);
                if (end == std::string_view::npos) break;
                m_pos = end + 1;
                continue;
            }
            if (c == '"') {
                ++m_pos;
                while (m_pos < m_s.size() && m_s[m_pos] != '"') m_pos += m_s[m_pos] == '\\' ? 2 : 1;
                ++m_pos;
                continue;
            }
            if (c == '\n') ++m_line;
            if (c == '(') ++depth;
            if (c == ')') --depth;
            ++m_pos;
        }
        if (depth > 0) m_unterminated = true;
        m_pos = std::min(m_pos, m_s.size());
        return std::string(m_s.substr(start, m_pos - start));
    }

    std::string readBacktick() {
        size_t end = m_pos + 1;
        while (end < m_s.size() && m_s[end] != '`') end += m_s[end] == '\\' ? 2 : 1;
        if (end >= m_s.size()) { m_unterminated = true; end = m_s.size(); }
        std::string raw(m_s.substr(m_pos, std::min(end + 1, m_s.size()) - m_pos));
        m_pos = std::min(end + 1, m_s.size());
        return raw;
    }

    std::string readBrace() {   // "${...}"
        size_t end = m_s.find('}', m_pos + 2);
        if (end == std::string_view::npos) { m_unterminated = true; end = m_s.size() - 1; }
        std::string raw(m_s.substr(m_pos, end + 1 - m_pos));
        m_pos = end + 1;
        return raw;
    }

    RawWord readWord() {
        RawWord w;
        Segment plain;
        auto flush = [&]() {
            if (!plain.text.empty()) w.push_back(plain);
            plain = Segment{};
        };
        while (m_pos < m_s.size()) {
            char c = m_s[m_pos];
            if (c == ' ' || c == '\t' || c == '\r' || isOpChar(c)) break;
            if (c == '\\' && m_pos + 1 < m_s.size()) {
                if (m_s[m_pos + 1] == '\n') { m_pos += 2; ++m_line; continue; }
                flush();
                w.push_back({std::string(1, m_s[m_pos + 1]), '\''});
                m_pos += 2;
                continue;
            }
            if (c == '\'') {
                flush();
                size_t end = m_s.find('\'', m_pos + 1);
                if (end == std::string_view::npos) { m_unterminated = true; m_quoteChar = '\''; return w; }
                w.push_back({std::string(m_s.substr(m_pos + 1, end - m_pos - 1)), '\''});
                m_pos = end + 1;
                continue;
            }
            if (c == '"') {
                flush();
                Segment q{"", '"'};
                ++m_pos;
                while (m_pos < m_s.size() && m_s[m_pos] != '"') {
                    char d = m_s[m_pos];
                    if (d == '\\' && m_pos + 1 < m_s.size() &&
                        std::string_view("\"\\$`\n").find(m_s[m_pos + 1]) != std::string_view::npos) {
                        char n = m_s[m_pos + 1];
                        if (n != '\n') q.text += n == '$' ? '\x01' : n == '`' ? '\x02' : n;
                        m_pos += 2;
                        continue;
                    }
                    if (d == '$' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '(') { q.text += readDollarParen(); continue; }
                    if (d == '$' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '{') { q.text += readBrace(); continue; }
                    if (d == '`') { q.text += readBacktick(); continue; }
                    if (d == '\n') ++m_line;
                    q.text += d;
                    ++m_pos;
                }
                if (m_pos >= m_s.size()) { m_unterminated = true; m_quoteChar = '"'; return w; }
                ++m_pos;
                w.push_back(q);
                continue;
            }
            if (c == '$' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '(') { plain.text += readDollarParen(); continue; }
            if (c == '$' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '{') { plain.text += readBrace(); continue; }
            if (c == '`') { plain.text += readBacktick(); continue; }
            plain.text += c;
            ++m_pos;
        }
        flush();
        if (w.empty()) w.push_back({"", '\''});
        return w;
    }

    bool readHeredoc(Redirect& r) {
        std::string delim;
        for (const auto& seg : r.target) delim += seg.text;
        while (m_pos < m_s.size()) {
            size_t nl = m_s.find('\n', m_pos);
            std::string_view line = m_s.substr(m_pos, nl == std::string_view::npos ? std::string_view::npos : nl - m_pos);
            m_pos = nl == std::string_view::npos ? m_s.size() : nl + 1;
            ++m_line;
            std::string_view trimmed = line;
            while (!trimmed.empty() && trimmed.front() == '\t') trimmed.remove_prefix(1);
            if (trimmed == delim) return true;
            r.heredoc += std::string(line) + "\n";
        }
        return false;
    }

public:
    char m_quoteChar = 0;

private:
    std::string_view m_s;
    size_t m_pos = 0;
    int m_line = 1;
    bool m_unterminated = false;
    bool m_openHeredoc = false;
    bool m_missingTarget = false;
    std::string m_missingNear;
};

// Recursive descent over the tokens. Throws Failure (caught in parse()).
class Parser {
public:
    explicit Parser(std::vector<Token> t) : m_t(std::move(t)) {}

    Node script() {
        Node n = list({});
        if (!atEnd()) fail(peek());
        return n;
    }

private:
    const Token& peek() const {
        static const Token end;
        return m_pos < m_t.size() ? m_t[m_pos] : end;
    }
    bool atEnd() const { return m_pos >= m_t.size(); }
    bool isOp(std::string_view op) const { return peek().kind == Token::Kind::Op && peek().op == op; }
    [[noreturn]] void fail(const Token& t) const {
        if (t.kind == Token::Kind::End) throw Failure{ParseResult::Status::Incomplete, ""};
        std::string near = t.kind == Token::Kind::Op ? (t.op == "\n" ? "newline" : t.op) : "";
        if (t.kind == Token::Kind::Word)
            for (const auto& s : t.word) near += s.text;
        throw Failure{ParseResult::Status::Error, near};
    }
    void skipNewlines() {
        while (isOp("\n")) ++m_pos;
    }
    void expectWord(std::string_view kw) {
        skipNewlines();
        if (!peek().plain(kw)) fail(peek());
        ++m_pos;
    }
    bool isStop(const std::vector<std::string_view>& stops) const {
        if (isOp(")") || isOp(";;")) return true;
        return std::any_of(stops.begin(), stops.end(), [&](std::string_view s) { return peek().plain(s); });
    }

    Node list(const std::vector<std::string_view>& stops) {
        Node n;
        n.kind = Node::Kind::List;
        n.line = peek().line;
        while (true) {
            skipNewlines();
            if (atEnd() || isStop(stops)) break;
            n.kids.push_back(andOr());
            if (isOp(";") || isOp("&") || isOp("\n")) { ++m_pos; continue; }
            break;
        }
        return n;
    }

    Node andOr() {
        Node first = pipeline();
        if (!isOp("&&") && !isOp("||")) return first;
        Node n;
        n.kind = Node::Kind::AndOr;
        n.line = first.line;
        n.kids.push_back(std::move(first));
        while (isOp("&&") || isOp("||")) {
            n.ops.push_back(peek().op);
            ++m_pos;
            skipNewlines();
            n.kids.push_back(pipeline());
        }
        return n;
    }

    Node pipeline() {
        bool negate = false;
        if (peek().plain("!")) { negate = true; ++m_pos; }
        Node first = command();
        if (!isOp("|") && !negate) return first;
        Node n;
        n.kind = Node::Kind::Pipeline;
        n.line = first.line;
        n.negate = negate;
        n.kids.push_back(std::move(first));
        while (isOp("|")) {
            ++m_pos;
            skipNewlines();
            n.kids.push_back(command());
        }
        return n;
    }

    Node command() {
        const Token& t = peek();
        if (t.kind == Token::Kind::End) fail(t);
        // Nesting deeper than any script needs: refuse rather than exhaust the stack.
        if (++m_nesting > kMaxNesting) fail(t);
        struct Leave {
            int& n;
            ~Leave() { --n; }
        } leave{m_nesting};
        if (t.plain("if")) return ifClause();
        if (t.plain("for")) return forClause();
        if (t.plain("while") || t.plain("until")) return whileClause();
        if (t.plain("{") || isOp("(")) {
            bool sub = isOp("(");
            Node n;
            n.kind = sub ? Node::Kind::Subshell : Node::Kind::Group;
            n.line = t.line;
            ++m_pos;
            n.kids.push_back(list({"}"}));
            if (n.kids[0].kids.empty()) fail(peek());
            if (sub) {
                if (!isOp(")")) fail(peek());
                ++m_pos;
            } else {
                expectWord("}");
            }
            redirections(n);
            return n;
        }
        for (const char* kw : {"then", "else", "elif", "fi", "do", "done", "}", "case", "esac", "in"})
            if (t.plain(kw)) fail(t);
        return simple();
    }

    void redirections(Node& n) {
        while (peek().kind == Token::Kind::Redir) n.redirects.push_back(m_t[m_pos++].redir);
    }

    Node simple() {
        Node n;
        n.kind = Node::Kind::Simple;
        n.line = peek().line;
        while (peek().kind == Token::Kind::Word || peek().kind == Token::Kind::Redir) {
            if (peek().kind == Token::Kind::Redir) n.redirects.push_back(m_t[m_pos].redir);
            else n.words.push_back(m_t[m_pos].word);
            ++m_pos;
        }
        if (n.words.empty() && n.redirects.empty()) fail(peek());
        if (isOp("(")) fail(m_t[m_pos + 1 < m_t.size() ? m_pos + 1 : m_pos]);   // f() {...}: not modelled
        return n;
    }

    Node ifClause() {
        Node n;
        n.kind = Node::Kind::If;
        n.line = peek().line;
        ++m_pos;   // if
        while (true) {
            n.kids.push_back(nonEmpty(list({"then"})));
            expectWord("then");
            n.kids.push_back(nonEmpty(list({"elif", "else", "fi"})));
            if (peek().plain("elif")) { ++m_pos; continue; }
            break;
        }
        if (peek().plain("else")) {
            ++m_pos;
            n.kids.push_back(nonEmpty(list({"fi"})));
        }
        expectWord("fi");
        redirections(n);
        return n;
    }

    Node forClause() {
        Node n;
        n.kind = Node::Kind::For;
        n.line = peek().line;
        ++m_pos;   // for
        if (peek().kind != Token::Kind::Word) fail(peek());
        for (const auto& s : peek().word) n.name += s.text;
        ++m_pos;
        skipNewlines();
        if (peek().plain("in")) {
            ++m_pos;
            while (peek().kind == Token::Kind::Word) n.items.push_back(m_t[m_pos++].word);
            if (!isOp(";") && !isOp("\n")) fail(peek());
            ++m_pos;
        } else if (isOp(";")) {
            ++m_pos;
        }
        expectWord("do");
        n.kids.push_back(nonEmpty(list({"done"})));
        expectWord("done");
        redirections(n);
        return n;
    }

    Node whileClause() {
        Node n;
        n.kind = Node::Kind::While;
        n.line = peek().line;
        n.until = peek().plain("until");
        ++m_pos;
        n.kids.push_back(nonEmpty(list({"do"})));
        expectWord("do");
        n.kids.push_back(nonEmpty(list({"done"})));
        expectWord("done");
        redirections(n);
        return n;
    }

    Node nonEmpty(Node l) {
        if (l.kids.empty()) fail(peek());
        return l;
    }

    static constexpr int kMaxNesting = 200;
    std::vector<Token> m_t;
    size_t m_pos = 0;
    int m_nesting = 0;
};

std::string syntaxError(Flavour f, const std::string& near, int line) {
    switch (f) {
        case Flavour::Bash: return "bash: syntax error near unexpected token `" + near + "'";
        case Flavour::Dash: return "/bin/sh: " + std::to_string(line) + ": Syntax error: \"" + near + "\" unexpected";
        case Flavour::Ash: return "/bin/sh: syntax error: unexpected \"" + near + "\"";
    }
    return "";
}

}  // namespace

ParseResult parse(std::string_view script, Flavour flavour) {
    ParseResult r;
    Lexer lexer(script);
    std::vector<Token> tokens = lexer.run();
    if (lexer.unterminated()) {
        r.status = ParseResult::Status::Error;
        if (flavour == Flavour::Bash) {
            std::string q = lexer.m_quoteChar ? std::string(1, lexer.m_quoteChar) : ")";
            r.error = "bash: unexpected EOF while looking for matching `" + q + "'";
        } else if (flavour == Flavour::Dash) {
            r.error = "/bin/sh: " + std::to_string(lexer.line()) + ": Syntax error: Unterminated quoted string";
        } else {
            r.error = "/bin/sh: syntax error: unterminated quoted string";
        }
        return r;
    }
    if (lexer.missingTarget()) {
        r.status = ParseResult::Status::Error;
        r.error = syntaxError(flavour, lexer.missingNear(), lexer.line());
        return r;
    }
    int line = tokens.empty() ? 1 : tokens.back().line;
    try {
        Parser p(std::move(tokens));
        r.list = p.script();
    } catch (const Failure& f) {
        r.status = f.status;
        if (f.status == ParseResult::Status::Error) r.error = syntaxError(flavour, f.near, line);
        else if (flavour != Flavour::Bash) r.error = flavour == Flavour::Dash
                                                       ? "/bin/sh: " + std::to_string(line) + ": Syntax error: end of file unexpected"
                                                       : "/bin/sh: syntax error: unexpected end of file";
        else r.error = "bash: syntax error: unexpected end of file";
        return r;
    }
    if (lexer.openHeredoc()) {
        r.status = ParseResult::Status::Incomplete;
        // sh warns and runs what it has; LayerLab's host waits for the delimiter.
        if (flavour != Flavour::Bash) r.status = ParseResult::Status::Ok;
    }
    return r;
}

std::vector<std::string> firstCommandWords(std::string_view line) {
    Lexer lexer(line);
    std::vector<std::string> out;
    for (const auto& t : lexer.run()) {
        if (t.kind == Token::Kind::Op) break;
        if (t.kind != Token::Kind::Word) continue;
        std::string w;
        for (const auto& s : t.word) w += s.text;
        out.push_back(w);
    }
    return out;
}

std::string shellQuote(std::string_view word) {
    bool plain = !word.empty();
    for (char c : word)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/' || c == ':' ||
              c == '=' || c == ',' || c == '@' || c == '+'))
            plain = false;
    if (plain) return std::string(word);
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace layerlab::shell
