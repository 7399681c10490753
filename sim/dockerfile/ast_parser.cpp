// Bytes -> logical lines -> AST: BuildKit's parser.Parse. Physical lines,
// BOM, CR/LF, parser directives (# syntax/escape/check), comments,
// continuation lines and heredoc bodies (FORMAT.md section 4).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>

#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile {
namespace detail {

namespace {

constexpr std::size_t kMaxLine = 65535;   // bufio.MaxScanTokenSize - 1

// bufio.Scanner with a split function that keeps the line ending.
class LineScanner {
public:
    explicit LineScanner(std::string_view bytes) : m_bytes(bytes) {}
    // Next physical line including its '\n'; false at the end or on an over-long line.
    bool scan(std::string_view& line) {
        if (m_pos >= m_bytes.size() || m_tooLong) return false;
        const std::size_t nl = m_bytes.find('\n', m_pos);
        const std::size_t end = nl == std::string_view::npos ? m_bytes.size() : nl + 1;
        const std::size_t contentLen = (nl == std::string_view::npos ? m_bytes.size() : nl) - m_pos;
        if (contentLen > kMaxLine) {
            m_tooLong = true;
            return false;
        }
        line = m_bytes.substr(m_pos, end - m_pos);
        m_pos = end;
        return true;
    }
    bool tooLong() const { return m_tooLong; }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
    bool m_tooLong = false;
};

// Eight bytes at a time: std::count compares every byte in turn, and memchr
// line by line paid a call per (short) line, 2% of the typed parse.
std::size_t countLines(std::string_view bytes) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    std::size_t lines = 0;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        const std::uint64_t x = word ^ (kOnes * '\n');   // a zero byte where there was a '\n'
        // High bit of each byte set when the byte is not zero (no carry between bytes).
        const std::uint64_t nonZero = (((x & kLow7) + kLow7) | x) & ~kLow7;
        lines += 8 - (((nonZero >> 7) * kOnes) >> 56);   // the high bits summed into the top byte
    }
    for (; i < bytes.size(); ++i) lines += bytes[i] == '\n' ? 1 : 0;
    return lines;
}

