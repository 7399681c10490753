// lexer: see lexer.hpp.
#include "sim/shell/lexer.hpp"

#include <algorithm>
#include <cctype>

namespace layerlab::shell::detail {

bool isOpChar(char c) {
    return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '\n' || c == '(' || c == ')';
}

std::vector<Token> Lexer::run() {
    std::vector<Token> out;
    std::vector<size_t> pendingHeredocs;
    while (m_pos < m_s.size()) {
        char c = m_s[m_pos];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++m_pos;
            continue;
        }
        if (c == '\\' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '\n') {
            m_pos += 2;
            ++m_line;
            continue;
        }
        if (c == '#') {
            while (m_pos < m_s.size() && m_s[m_pos] != '\n') ++m_pos;
            continue;
        }
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
            if (!readRedirect(fd, r)) return out;
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

std::string Lexer::readRedirectOp() {
    // Longest first: "<<-" before "<<", ">>" and ">&" before ">".
    static const std::pair<const char*, const char*> kOps[] = {{"<<-", "<<"}, {"<<", "<<"}, {">>", ">>"},
                                                               {">&", ">&"},  {"&>", "&>"}, {">|", ">"}};
    for (const auto& [written, op] : kOps)
        if (startsWith(written)) {
            m_pos += std::string_view(written).size();
            return op;
        }
    return std::string(1, m_s[m_pos++]);
}

bool Lexer::readRedirect(int fd, Redirect& r) {
    r.op = readRedirectOp();
    r.fd = fd >= 0 ? fd : (r.op == "<" || r.op == "<<" ? 0 : 1);
    while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t')) ++m_pos;
    if (m_pos >= m_s.size() || isOpChar(m_s[m_pos])) {
        m_missingTarget = true;
        m_missingNear = m_pos >= m_s.size() || m_s[m_pos] == '\n' ? "newline" : std::string(1, m_s[m_pos]);
        if (m_pos + 1 < m_s.size() && (startsWith("&&") || startsWith("||") || startsWith(";;")))
            m_missingNear = std::string(m_s.substr(m_pos, 2));
        return false;
    }
    r.target = readWord();
    if (r.op == "<<")
        for (const auto& seg : r.target)
            if (seg.quote) r.heredocExpand = false;
    return true;
}

std::string Lexer::readDollarParen() {
    size_t start = m_pos;
    m_pos += 2;
    int depth = 1;
    while (m_pos < m_s.size() && depth > 0) {
        char c = m_s[m_pos];
        if (c == '\\' && m_pos + 1 < m_s.size()) {
            m_pos += 2;
            continue;
        }
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

std::string Lexer::readBacktick() {
    size_t end = m_pos + 1;
    while (end < m_s.size() && m_s[end] != '`') end += m_s[end] == '\\' ? 2 : 1;
    if (end >= m_s.size()) {
        m_unterminated = true;
        end = m_s.size();
    }
    std::string raw(m_s.substr(m_pos, std::min(end + 1, m_s.size()) - m_pos));
    m_pos = std::min(end + 1, m_s.size());
    return raw;
}

bool Lexer::readSubstitution(std::string& into) {
    const char c = m_s[m_pos];
    if (c == '$' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '(') into += readDollarParen();
    else if (c == '$' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '{') into += readBrace();
    else if (c == '`') into += readBacktick();
    else return false;
    return true;
}

bool Lexer::readDoubleQuoted(std::string& text) {
    ++m_pos;
    while (m_pos < m_s.size() && m_s[m_pos] != '"') {
        char d = m_s[m_pos];
        if (d == '\\' && m_pos + 1 < m_s.size() &&
            std::string_view("\"\\$`\n").find(m_s[m_pos + 1]) != std::string_view::npos) {
            char n = m_s[m_pos + 1];
            if (n != '\n') text += n == '$' ? '\x01' : n == '`' ? '\x02' : n;
            m_pos += 2;
            continue;
        }
        if (readSubstitution(text)) continue;
        if (d == '\n') ++m_line;
        text += d;
        ++m_pos;
    }
    if (m_pos >= m_s.size()) {
        m_unterminated = true;
        m_quoteChar = '"';
        return false;
    }
    ++m_pos;
    return true;
}

RawWord Lexer::readWord() {
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
            if (m_s[m_pos + 1] == '\n') {
                m_pos += 2;
                ++m_line;
                continue;
            }
            flush();
            w.push_back({std::string(1, m_s[m_pos + 1]), '\''});
            m_pos += 2;
            continue;
        }
        if (c == '\'') {
            flush();
            size_t end = m_s.find('\'', m_pos + 1);
            if (end == std::string_view::npos) {
                m_unterminated = true;
                m_quoteChar = '\'';
                return w;
            }
            w.push_back({std::string(m_s.substr(m_pos + 1, end - m_pos - 1)), '\''});
            m_pos = end + 1;
            continue;
        }
        if (c == '"') {
            flush();
            Segment q{"", '"'};
            if (!readDoubleQuoted(q.text)) return w;
            w.push_back(q);
            continue;
        }
        if (readSubstitution(plain.text)) continue;
        plain.text += c;
        ++m_pos;
    }
    flush();
    if (w.empty()) w.push_back({"", '\''});
    return w;
}

bool Lexer::readHeredoc(Redirect& r) {
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

}   // namespace layerlab::shell::detail
