// shell_syntax: bash's quoting, operators, redirections and heredocs (the
// small part a learner's terminal needs). See shell_syntax.hpp.
#include "sim/cli/shell_syntax.hpp"

#include <cctype>

namespace layerlab::cli {
namespace {

struct Token {
    enum class Kind { Word, Op };
    Kind kind = Kind::Word;
    std::string text;          // word with quotes removed, or the operator
    bool quoted = false;       // any part of the word was quoted
    bool assignment = false;   // NAME=... with an unquoted NAME
};

struct Lexed {
    std::vector<Token> tokens;
    std::string error;
    std::string unsupported;
};

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isOpChar(char c) { return c == ';' || c == '&' || c == '|' || c == '>' || c == '<'; }

// A '$' that bash would expand: $NAME, ${...}, $(...), $?, $1 ...
bool isExpansion(std::string_view s, size_t i) {
    if (i + 1 >= s.size()) return false;
    char n = s[i + 1];
    return isNameStart(n) || n == '{' || n == '(' || n == '?' || n == '$' || std::isdigit(static_cast<unsigned char>(n));
}

Lexed lex(std::string_view s) {
    Lexed out;
    size_t i = 0;
    auto unsupported = [&](std::string what) {
        if (out.unsupported.empty()) out.unsupported = std::move(what);
    };
    while (i < s.size()) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        if (c == '#') break;   // a comment runs to the end of the line
        if (isOpChar(c)) {
            std::string op(1, c);
            if (i + 1 < s.size()) {
                char n = s[i + 1];
                if ((c == '&' && n == '&') || (c == '|' && n == '|') || (c == '>' && n == '>') ||
                    (c == '<' && n == '<') || (c == '&' && n == '>') || (c == '>' && n == '|'))
                    op += n;
            }
            if (op == "<<" && i + 2 < s.size() && s[i + 2] == '-') op = "<<-";
            i += op.size();
            out.tokens.push_back({Token::Kind::Op, op, false, false});
            continue;
        }
        // A word: runs until unquoted blank or operator.
        Token tok;
        bool first = true;
        while (i < s.size()) {
            char d = s[i];
            if (d == ' ' || d == '\t' || isOpChar(d)) break;
            if (d == '\'') {
                size_t end = s.find('\'', i + 1);
                if (end == std::string_view::npos) {
                    out.error = "bash: unexpected EOF while looking for matching `''";
                    return out;
                }
                tok.text.append(s.substr(i + 1, end - i - 1));
                tok.quoted = true;
                i = end + 1;
            } else if (d == '"') {
                ++i;
                bool closed = false;
                while (i < s.size()) {
                    char e = s[i];
                    if (e == '"') {
                        closed = true;
                        ++i;
                        break;
                    }
                    if (e == '\\' && i + 1 < s.size() &&
                        (s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == '$' || s[i + 1] == '`')) {
                        tok.text += s[i + 1];
                        i += 2;
                        continue;
                    }
                    if (e == '$' && isExpansion(s, i)) unsupported("variable and command expansion ($...)");
                    if (e == '`') unsupported("command substitution (`...`)");
                    tok.text += e;
                    ++i;
                }
                if (!closed) {
                    out.error = "bash: unexpected EOF while looking for matching `\"'";
                    return out;
                }
                tok.quoted = true;
            } else if (d == '\\') {
                if (i + 1 < s.size()) tok.text += s[i + 1];
                i += 2;
            } else {
                if (d == '$' && isExpansion(s, i)) unsupported("variable and command expansion ($...)");
                if (d == '`') unsupported("command substitution (`...`)");
                if (d == '*' || d == '?' || d == '[') unsupported("file name patterns (* ? [...])");
                if (first && d == '~' && (i + 1 == s.size() || s[i + 1] == '/' || s[i + 1] == ' '))
                    tok.text += "/home/learner";
                else
                    tok.text += d;
                ++i;
            }
            first = false;
        }
        // `2>`, `2>&1`: file-descriptor redirections are not modelled
        if (!tok.quoted && !tok.text.empty() && i < s.size() && (s[i] == '>' || s[i] == '<') &&
            tok.text.find_first_not_of("0123456789") == std::string::npos) {
            unsupported("redirections of other file descriptors (" + tok.text + s[i] + ")");
            return out;
        }
        // NAME=value with an unquoted name
        size_t eq = tok.text.find('=');
        if (eq != std::string::npos && eq > 0 && isNameStart(tok.text[0])) {
            bool ok = true;
            for (size_t k = 0; k < eq; ++k) ok = ok && isNameChar(tok.text[k]);
            tok.assignment = ok;
        }
        out.tokens.push_back(std::move(tok));
    }
    return out;
}

std::string unexpected(const std::string& token) {
    return "bash: syntax error near unexpected token `" + token + "'";
}

}  // namespace

