// .dockerignore with Docker's semantics, and the build context it leaves.
//
// Reading (moby/patternmatcher/ignorefile.ReadAll): a UTF-8 BOM on the first
// line is dropped; a line whose first character is '#' is a comment (only
// there: "  # x" is a pattern); surrounding spaces are trimmed; blank lines are
// skipped; '!' marks an exception; each pattern is path-cleaned ("./a/../b" ->
// "b") and a leading '/' is dropped, so patterns are relative to the context.
//
// Matching (patternmatcher.MatchesOrParentMatches): patterns are Go
// filepath.Match patterns plus `**` (any number of directories, even none);
// a pattern that matches a parent directory matches everything under it; every
// line is tried in order and the last one that matches wins, so
// `node_modules` then `!node_modules/keep.txt` sends keep.txt only.
// A pattern that filepath.Match rejects makes Docker refuse the build with
// "syntax error in pattern"; a lone "!" with `illegal exclusion pattern: "!"`.
//
// Simplified: inside patterns Docker builds a Go regexp, where `\d`, `\w`, ...
// would be regexp classes; here a backslash always escapes a literal character.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/fs/file_tree.hpp"

namespace layerlab::fs {

class DockerIgnore {
public:
    // A pattern compiled the way patternmatcher builds its regexp.
    struct Token {
        enum class Kind : uint8_t {
            Literal,   // one rune
            Star,   // [^/]*
            Quest,   // [^/]
            Class,   // [...] as a regexp class (a negated class matches '/')
            DirStar,   // (.*/)?  from "**/" or an inner "**"
            AnyTail,   // .*      from a trailing "**"
            Anchor   // '^' outside a class: a regexp anchor, as in Docker
        };
        Kind kind = Kind::Literal;
        char32_t rune = 0;
        bool negated = false;
        std::vector<std::pair<char32_t, char32_t>> ranges;
    };
    struct Pattern {
        std::string text;   // cleaned, without the '!'
        bool exclusion = false;   // a "!" line
        int line = 0;   // 1-based line in the .dockerignore file (0 from fromPatterns)
        int matchType = 0;   // internal: exact, prefix, suffix or regexp, as patternmatcher
        std::vector<Token> tokens;
    };

    // Reads a .dockerignore file. Never throws: check error().
    static DockerIgnore parse(std::string_view fileText);
    // Patterns as ReadAll would return them ("!x" for exceptions).
    static DockerIgnore fromPatterns(const std::vector<std::string>& patterns);

    // Docker's refusal, "" when every pattern is valid; errorLine() is its line
    // (0 when unknown). With an error, matches() is false for everything.
    const std::string& error() const { return m_error; }
    int errorLine() const { return m_errorLine; }

    // Is this context path (slash-separated, relative) left out of the context?
    bool matches(std::string_view path) const;
    bool empty() const { return m_patterns.empty(); }
    bool hasExclusions() const { return m_hasExclusions; }
    const std::vector<Pattern>& patterns() const { return m_patterns; }
    // The pattern list in ReadAll's form, for display ("node_modules", "!keep.txt").
    std::vector<std::string> lines() const;

private:
    bool add(std::string pattern, int line);
    std::vector<Pattern> m_patterns;
    bool m_hasExclusions = false;
    std::string m_error;
    int m_errorLine = 0;
};

// What filtering left out: the top-most ignored entries (an ignored directory
// is one record, not one per file), in tree order.
struct IgnoredEntry {
    std::string path;
    bool directory = false;
    uint64_t files = 0;   // regular files + symlinks it held
    uint64_t bytes = 0;
};

struct FilteredContext {
    // The context the builder receives and `COPY .` copies. Subtrees with
    // nothing ignored are shared with the input (their checksums stay cached).
    FileTree files;
    std::vector<IgnoredEntry> ignored;
    // Docker still hands an ignored Dockerfile and .dockerignore to the
    // builder (to read the instructions), but they are not in `files`, so
    // `COPY .` does not copy them and editing them does not break its cache.
    bool dockerfileIgnored = false;
    bool dockerignoreIgnored = false;
};

// Remembers, per directory path, which input node gave which filtered node,
// so filtering the context again after a one-file edit only revisits the
// directories on the edited path (everything else is a pointer compare).
// Tied to one pattern list: a different .dockerignore clears it.
class ContextFilterCache {
public:
    void clear() {
        m_dirs.clear();
        m_signature.clear();
    }
    size_t size() const { return m_dirs.size(); }

    struct Entry {
        std::shared_ptr<const FileTree::Node> input;   // held so the address cannot be reused
        std::shared_ptr<const FileTree::Node> output;   // nullptr: the whole directory was ignored
        std::vector<IgnoredEntry> ignored;
    };
    std::string m_signature;
    std::unordered_map<std::string, Entry> m_dirs;
};

// Applies `ignore` to a context tree. With ignore.error() set nothing is
// filtered (the caller must refuse the build, as Docker does).
FilteredContext filterContext(const FileTree& context, const DockerIgnore& ignore,
                              std::string_view dockerfilePath = "Dockerfile", ContextFilterCache* cache = nullptr);

// Reads `.dockerignore` at the context root (absent: no patterns) and filters.
// BuildKit's "<Dockerfile>.dockerignore" next to the Dockerfile wins over it.
FilteredContext filterContext(const FileTree& context, std::string_view dockerfilePath = "Dockerfile",
                              ContextFilterCache* cache = nullptr);

}   // namespace layerlab::fs
