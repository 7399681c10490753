// Heredocs (RUN <<EOF, COPY <<A <<B /dst): which words open one, their names,
// and whether the body is expanded. Mirrors parser.ParseHeredoc and
// heredocsFromLine, which run the shell lexer in its raw modes.
#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/shell_lex.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {
std::size_t countQuotes(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (c == '\'' || c == '"') ? 1 : 0;
    return n;
}
}   // namespace

// ^(\d*)<<(-?)\s*([^<]*)$ then the name must lex to exactly one word.
std::optional<Heredoc> parseHeredocWord(std::string_view word) {
    std::size_t i = 0;
    while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i;
    const std::string_view digits = word.substr(0, i);
    if (word.substr(i, 2) != "<<") return std::nullopt;
    i += 2;
    bool chomp = false;
    if (i < word.size() && word[i] == '-') {
        chomp = true;
        ++i;
    }
    while (i < word.size() &&
           (word[i] == ' ' || word[i] == '\t' || word[i] == '\n' || word[i] == '\f' || word[i] == '\r'))
        ++i;
    const std::string_view rest = word.substr(i);
    if (rest.find('<') != std::string_view::npos || rest.empty()) return std::nullopt;

    static const shell::Env empty;
    shell::LexOptions options;
    options.skipUnsetEnv = true;
    const shell::LexResult plain = shell::lex(rest, empty, options);
    if (!plain.ok || plain.words.size() != 1) return std::nullopt;
    options.rawQuotes = true;
    const shell::LexResult raw = shell::lex(rest, empty, options);
    if (!raw.ok || raw.words.size() != 1) return std::nullopt;

    Heredoc h;
    h.name = plain.words[0];
    h.expand = countQuotes(plain.words[0]) == countQuotes(raw.words[0]);
    h.chomp = chomp;
    int fd = 0;
    for (char c : digits) fd = fd > 100000 ? fd : fd * 10 + (c - '0');
    h.fileDescriptor = fd;
    return h;
}

std::vector<Heredoc> heredocsFromLine(std::string_view line) {
    static const shell::Env empty;
    shell::LexOptions options;
    options.rawQuotes = true;
    options.rawEscapes = true;
    options.skipUnsetEnv = true;
    const shell::LexResult words = shell::lex(line, empty, options);
    std::vector<Heredoc> docs;
    for (const std::string& w : words.words) {
        if (auto h = parseHeredocWord(w)) docs.push_back(std::move(*h));
    }
    return docs;
}

bool canContainHeredoc(const Node& node) {
    const Node* n = &node;
    if (keywordOf(n->value) == Keyword::Onbuild && !n->next.empty() && !n->next[0].children.empty()) {
        n = &n->next[0].children[0];
    }
    const Keyword k = keywordOf(n->value);
    if (k != Keyword::Add && k != Keyword::Copy && k != Keyword::Run) return false;
    return !n->json;
}

std::string chompHeredocContent(std::string_view content) {
    std::string out;
    bool lineStart = true;
    for (char c : content) {
        if (lineStart && c == '\t') continue;
        lineStart = c == '\n';
        out.push_back(c);
    }
    return out;
}

}   // namespace layerlab::dockerfile::detail
