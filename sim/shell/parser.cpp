// parser: sh text -> tokens -> a Node tree (see syntax.hpp). The lexer keeps
// quoting as segments; `$(...)`, backticks and `${...}` are kept raw inside a
// segment (with their own quotes and parentheses) for expand.cpp.
#include <algorithm>
#include <cctype>

#include "sim/shell/lexer.hpp"
#include "sim/shell/syntax.hpp"

namespace layerlab::shell {
namespace {

using detail::Lexer;
using detail::Token;

struct Failure {
    ParseResult::Status status;
    std::string near;   // the token bash names, or "" for end of file / quotes
    bool quote = false;
};

// Recursive descent over the tokens. Throws Failure (caught in parse()).
class Parser {
public:
    Parser(std::vector<Token> t, bool bash) : m_t(std::move(t)), m_bash(bash) {}

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
            if (isOp(";") || isOp("&") || isOp("\n")) {
                ++m_pos;
                continue;
            }
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
        if (peek().plain("!")) {
            negate = true;
            ++m_pos;
        }
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
        if (t.plain("case")) return caseClause();
        if (t.plain("function") && m_bash) return bashFunction();
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
        for (const char* kw : {"then", "else", "elif", "fi", "do", "done", "}", "esac", "in"})
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
        if (isOp("(")) {   // NAME() compound: a function definition
            if (n.words.size() != 1 || !n.redirects.empty() || n.words[0].size() != 1 || n.words[0][0].quote ||
                m_pos + 1 >= m_t.size() || !(m_t[m_pos + 1].kind == Token::Kind::Op && m_t[m_pos + 1].op == ")"))
                fail(m_t[m_pos + 1 < m_t.size() ? m_pos + 1 : m_pos]);
            m_pos += 2;
            return functionBody(n.words[0][0].text, n.line);
        }
        return n;
    }

    // After `NAME()`: newlines, then the body, which must be a compound command.
    Node functionBody(std::string name, int line) {
        skipNewlines();
        const Token& t = peek();
        const bool compound = t.plain("{") || isOp("(") || t.plain("if") || t.plain("for") || t.plain("while") ||
                              t.plain("until") || t.plain("case");
        // bash wants a compound command; dash and busybox ash also take a simple one (`f() echo x`).
        if (!compound && (m_bash || t.kind != Token::Kind::Word)) fail(t);
        Node n;
        n.kind = Node::Kind::Function;
        n.line = line;
        n.name = std::move(name);
        n.kids.push_back(command());
        return n;
    }

    // bash: `function NAME { ...; }` or `function NAME() { ...; }`.
    Node bashFunction() {
        const int line = peek().line;
        ++m_pos;   // function
        if (peek().kind != Token::Kind::Word) fail(peek());
        std::string name;
        for (const auto& seg : peek().word) name += seg.text;
        ++m_pos;
        if (isOp("(")) {
            ++m_pos;
            if (!isOp(")")) fail(peek());
            ++m_pos;
        }
        return functionBody(std::move(name), line);
    }

    Node caseClause() {
        Node n;
        n.kind = Node::Kind::Case;
        n.line = peek().line;
        ++m_pos;   // case
        if (peek().kind != Token::Kind::Word) fail(peek());
        n.items.push_back(m_t[m_pos++].word);
        skipNewlines();
        if (!peek().plain("in")) fail(peek());
        ++m_pos;
        skipNewlines();
        while (!peek().plain("esac")) {
            if (isOp("(")) ++m_pos;
            std::vector<RawWord> patterns;
            while (true) {
                if (peek().kind != Token::Kind::Word) fail(peek());
                patterns.push_back(m_t[m_pos++].word);
                if (!isOp("|")) break;
                ++m_pos;
            }
            if (!isOp(")")) fail(peek());
            ++m_pos;
            n.patterns.push_back(std::move(patterns));
            n.kids.push_back(list({"esac"}));
            if (isOp(";;")) {
                ++m_pos;
                skipNewlines();
                continue;
            }
            skipNewlines();
            if (!peek().plain("esac")) fail(peek());
        }
        ++m_pos;   // esac
        redirections(n);
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
            if (peek().plain("elif")) {
                ++m_pos;
                continue;
            }
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
    bool m_bash = false;   // bash's `function` keyword
    size_t m_pos = 0;
    int m_nesting = 0;
};

std::string syntaxError(Flavour f, const std::string& near, int line) {
    switch (f) {
        case Flavour::Bash:
            return "bash: syntax error near unexpected token `" + near + "'";
        case Flavour::Dash:
            return "/bin/sh: " + std::to_string(line) + ": Syntax error: \"" + near + "\" unexpected";
        case Flavour::Ash:
            return "/bin/sh: syntax error: unexpected \"" + near + "\"";
    }
    return "";
}

}   // namespace

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
        Parser p(std::move(tokens), flavour == Flavour::Bash);
        r.list = p.script();
    } catch (const Failure& f) {
        r.status = f.status;
        if (f.status == ParseResult::Status::Error) r.error = syntaxError(flavour, f.near, line);
        else if (flavour != Flavour::Bash)
            r.error = flavour == Flavour::Dash
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

}   // namespace layerlab::shell
