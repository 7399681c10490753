// expand: sh word expansion in POSIX order: tilde, parameters ($VAR,
// ${VAR:-x}, ${#VAR}, $?), command substitution ($(...), backticks),
// arithmetic ($((...))), field splitting of unquoted results, then pathname
// expansion (globs) over the shell's Files.
#include <algorithm>
#include <cctype>

#include "sim/shell/shell.hpp"

namespace layerlab::shell {
namespace {

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// $((...)): integers with + - * / % ( ) comparisons and variables. On an
// error, kind and at say what went wrong where (for the shells' messages).
class Arith {
public:
    enum class Error { None, Operand, Leftover, DivZero };
    Arith(Shell& sh, std::string_view s) : m_sh(sh), m_s(s) {}
    long long value() {
        long long v = compare();
        if (m_error == Error::None && skipSpace() < m_s.size()) fail(Error::Leftover, skipSpace());
        return v;
    }
    bool failed() const { return m_error != Error::None; }
    // The shell's words for the error, without the prefix.
    std::string message(const std::string& expr, Flavour f) const {
        std::string rest(m_s.substr(std::min(m_at, m_s.size())));
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        if (f == Flavour::Bash) {
            switch (m_error) {
                case Error::DivZero:
                    return expr + ": division by 0 (error token is \"" + rest + "\")";
                case Error::Leftover:
                    return expr + ": syntax error in expression (error token is \"" + rest + "\")";
                default:
                    return expr + ": syntax error: operand expected (error token is \"" + rest + "\")";
            }
        }
        switch (m_error) {
            case Error::DivZero:
                return "arithmetic expression: division by zero: \"" + expr + "\"";
            case Error::Leftover:
                return "arithmetic expression: expecting EOF: \"" + expr + "\"";
            default:
                return "arithmetic expression: expecting primary: \"" + expr + "\"";
        }
    }

private:
    void fail(Error e, size_t at) {
        if (m_error != Error::None) return;
        m_error = e;
        m_at = at;
    }
    size_t skipSpace() const {
        size_t p = m_p;
        while (p < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[p]))) ++p;
        return p;
    }
    bool take(std::string_view op) {
        size_t p = skipSpace();
        if (m_s.substr(p, op.size()) != op) return false;
        m_lastOp = p;
        m_p = p + op.size();
        return true;
    }
    long long compare() {
        long long a = sum();
        for (;;) {
            if (take("==")) a = a == sum();
            else if (take("!=")) a = a != sum();
            else if (take("<=")) a = a <= sum();
            else if (take(">=")) a = a >= sum();
            else if (take("<")) a = a < sum();
            else if (take(">")) a = a > sum();
            else return a;
        }
    }
    long long sum() {
        long long a = product();
        for (;;) {
            if (take("+")) a += product();
            else if (take("-")) a -= product();
            else return a;
        }
    }
    long long product() {
        long long a = unary();
        for (;;) {
            if (take("*")) a *= unary();
            else if (take("/") || take("%")) {
                bool div = m_s[m_p - 1] == '/';
                size_t at = skipSpace();
                long long b = unary();
                if (b == 0) {
                    fail(Error::DivZero, at);
                    return 0;
                }
                a = div ? a / b : a % b;
            } else return a;
        }
    }
    long long unary() {
        if (take("-")) return -unary();
        if (take("+")) return unary();
        if (take("(")) {
            if (++m_parens > 200) {
                fail(Error::Operand, m_p);
                return 0;
            }   // absurd nesting: an error, not a stack overflow
            long long v = compare();
            if (!take(")")) fail(Error::Operand, skipSpace());
            return v;
        }
        m_p = skipSpace();
        size_t start = m_p;
        if (m_p < m_s.size() && m_s[m_p] == '$') ++start, ++m_p;
        while (m_p < m_s.size() && isNameChar(m_s[m_p])) ++m_p;
        std::string tok(m_s.substr(start, m_p - start));
        if (tok.empty()) {
            fail(Error::Operand, m_lastOp);
            return 0;
        }
        if (std::isdigit(static_cast<unsigned char>(tok[0]))) {
            if (!std::all_of(tok.begin(), tok.end(),
                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
                fail(Error::Leftover, start);
                return 0;
            }
            return std::stoll(tok.substr(0, 18));
        }
        auto it = m_sh.vars.find(tok);
        if (it == m_sh.vars.end() || it->second.empty() || m_depth > 8) return 0;
        Arith inner(m_sh, it->second);
        inner.m_depth = m_depth + 1;
        long long v = inner.value();
        if (inner.failed()) fail(Error::Operand, start);
        return v;
    }

    Shell& m_sh;
    std::string_view m_s;
    size_t m_p = 0;
    size_t m_lastOp = 0;
    Error m_error = Error::None;
    size_t m_at = 0;
    int m_depth = 0;
    int m_parens = 0;
};

std::string lookup(const Shell& sh, const std::string& name) {
    if (name == "?") return std::to_string(sh.lastStatus);
    if (name == "$") return "1";   // the shell is PID 1 in a RUN container; on the host any number would do
    if (name == "#") return std::to_string(sh.positional.size());
    if (name == "0") return sh.isBash() ? "bash" : "/bin/sh";
    if (name == "@" || name == "*") {
        std::string all;
        for (const auto& p : sh.positional) all += (all.empty() ? "" : " ") + p;
        return all;
    }
    if (!name.empty() && name.size() < 6 &&
        std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        size_t n = 0;
        for (char c : name) n = n * 10 + static_cast<size_t>(c - '0');
        return n >= 1 && n <= sh.positional.size() ? sh.positional[n - 1] : "";
    }
    if (name == "PWD") return sh.cwd;
    auto it = sh.vars.find(name);
    return it == sh.vars.end() ? "" : it->second;
}

// Backticks: inside, \\ \` \$ lose their backslash.
std::string unBacktick(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '\\' || s[i + 1] == '`' || s[i + 1] == '$')) ++i;
        out += s[i];
    }
    return out;
}

