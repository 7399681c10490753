// schema_pattern: see schema_pattern.hpp.
#include "sim/scenario/schema_pattern.hpp"

#include <bitset>
#include <limits>
#include <vector>

namespace layerlab::scenario {

namespace {

// One atom of the pattern with how often it may repeat.
struct Item {
    std::bitset<256> bytes;   // which bytes the atom accepts
    size_t min = 1;
    size_t max = 1;   // npos: no upper bound
};

struct Compiled {
    bool anchoredStart = false;
    bool anchoredEnd = false;
    std::vector<Item> items;
    std::string problem;   // "" when the pattern compiled
};

constexpr size_t kUnbounded = std::numeric_limits<size_t>::max();

// A bracket class starting after '[' at `i`; advances `i` past ']'.
bool readClass(std::string_view p, size_t& i, std::bitset<256>& bytes, std::string& problem) {
    bool negate = i < p.size() && p[i] == '^';
    if (negate) ++i;
    bool first = true;
    while (i < p.size() && (p[i] != ']' || first)) {
        first = false;
        unsigned char lo = static_cast<unsigned char>(p[i]);
        if (p[i] == '\\') {
            if (++i >= p.size()) break;
            lo = static_cast<unsigned char>(p[i]);
        }
        ++i;
        unsigned char hi = lo;
        if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
            hi = static_cast<unsigned char>(p[i + 1]);
            i += 2;
            if (hi < lo) {
                problem = "range out of order in character class";
                return false;
            }
        }
        for (unsigned c = lo; c <= hi; ++c) bytes.set(c);
    }
    if (i >= p.size()) {
        problem = "unterminated character class";
        return false;
    }
    ++i;   // ']'
    if (negate) bytes.flip();
    return true;
}

// Digits at `i` as a count; false when there are none.
bool readCount(std::string_view p, size_t& i, size_t& out) {
    const size_t start = i;
    out = 0;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9' && out < 100000)
        out = out * 10 + static_cast<size_t>(p[i++] - '0');
    return i > start;
}

// A quantifier after an atom, if there is one, into `item`.
bool readQuantifier(std::string_view p, size_t& i, Item& item, std::string& problem) {
    if (i >= p.size()) return true;
    switch (p[i]) {
        case '?':
            item.min = 0, item.max = 1, ++i;
            return true;
        case '*':
            item.min = 0, item.max = kUnbounded, ++i;
            return true;
        case '+':
            item.min = 1, item.max = kUnbounded, ++i;
            return true;
        case '{':
            break;
        default:
            return true;
    }
    ++i;
    if (!readCount(p, i, item.min)) {
        problem = "a '{' that is not a repetition count";
        return false;
    }
    item.max = item.min;
    if (i < p.size() && p[i] == ',') {
        ++i;
        item.max = kUnbounded;
        if (i < p.size() && p[i] != '}' && !readCount(p, i, item.max)) {
            problem = "a '{' that is not a repetition count";
            return false;
        }
    }
    if (i >= p.size() || p[i] != '}' || item.max < item.min) {
        problem = "a '{' that is not a repetition count";
        return false;
    }
    ++i;
    return true;
}

Compiled compile(std::string_view p) {
    Compiled c;
    size_t i = 0;
    if (i < p.size() && p[i] == '^') c.anchoredStart = true, ++i;
    while (i < p.size()) {
        const char ch = p[i];
        if (ch == '$' && i + 1 == p.size()) {
            c.anchoredEnd = true;
            break;
        }
        Item item;
        if (ch == '[') {
            ++i;
            if (!readClass(p, i, item.bytes, c.problem)) return c;
        } else if (ch == '.') {
            item.bytes.set();
            item.bytes.reset('\n');
            item.bytes.reset('\r');
            ++i;
        } else if (ch == '\\' && i + 1 < p.size()) {
            item.bytes.set(static_cast<unsigned char>(p[i + 1]));
            i += 2;
        } else if (std::string_view("()|^$*+?{}\\").find(ch) != std::string_view::npos) {
            c.problem = std::string("'") + ch + "' is outside the pattern subset LayerLab supports";
            return c;
        } else {
            item.bytes.set(static_cast<unsigned char>(ch));
            ++i;
        }
        if (!readQuantifier(p, i, item, c.problem)) return c;
        c.items.push_back(item);
    }
    return c;
}

// One more `item` from each position in `at`.
std::vector<bool> advance(const Item& item, const std::vector<bool>& at, std::string_view text) {
    std::vector<bool> moved(at.size(), false);
    for (size_t k = 0; k < text.size(); ++k)
        if (at[k] && item.bytes.test(static_cast<unsigned char>(text[k]))) moved[k + 1] = true;
    return moved;
}

// The positions reachable after `item` from the positions in `from`.
std::vector<bool> step(const Item& item, std::vector<bool> at, std::string_view text) {
    for (size_t count = 0; count < item.min; ++count) at = advance(item, at, text);
    std::vector<bool> reach = at;
    if (item.max == kUnbounded) {
        // Repeats without bound: one forward pass closes the set.
        for (size_t k = 0; k < text.size(); ++k)
            if (reach[k] && item.bytes.test(static_cast<unsigned char>(text[k]))) reach[k + 1] = true;
        return reach;
    }
    for (size_t count = item.min; count < item.max; ++count) {
        at = advance(item, at, text);
        for (size_t k = 0; k < at.size(); ++k) reach[k] = reach[k] || at[k];
    }
    return reach;
}

}   // namespace

std::string patternProblem(std::string_view pattern) { return compile(pattern).problem; }

std::optional<bool> patternSearch(std::string_view pattern, std::string_view text) {
    const Compiled c = compile(pattern);
    if (!c.problem.empty()) return std::nullopt;
    std::vector<bool> reach(text.size() + 1, !c.anchoredStart);
    reach[0] = true;
    for (const Item& item : c.items) reach = step(item, reach, text);
    if (c.anchoredEnd) return reach[text.size()];
    for (bool r : reach)
        if (r) return true;
    return false;
}

}   // namespace layerlab::scenario