std::string_view trimNewline(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

bool isComment(std::string_view line) {
    line = unicode::trimLeftSpace(line);
    return !line.empty() && line[0] == '#';
}

// The directive parser (parser/directives.go): active until the first line
// that is not a known "# name=value" directive.
class Directives {
public:
    char escapeToken = '\\';
    std::string syntax, check;
    int checkLine = 0;

    // Returns false with *error set for a repeated or invalid directive.
    bool parseLine(std::string_view line, int lineNumber, bool& isDirective, Diagnostic& error) {
        isDirective = false;
        if (m_done) return true;
        if (line.empty() || line[0] != '#') {
            m_done = true;
            return true;
        }
        line = unicode::trimLeftSpace(line.substr(1));
        // ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$   (\s is [\t\n\f\r ] in Go)
        const auto isS = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
        const auto isAlpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
        std::size_t i = 0;
        if (line.empty() || !isAlpha(line[0])) return done();
        while (i < line.size() && (isAlpha(line[i]) || (line[i] >= '0' && line[i] <= '9'))) ++i;
        std::string name = unicode::toLower(line.substr(0, i));
        while (i < line.size() && isS(line[i])) ++i;
        if (i >= line.size() || line[i] != '=') return done();
        ++i;
        std::size_t valueStart = i;
        while (valueStart < line.size() && isS(line[valueStart])) ++valueStart;
        std::size_t valueEnd = line.size();
        while (valueEnd > valueStart && isS(line[valueEnd - 1])) --valueEnd;
        if (valueStart == valueEnd) {
            // Only white space after '=': the lazy (.+?) takes the last white-space character.
            if (i == line.size()) return done();
            valueStart = line.size() - 1;
            valueEnd = line.size();
        }
        // "." does not match '\n' in Go: a newline inside the value means no match.
        const std::string_view value = line.substr(valueStart, valueEnd - valueStart);
        if (value.find('\n') != std::string_view::npos) return done();
        if (name != "syntax" && name != "escape" && name != "check") return done();
        for (const auto& seen : m_seen) {
            if (seen == name) {
                error = Diagnostic::duplicateDirective(name, lineNumber);
                return false;
            }
        }
        m_seen.push_back(name);
        isDirective = true;
        if (name == "escape") {
            if (value != "`" && value != "\\") {
                error = Diagnostic::invalidEscapeToken(std::string(value), lineNumber);
                return false;
            }
            escapeToken = value[0];
        } else if (name == "syntax") {
            syntax = std::string(value);
        } else {
            check = std::string(value);
            checkLine = lineNumber;
        }
        return true;
    }

private:
    bool done() {
        m_done = true;
        return true;
    }
    bool m_done = false;
    std::vector<std::string> m_seen;
};

// lineContinuationRegex: ([^E])E[ \t]*$ | ^E[ \t]*$ ; strips E and what follows.
bool trimContinuation(std::string_view& line, char escape) {
    std::size_t end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    if (end == 0 || line[end - 1] != escape) return false;
    const std::size_t escapeAt = end - 1;
    if (escapeAt > 0 && line[escapeAt - 1] == escape) return false;
    line = line.substr(0, escapeAt);
    return true;
}

std::string_view processLine(std::string_view token, bool stripLeft) {
    token = trimNewline(token);
    if (stripLeft) token = unicode::trimLeftSpace(token);
    return token;
}

// The bodies of the heredocs BUFFER opens, read up to each terminator into
// CHILD; false when one is never terminated (currentLine is where the file ended).
bool readHeredocs(LineScanner& scanner, std::string_view buffer, int& currentLine, Node& child) {
    std::string_view raw;
    for (Heredoc& heredoc : heredocsFromLine(buffer)) {
        bool terminated = false;
        while (scanner.scan(raw)) {
            ++currentLine;
            std::string_view possible = trimNewline(raw);
            if (heredoc.chomp) {
                while (!possible.empty() && possible[0] == '\t') possible.remove_prefix(1);
            }
            if (possible == heredoc.name) {
                terminated = true;
                break;
            }
            heredoc.content.append(raw);
        }
        if (!terminated) return false;
        child.heredocs.push_back(std::move(heredoc));
    }
    return true;
}

// The parse loop of parser.Parse, shared by the tree and the one-pass dump.
// SLOT() gives the node the next instruction is parsed into (a new child of
// the tree, or one reused node); DONE(node) is called when it is complete.
// Parsing straight into the tree's own node saves moving every node into it.
template <typename Slot, typename Done>
AstParse parseInstructions(std::string_view bytes, Slot&& slot, Done&& done) {
    AstParse result;
    Directives directives;
    LineScanner scanner(bytes);
    SourceRange rootRange;
    bool haveInstruction = false;
    int currentLine = 0;
    std::string_view raw;
    std::string buffer;
    // Filled only on an error; made once here, not once per line (a Diagnostic is five strings).
    Diagnostic derr, nerr;

    const auto fail = [&](Diagnostic d, int start, int end) {
        if (d.range.startLine == 0) d.range = {start, 0, end, 0};
        result.error = std::move(d);
        result.root.reset();
        return result;
    };

    while (scanner.scan(raw)) {
        std::string_view bytesRead = raw;
        if (currentLine == 0 && bytesRead.substr(0, 3) == "\xEF\xBB\xBF") bytesRead.remove_prefix(3);
        std::string_view line = processLine(bytesRead, true);
        bool isDirective = false;
        if (!directives.parseLine(line, currentLine + 1, isDirective, derr))
            return fail(derr, currentLine + 1, currentLine + 1);
        if (!line.empty() && line[0] == '#') line = {};   // isComment: line is already left-trimmed
        ++currentLine;
        const int startLine = currentLine;
        const int startColumn = static_cast<int>(bytesRead.size() - unicode::trimLeftSpace(bytesRead).size()) + 1;
        bool isEndOfLine = !trimContinuation(line, directives.escapeToken);
        if (isEndOfLine && line.empty()) continue;
        // The logical line: the physical line itself when it does not
        // continue (most do not), else the lines joined in BUFFER.
        std::string_view logical = line;
        const bool continued = !isEndOfLine;
        if (continued) buffer.assign(line);

        bool hasEmptyContinuation = false;
        while (!isEndOfLine && scanner.scan(raw)) {
            std::string_view cont = processLine(raw, false);
            if (!directives.parseLine(cont, currentLine + 1, isDirective, derr))
                return fail(derr, currentLine + 1, currentLine + 1);
            ++currentLine;
            if (isComment(raw)) continue;
            if (unicode::trimLeftSpace(cont).empty()) {
                hasEmptyContinuation = true;
                continue;
            }
            isEndOfLine = !trimContinuation(cont, directives.escapeToken);
            buffer.append(cont);
        }
        if (continued) logical = buffer;

        if (hasEmptyContinuation) {
            Diagnostic w =
                Diagnostic::check("NoEmptyContinuation", "Empty continuation line", {startLine, 0, currentLine, 0});
            result.warnings.push_back(std::move(w));
        }

        Node& child = slot();
        if (!nodeFromLine(logical, directives.escapeToken, child, nerr)) {
            result.errorLine = logical;
            result.escapeToken = directives.escapeToken;
            return fail(nerr, startLine, currentLine);
        }

        if (logical.find("<<") != std::string_view::npos && canContainHeredoc(child) &&
            !readHeredocs(scanner, logical, currentLine, child))
            return fail(Diagnostic::unterminatedHeredoc({}), startLine, currentLine);
        child.range = {startLine, startColumn, currentLine, 0};
        if (!haveInstruction) rootRange.startLine = startLine;
        rootRange.endLine = currentLine;
        haveInstruction = true;
        done(child);
    }

    result.escapeToken = directives.escapeToken;
    result.syntax = directives.syntax;
    result.check = directives.check;
    result.checkLine = directives.checkLine;
    if (!haveInstruction) return fail(Diagnostic::fileWithNoInstructions(currentLine), currentLine, currentLine);
    if (scanner.tooLong()) return fail(Diagnostic::lineTooLong(currentLine + 1), currentLine + 1, currentLine + 1);
    result.range = rootRange;
    return result;
}

}   // namespace

