// Go's strconv.Quote and BuildKit's Node.Dump(): the exact bytes the
// conformance corpus expects (FORMAT.md section 3).
#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/dump.hpp"
#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile {

namespace {
const char kHex[] = "0123456789abcdef";

void appendHex(std::string& out, char32_t value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xF]);
}
}   // namespace

std::string goQuote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    detail::appendGoQuote(out, s);
    return out;
}

void detail::appendGoQuote(std::string& out, std::string_view s) {
    out.push_back('"');
    for (std::size_t i = 0; i < s.size();) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x20 && byte < 0x7F) {
            if (byte == '"' || byte == '\\') {
                out.push_back('\\');
                out.push_back(static_cast<char>(byte));
                ++i;
                continue;
            }
            // A run of plain printable ASCII (nearly every argument) in one
            // append: byte-by-byte push_back was the dump's top cost.
            std::size_t end = i + 1;
            while (end < s.size()) {
                const auto b = static_cast<unsigned char>(s[end]);
                if (b < 0x20 || b >= 0x7F || b == '"' || b == '\\') break;
                ++end;
            }
            out.append(s.data() + i, end - i);
            i = end;
            continue;
        }
        const unicode::Rune r = unicode::decode(s, i);
        if (r.width == 1 && r.cp == 0xFFFD) {   // an invalid byte: \xHH of the byte itself
            out += "\\x";
            appendHex(out, byte, 2);
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(r.width);
        if (unicode::isPrint(r.cp)) {
            unicode::append(out, r.cp);
            continue;
        }
        switch (r.cp) {
            case '\a':
                out += "\\a";
                continue;
            case '\b':
                out += "\\b";
                continue;
            case '\f':
                out += "\\f";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\r':
                out += "\\r";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\v':
                out += "\\v";
                continue;
            default:
                break;
        }
        if (r.cp < 0x20 || r.cp == 0x7F) {
            out += "\\x";
            appendHex(out, r.cp, 2);
        } else if (r.cp < 0x10000) {
            out += "\\u";
            appendHex(out, r.cp, 4);
        } else {
            out += "\\U";
            appendHex(out, r.cp, 8);
        }
    }
    out.push_back('"');
}

namespace {
// strings.ToLower appended in place (keywords are ASCII but need not be).
void appendLower(std::string& out, std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            out += unicode::toLower(s);
            return;
        }
    }
    for (char c : s) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
}

void dumpInto(const Node& node, std::string& str) {
    const std::size_t begin = str.size();
    appendLower(str, node.value);
    if (!node.flags.empty()) {
        str += " [";
        for (std::size_t i = 0; i < node.flags.size(); ++i) {
            if (i) str.push_back(' ');
            detail::appendGoQuote(str, node.flags[i]);
        }
        str.push_back(']');
    }
    for (const Node& child : node.children) {
        str.push_back('(');
        dumpInto(child, str);
        str += ")\n";
    }
    for (const Node& n : node.next) {
        str.push_back(' ');
        if (!n.children.empty()) {
            dumpInto(n, str);
        } else {
            detail::appendGoQuote(str, n.value);
        }
    }
    // strings.TrimSpace of this node's own text.
    const std::string_view mine(str.data() + begin, str.size() - begin);
    const std::string_view trimmed = unicode::trimSpace(mine);
    if (trimmed.size() != mine.size()) {
        const std::string kept(trimmed);
        str.resize(begin);
        str += kept;
    }
}
}   // namespace

std::string dump(const Node& node) {
    std::string out;
    dumpInto(node, out);
    return out;
}

std::optional<Diagnostic> dumpAst(std::string_view bytes, std::string& out) {
    out.clear();
    // The dump is about as long as the input: one reservation, no regrowth copies.
    out.reserve(bytes.size() + bytes.size() / 4);
    // The root has no value, flags or arguments: its dump is "(child)" per
    // instruction joined by "\n" (the trailing "\n" is what TrimSpace removes).
    detail::AstParse p = detail::parseAstEach(bytes, [&out](Node& child) {
        if (!out.empty()) out.push_back('\n');
        out.push_back('(');
        dumpInto(child, out);
        out.push_back(')');
    });
    if (p.error) {
        out.clear();
        return std::move(p.error);
    }
    return std::nullopt;
}

}   // namespace layerlab::dockerfile
