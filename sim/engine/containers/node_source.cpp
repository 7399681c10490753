// node_source: see node_source.hpp.
#include "sim/engine/containers/node_source.hpp"

#include <cctype>

namespace layerlab::engine::containers::node_source {
namespace {

bool isSpaceChar(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isQuote(char c) { return c == '\'' || c == '"'; }
bool isJsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'; }

// A quoted module name at i ('express', "@scope/x"; not relative, not
// empty): its text, and i moves past the closing quote.
std::optional<std::string> quotedModule(std::string_view s, size_t& i) {
    if (i >= s.size() || !isQuote(s[i])) return std::nullopt;
    size_t j = i + 1;
    if (j >= s.size() || isQuote(s[j]) || s[j] == '.' || s[j] == '/') return std::nullopt;
    while (j < s.size() && !isQuote(s[j])) ++j;
    if (j >= s.size()) return std::nullopt;
    std::string mod(s.substr(i + 1, j - i - 1));
    i = j + 1;
    return mod;
}

}   // namespace

size_t skipSpaces(std::string_view s, size_t i) {
    while (i < s.size() && isSpaceChar(s[i])) ++i;
    return i;
}

// The text of every quoted run 'x' or "x" (not empty, no quote inside), in
// order: path.join(__dirname, 'public', 'index.html') -> public, index.html.
std::vector<std::string> quotedRuns(std::string_view s) {
    std::vector<std::string> runs;
    for (size_t i = 0; i < s.size();) {
        if (!isQuote(s[i])) {
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < s.size() && !isQuote(s[j])) ++j;
        if (j < s.size() && j > i + 1) {
            runs.emplace_back(s.substr(i + 1, j - i - 1));
            i = j + 1;
        } else ++i;   // '' or an unclosed quote: try again from the next character
    }
    return runs;
}

// Every require('m') and `from 'm'` of a bare module name, in source order.
std::vector<std::string> requiredModules(std::string_view src) {
    std::vector<std::string> mods;
    for (size_t at = 0; at < src.size(); ++at) {
        size_t i = at;
        if (src.substr(at, 8) == "require(") {
            i = skipSpaces(src, at + 8);
            auto mod = quotedModule(src, i);
            if (!mod) continue;
            i = skipSpaces(src, i);
            if (i >= src.size() || src[i] != ')') continue;
            mods.push_back(*mod);
            at = i;
        } else if (src.substr(at, 4) == "from" && at + 4 < src.size() && isSpaceChar(src[at + 4])) {
            i = skipSpaces(src, at + 4);
            auto mod = quotedModule(src, i);
            if (!mod) continue;
            mods.push_back(*mod);
            at = i - 1;
        }
    }
    return mods;
}

// Names bound to an express app or router: NAME = express() /
// express.Router() / Router(), in source order.
std::vector<std::string> expressAppNames(std::string_view src) {
    std::vector<std::string> names;
    for (size_t eq = src.find('='); eq != std::string_view::npos; eq = src.find('=', eq + 1)) {
        size_t i = skipSpaces(src, eq + 1);
        bool factory = false;
        for (std::string_view f :
             {std::string_view("express.Router"), std::string_view("express"), std::string_view("Router")}) {
            if (src.substr(i, f.size()) != f) continue;
            size_t k = skipSpaces(src, i + f.size());
            if (k >= src.size() || src[k] != '(') continue;
            k = skipSpaces(src, k + 1);
            factory = k < src.size() && src[k] == ')';
            if (factory) break;
        }
        if (!factory) continue;
        size_t end = eq;
        while (end > 0 && isSpaceChar(src[end - 1])) --end;
        size_t start = end;
        while (start > 0 && isJsIdentChar(src[start - 1])) --start;
        while (start < end && std::isdigit(static_cast<unsigned char>(src[start]))) ++start;   // not a name start
        if (start < end) names.emplace_back(src.substr(start, end - start));
    }
    return names;
}

// express.static(ARGS) in one app.use argument: the static folder from its
// quoted parts, or "".
std::string staticFolder(std::string_view arg) {
    size_t at = arg.find("express.static(");
    if (at == std::string_view::npos) return "";
    size_t from = at + 15;
    size_t eol = arg.find('\n', from);
    std::string_view line = arg.substr(from, eol == std::string_view::npos ? std::string_view::npos : eol - from);
    size_t close = line.rfind(')');
    if (close == std::string_view::npos) return "";
    std::string dir;
    for (const std::string& part : quotedRuns(line.substr(0, close))) dir += (dir.empty() ? "" : "/") + part;
    return dir;
}

// process.on('SIGxxx', ...): the signal names with a handler, in order.
std::vector<std::string> handledSignals(std::string_view src) {
    std::vector<std::string> sigs;
    for (size_t at = src.find("process.on("); at != std::string_view::npos; at = src.find("process.on(", at + 1)) {
        size_t i = skipSpaces(src, at + 11);
        if (i >= src.size() || !isQuote(src[i]) || src.substr(i + 1, 3) != "SIG") continue;
        size_t j = i + 4;
        while (j < src.size() && std::isupper(static_cast<unsigned char>(src[j]))) ++j;
        if (j == i + 4 || j >= src.size() || !isQuote(src[j])) continue;
        sigs.emplace_back(src.substr(i + 1, j - i - 1));
    }
    return sigs;
}

}   // namespace layerlab::engine::containers::node_source
