// .dockerignore: ReadAll, patternmatcher.New/compile/match, and the context
// filter (see dockerignore.hpp for the rules and their sources).
#include "sim/fs/dockerignore.hpp"

#include "sim/fs/go_match.hpp"
#include "sim/fs/tree_node.hpp"

namespace layerlab::fs {

namespace {

using Token = DockerIgnore::Token;
using Kind = DockerIgnore::Token::Kind;
enum MatchType { kExact = 1, kPrefix, kSuffix, kRegexp };

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trimSpace(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

// Go's filepath.Clean for '/' paths: unlike normalizePath it keeps a leading
// '/' and leading ".." elements, and turns "" into ".".
std::string goClean(std::string_view path) {
    if (path.empty()) return ".";
    const bool rooted = path[0] == '/';
    std::vector<std::string_view> parts;
    size_t dotdots = 0;   // leading ".." kept in a relative path
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        const std::string_view part = path.substr(start, slash - start);
        if (part == "..") {
            if (parts.size() > dotdots) parts.pop_back();
            else if (!rooted) {
                parts.push_back(part);
                ++dotdots;
            }
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out = rooted ? "/" : "";
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += '/';
        out += parts[i];
    }
    return out.empty() ? "." : out;
}

std::u32string runesOf(std::string_view s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        size_t len = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
        if (i + len > s.size()) len = 1;
        // A lead byte without its continuation bytes is one rune of its own, as
        // Go's decoder takes it (width 1): "\xE0/a" must keep its '/', which
        // matches() counts in the bytes and the runes alike.
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) len = 1;
        char32_t r = len == 1 ? b0 : b0 & (0x7F >> len);
        for (size_t k = 1; k < len; ++k) r = (r << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(r);
        i += len;
    }
    return out;
}

bool shouldEscape(char32_t c) {
    return c == '.' || c == '+' || c == '(' || c == ')' || c == '|' || c == '{' || c == '}' || c == '$';
}

Token token(Kind kind, char32_t rune = 0) {
    Token t;
    t.kind = kind;
    t.rune = rune;
    return t;
}

// patternmatcher's compile(): decides the match type exactly as Docker does,
// and builds the token form of the regexp it would have compiled.
void compile(DockerIgnore::Pattern& p) {
    const std::u32string s = runesOf(p.text);
    int type = kExact;
    size_t pos = 0;
    for (int i = 0; pos < s.size(); ++i) {
        const char32_t ch = s[pos++];
        if (ch == '*') {
            if (pos < s.size() && s[pos] == '*') {
                ++pos;
                if (pos < s.size() && s[pos] == '/') ++pos;   // "**/" is "**"
                if (pos == s.size()) {
                    if (type == kExact) {
                        type = kPrefix;
                    } else {
                        p.tokens.push_back(token(Kind::AnyTail));
                        type = kRegexp;
                    }
                } else {
                    p.tokens.push_back(token(Kind::DirStar));
                    type = kRegexp;
                }
                if (i == 0) type = kSuffix;
            } else {
                p.tokens.push_back(token(Kind::Star));
                type = kRegexp;
            }
        } else if (ch == '?') {
            p.tokens.push_back(token(Kind::Quest));
            type = kRegexp;
        } else if (shouldEscape(ch)) {
            p.tokens.push_back(token(Kind::Literal, ch));
        } else if (ch == '\\') {
            if (pos < s.size()) {
                p.tokens.push_back(token(Kind::Literal, s[pos++]));
                type = kRegexp;
            }
        } else if (ch == '[') {
            // Already validated by filepath.Match, so the class is well formed.
            Token cls = token(Kind::Class);
            if (pos < s.size() && s[pos] == '^') {
                cls.negated = true;
                ++pos;
            }
            while (pos < s.size() && s[pos] != ']') {
                char32_t lo = s[pos++];
                if (lo == '\\' && pos < s.size()) lo = s[pos++];
                char32_t hi = lo;
                if (pos + 1 < s.size() && s[pos] == '-' && s[pos + 1] != ']') {
                    ++pos;
                    hi = s[pos++];
                    if (hi == '\\' && pos < s.size()) hi = s[pos++];
                }
                cls.ranges.emplace_back(lo, hi);
            }
            if (pos < s.size()) ++pos;   // the closing ']'
            p.tokens.push_back(std::move(cls));
            type = kRegexp;
        } else if (ch == ']') {
            p.tokens.push_back(token(Kind::Literal, ch));
            type = kRegexp;
        } else if (ch == '^') {
            p.tokens.push_back(token(Kind::Anchor));
        } else {
            p.tokens.push_back(token(Kind::Literal, ch));
        }
    }
    p.matchType = type;
}

// Runs the token list as the anchored regexp ^...$ would: a set of live
// positions advanced token by token (linear, no backtracking blow-up).
bool regexpMatch(const std::vector<Token>& tokens, std::u32string_view s) {
    const size_t n = s.size();
    // Reused between calls: filtering a context runs this for every path.
    thread_local std::vector<char> live, next;
    live.assign(n + 1, 0);
    next.resize(n + 1);
    live[0] = 1;
    for (const Token& t : tokens) {
        std::fill(next.begin(), next.end(), 0);
        bool any = false;
        for (size_t p = 0; p <= n; ++p) {
            if (!live[p]) continue;
            switch (t.kind) {
                case Kind::Literal:
                    if (p < n && s[p] == t.rune) next[p + 1] = 1;
                    break;
                case Kind::Quest:
                    if (p < n && s[p] != '/') next[p + 1] = 1;
                    break;
                case Kind::Class:
                    if (p < n) {
                        bool in = false;
                        for (const auto& [lo, hi] : t.ranges) in = in || (lo <= s[p] && s[p] <= hi);
                        if (in != t.negated) next[p + 1] = 1;
                    }
                    break;
                case Kind::Star:
                    for (size_t q = p;; ++q) {
                        next[q] = 1;
                        if (q == n || s[q] == '/') break;
                    }
                    break;
                case Kind::AnyTail:   // '.' stops at a newline, as in Go's regexp
                    for (size_t q = p;; ++q) {
                        next[q] = 1;
                        if (q == n || s[q] == '\n') break;
                    }
                    break;
                case Kind::DirStar:
                    next[p] = 1;
                    for (size_t q = p; q < n && s[q] != '\n'; ++q)
                        if (s[q] == '/') next[q + 1] = 1;
                    break;
                case Kind::Anchor:
                    if (p == 0) next[0] = 1;
                    break;
            }
        }
        live.swap(next);
        for (char c : live) any = any || c;
        if (!any) return false;
    }
    return live[n] != 0;
}

// `path` and `runes` are the same text (bytes and decoded runes); the runes
// are only read by regexp patterns.
bool patternMatch(const DockerIgnore::Pattern& p, std::string_view path, std::u32string_view runes) {
    switch (p.matchType) {
        case kExact:
            return path == p.text;
        case kPrefix:
            return path.substr(0, p.text.size() - 2) == std::string_view(p.text).substr(0, p.text.size() - 2);
        case kSuffix: {
            const std::string_view suffix = std::string_view(p.text).substr(2);
            if (path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix) return true;
            return !suffix.empty() && suffix[0] == '/' && path == suffix.substr(1);   // "**/foo" matches "foo"
        }
        default:
            return regexpMatch(p.tokens, runes);
    }
}

struct Filter {
    const DockerIgnore& ignore;
    ContextFilterCache* cache;
    std::vector<IgnoredEntry> ignored;

