// --chmod: see the header. The symbolic parser follows dchapes-mode's
// ParseWithUmask and Set.Apply step by step (names of the Go constants in
// the comments), so the same string gives the same bits.
#include "sim/engine/builder/chmod.hpp"

#include <cctype>

namespace layerlab::engine::bk {
namespace {

constexpr uint32_t kSetUid = 04000, kSetGid = 02000, kSticky = 01000;   // isUID isGID isTXT
constexpr uint32_t kUser = 0700, kGroup = 070, kOther = 07;   // iRWXU iRWXG iRWXO
constexpr uint32_t kStandard = 07777;   // standardBits
constexpr uint32_t kRead = 0444, kWrite = 0222, kExec = 0111;
constexpr uint8_t kClear = 1, kSet = 2, kToGroup = 4, kToOther = 8, kToUser = 16;   // cmd2Clear ...

const char* kSyntax = "invalid syntax";   // mode.ErrSyntax

bool allOctalDigits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '7') return false;
    return true;
}

}   // namespace

void ChmodSpec::add(char op, uint32_t who, uint32_t arg) {
    // addcmd, with the mask of an umask of 0 (every bit).
    Command c;
    switch (op) {
        case '=':
            m_commands.push_back({'-', 0, who ? who : kStandard});
            op = '+';
            [[fallthrough]];
        case '+':
        case '-':
        case 'X':
            c.op = op;
            c.bits = who ? who & arg : arg;
            break;
        default:   // 'u', 'g', 'o': copy that class's bits
            c.op = op;
            if (who) {
                if (who & 0400) c.copy |= kToUser;
                if (who & 040) c.copy |= kToGroup;
                if (who & 04) c.copy |= kToOther;
                c.bits = ~0u;
            } else {
                c.copy = kToUser | kToGroup | kToOther;
                c.bits = ~0u;
            }
            if (arg == '+') c.copy |= kSet;
            else if (arg == '-') c.copy |= kClear;
            else c.copy |= kSet | kClear;
    }
    m_commands.push_back(c);
}

// One function, as dchapes-mode's ParseWithUmask is: kept whole so it reads
// line by line beside the Go original it must match bit for bit.
ChmodSpec ChmodSpec::parse(const std::string& text) {
    ChmodSpec spec;
    // strconv.ParseUint(chmod, 8, 32); a value above 07777, or anything that
    // starts like a number but is not octal, gets the "octal string" message.
    const std::string nonOctal =
        "invalid chmod parameter: '" + text + "'. it should be octal string and between 0 and 07777";
    if (allOctalDigits(text)) {
        uint64_t v = 0;
        for (char c : text) {
            v = v * 8 + static_cast<uint64_t>(c - '0');
            if (v > kStandard) {
                spec.m_error = nonOctal;
                return spec;
            }
        }
        spec.m_octal = static_cast<uint32_t>(v);
        return spec;
    }
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) {
        spec.m_error = text.empty() ? kSyntax : nonOctal;
        return spec;
    }
    const std::string& s = text;
    const size_t n = s.size();
    size_t i = 0;
    bool equalOpDone = false;
    for (;;) {
        uint32_t who = 0;   // which classes the clause changes
        for (; i < n; ++i) {
            if (s[i] == 'a') who |= kStandard;
            else if (s[i] == 'u') who |= kSetUid | kUser;
            else if (s[i] == 'g') who |= kSetGid | kGroup;
            else if (s[i] == 'o') who |= kOther;
            else break;
        }
        for (;;) {   // getop: one operator and its permissions
            if (i >= n) {
                spec.m_error = kSyntax;   // Go indexes past the end here
                return spec;
            }
            char op = s[i++];
            if (op == '=') equalOpDone = false;
            else if (op != '+' && op != '-') {
                spec.m_error = kSyntax;
                return spec;
            }
            who &= ~kSticky;
            uint32_t perm = 0, permX = 0;
            for (;; ++i) {
                char b = i < n ? s[i] : '\0';
                if (b == 'r') perm |= kRead;
                else if (b == 's') {
                    if (who == 0 || (who & ~kOther) != 0) perm |= kSetUid | kSetGid;
                } else if (b == 't') {
                    if (who == 0 || (who & ~kOther) != 0) {
                        who |= kSticky;
                        perm |= kSticky;
                    }
                } else if (b == 'w') perm |= kWrite;
                else if (b == 'X') {
                    if (op == '+') permX = kExec;
                } else if (b == 'x') perm |= kExec;
                else if (b == 'u' || b == 'g' || b == 'o') {
                    if (perm) {
                        spec.add(op, who, perm);
                        perm = 0;
                    }
                    if (op == '=') equalOpDone = true;
                    if (permX) {
                        spec.add('X', who, permX);
                        permX = 0;
                    }
                    spec.add(b, who, static_cast<uint32_t>(op));
                } else {
                    if (perm || (op == '=' && !equalOpDone)) {
                        if (op == '=') equalOpDone = true;
                        spec.add(op, who, perm);
                    }
                    if (permX) spec.add('X', who, permX);
                    break;
                }
            }
            if (i >= n) return spec;
            if (s[i] != ',') continue;   // another operator for the same classes: "u+r-w"
            ++i;
            break;
        }
        if (i >= n) {
            spec.m_error = kSyntax;   // a trailing ",": Go indexes past the end
            return spec;
        }
    }
}

uint32_t ChmodSpec::apply(uint32_t mode, bool isDir) const {
    if (m_octal) return *m_octal;
    const uint32_t old = mode & kStandard;
    uint32_t now = old;
    auto copyClass = [&](const Command& c, uint32_t value) {
        if (c.copy & kClear) {
            uint32_t clear = (c.copy & kSet) ? kOther : value;
            if (c.copy & kToUser) now &= ~(clear << 6 & c.bits);
            if (c.copy & kToGroup) now &= ~(clear << 3 & c.bits);
            if (c.copy & kToOther) now &= ~(clear & c.bits);
        }
        if (c.copy & kSet) {
            if (c.copy & kToUser) now |= value << 6 & c.bits;
            if (c.copy & kToGroup) now |= value << 3 & c.bits;
            if (c.copy & kToOther) now |= value & c.bits;
        }
    };
    for (const auto& c : m_commands) {
        switch (c.op) {
            case 'u':
                copyClass(c, (now & kUser) >> 6);
                break;
            case 'g':
                copyClass(c, (now & kGroup) >> 3);
                break;
            case 'o':
                copyClass(c, now & kOther);
                break;
            case '+':
                now |= c.bits;
                break;
            case '-':
                now &= ~c.bits;
                break;
            case 'X':
                if ((old & kExec) != 0 || isDir) now |= c.bits;
                break;
        }
    }
    return now & kStandard;
}

}   // namespace layerlab::engine::bk
