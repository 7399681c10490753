// source_scan: see the header. Deliberately small and forgiving: bad or
// unusual source never crashes it, it only makes results "unknown".
#include "sim/engine/containers/source_scan.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "sim/engine/containers/shortest_double.hpp"

namespace layerlab::engine::containers::scan {
namespace {

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// Skips a string literal starting at i (quote char at src[i]); returns the
// index just past it (or src.size()).
size_t skipString(std::string_view src, size_t i) {
    const char q = src[i];
    if ((q == '"' || q == '\'') && src.substr(i, 3) == std::string(3, q)) {   // Python triple quotes
        size_t end = src.find(std::string(3, q), i + 3);
        return end == std::string_view::npos ? src.size() : end + 3;
    }
    for (size_t j = i + 1; j < src.size(); ++j) {
        if (src[j] == '\\') {
            ++j;
            continue;
        }
        if (src[j] == q) return j + 1;
        if (src[j] == '\n' && q != '`') return j;   // unterminated: stop at the line end
    }
    return src.size();
}

// A JavaScript or Python string literal's escapes; the shell's echo -e table
// (shell/builtins.cpp escapes) differs: \c stops output, \0nnn is octal.
std::string unescape(std::string_view body) {
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 >= body.size()) {
            out += body[i];
            continue;
        }
        char e = body[++i];
        switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case '0':
                out += '\0';
                break;
            default:
                out += e;
                break;
        }
    }
    return out;
}

// One step of a scan that tracks bracket depth: a string literal is skipped
// whole (false: I is past it); else a bracket changes DEPTH (true: I is on it).
bool bracketStep(std::string_view s, size_t& i, int& depth) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == '`') {
        i = skipString(s, i);
        return false;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    return true;
}

// Splits at top level on a separator token (outside strings and brackets).
std::vector<std::string> splitTop(std::string_view s, std::string_view sep) {
    std::vector<std::string> parts;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        if (!bracketStep(s, i, depth)) continue;
        if (depth == 0 && s.substr(i, sep.size()) == sep) {
            parts.emplace_back(s.substr(start, i - start));
            i += sep.size();
            start = i;
            continue;
        }
        ++i;
    }
    parts.emplace_back(s.substr(start));
    return parts;
}

// The few fixed shapes evaluate() recognises, read with a cursor (no
// std::regex on learner input).
struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool literal(std::string_view t) {
        if (s.substr(i, t.size()) != t) return false;
        i += t.size();
        return true;
    }
    void spaces() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    // [A-Za-z_][A-Za-z0-9_]*
    std::optional<std::string> identifier() {
        size_t b = i;
        if (i >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_')) return std::nullopt;
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
        return std::string(s.substr(b, i - b));
    }
    // \s*['"]NAME['"]\s*
    std::optional<std::string> quotedIdentifier() {
        spaces();
        if (i >= s.size() || (s[i] != '\'' && s[i] != '"')) return std::nullopt;
        ++i;
        auto name = identifier();
        if (!name || i >= s.size() || (s[i] != '\'' && s[i] != '"')) return std::nullopt;
        ++i;
        spaces();
        return name;
    }
    bool atEnd() const { return i == s.size(); }
};

// `base.NAME` or `base['NAME']`: process.env.PORT, os.environ["PORT"].
std::optional<std::string> envLookup(std::string_view expr, std::string_view base) {
    Cursor c{expr};
    if (!c.literal(base)) return std::nullopt;
    std::optional<std::string> name;
    if (base == "process.env" && c.literal(".")) name = c.identifier();
    else if (c.literal("[")) {
        name = c.quotedIdentifier();
        if (!c.literal("]")) return std::nullopt;
    }
    return name && c.atEnd() ? name : std::nullopt;
}

// os.environ.get('NAME'[, default]) or os.getenv(...); `fallback` gets the default's text.
std::optional<std::string> envCall(std::string_view expr, std::string& fallback) {
    Cursor c{expr};
    if (!c.literal("os.environ.get(") && !c.literal("os.getenv(")) return std::nullopt;
    auto name = c.quotedIdentifier();
    if (!name || expr.empty() || expr.back() != ')') return std::nullopt;
    if (c.i == expr.size() - 1) return name;
    if (!c.literal(",")) return std::nullopt;
    c.spaces();
    if (c.i >= expr.size() - 1) return std::nullopt;
    fallback = std::string(expr.substr(c.i, expr.size() - 1 - c.i));
    return name;
}

// Number(x), parseInt(x), String(x), int(x), str(x), float(x): the text inside.
std::optional<std::string> conversionArgument(std::string_view expr) {
    if (expr.empty() || expr.back() != ')') return std::nullopt;
    for (std::string_view fn : {"Number(", "parseInt(", "parseFloat(", "String(", "int(", "str(", "float("})
        if (expr.substr(0, fn.size()) == fn) return std::string(expr.substr(fn.size(), expr.size() - 1 - fn.size()));
    return std::nullopt;
}

