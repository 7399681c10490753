// name_filter: see name_filter.hpp. The pattern is parsed into a small tree,
// compiled into an NFA program (Thompson's construction) and run over the
// text with a set of live states per position, as RE2 does.
#include "sim/engine/containers/name_filter.hpp"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <memory>
#include <vector>

namespace layerlab::engine::containers {
namespace {

constexpr int kMaxCount = 100;   // largest {n,m} modelled (Go allows 1000)
constexpr size_t kMaxProgram = 20000;   // instructions; beyond this: Unsupported

using CharSet = std::bitset<256>;

struct Node {
    enum class Type {
        Set,
        Bol,
        Eol,
        WordBoundary,
        NotWordBoundary,
        Cat,
        Alt,
        Star,
        Plus,
        Quest,
        Empty
    } type = Type::Empty;
    CharSet set;   // Set: the bytes it accepts
    std::vector<Node> kids;
};

struct ParseError {
    bool unsupported = false;
    std::string construct;
};

CharSet classSet(char escape) {
    CharSet s;
    for (int c = 0; c < 256; ++c) {
        auto u = static_cast<unsigned char>(c);
        bool in = false;
        switch (std::tolower(escape)) {
            case 'd':
                in = std::isdigit(u) != 0;
                break;
            case 'w':
                in = std::isalnum(u) != 0 || c == '_';
                break;
            default:
                in = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
                break;
        }
        s[static_cast<size_t>(c)] = in;
    }
    return std::isupper(static_cast<unsigned char>(escape)) ? ~s : s;
}

class Parser {
public:
    explicit Parser(std::string_view p) : p_(p) {}

    // The whole pattern, or an error.
    bool parse(Node& out, ParseError& err) {
        if (!alternation(out, err)) return false;
        if (i_ < p_.size()) {   // a ')' with no '(' before it
            err = {false, ")"};
            return false;
        }
        return true;
    }

private:
    std::string_view p_;
    size_t i_ = 0;
    int depth_ = 0;
    bool icase_ = false;   // under (?i)

    bool fail(ParseError& err, bool unsupported, std::string construct) {
        err = {unsupported, std::move(construct)};
        return false;
    }

    bool alternation(Node& out, ParseError& err) {
        Node alt;
        alt.type = Node::Type::Alt;
        for (;;) {
            Node cat;
            if (!concatenation(cat, err)) return false;
            alt.kids.push_back(std::move(cat));
            if (i_ < p_.size() && p_[i_] == '|') {
                ++i_;
                continue;
            }
            break;
        }
        out = alt.kids.size() == 1 ? std::move(alt.kids[0]) : std::move(alt);
        return true;
    }

    bool concatenation(Node& out, ParseError& err) {
        out.type = Node::Type::Cat;
        while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
            char c = p_[i_];
            int lo = 0, hi = 0;
            size_t end = 0;
            if (c == '*' || c == '+' || c == '?' || (c == '{' && count(lo, hi, end)))   // nothing to repeat
                return fail(err, false, std::string(1, c));
            Node atom;
            if (!parseAtom(atom, err)) return false;
            if (!repetition(atom, err)) return false;
            out.kids.push_back(std::move(atom));
        }
        return true;
    }