    void record(const std::string& path, const FileTree::Node& node) {
        ignored.push_back({path, node.entry.isDir(), node.fileCount, node.totalBytes});
    }

    // Returns the kept version of `dir` (the same pointer when nothing inside
    // is ignored), or nullptr when the directory itself goes.
    NodePtr run(const NodePtr& dir, const std::string& path, bool dirExcluded) {
        if (cache) {
            auto it = cache->m_dirs.find(path);
            if (it != cache->m_dirs.end() && it->second.input == dir) {
                ignored.insert(ignored.end(), it->second.ignored.begin(), it->second.ignored.end());
                return it->second.output;
            }
        }
        const size_t firstRecord = ignored.size();
        NodePtr out = filterChildren(dir, path, dirExcluded, firstRecord);
        if (cache) {
            ContextFilterCache::Entry& e = cache->m_dirs[path];
            e.input = dir;
            e.output = out;
            e.ignored.assign(ignored.begin() + static_cast<std::ptrdiff_t>(firstRecord), ignored.end());
        }
        return out;
    }

    NodePtr filterChildren(const NodePtr& dir, const std::string& path, bool dirExcluded, size_t firstRecord) {
        Children kids;
        bool changed = false;
        for (const auto& [name, child] : dir->children) {
            const std::string childPath = path.empty() ? name : path + "/" + name;
            const bool excluded = ignore.matches(childPath);
            if (!child->entry.isDir()) {
                if (excluded) {
                    record(childPath, *child);
                    changed = true;
                } else {
                    kids.emplace_hint(kids.end(), name, child);
                }
                continue;
            }
            // Without "!" lines nothing below an ignored directory can come back.
            if (excluded && !ignore.hasExclusions()) {
                record(childPath, *child);
                changed = true;
                continue;
            }
            NodePtr kept = run(child, childPath, excluded);
            if (!kept) {
                changed = true;
                continue;
            }
            if (kept != child) changed = true;
            kids.emplace_hint(kids.end(), name, std::move(kept));
        }
        if (dirExcluded && kids.empty()) {
            // The whole directory goes: one record instead of one per file.
            ignored.resize(firstRecord);
            record(path, *dir);
            return nullptr;
        }
        return changed ? makeNode(dir->entry, std::move(kids)) : dir;
    }
};

}   // namespace

bool DockerIgnore::add(std::string pattern, int line) {
    // patternmatcher.New
    std::string p = std::string(trimSpace(pattern));
    if (p.empty()) return true;
    p = goClean(p);
    Pattern pat;
    pat.line = line;
    if (p[0] == '!') {
        if (p.size() == 1) {
            m_error = "illegal exclusion pattern: \"!\"";
            m_errorLine = line;
            return false;
        }
        pat.exclusion = true;
        p.erase(0, 1);
    }
    if (!goMatch(p, ".").has_value()) {
        m_error = std::string(kErrBadPattern);
        m_errorLine = line;
        return false;
    }
    pat.text = std::move(p);
    compile(pat);
    m_hasExclusions = m_hasExclusions || pat.exclusion;
    m_patterns.push_back(std::move(pat));
    return true;
}

DockerIgnore DockerIgnore::parse(std::string_view text) {
    DockerIgnore out;
    int lineNo = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);   // bufio.ScanLines drops it
        if (lineNo == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        ++lineNo;
        if (!line.empty() && line[0] == '#') continue;
        std::string_view pattern = trimSpace(line);
        if (pattern.empty()) continue;
        const bool invert = pattern[0] == '!';
        if (invert) pattern = trimSpace(pattern.substr(1));
        std::string cleaned(pattern);
        if (!cleaned.empty()) {
            cleaned = goClean(cleaned);
            if (cleaned.size() > 1 && cleaned[0] == '/') cleaned.erase(0, 1);
        }
        if (!out.add(invert ? "!" + cleaned : cleaned, lineNo)) {
            out.m_patterns.clear();
            out.m_hasExclusions = false;
            return out;
        }
    }
    return out;
}