// a + b + ... of numbers as JavaScript and Python print them: whole numbers
// stay whole ("3"); a fraction or a sum too large for 64 bits goes through
// double ("3.5", "1e+21"). Learner input, so nothing here may throw.
std::string numericSum(const std::vector<std::string>& vals) {
    int64_t whole = 0;
    bool exact = true;
    for (const auto& v : vals) {
        int64_t n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size() || __builtin_add_overflow(whole, n, &whole)) {
            exact = false;
            break;
        }
    }
    if (exact) return std::to_string(whole);
    double sum = 0;
    for (const auto& v : vals) sum += std::strtod(v.c_str(), nullptr);
#ifdef __cpp_lib_to_chars
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, sum);
    return ec == std::errc() ? std::string(buf, end) : "NaN";
#else
    return shortestDouble(sum);   // the browser build: no floating-point to_chars
#endif
}

bool isNumber(std::string_view s) {
    if (s.empty()) return false;
    size_t i = (s[0] == '-') ? 1 : 0;
    bool digit = false;
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i]))) digit = true;
        else if (s[i] != '.') return false;
    }
    return digit;
}

std::optional<std::string> envValue(const std::vector<std::string>& env, std::string_view key) {
    std::optional<std::string> v;
    for (const std::string& kv : env)
        if (kv.size() > key.size() && kv.compare(0, key.size(), key) == 0 && kv[key.size()] == '=')
            v = kv.substr(key.size() + 1);
    return v;
}

std::optional<std::string> evalTemplate(std::string_view body, const Scope& scope, char open) {
    // JS `${x}` or Python f-string `{x}`.
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        bool js = open == '$' && body[i] == '$' && i + 1 < body.size() && body[i + 1] == '{';
        bool py = open == '{' && body[i] == '{';
        if (py && i + 1 < body.size() && body[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (js || py) {
            size_t b = js ? i + 1 : i;
            size_t end = matchBracket(body, b);
            if (end == std::string_view::npos) return std::nullopt;
            auto v = evaluate(body.substr(b + 1, end - b - 2), scope);
            if (!v) return std::nullopt;
            out += *v;
            i = end - 1;
            continue;
        }
        if (open == '{' && body[i] == '}' && i + 1 < body.size() && body[i + 1] == '}') ++i;
        if (body[i] == '\\' && i + 1 < body.size()) {
            out += unescape(body.substr(i, 2));
            ++i;
            continue;
        }
        out += body[i];
    }
    return out;
}

}   // namespace

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string stripComments(std::string_view src, Lang lang) {
    std::string out(src);
    for (size_t i = 0; i < out.size();) {
        char c = out[i];
        if (c == '"' || c == '\'' || (c == '`' && lang == Lang::JavaScript)) {
            i = skipString(out, i);
            continue;
        }
        size_t endComment = std::string::npos;
        if (lang == Lang::Python && c == '#') endComment = out.find('\n', i);
        if (lang == Lang::JavaScript && c == '/' && i + 1 < out.size() && out[i + 1] == '/')
            endComment = out.find('\n', i);
        if (lang == Lang::JavaScript && c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
            size_t close = out.find("*/", i + 2);
            endComment = close == std::string::npos ? out.size() : close + 2;
        }
        if ((lang == Lang::Python && c == '#') ||
            (lang == Lang::JavaScript && c == '/' && i + 1 < out.size() && (out[i + 1] == '/' || out[i + 1] == '*'))) {
            if (endComment == std::string::npos) endComment = out.size();
            for (size_t j = i; j < endComment; ++j)
                if (out[j] != '\n') out[j] = ' ';
            i = endComment;
            continue;
        }
        ++i;
    }
    return out;
}

size_t matchBracket(std::string_view src, size_t open) {
    if (open >= src.size()) return std::string_view::npos;
    int depth = 0;
    for (size_t i = open; i < src.size();) {
        char c = src[i];
        if (c == '"' || c == '\'' || c == '`') {
            i = skipString(src, i);
            continue;
        }
        if (c == '(' || c == '[' || c == '{') ++depth;
        if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0) return i + 1;
        }
        ++i;
    }
    return std::string_view::npos;
}

std::vector<std::string> splitArgs(std::string_view inner) {
    std::vector<std::string> out;
    if (trim(inner).empty()) return out;
    for (auto& p : splitTop(inner, ",")) {
        std::string t = trim(p);
        if (!t.empty()) out.push_back(t);
    }
    return out;
}

