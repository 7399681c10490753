// One logical line to one AST node: keyword split, builder flags, and the
// per-instruction argument rules of BuildKit's parser/line_parsers.go
// (FORMAT.md sections 3.4 and 5).
#include "sim/dockerfile/internal.hpp"
#include "sim/limits.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

// tokenWhitespace / reWhitespace: [\t\v\f\r ]+
bool isSplitSpace(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

// How many runs of non-blanks REST has (REST starts with one): the number of
// words to reserve room for, so a vector of them is allocated once.
std::size_t countFields(std::string_view rest) {
    std::size_t fields = rest.empty() ? 0 : 1;
    for (std::size_t i = 1; i < rest.size(); ++i)
        fields += (isSplitSpace(rest[i]) && !isSplitSpace(rest[i - 1])) ? 1 : 0;
    return fields;
}

// unicode.IsSpace(rune(byte)): the byte-wise test of extractBuilderFlags.
bool isByteSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0; }

// word.WriteRune(rune(byte)): bytes >= 0x80 are re-encoded as Latin-1.
void writeByteRune(std::string& out, unsigned char c) {
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else unicode::append(out, c);
}

struct Extracted {
    std::string_view rest;
    std::vector<std::string> flags;
};

Extracted extractBuilderFlags(std::string_view line) {
    enum { InSpaces, InWord, InQuote } phase = InSpaces;
    Extracted out;
    std::string word;
    unsigned char quote = 0;
    bool blankOK = false;
    unsigned char ch = 0;
    for (std::size_t pos = 0; pos <= line.size(); ++pos) {
        if (pos != line.size()) ch = static_cast<unsigned char>(line[pos]);
        if (phase == InSpaces) {
            if (pos == line.size()) break;
            if (isByteSpace(ch)) continue;
            if (ch != '-' || pos + 1 == line.size() || line[pos + 1] != '-') {
                out.rest = line.substr(pos);
                return out;
            }
            phase = InWord;
        }
        if ((phase == InWord || phase == InQuote) && pos == line.size()) {
            if (word != "--" && (blankOK || !word.empty())) out.flags.push_back(word);
            break;
        }
        if (phase == InWord) {
            if (isByteSpace(ch)) {
                phase = InSpaces;
                if (word == "--") {
                    out.rest = line.substr(pos);
                    return out;
                }
                if (blankOK || !word.empty()) out.flags.push_back(word);
                word.clear();
                blankOK = false;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blankOK = true;
                phase = InQuote;
                continue;
            }
            if (ch == '\\') {
                if (pos + 1 == line.size()) continue;
                ch = static_cast<unsigned char>(line[++pos]);
            }
            writeByteRune(word, ch);
            continue;
        }
        // InQuote
        if (ch == quote) {
            phase = InWord;
            continue;
        }
        if (ch == '\\') {
            if (pos + 1 == line.size()) {
                phase = InWord;
                continue;
            }
            ch = static_cast<unsigned char>(line[++pos]);
        }
        writeByteRune(word, ch);
    }
    return out;
}

}   // namespace

SplitLine splitCommand(std::string_view line) {
    SplitLine out;
    const std::string_view trimmed = unicode::trimSpace(line);
    std::size_t end = 0;
    while (end < trimmed.size() && !isSplitSpace(trimmed[end])) ++end;
    out.keyword = trimmed.substr(0, end);
    std::size_t argsStart = end;
    while (argsStart < trimmed.size() && isSplitSpace(trimmed[argsStart])) ++argsStart;
    if (end < trimmed.size()) {
        Extracted e = extractBuilderFlags(trimmed.substr(argsStart));
        out.flags = std::move(e.flags);
        out.rest = unicode::trimSpace(e.rest);
    }
    return out;
}