DockerIgnore DockerIgnore::fromPatterns(const std::vector<std::string>& patterns) {
    DockerIgnore out;
    for (const std::string& p : patterns) {
        if (!out.add(p, 0)) {
            out.m_patterns.clear();
            out.m_hasExclusions = false;
            break;
        }
    }
    return out;
}

std::vector<std::string> DockerIgnore::lines() const {
    std::vector<std::string> out;
    for (const Pattern& p : m_patterns) out.push_back(p.exclusion ? "!" + p.text : p.text);
    return out;
}

bool DockerIgnore::matches(std::string_view file) const {
    // MatchesOrParentMatches: each pattern also tries every parent directory.
    // '/' is ASCII, so the k-th '/' is at parentBytes[k] in the bytes and at
    // parentRunes[k] in the runes.
    const std::u32string runes = runesOf(file);
    std::vector<size_t> parentBytes, parentRunes;
    for (size_t i = 0; i < file.size(); ++i)
        if (file[i] == '/') parentBytes.push_back(i);
    for (size_t i = 0; i < runes.size(); ++i)
        if (runes[i] == '/') parentRunes.push_back(i);
    const std::u32string_view all(runes);
    bool matched = false;
    for (const Pattern& p : m_patterns) {
        if (p.exclusion != matched) continue;   // only an exception can undo, only a pattern can do
        bool match = patternMatch(p, file, all);
        for (size_t k = 0; !match && k < parentBytes.size(); ++k)
            match = patternMatch(p, file.substr(0, parentBytes[k]), all.substr(0, parentRunes[k]));
        if (match) matched = !p.exclusion;
    }
    return matched;
}

FilteredContext filterContext(const FileTree& context, const DockerIgnore& ignore, std::string_view dockerfilePath,
                              ContextFilterCache* cache) {
    FilteredContext out;
    out.files = context;
    if (ignore.empty() || !ignore.error().empty()) return out;
    if (cache) {
        std::string signature;
        for (const std::string& line : ignore.lines()) signature += line + '\n';
        if (signature != cache->m_signature) {
            cache->clear();
            cache->m_signature = std::move(signature);
        }
    }
    Filter filter{ignore, cache, {}};
    const NodePtr& root = TreeAccess::root(context);
    NodePtr kept = filter.run(root, "", false);
    if (!kept) kept = makeNode(root->entry);
    out.files = TreeAccess::fromRoot(std::move(kept));
    out.ignored = std::move(filter.ignored);
    const std::string dockerfile = normalizePath(dockerfilePath);
    out.dockerfileIgnored = context.exists(dockerfile) && ignore.matches(dockerfile);
    out.dockerignoreIgnored = context.exists(".dockerignore") && ignore.matches(".dockerignore");
    return out;
}

FilteredContext filterContext(const FileTree& context, std::string_view dockerfilePath, ContextFilterCache* cache) {
    // BuildKit prefers "<Dockerfile>.dockerignore" next to the Dockerfile.
    const std::string specific = normalizePath(dockerfilePath) + ".dockerignore";
    const FileEntry* file = context.find(specific);
    if (!file || file->kind != FileEntry::Kind::File) file = context.find(".dockerignore");
    if (!file || file->kind != FileEntry::Kind::File)
        return filterContext(context, DockerIgnore(), dockerfilePath, cache);
    return filterContext(context, DockerIgnore::parse(*file->content), dockerfilePath, cache);
}

}   // namespace layerlab::fs