std::vector<Call> findCalls(std::string_view src, std::string_view dotted) {
    std::vector<Call> calls;
    size_t pos = 0;
    while ((pos = src.find(dotted, pos)) != std::string_view::npos) {
        size_t after = pos + dotted.size();
        bool wordStart = pos == 0 || (!identChar(src[pos - 1]) && src[pos - 1] != '.');
        size_t open = after;
        while (open < src.size() && (src[open] == ' ' || src[open] == '\t')) ++open;
        if (wordStart && open < src.size() && src[open] == '(' && (after >= src.size() || !identChar(src[after]))) {
            size_t end = matchBracket(src, open);
            if (end != std::string_view::npos) {
                calls.push_back({pos, open, end, std::string(src.substr(open + 1, end - open - 2))});
                pos = open + 1;
                continue;
            }
        }
        pos = after;
    }
    return calls;
}

std::optional<std::string> evaluate(std::string_view exprIn, const Scope& scope) {
    std::string expr = trim(exprIn);
    if (expr.empty()) return std::nullopt;
    if (expr.back() == ';') expr = trim(expr.substr(0, expr.size() - 1));
    if (expr.front() == '(' && matchBracket(expr, 0) == expr.size())
        return evaluate(expr.substr(1, expr.size() - 2), scope);
    const bool js = scope.lang == Lang::JavaScript;
    // a || b / a ?? b / a or b
    for (std::string_view op : js ? std::vector<std::string_view>{"||", "??"} : std::vector<std::string_view>{" or "}) {
        auto parts = splitTop(expr, op);
        if (parts.size() > 1) {
            for (const auto& p : parts) {
                auto v = evaluate(p, scope);
                if (v && !v->empty() && *v != "0" && *v != "false" && *v != "False") return v;
            }
            return evaluate(parts.back(), scope);
        }
    }
    auto plus = splitTop(expr, "+");
    if (plus.size() > 1) {
        std::vector<std::string> vals;
        bool numeric = true;
        for (const auto& p : plus) {
            auto v = evaluate(p, scope);
            if (!v) return std::nullopt;
            numeric = numeric && isNumber(*v);
            vals.push_back(*v);
        }
        if (numeric) return numericSum(vals);
        std::string out;
        for (const auto& v : vals) out += v;
        return out;
    }
    char q = expr.front();
    if ((q == '\'' || q == '"' || q == '`') && skipString(expr, 0) == expr.size() && expr.size() >= 2) {
        if (q == '"' || q == '\'') {
            if (expr.size() >= 6 && expr.substr(0, 3) == std::string(3, q)) return expr.substr(3, expr.size() - 6);
            return unescape(std::string_view(expr).substr(1, expr.size() - 2));
        }
        return evalTemplate(std::string_view(expr).substr(1, expr.size() - 2), scope, '$');
    }
    if (!js && (q == 'f' || q == 'F') && expr.size() >= 3 && (expr[1] == '\'' || expr[1] == '"') &&
        skipString(expr, 1) == expr.size())
        return evalTemplate(std::string_view(expr).substr(2, expr.size() - 3), scope, '{');
    if (isNumber(expr)) return expr;
    if (expr == "true" || expr == "True") return std::string("true");
    if (expr == "false" || expr == "False") return std::string("false");
    if (js) {
        if (auto name = envLookup(expr, {"process.env"})) return envValue(scope.env, *name);
    } else {
        if (auto name = envLookup(expr, {"os.environ"})) return envValue(scope.env, *name);
        std::string fallback;
        if (auto name = envCall(expr, fallback)) {
            auto v = envValue(scope.env, *name);
            if (v) return v;
            if (!fallback.empty()) return evaluate(fallback, scope);
            return std::nullopt;
        }
    }
    if (auto inner = conversionArgument(expr)) {
        auto args = splitArgs(*inner);
        if (args.empty()) return std::nullopt;
        return evaluate(args[0], scope);
    }
    auto it = scope.values.find(expr);
    if (it != scope.values.end()) return it->second;
    return std::nullopt;
}

namespace {

bool isWordChar(char c, bool dollar) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (dollar && c == '$');
}

// A binding `const|let|var NAME = ` (JS) or `NAME = ` (Python) whose keyword
// or name starts exactly at `at`; the name, and `end` just past "= ".
std::optional<std::string> bindingAt(const std::string& s, size_t at, bool js, size_t& end) {
    Cursor c{s, at};
    if (js) {
        if (!c.literal("const") && !c.literal("let") && !c.literal("var")) return std::nullopt;
        size_t before = c.i;
        c.spaces();
        if (c.i == before) return std::nullopt;
    }
    size_t b = c.i;
    if (c.i >= s.size() || std::isdigit(static_cast<unsigned char>(s[c.i])) || !isWordChar(s[c.i], js))
        return std::nullopt;
    while (c.i < s.size() && isWordChar(s[c.i], js)) ++c.i;
    std::string name = s.substr(b, c.i - b);
    c.spaces();
    if (!c.literal("=")) return std::nullopt;
    c.spaces();
    end = c.i;
    return name;
}

}   // namespace