    // {n}, {n,} or {n,m} at i_; false (and i_ unchanged) when the brace is a literal.
    bool count(int& lo, int& hi, size_t& end) const {
        size_t j = i_ + 1;
        auto number = [&](int& v) {
            size_t start = j;
            v = 0;
            while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j])) && j - start < 5)
                v = v * 10 + (p_[j++] - '0');
            return j > start;
        };
        if (!number(lo)) return false;
        hi = lo;
        if (j < p_.size() && p_[j] == ',') {
            ++j;
            hi = -1;
            if (j < p_.size() && p_[j] != '}' && !number(hi)) return false;
        }
        if (j >= p_.size() || p_[j] != '}') return false;
        end = j + 1;
        return true;
    }

    bool repetition(Node& atom, ParseError& err) {
        bool repeated = false;
        while (i_ < p_.size()) {
            char c = p_[i_];
            int lo = 0, hi = 0;
            size_t end = 0;
            const bool braces = c == '{' && count(lo, hi, end);
            if (c != '*' && c != '+' && c != '?' && !braces) break;
            const size_t opStart = i_;
            i_ = braces ? end : i_ + 1;
            if (i_ < p_.size() && p_[i_] == '?') ++i_;   // lazy: the same names match
            if (repeated) return fail(err, false, std::string(p_.substr(opStart, i_ - opStart)));
            repeated = true;
            if (braces) {
                if (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo))
                    return fail(err, false, std::string(p_.substr(opStart, i_ - opStart)));
                if (lo > kMaxCount || hi > kMaxCount)
                    return fail(err, true, std::string(p_.substr(opStart, i_ - opStart)));
                atom = expandCount(std::move(atom), lo, hi);
                continue;
            }
            Node r;
            r.type = c == '*' ? Node::Type::Star : c == '+' ? Node::Type::Plus : Node::Type::Quest;
            r.kids.push_back(std::move(atom));
            atom = std::move(r);
        }
        return true;
    }

    static Node expandCount(Node atom, int lo, int hi) {
        Node cat;
        cat.type = Node::Type::Cat;
        for (int k = 0; k < lo; ++k) cat.kids.push_back(atom);
        if (hi < 0) {
            Node star;
            star.type = Node::Type::Star;
            star.kids.push_back(atom);
            cat.kids.push_back(std::move(star));
        } else {
            for (int k = lo; k < hi; ++k) {
                Node q;
                q.type = Node::Type::Quest;
                q.kids.push_back(atom);
                cat.kids.push_back(std::move(q));
            }
        }
        return cat;
    }

    // (?flags) or (?flags:...) at i_ (just past "(?"): Go's flags i, m, s
    // and U, with '-' to clear. Only i changes which names match: names hold
    // no newline (m, s) and laziness (U) never changes whether one matches.
    // Returns false when the text there is not a flag group.
    bool flagGroup(bool& scoped) {
        size_t j = i_;
        bool clear = false, icase = icase_;
        while (j < p_.size() && std::string_view("imsU-").find(p_[j]) != std::string_view::npos) {
            if (p_[j] == '-') clear = true;
            else if (p_[j] == 'i') icase = !clear;
            ++j;
        }
        if (j == i_ || j >= p_.size() || (p_[j] != ')' && p_[j] != ':')) return false;
        scoped = p_[j] == ':';
        icase_ = icase;
        i_ = j + 1;
        return true;
    }

    bool group(Node& out, ParseError& err) {
        const size_t open = i_++;
        const bool outerIcase = icase_;
        if (i_ < p_.size() && p_[i_] == '?') {
            ++i_;
            bool scoped = false;
            if (i_ < p_.size() && p_[i_] == ':') ++i_;
            else if (p_.substr(i_, 2) == "P<" || (i_ < p_.size() && p_[i_] == '<')) {   // named group
                size_t close = p_.find('>', i_);
                if (close == std::string_view::npos) return fail(err, false, std::string(p_.substr(open)));
                i_ = close + 1;
            } else if (flagGroup(scoped)) {
                if (!scoped) {   // (?i): flags for the rest of the enclosing group
                    out.type = Node::Type::Empty;
                    return true;
                }
            } else {
                size_t end = i_;
                while (end < p_.size() && end < i_ + 2 && p_[end] != ')') ++end;
                return fail(err, false, std::string(p_.substr(open, end - open)));
            }
        }
        if (++depth_ > 1000) return fail(err, false, "(");
        if (!alternation(out, err)) return false;
        --depth_;
        icase_ = outerIcase;
        if (i_ >= p_.size() || p_[i_] != ')') return fail(err, false, "(");
        ++i_;
        return true;
    }

    bool parseAtom(Node& out, ParseError& err) {
        char c = p_[i_];
        if (c == '(') return group(out, err);
        if (c == '[') return bracket(out, err);
        ++i_;
        if (c == '^' || c == '$') {
            out.type = c == '^' ? Node::Type::Bol : Node::Type::Eol;
            return true;
        }
        if (c == '\\' && i_ < p_.size()) {   // the empty-width escapes
            const char e = p_[i_];
            const std::string_view assertions = "AzbB";
            const Node::Type types[] = {Node::Type::Bol, Node::Type::Eol, Node::Type::WordBoundary,
                                        Node::Type::NotWordBoundary};
            if (size_t k = assertions.find(e); k != std::string_view::npos) {
                ++i_;
                out.type = types[k];
                return true;
            }
        }
        out.type = Node::Type::Set;
        if (c == '.') {
            out.set.set();
            out.set[static_cast<unsigned char>('\n')] = false;
            return true;
        }
        if (c == '\\') {
            if (!escape(out.set, err)) return false;
        } else out.set[static_cast<unsigned char>(c)] = true;
        foldCase(out.set);
        return true;
    }

    // Under (?i): every ASCII letter in the set brings its other case.
    void foldCase(CharSet& set) const {
        if (!icase_) return;
        for (int c = 'a'; c <= 'z'; ++c) {
            auto lower = static_cast<size_t>(c), upper = static_cast<size_t>(c - 'a' + 'A');
            if (set[lower] || set[upper]) set[lower] = set[upper] = true;
        }
    }

    // \xHH or \x{H...} after the x: one byte (ASCII only; larger runes are not modelled).
    bool hexEscape(CharSet& set, ParseError& err) {
        const size_t start = i_ - 2;
        auto hexValue = [](char h) {
            return std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : std::tolower(h) - 'a' + 10;
        };
        int v = 0, digits = 0;
        const bool braced = i_ < p_.size() && p_[i_] == '{';
        if (braced) ++i_;
        while (i_ < p_.size() && std::isxdigit(static_cast<unsigned char>(p_[i_])) && (braced || digits < 2)) {
            if (v <= 0x10FFFF) v = v * 16 + hexValue(p_[i_]);
            ++i_;
            ++digits;
        }
        if (braced && (i_ >= p_.size() || p_[i_] != '}')) digits = 0;
        if (braced && digits > 0) ++i_;
        if (digits == 0 || (!braced && digits < 2) || v > 0x10FFFF)
            return fail(err, false, std::string(p_.substr(start, i_ - start)));
        if (v > 0x7F) return fail(err, true, std::string(p_.substr(start, i_ - start)));
        set[static_cast<size_t>(v)] = true;
        return true;
    }

    // After a backslash: one escape into `set`.
    bool escape(CharSet& set, ParseError& err) {
        if (i_ >= p_.size()) return fail(err, false, "\\");
        char e = p_[i_++];
        auto u = static_cast<unsigned char>(e);
        if (std::string_view("dDwWsS").find(e) != std::string_view::npos) {
            set |= classSet(e);
            return true;
        }
        const std::string_view controls = "tnrfva", values = "\t\n\r\f\v\a";
        if (size_t k = controls.find(e); k != std::string_view::npos) {
            set[static_cast<unsigned char>(values[k])] = true;
            return true;
        }
        if (e == 'x') return hexEscape(set, err);
        if (std::ispunct(u)) {
            set[u] = true;
            return true;
        }
        // Go knows these (Unicode classes, quoting, octal); LayerLab does not model them.
        if (std::string_view("pPQE").find(e) != std::string_view::npos)
            return fail(err, true, "\\" + std::string(1, e));
        // \0 and \12 are octal (not modelled); a lone \1 is a back-reference, which Go rejects.
        if (std::isdigit(u))
            return fail(err, e == '0' || (i_ < p_.size() && std::isdigit(static_cast<unsigned char>(p_[i_]))),
                        "\\" + std::string(1, e));
        return fail(err, false, "\\" + std::string(1, e));   // Go: invalid escape sequence
    }

    // [:name:] or [:^name:] at i_ inside a bracket: Go's ASCII classes.
    bool posixClass(CharSet& set, ParseError& err) {
        size_t close = p_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return false;
        std::string_view name = p_.substr(i_ + 2, close - i_ - 2);
        const bool negate = !name.empty() && name.front() == '^';
        if (negate) name.remove_prefix(1);
        static const std::string_view names[] = {"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph",
                                                 "lower", "print", "punct", "space", "upper", "word",  "xdigit"};
        int which = -1;
        for (int k = 0; k < 14; ++k)
            if (names[k] == name) which = k;
        if (which < 0) return fail(err, false, std::string(p_.substr(i_, close + 2 - i_)));   // Go: invalid class
        CharSet cls;
        for (int c = 0; c < 256; ++c) {
            auto u = static_cast<unsigned char>(c);
            const bool in[] = {std::isalnum(u) != 0,
                               std::isalpha(u) != 0,
                               c < 128,
                               c == ' ' || c == '\t',
                               std::iscntrl(u) != 0 && c < 128,
                               std::isdigit(u) != 0,
                               std::isgraph(u) != 0,
                               std::islower(u) != 0,
                               std::isprint(u) != 0,
                               std::ispunct(u) != 0,
                               std::isspace(u) != 0,
                               std::isupper(u) != 0,
                               std::isalnum(u) != 0 || c == '_',
                               std::isxdigit(u) != 0};
            cls[static_cast<size_t>(c)] = c < 128 && in[which];
        }
        set |= negate ? ~cls : cls;
        i_ = close + 2;
        return true;
    }

    bool bracket(Node& out, ParseError& err) {
        size_t open = i_++;
        out.type = Node::Type::Set;
        bool negate = i_ < p_.size() && p_[i_] == '^';
        if (negate) ++i_;
        bool first = true;
        for (;;) {
            if (i_ >= p_.size()) return fail(err, false, std::string(p_.substr(open)));
            char c = p_[i_];
            if (c == ']' && !first) break;
            first = false;
            if (c == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
                size_t before = i_;
                if (posixClass(out.set, err)) continue;
                if (!err.construct.empty()) return false;
                i_ = before;
            }
            CharSet one;
            int lo = -1;   // a single byte, which can start a range
            ++i_;
            if (c == '\\') {
                if (!escape(one, err)) return false;
                if (one.count() == 1)
                    for (int k = 0; k < 256; ++k)
                        if (one[static_cast<size_t>(k)]) lo = k;
            } else lo = static_cast<unsigned char>(c);
            if (lo >= 0 && i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
                ++i_;
                int hi = static_cast<unsigned char>(p_[i_++]);
                if (hi == '\\') {
                    CharSet h;
                    if (!escape(h, err)) return false;
                    if (h.count() != 1) return fail(err, false, std::string(p_.substr(open, i_ - open)));
                    for (int k = 0; k < 256; ++k)
                        if (h[static_cast<size_t>(k)]) hi = k;
                }
                if (hi < lo) return fail(err, false, std::string(p_.substr(open, i_ - open)));
                for (int k = lo; k <= hi; ++k) one[static_cast<size_t>(k)] = true;
            } else if (lo >= 0) one[static_cast<size_t>(lo)] = true;
            out.set |= one;
        }
        ++i_;
        foldCase(out.set);
        if (negate) out.set = ~out.set;   // Go's Perl flags include ClassNL: [^a] matches \n too
        return true;
    }
};

