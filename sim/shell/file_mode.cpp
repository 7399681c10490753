// file_mode: chmod's MODE (see file_mode.hpp).
#include "sim/shell/file_mode.hpp"

#include <string>

namespace layerlab::shell {

std::optional<uint32_t> applyMode(std::string_view spec, uint32_t oldMode, bool isDir) {
    if (spec.empty()) return std::nullopt;
    if (spec.find_first_not_of("01234567") == std::string_view::npos) {
        if (spec.size() > 4) return std::nullopt;
        uint32_t v = 0;
        for (char c : spec) v = v * 8 + static_cast<uint32_t>(c - '0');
        return v & 07777;
    }
    uint32_t mode = oldMode;
    size_t pos = 0;
    while (pos <= spec.size()) {
        size_t end = spec.find(',', pos);
        std::string_view clause = spec.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        size_t i = 0;
        uint32_t who = 0;
        for (; i < clause.size() && std::string_view("ugoa").find(clause[i]) != std::string_view::npos; ++i) {
            if (clause[i] == 'u') who |= 04700;
            if (clause[i] == 'g') who |= 02070;
            if (clause[i] == 'o') who |= 01007;
            if (clause[i] == 'a') who |= 07777;
        }
        bool defaultWho = who == 0;
        if (defaultWho) who = 07777;
        if (i >= clause.size()) return std::nullopt;
        while (i < clause.size()) {
            char op = clause[i++];
            if (op != '+' && op != '-' && op != '=') return std::nullopt;
            uint32_t bits = 0;
            for (; i < clause.size() && std::string_view("rwxXst").find(clause[i]) != std::string_view::npos; ++i) {
                if (clause[i] == 'r') bits |= 0444;
                if (clause[i] == 'w') bits |= defaultWho ? 0200 : 0222;   // the umask (022) keeps go-w
                if (clause[i] == 'x') bits |= 0111;
                if (clause[i] == 'X' && (isDir || (oldMode & 0111))) bits |= 0111;
                if (clause[i] == 's') bits |= 06000;
                if (clause[i] == 't') bits |= 01000;
            }
            bits &= who;
            if (op == '+') mode |= bits;
            if (op == '-') mode &= ~bits;
            if (op == '=') mode = (mode & ~(who & 0777)) | bits;
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return mode & 07777;
}

}   // namespace layerlab::shell
