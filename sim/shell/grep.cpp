// grep: GNU grep's common options (-i -v -c -n -q -E -F -w -l) over files
// or stdin. Patterns use a small backtracking matcher, not std::regex
// (learner input): literals, `.`, `[...]`, `^`, `$`, `*`, and with -E also
// `+`, `?` and `|` (alternatives; `\|` in basic patterns as GNU allows).
// Groups and back-references are not modelled.
#include <algorithm>
#include <cctype>

#include "sim/shell/text_io.hpp"

namespace layerlab::shell {
namespace {

struct Pattern {
    bool ere = false, icase = false;
};

bool charEq(char a, char b, bool icase) {
    return icase ? std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)) : a == b;
}

// One atom at p (char, '.', '[...]', '\x'): its length in the pattern and whether it matches c.
size_t atom(std::string_view p, size_t i, char c, bool icase, bool& ok) {
    if (p[i] == '.') {
        ok = true;
        return 1;
    }
    if (p[i] == '\\' && i + 1 < p.size()) {
        ok = charEq(p[i + 1], c, icase);
        return 2;
    }
    if (p[i] == '[') {
        size_t j = i + 1;
        bool neg = j < p.size() && p[j] == '^';
        if (neg) ++j;
        size_t first = j;
        bool in = false;
        while (j < p.size() && (p[j] != ']' || j == first)) {
            if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
                char lo = p[j], hi = p[j + 2];
                if ((c >= lo && c <= hi) ||
                    (icase &&
                     std::tolower(static_cast<unsigned char>(c)) >= std::tolower(static_cast<unsigned char>(lo)) &&
                     std::tolower(static_cast<unsigned char>(c)) <= std::tolower(static_cast<unsigned char>(hi))))
                    in = true;
                j += 3;
            } else {
                if (charEq(p[j], c, icase)) in = true;
                ++j;
            }
        }
        ok = in != neg;
        return j < p.size() ? j - i + 1 : p.size() - i;
    }
    ok = charEq(p[i], c, icase);
    return 1;
}

bool matchHere(std::string_view p, size_t i, std::string_view s, size_t k, const Pattern& pat, int depth = 0) {
    if (depth > 2000) return false;
    if (i >= p.size()) return true;
    if (p[i] == '$' && i + 1 == p.size()) return k == s.size();
    bool dummy = false;
    size_t len = atom(p, i, k < s.size() ? s[k] : '\0', pat.icase, dummy);
    char q = i + len < p.size() ? p[i + len] : '\0';
    bool star = q == '*', plus = pat.ere && q == '+', opt = pat.ere && q == '?';
    if (star || plus || opt) {
        size_t n = 0;
        while (k + n < s.size()) {
            bool ok = false;
            atom(p, i, s[k + n], pat.icase, ok);
            if (!ok) break;
            ++n;
            if (opt) break;
        }
        for (size_t m = n + 1; m-- > (plus ? 1u : 0u);)
            if (matchHere(p, i + len + 1, s, k + m, pat, depth + 1)) return true;
        return false;
    }
    if (k >= s.size()) return false;
    bool ok = false;
    atom(p, i, s[k], pat.icase, ok);
    return ok && matchHere(p, i + len, s, k + 1, pat, depth + 1);
}

bool matchOne(std::string_view p, std::string_view s, const Pattern& pat) {
    if (!p.empty() && p[0] == '^') return matchHere(p, 1, s, 0, pat);
    for (size_t k = 0; k <= s.size(); ++k)
        if (matchHere(p, 0, s, k, pat)) return true;
    return false;
}

bool grepMatch(const std::string& pattern, const std::string& line, const Pattern& pat, bool fixed, bool word) {
    // Alternatives: `|` in -E, `\|` in basic patterns.
    std::vector<std::string> alts;
    std::string cur;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (!fixed && pat.ere && pattern[i] == '|') {
            alts.push_back(cur);
            cur.clear();
            continue;
        }
        if (!fixed && !pat.ere && pattern[i] == '\\' && i + 1 < pattern.size() && pattern[i + 1] == '|') {
            alts.push_back(cur);
            cur.clear();
            ++i;
            continue;
        }
        cur += pattern[i];
    }
    alts.push_back(cur);
    for (const auto& a : alts) {
        if (fixed || word) {
            std::string needle = a, hay = line;
            if (pat.icase) {
                for (auto& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                for (auto& c : hay) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            if (!word) {
                if (hay.find(needle) != std::string::npos) return true;
                continue;
            }
            for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
                auto isW = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
                bool left = at == 0 || !isW(hay[at - 1]);
                bool right = at + needle.size() >= hay.size() || !isW(hay[at + needle.size()]);
                if (left && right) return true;
            }
            continue;
        }
        if (matchOne(a, line, pat)) return true;
    }
    return false;
}

}   // namespace

int runGrep(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    Pattern pat;
    bool invert = false, count = false, number = false, quiet = false, fixed = false, word = false, names = false,
         recursive = false;
    std::vector<std::string> ops;
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 1 && a[0] == '-' && a[1] != '-' && ops.empty()) {
            for (char c : a.substr(1)) {
                if (c == 'i') pat.icase = true;
                else if (c == 'v') invert = true;
                else if (c == 'c') count = true;
                else if (c == 'n') number = true;
                else if (c == 'q' || c == 's') quiet = quiet || c == 'q';
                else if (c == 'E') pat.ere = true;
                else if (c == 'F') fixed = true;
                else if (c == 'w') word = true;
                else if (c == 'l') names = true;
                else if (c == 'r' || c == 'R') recursive = true;
                else {
                    io.err += std::string("grep: invalid option -- '") + c +
                              "'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n" + tryHelp("grep");
                    return 2;
                }
            }
            continue;
        }
        ops.push_back(a);
    }
    (void)recursive;
    if (ops.empty()) {
        io.err += "Usage: grep [OPTION]... PATTERNS [FILE]...\n" + tryHelp("grep");
        return 2;
    }
    std::string pattern = ops[0];
    std::vector<std::string> files(ops.begin() + 1, ops.end());
    if (files.empty()) files.push_back("-");
    bool prefix = files.size() > 1;
    bool any = false, error = false;
    for (const auto& f : files) {
        std::string text;
        if (!readInput(sh, io, "grep", f, text)) {
            error = true;
            continue;
        }
        size_t n = 0, lineNo = 0;
        for (const auto& l : lines(text)) {
            ++lineNo;
            if (grepMatch(pattern, l, pat, fixed, word) == invert) continue;
            ++n;
            any = true;
            if (quiet || count || names) continue;
            io.out += (prefix ? (f == "-" ? "(standard input)" : f) + ":" : "") +
                      (number ? std::to_string(lineNo) + ":" : "") + l + "\n";
        }
        if (count && !quiet) io.out += (prefix ? f + ":" : "") + std::to_string(n) + "\n";
        if (names && n > 0 && !quiet) io.out += (f == "-" ? "(standard input)" : f) + "\n";
    }
    if (quiet && any) return 0;
    return error ? 2 : any ? 0 : 1;
}

}   // namespace layerlab::shell