// Trailing newlines are removed from a command substitution's output.
std::string chomp(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

// The ')' that closes the "$(" whose '(' is at OPEN (the lexer kept "$(...)"
// whole); s.size() when there is none.
size_t closingParen(const std::string& s, size_t open) {
    int depth = 0;
    size_t j = open;
    char q = 0;
    for (; j < s.size(); ++j) {
        char d = s[j];
        if (q) {
            if (d == q) q = 0;
            else if (d == '\\' && q == '"') ++j;
            continue;
        }
        if (d == '\'' || d == '"') {
            q = d;
            continue;
        }
        if (d == '\\') {
            ++j;
            continue;
        }
        if (d == '(') ++depth;
        if (d == ')' && --depth == 0) break;
    }
    return std::min(j, s.size());
}

// "$(INNER)": its output, or "$((INNER))": the arithmetic's value.
std::string commandSubstitution(Shell& sh, const std::string& inner) {
    if (inner.size() >= 2 && inner.front() == '(' && inner.back() == ')') {
        Arith a(sh, std::string_view(inner).substr(1, inner.size() - 2));
        long long v = a.value();
        if (a.failed()) {
            // bash abandons the command line ($? = 1); sh abandons the script (status 2).
            sh.write(Io{}, "",
                     sh.errorPrefix() + a.message(inner.substr(1, inner.size() - 2), sh.config.flavour) + "\n");
            sh.lastStatus = sh.isBash() ? 1 : 2;
            sh.stopped = true;
            return "";
        }
        return std::to_string(v);
    }
    return chomp(sh.captureOutput(inner));
}

// "${INNER}": ${#name}, ${name}, ${name-word} ${name:-word} ${name=word} ${name+word} and their colon forms.
std::string bracedParameter(Shell& sh, const std::string& inner) {
    if (!inner.empty() && inner[0] == '#' && inner.size() > 1)
        return std::to_string(lookup(sh, inner.substr(1)).size());
    size_t op = inner.find_first_of(":-=+?");
    if (op == std::string::npos || op == 0) return lookup(sh, inner);
    std::string name = inner.substr(0, op);
    bool colon = inner[op] == ':';
    char kind = colon && op + 1 < inner.size() ? inner[op + 1] : inner[op];
    std::string word = sh.expandText(inner.substr(std::min(inner.size(), op + (colon ? 2 : 1))));
    bool set = sh.vars.count(name) > 0;
    std::string val = lookup(sh, name);
    bool useDefault = colon ? val.empty() : !set;
    if (kind == '-') return useDefault ? word : val;
    if (kind == '=') {
        if (useDefault) sh.vars[name] = word;
        return useDefault ? word : val;
    }
    if (kind == '+') return useDefault ? "" : word;
    return val;
}

}   // namespace