void collectBindings(std::string_view src, Scope& scope) {
    // Each binding starts the text, or follows ';' or a space (JS), or a
    // newline (Python); the search goes on after the "=" of the last one.
    const bool js = scope.lang == Lang::JavaScript;
    std::string s(src);
    size_t pos = 0;
    while (pos < s.size()) {
        size_t start = 0;
        std::optional<std::string> name;
        if (pos == 0) name = bindingAt(s, 0, js, start);
        bool separator = js ? (s[pos] == ';' || std::isspace(static_cast<unsigned char>(s[pos]))) : s[pos] == '\n';
        if (!name && separator) name = bindingAt(s, pos + 1, js, start);
        if (!name) {
            ++pos;
            continue;
        }
        pos = start;
        if (start < s.size() && s[start] == '=') continue;   // "==" comparison
        // The expression runs to ';' or the end of the line at bracket depth 0.
        size_t i = start;
        int depth = 0;
        while (i < s.size()) {
            if (!bracketStep(s, i, depth)) continue;
            const char c = s[i];
            if (depth <= 0 && (c == ';' || c == '\n')) break;
            ++i;
        }
        auto v = evaluate(std::string_view(s).substr(start, i - start), scope);
        if (v) scope.values[*name] = *v;
    }
}

namespace {
// JSON.stringify's escapes, as node prints a value; not format::goJsonString
// (Go's encoder also escapes \r and, HTML-safe, < > &).
std::string jsonQuote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}
}   // namespace

std::optional<std::string> jsLiteralToJson(std::string_view exprIn, const Scope& scope) {
    std::string expr = trim(exprIn);
    if (expr.empty()) return std::nullopt;
    if (expr.front() == '{' || expr.front() == '[') {
        if (matchBracket(expr, 0) != expr.size()) return std::nullopt;
        const bool object = expr.front() == '{';
        std::string out(1, expr.front());
        bool first = true;
        for (const std::string& item : splitArgs(std::string_view(expr).substr(1, expr.size() - 2))) {
            if (!first) out += ',';
            first = false;
            if (!object) {
                auto v = jsLiteralToJson(item, scope);
                if (!v) return std::nullopt;
                out += *v;
                continue;
            }
            auto kv = splitTop(item, ":");
            std::string key = trim(kv[0]);
            if (kv.size() == 1) {   // shorthand { name }
                auto v = evaluate(key, scope);
                if (!v) return std::nullopt;
                out += jsonQuote(key) + ":" + (isNumber(*v) ? *v : jsonQuote(*v));
                continue;
            }
            if (!key.empty() && (key.front() == '"' || key.front() == '\'')) key = key.substr(1, key.size() - 2);
            std::string rest;
            for (size_t i = 1; i < kv.size(); ++i) rest += (i > 1 ? ":" : "") + kv[i];
            auto v = jsLiteralToJson(rest, scope);
            if (!v) return std::nullopt;
            out += jsonQuote(key) + ":" + *v;
        }
        return out + (object ? "}" : "]");
    }
    if (expr == "null" || expr == "true" || expr == "false" || isNumber(expr)) return expr;
    auto v = evaluate(expr, scope);
    if (!v) return std::nullopt;
    return jsonQuote(*v);
}

std::optional<std::string> pythonPrint(std::string_view args, const Scope& scope, bool* flush) {
    std::string sep = " ", end;
    std::vector<std::string> values;
    for (const std::string& a : splitArgs(args)) {
        // sep=/end=/flush=/file= keyword arguments.
        Cursor c{a};
        std::string keyword;
        for (const char* k : {"sep", "end", "flush", "file"})
            if (keyword.empty() && c.literal(k)) keyword = k;
        c.spaces();
        bool assigns = !keyword.empty() && c.literal("=");
        c.spaces();
        if (assigns && a.find('\n', c.i) == std::string::npos) {
            std::string value = a.substr(c.i);
            if (keyword == "flush" && flush) *flush = trim(value) == "True";
            if (keyword == "sep") {
                auto v = evaluate(value, scope);
                if (!v) return std::nullopt;
                sep = *v;
            }
            continue;
        }
        auto v = evaluate(a, scope);
        if (!v) return std::nullopt;
        values.push_back(*v == "true" ? "True" : *v == "false" ? "False" : *v);
    }
    std::string out;
    for (size_t i = 0; i < values.size(); ++i) out += (i ? sep : "") + values[i];
    return out;
}

}   // namespace layerlab::engine::containers::scan