struct Inst {
    enum class Op { Set, Split, Jmp, Bol, Eol, WordBoundary, NotWordBoundary, Match } op = Op::Match;
    CharSet set;
    int x = 0, y = 0;
};

class Compiler {
public:
    std::vector<Inst> prog;
    bool tooLarge = false;

    void emit(const Node& n) {
        if (prog.size() > kMaxProgram) {
            tooLarge = true;
            return;
        }
        switch (n.type) {
            case Node::Type::Empty:
                break;
            case Node::Type::Set:
                push({Inst::Op::Set, n.set, 0, 0});
                break;
            case Node::Type::Bol:
                push({Inst::Op::Bol, {}, 0, 0});
                break;
            case Node::Type::Eol:
                push({Inst::Op::Eol, {}, 0, 0});
                break;
            case Node::Type::WordBoundary:
                push({Inst::Op::WordBoundary, {}, 0, 0});
                break;
            case Node::Type::NotWordBoundary:
                push({Inst::Op::NotWordBoundary, {}, 0, 0});
                break;
            case Node::Type::Cat:
                for (const Node& k : n.kids) emit(k);
                break;
            case Node::Type::Alt: {
                std::vector<int> jumps;
                for (size_t k = 0; k + 1 < n.kids.size(); ++k) {
                    int split = push({Inst::Op::Split, {}, 0, 0});
                    prog[static_cast<size_t>(split)].x = here();
                    emit(n.kids[k]);
                    jumps.push_back(push({Inst::Op::Jmp, {}, 0, 0}));
                    prog[static_cast<size_t>(split)].y = here();
                }
                emit(n.kids.back());
                for (int j : jumps) prog[static_cast<size_t>(j)].x = here();
                break;
            }
            case Node::Type::Star: {
                int split = push({Inst::Op::Split, {}, 0, 0});
                prog[static_cast<size_t>(split)].x = here();
                emit(n.kids[0]);
                push({Inst::Op::Jmp, {}, split, 0});
                prog[static_cast<size_t>(split)].y = here();
                break;
            }
            case Node::Type::Plus: {
                int start = here();
                emit(n.kids[0]);
                int split = push({Inst::Op::Split, {}, start, 0});
                prog[static_cast<size_t>(split)].y = here();
                break;
            }
            case Node::Type::Quest: {
                int split = push({Inst::Op::Split, {}, 0, 0});
                prog[static_cast<size_t>(split)].x = here();
                emit(n.kids[0]);
                prog[static_cast<size_t>(split)].y = here();
                break;
            }
        }
    }

private:
    int here() const { return static_cast<int>(prog.size()); }
    int push(Inst i) {
        prog.push_back(std::move(i));
        return here() - 1;
    }
};