AstParse parseAstDetailed(std::string_view bytes) {
    Node root;
    // Roughly one instruction per two lines; avoids moving big Nodes while growing.
    root.children.reserve(countLines(bytes) / 2 + 1);
    AstParse result = parseInstructions(
        bytes, [&root]() -> Node& { return root.children.emplace_back(); }, [](Node&) {});
    if (!result.error) {
        root.range = result.range;
        result.root = std::move(root);
    }
    return result;
}

AstParse parseAstEach(std::string_view bytes, const std::function<void(Node&)>& onInstruction) {
    // One node, reused for every instruction: its strings and vectors keep
    // their capacity, so a caller that dumps and drops each instruction
    // (parse --dump) allocates almost nothing per line.
    Node child;
    const auto reuse = [&child]() -> Node& {
        child.value.clear();
        child.flags.clear();
        child.next.clear();
        child.children.clear();
        child.json = false;
        child.heredocs.clear();
        return child;
    };
    return parseInstructions(bytes, reuse, onInstruction);
}

}   // namespace detail

AstResult parseAst(std::string_view bytes) {
    detail::AstParse p = detail::parseAstDetailed(bytes);
    AstResult r;
    r.root = std::move(p.root);
    r.warnings = std::move(p.warnings);
    r.error = std::move(p.error);
    return r;
}

}   // namespace layerlab::dockerfile