std::optional<HeredocStart> findHeredocStart(std::string_view firstLine) {
    Lexed lx = lex(firstLine);
    if (!lx.error.empty()) return std::nullopt;
    for (size_t i = 0; i + 1 < lx.tokens.size(); ++i) {
        const Token& t = lx.tokens[i];
        if (t.kind == Token::Kind::Op && (t.text == "<<" || t.text == "<<-") &&
            lx.tokens[i + 1].kind == Token::Kind::Word)
            return HeredocStart{lx.tokens[i + 1].text, t.text == "<<-"};
    }
    return std::nullopt;
}

CommandList parseCommandLine(std::string_view text) {
    CommandList result;
    size_t nl = text.find('\n');
    std::string_view first = text.substr(0, nl);
    std::string_view rest = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);

    Lexed lx = lex(first);
    if (!lx.error.empty()) {
        result.error = lx.error;
        return result;
    }
    result.unsupported = lx.unsupported;

    CommandList::Item current;
    bool seenWord = false;
    auto finish = [&](const std::string& connector) -> bool {
        if (!seenWord && current.command.assignments.empty()) {
            result.error = unexpected(connector);
            return false;
        }
        current.connector = connector;
        result.items.push_back(std::move(current));
        current = {};
        seenWord = false;
        return true;
    };

    const auto& toks = lx.tokens;
    for (size_t i = 0; i < toks.size(); ++i) {
        const Token& t = toks[i];
        if (t.kind == Token::Kind::Word) {
            if (!seenWord && t.assignment) {
                size_t eq = t.text.find('=');
                current.command.assignments.emplace_back(t.text.substr(0, eq), t.text.substr(eq + 1));
            } else {
                current.command.words.push_back(t.text);
                seenWord = true;
            }
            continue;
        }
        const std::string& op = t.text;
        if (op == ";" || op == "&&" || op == "||") {
            if (!finish(op)) return result;
            continue;
        }
        if (op == "|" || op == "|&") {
            if (result.unsupported.empty()) result.unsupported = "pipes (|)";
            continue;
        }
        if (op == "&") {
            if (result.unsupported.empty()) result.unsupported = "background jobs (&)";
            continue;
        }
        // redirections take the next word
        if (i + 1 >= toks.size() || toks[i + 1].kind != Token::Kind::Word) {
            result.error = unexpected(i + 1 < toks.size() ? toks[i + 1].text : "newline");
            return result;
        }
        const Token& target = toks[++i];
        if (op == ">" || op == ">>" || op == ">|") {
            current.command.output = Redirection{op == ">>" ? Redirection::Kind::Append : Redirection::Kind::Write,
                                                 target.text};
        } else if (op == "<<" || op == "<<-") {
            HereDocument doc;
            doc.delimiter = target.text;
            doc.quoted = target.quoted;
            doc.stripTabs = op == "<<-";
            // the body: lines of `rest` up to the terminator
            size_t pos = 0;
            bool terminated = false;
            while (pos <= rest.size() && !rest.empty()) {
                size_t end = rest.find('\n', pos);
                std::string line(rest.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
                if (doc.stripTabs) line.erase(0, line.find_first_not_of('\t') == std::string::npos
                                                     ? line.size()
                                                     : line.find_first_not_of('\t'));
                if (line == doc.delimiter) {
                    terminated = true;
                    break;
                }
                doc.body += line + "\n";
                if (end == std::string_view::npos) break;
                pos = end + 1;
            }
            (void)terminated;   // bash accepts a heredoc ended by end of input (with a warning)
            current.command.hereDoc = std::move(doc);
        } else {
            if (result.unsupported.empty()) result.unsupported = "the redirection " + op;
        }
    }
    if (seenWord || !current.command.assignments.empty()) {
        result.items.push_back(std::move(current));
    } else if (!result.items.empty()) {
        // a trailing ';' is fine; a trailing && or || waits for more in bash
        const std::string& c = result.items.back().connector;
        if (c == "&&" || c == "||") result.error = unexpected(c);
        result.items.back().connector.clear();
    }
    return result;
}

std::string shellQuote(std::string_view word) {
    bool plain = !word.empty();
    for (char c : word)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/' ||
              c == ':' || c == '=' || c == ',' || c == '@' || c == '+'))
            plain = false;
    if (plain) return std::string(word);
    std::string out = "'";
    for (char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

}  // namespace layerlab::cli