namespace {
// word += string(ch): the rune's own bytes when valid, U+FFFD for an invalid byte.
inline void appendRune(std::string& word, std::string_view src, std::size_t pos, char32_t ch, std::size_t width) {
    if (ch < 0x80) word.push_back(static_cast<char>(ch));
    else if (ch == 0xFFFD && width == 1) unicode::append(word, ch);
    else word.append(src.substr(pos, width));
}

// parser.parseWords: words with quotes and escapes kept.
// Kept apart from extractBuilderFlags as BuildKit keeps them: this one walks runes with the
// Dockerfile's escape token and keeps no "--", that one bytes with '\\'.
// EMIT(word) gets each word in turn (the same string, refilled); it returns
// false to stop. The words go straight into nodes, without a vector of them.
template <typename Emit>
void forEachWord(std::string_view rest, char escapeToken, Emit&& emit) {
    enum { InSpaces, InWord, InQuote } phase = InSpaces;
    std::string word;
    char32_t quote = 0;
    bool blankOK = false;
    const auto escape = static_cast<char32_t>(static_cast<unsigned char>(escapeToken));
    char32_t ch = 0;
    std::size_t width = 0;
    const auto plainAscii = [escape](char32_t c) {
        return c < 0x80 && !unicode::isSpace(c) && c != '\'' && c != '"' && c != escape;
    };
    for (std::size_t pos = 0; pos <= rest.size(); pos += width) {
        if (pos != rest.size()) {
            const auto b = static_cast<unsigned char>(rest[pos]);
            if (b < 0x80) {
                ch = b;
                width = 1;
            } else {
                const unicode::Rune r = unicode::decode(rest, pos);
                ch = r.cp;
                width = static_cast<std::size_t>(r.width);
            }
        }
        if (phase == InSpaces) {
            if (pos == rest.size()) break;
            if (unicode::isSpace(ch)) continue;
            phase = InWord;
        }
        if ((phase == InWord || phase == InQuote) && pos == rest.size()) {
            if (blankOK || !word.empty()) emit(word);
            break;
        }
        if (phase == InWord) {
            // Most of a word is plain ASCII (no space, quote or escape): take
            // the whole run at once; its bytes are appended unchanged anyway.
            if (plainAscii(ch)) {
                std::size_t end = pos + 1;
                while (end < rest.size() && plainAscii(static_cast<unsigned char>(rest[end]))) ++end;
                word.append(rest.substr(pos, end - pos));
                width = end - pos;
                continue;
            }
            if (unicode::isSpace(ch)) {
                phase = InSpaces;
                if ((blankOK || !word.empty()) && !emit(word)) return;
                word.clear();
                blankOK = false;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blankOK = true;
                phase = InQuote;
            }
            if (ch == escape) {
                if (pos + width == rest.size()) continue;
                appendRune(word, rest, pos, ch, width);
                pos += width;
                const unicode::Rune r = unicode::decode(rest, pos);
                ch = r.cp;
                width = static_cast<std::size_t>(r.width);
            }
            appendRune(word, rest, pos, ch, width);
            continue;
        }
        // InQuote: a run of ASCII that neither closes the quote nor escapes is kept as it is.
        const auto quoted = [&](char32_t c) { return c < 0x80 && c != quote && c != escape; };
        if (quoted(ch)) {
            std::size_t end = pos + 1;
            while (end < rest.size() && quoted(static_cast<unsigned char>(rest[end]))) ++end;
            word.append(rest.substr(pos, end - pos));
            width = end - pos;
            continue;
        }
        if (ch == quote) phase = InWord;
        if (ch == escape && quote != '\'') {
            if (pos + width == rest.size()) {
                phase = InWord;
                continue;
            }
            appendRune(word, rest, pos, ch, width);
            pos += width;
            const unicode::Rune r = unicode::decode(rest, pos);
            ch = r.cp;
            width = static_cast<std::size_t>(r.width);
        }
        appendRune(word, rest, pos, ch, width);
    }
}

// One argument node, built in place: no temporary Node to move.
void addArg(Node& node, std::string_view value) { node.next.emplace_back().value.assign(value); }

void whitespaceDelimited(std::string_view rest, Node& node) {
    if (rest.empty()) return;
    node.next.reserve(node.next.size() + countFields(rest));
    std::size_t start = 0;
    for (std::size_t i = 0; i <= rest.size(); ++i) {
        if (i == rest.size() || isSplitSpace(rest[i])) {
            addArg(node, rest.substr(start, i - start));
            while (i < rest.size() && isSplitSpace(rest[i])) ++i;
            start = i;
            if (i == rest.size()) break;
        }
    }
}

// parseJSON; NotStrings is the only JSON failure that is an error.
bool maybeJson(std::string_view rest, Node& node, Diagnostic& error, bool& isJson) {
    // The items are moved into the node; the vector itself is kept from line
    // to line (it grew one to three times for every JSON-form instruction).
    thread_local std::vector<std::string> items;
    isJson = false;
    switch (parseJsonArray(rest, items)) {
        case JsonArray::Strings:
            node.next.reserve(node.next.size() + items.size());
            for (auto& s : items) node.next.emplace_back().value = std::move(s);
            node.json = true;
            isJson = true;
            return true;
        case JsonArray::NotStrings:
            error = Diagnostic::jsonNotStringArray({});
            return false;
        case JsonArray::NotJson:
            return true;
    }
    return true;
}

bool parseMaybeJson(std::string_view rest, Node& node, Diagnostic& error) {
    if (rest.empty()) return true;
    bool isJson = false;
    if (!maybeJson(rest, node, error, isJson)) return false;
    if (!isJson) addArg(node, rest);
    return true;
}

bool parseMaybeJsonToList(std::string_view rest, Node& node, Diagnostic& error) {
    bool isJson = false;
    if (!maybeJson(rest, node, error, isJson)) return false;
    if (!isJson) whitespaceDelimited(rest, node);
    return true;
}

bool parseNameVal(std::string_view rest, const std::string& key, char escapeToken, Node& node, Diagnostic& error) {
    // The first word decides the form: with '=' every word is a name=value
    // pair; without, the legacy "KEY name value" form reads REST itself.
    enum class Form { None, Pairs, Legacy } form = Form::None;
    bool ok = true;
    forEachWord(rest, escapeToken, [&](const std::string& word) {
        const std::size_t eq = word.find('=');
        if (form == Form::None) {
            form = eq == std::string::npos ? Form::Legacy : Form::Pairs;
            if (form == Form::Legacy) return false;
            node.next.reserve(node.next.size() + countFields(rest) * 3);   // about: a pair per field
        }
        if (eq == std::string::npos) {
            error = Diagnostic::missingEquals(word, {});
            ok = false;
            return false;
        }
        addArg(node, std::string_view(word).substr(0, eq));
        addArg(node, std::string_view(word).substr(eq + 1));
        addArg(node, "=");
        return true;
    });
    if (form != Form::Legacy) return ok;
    // Legacy "KEY name value": cut once at the first run of [\t\v\f\r ].
    std::size_t cut = 0;
    while (cut < rest.size() && !isSplitSpace(rest[cut])) ++cut;
    if (cut == rest.size()) {
        error = Diagnostic::mustHaveTwoArguments(key, {});
        return false;
    }
    std::size_t valueStart = cut;
    while (valueStart < rest.size() && isSplitSpace(rest[valueStart])) ++valueStart;
    node.next.reserve(node.next.size() + 3);
    addArg(node, rest.substr(0, cut));
    addArg(node, rest.substr(valueStart));
    addArg(node, "");
    return true;
}

bool parseHealthConfig(std::string_view rest, Node& node, Diagnostic& error) {
    std::size_t sep = 0;
    while (sep < rest.size() && !isByteSpace(static_cast<unsigned char>(rest[sep]))) ++sep;
    std::size_t next = sep;
    while (next < rest.size() && isByteSpace(static_cast<unsigned char>(rest[next]))) ++next;
    if (sep == 0) return true;
    addArg(node, rest.substr(0, sep));
    return parseMaybeJson(rest.substr(next), node, error);
}

}   // namespace