bool isWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// \b: a word byte on one side of pos and not on the other (ASCII, as Go).
bool atWordBoundary(std::string_view text, size_t pos) {
    bool before = pos > 0 && isWordByte(text[pos - 1]);
    bool after = pos < text.size() && isWordByte(text[pos]);
    return before != after;
}

// Runs the program over text: is Match reachable from a start at any position?
bool run(const std::vector<Inst>& prog, std::string_view text) {
    std::vector<int> current, next, stack;
    std::vector<size_t> seen(prog.size(), static_cast<size_t>(-1));
    // Adds pc and everything reachable from it without reading a byte.
    auto add = [&](std::vector<int>& list, int start, size_t pos) {
        stack.assign(1, start);
        while (!stack.empty()) {
            int pc = stack.back();
            stack.pop_back();
            auto at = static_cast<size_t>(pc);
            if (seen[at] == pos) continue;
            seen[at] = pos;
            const Inst& in = prog[at];
            switch (in.op) {
                case Inst::Op::Jmp:
                    stack.push_back(in.x);
                    break;
                case Inst::Op::Split:
                    stack.push_back(in.y);
                    stack.push_back(in.x);
                    break;
                case Inst::Op::Bol:
                    if (pos == 0) stack.push_back(pc + 1);
                    break;
                case Inst::Op::Eol:
                    if (pos == text.size()) stack.push_back(pc + 1);
                    break;
                case Inst::Op::WordBoundary:
                case Inst::Op::NotWordBoundary:
                    if (atWordBoundary(text, pos) == (in.op == Inst::Op::WordBoundary)) stack.push_back(pc + 1);
                    break;
                default:
                    list.push_back(pc);
                    break;
            }
        }
    };
    for (size_t pos = 0; pos <= text.size(); ++pos) {
        add(current, 0, pos);   // unanchored: a match may start anywhere
        next.clear();
        for (int pc : current) {
            const Inst& in = prog[static_cast<size_t>(pc)];
            if (in.op == Inst::Op::Match) return true;
            if (pos < text.size() && in.set[static_cast<unsigned char>(text[pos])]) add(next, pc + 1, pos + 1);
        }
        current.swap(next);
    }
    return false;
}

}   // namespace

GoRegexpResult goRegexpMatch(std::string_view pattern, std::string_view text) {
    Node tree;
    ParseError err;
    if (!Parser(pattern).parse(tree, err))
        return {err.unsupported ? GoRegexpResult::Kind::Unsupported : GoRegexpResult::Kind::Invalid, err.construct};
    Compiler c;
    c.emit(tree);
    if (c.tooLarge) return {GoRegexpResult::Kind::Unsupported, std::string(pattern.substr(0, 20))};
    c.prog.push_back({Inst::Op::Match, {}, 0, 0});
    return {run(c.prog, text) ? GoRegexpResult::Kind::Match : GoRegexpResult::Kind::NoMatch, ""};
}

}   // namespace layerlab::engine::containers