std::string Shell::expandText(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\x01') {
            out += '$';
            continue;
        }
        if (c == '\x02') {
            out += '`';
            continue;
        }
        if (c == '`') {
            size_t end = i + 1;
            while (end < s.size() && s[end] != '`') end += s[end] == '\\' ? 2 : 1;
            out += chomp(captureOutput(unBacktick(s.substr(i + 1, std::min(end, s.size()) - i - 1))));
            i = std::min(end, s.size());
            continue;
        }
        if (c != '$' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        char n = s[i + 1];
        if (n == '(') {
            const size_t j = closingParen(s, i + 1);
            std::string inner = s.substr(i + 2, j - i - 2);
            i = j;
            out += commandSubstitution(*this, inner);
            continue;
        }
        if (n == '{') {
            size_t close = s.find('}', i + 2);
            if (close == std::string::npos) {
                out += c;
                continue;
            }
            std::string inner = s.substr(i + 2, close - i - 2);
            i = close;
            out += bracedParameter(*this, inner);
            continue;
        }
        if (n == '?' || n == '$' || n == '#' || std::isdigit(static_cast<unsigned char>(n)) || n == '@' || n == '*') {
            out += lookup(*this, std::string(1, n));
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < s.size() && isNameChar(s[j])) ++j;
        if (j == i + 1) {
            out += c;
            continue;
        }
        out += lookup(*this, s.substr(i + 1, j - i - 1));
        i = j - 1;
    }
    return out;
}

std::string Shell::expandHeredoc(const std::string& body) {
    // In a heredoc only $ and ` are special; a backslash escapes $ ` \ .
    std::string marked;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\\' && i + 1 < body.size() &&
            (body[i + 1] == '$' || body[i + 1] == '`' || body[i + 1] == '\\')) {
            marked += body[i + 1] == '$' ? '\x01' : body[i + 1] == '`' ? '\x02' : '\\';
            ++i;
            continue;
        }
        marked += body[i];
    }
    return expandText(marked);
}

namespace {

// Pathname expansion over the shell's Files, one component at a time.
std::vector<std::string> globPaths(const Shell& sh, const std::string& pattern) {
    bool absolute = !pattern.empty() && pattern[0] == '/';
    std::vector<std::string> parts;
    size_t start = absolute ? 1 : 0;
    while (start <= pattern.size()) {
        size_t slash = pattern.find('/', start);
        parts.push_back(pattern.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    auto unescape = [](const std::string& p) {
        std::string o;
        for (size_t i = 0; i < p.size(); ++i) {
            if (p[i] == '\\' && i + 1 < p.size()) ++i;
            o += p[i];
        }
        return o;
    };
    std::vector<std::string> cur = {absolute ? "/" : ""};
    for (const auto& part : parts) {
        std::vector<std::string> next;
        for (const auto& disp : cur) {
            auto join = [&](const std::string& b) {
                return disp.empty() || disp.back() == '/' ? disp + b : disp + "/" + b;
            };
            if (part.find_first_of("*?[") == std::string::npos) {
                std::string p = join(unescape(part));
                Resolved r = sh.resolve(p);
                if (part.empty() || r.outside || sh.fs.find(r.tree)) next.push_back(p);
                continue;
            }
            Resolved dir = sh.resolve(disp.empty() ? "." : disp);
            if (dir.outside || !sh.fs.view().isDirectory(dir.tree)) continue;
            for (const auto& name : sh.fs.view().list(dir.tree)) {
                if (name[0] == '.' && part[0] != '.') continue;
                if (globMatch(part, name)) next.push_back(join(name));
            }
        }
        cur = std::move(next);
    }
    std::sort(cur.begin(), cur.end());
    return cur;
}

bool hasGlob(const std::string& pattern) {
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            ++i;
            continue;
        }
        if (pattern[i] == '*' || pattern[i] == '?' || pattern[i] == '[') return true;
    }
    return false;
}

std::string escapeGlob(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '*' || c == '?' || c == '[' || c == '\\') o += '\\';
        o += c;
    }
    return o;
}

}   // namespace