bool nodeFromLine(std::string_view line, char escapeToken, Node& node, Diagnostic& error, int depth) {
    SplitLine split = splitCommand(line);
    node.value.assign(split.keyword);
    node.flags = std::move(split.flags);
    node.original.assign(line);   // assign: a reused node keeps its capacity
    const std::string_view rest = split.rest;
    switch (keywordOf(node.value)) {
        case Keyword::Add:
        case Keyword::Copy:
        case Keyword::Volume:
            return parseMaybeJsonToList(rest, node, error);
        case Keyword::Run:
        case Keyword::Cmd:
        case Keyword::Entrypoint:
        case Keyword::Shell:
            return parseMaybeJson(rest, node, error);
        case Keyword::From:
        case Keyword::Expose:
            whitespaceDelimited(rest, node);
            return true;
        case Keyword::Maintainer:
        case Keyword::User:
        case Keyword::Workdir:
        case Keyword::Stopsignal:
            if (!rest.empty()) addArg(node, rest);
            return true;
        case Keyword::Env:
            return parseNameVal(rest, "ENV", escapeToken, node, error);
        case Keyword::Label:
            return parseNameVal(rest, "LABEL", escapeToken, node, error);
        case Keyword::Arg:
            node.next.reserve(node.next.size() + countFields(rest));
            forEachWord(rest, escapeToken, [&node](const std::string& word) {
                addArg(node, word);
                return true;
            });
            return true;
        case Keyword::Healthcheck:
            return parseHealthConfig(rest, node, error);
        case Keyword::Onbuild: {
            if (rest.empty()) return true;
            if (depth + 1 >= limits::kOnbuildNesting) {   // deeper: one unparsed word (sim/limits.hpp)
                addArg(node, rest);
                return true;
            }
            Node child;
            if (!nodeFromLine(rest, escapeToken, child, error, depth + 1)) return false;
            Node holder;
            holder.children.push_back(std::move(child));
            node.next.push_back(std::move(holder));
            return true;
        }
        case Keyword::Unknown:
            break;
    }
    addArg(node, "");   // parseIgnore: unknown instructions keep one empty argument
    return true;
}

std::vector<std::string> nodeArgs(const Node& node) {
    const std::vector<std::string_view> views = nodeArgViews(node);
    return std::vector<std::string>(views.begin(), views.end());
}

std::vector<std::string_view> nodeArgViews(const Node& node) {
    std::vector<std::string_view> out;
    out.reserve(node.next.size());
    appendArgViews(node, out);
    return out;
}

void appendArgViews(const Node& node, std::vector<std::string_view>& out) {
    for (const Node& n : node.next) {
        if (n.children.empty()) {
            out.emplace_back(n.value);
        } else if (n.children.size() == 1) {
            out.emplace_back(n.children[0].value);
            appendArgViews(n.children[0], out);
        }
    }
}

}   // namespace layerlab::dockerfile::detail