std::vector<std::string> Shell::expandWord(const RawWord& w, bool split) {
    if (split && w.size() == 1 && w[0].quote == '"' && w[0].text == "$@" && positional.empty()) return {};
    struct Field {
        std::string value, pattern;
        bool quoted = false;
    };
    std::vector<Field> fields(1);
    bool any = false;
    for (size_t k = 0; k < w.size(); ++k) {
        const Segment& seg = w[k];
        if (seg.quote == '\'') {
            fields.back().value += seg.text;
            fields.back().pattern += escapeGlob(seg.text);
            fields.back().quoted = any = true;
            continue;
        }
        if (seg.quote == '"' && seg.text == "$@" && split) {
            // "$@": each parameter its own field, none at all when there are none.
            for (size_t p = 0; p < positional.size(); ++p) {
                if (p > 0) fields.emplace_back();
                fields.back().value += positional[p];
                fields.back().pattern += escapeGlob(positional[p]);
                fields.back().quoted = any = true;
            }
            continue;
        }
        std::string text = seg.text;
        if (seg.quote == 0 && k == 0 && !text.empty() && text[0] == '~' && (text.size() == 1 || text[1] == '/')) {
            auto home = vars.find("HOME");
            text = (home == vars.end() ? std::string("/root") : home->second) + text.substr(1);
        }
        std::string v = expandText(text);
        if (seg.quote == '"' || !split) {
            fields.back().value += v;
            fields.back().pattern += seg.quote == '"' ? escapeGlob(v) : v;
            fields.back().quoted = any = true;
            continue;
        }
        for (char c : v) {
            if (c == ' ' || c == '\t' || c == '\n') {
                if (!fields.back().value.empty() || fields.back().quoted) fields.emplace_back();
            } else {
                fields.back().value += c;
                fields.back().pattern += c;
                any = true;
            }
        }
    }
    if (fields.size() > 1 && fields.back().value.empty() && !fields.back().quoted) fields.pop_back();
    std::vector<std::string> out;
    if (!any && fields.size() == 1 && fields[0].value.empty()) {
        bool quoted = std::any_of(w.begin(), w.end(), [](const Segment& s) { return s.quote != 0; });
        if (quoted) out.push_back("");
        return out;
    }
    for (const auto& f : fields) {
        if (split && hasGlob(f.pattern)) {
            auto m = globPaths(*this, f.pattern);
            if (!m.empty()) {
                out.insert(out.end(), m.begin(), m.end());
                continue;
            }
        }
        out.push_back(f.value);
    }
    return out;
}

std::string Shell::expandPattern(const RawWord& w) {
    std::string pattern;
    for (const Segment& seg : w) {
        if (seg.quote == '\'') pattern += escapeGlob(seg.text);
        else {
            std::string v = expandText(seg.text);
            pattern += seg.quote == '"' ? escapeGlob(v) : v;
        }
    }
    return pattern;
}

bool globMatch(std::string_view pat, std::string_view name) {
    size_t p = 0, n = 0, starP = std::string_view::npos, starN = 0;
    while (n < name.size()) {
        bool matched = false;
        size_t nextP = p;
        if (p < pat.size() && pat[p] == '*') {
            starP = p++;
            starN = n;
            continue;
        }
        if (p < pat.size() && pat[p] == '\\' && p + 1 < pat.size()) {
            matched = pat[p + 1] == name[n];
            nextP = p + 2;
        } else if (p < pat.size() && pat[p] == '?') {
            matched = true;
            nextP = p + 1;
        } else if (p < pat.size() && pat[p] == '[') {
            size_t close = pat.find(']', p + 2);
            if (close != std::string_view::npos) {
                bool negate = pat[p + 1] == '!' || pat[p + 1] == '^';
                bool in = false;
                for (size_t i = p + 1 + (negate ? 1 : 0); i < close; ++i) {
                    if (i + 2 < close && pat[i + 1] == '-') {
                        if (name[n] >= pat[i] && name[n] <= pat[i + 2]) in = true;
                        i += 2;
                    } else if (pat[i] == name[n]) {
                        in = true;
                    }
                }
                matched = in != negate;
                nextP = close + 1;
            } else {
                matched = name[n] == '[';
                nextP = p + 1;
            }
        } else if (p < pat.size()) {
            matched = pat[p] == name[n];
            nextP = p + 1;
        }
        if (matched) {
            p = nextP;
            ++n;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            n = ++starN;
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

}   // namespace layerlab::shell
