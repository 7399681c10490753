// flow_builtins: the builtins that work on the shell's input and control
// flow rather than on files: exit, read (a line of stdin into variables),
// return (ends a function), shift ($2 becomes $1) and wait (every `cmd &` has already
// finished in the model, so there is nothing to wait for). Words as bash's,
// dash's and busybox ash's own.
#include <algorithm>
#include <cctype>
#include <climits>

#include "sim/numbers.hpp"
#include "sim/shell/shell.hpp"

namespace layerlab::shell {
namespace {

bool isName(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool isNumber(const std::string& s) {
    size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    return i < s.size() && s.size() - i <= 18 && std::all_of(s.begin() + static_cast<long>(i), s.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c));
           });
}

// One line of stdin, taken out of io.in. Without -r a backslash escapes the
// next character (escaped[i] marks it, so it never separates fields) and a
// backslash-newline joins the next line. False at end of input with no newline.
bool takeLine(Io& io, bool raw, std::string& line, std::vector<bool>& escaped) {
    size_t pos = 0;
    bool newline = false;
    const std::string& in = io.in;
    while (pos < in.size()) {
        char c = in[pos++];
        if (c == '\n') {
            newline = true;
            break;
        }
        if (!raw && c == '\\') {
            if (pos >= in.size()) break;
            char n = in[pos++];
            if (n == '\n') continue;
            line += n;
            escaped.push_back(true);
            continue;
        }
        line += c;
        escaped.push_back(false);
    }
    io.in.erase(0, pos);
    return newline;
}

// Splits the line over the names as read does: IFS whitespace around fields
// is dropped, other IFS characters separate, the last name takes the rest.
void assignFields(Shell& sh, const std::vector<std::string>& names, const std::string& line,
                  const std::vector<bool>& escaped) {
    auto it = sh.vars.find("IFS");
    const std::string ifs = it == sh.vars.end() ? " \t\n" : it->second;
    auto isIfs = [&](size_t i) { return !escaped[i] && ifs.find(line[i]) != std::string::npos; };
    auto isWs = [&](size_t i) { return isIfs(i) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n'); };
    size_t i = 0;
    while (i < line.size() && isWs(i)) ++i;
    for (size_t k = 0; k < names.size(); ++k) {
        if (k + 1 == names.size()) {
            size_t end = line.size();
            while (end > i && isWs(end - 1)) --end;
            sh.vars[names[k]] = line.substr(i, end - i);
            break;
        }
        size_t start = i;
        while (i < line.size() && !isIfs(i)) ++i;
        sh.vars[names[k]] = line.substr(start, i - start);
        if (i < line.size() && isWs(i)) {
            while (i < line.size() && isWs(i)) ++i;
            if (i < line.size() && isIfs(i)) ++i;   // "a : b" with IFS=" :" is one separator
        } else if (i < line.size()) {
            ++i;
        }
        while (i < line.size() && isWs(i)) ++i;
    }
}

int cmdRead(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    bool raw = false;
    size_t i = 1;
    for (; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--") {
            ++i;
            break;
        }
        if (a.size() < 2 || a[0] != '-') break;
        for (size_t k = 1; k < a.size(); ++k) {
            const char o = a[k];
            if (o == 'r') raw = true;
            else if (o == 's') continue;   // no echo: nothing is echoed from a pipe anyway
            else if (std::string_view("pdtnNuai").find(o) != std::string_view::npos && sh.isBash()) {
                // These take a value (the prompt shows only on a terminal); their effect is not modelled.
                if (k + 1 == a.size()) ++i;
                break;
            } else if (o == 'p' && !sh.isBash()) {
                if (k + 1 == a.size()) ++i;
                break;
            } else {
                if (sh.isBash())
                    io.err += "bash: read: -" + std::string(1, o) +
                              ": invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] "
                              "[-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n";
                else io.err += sh.errorPrefix() + "read: Illegal option -" + std::string(1, o) + "\n";
                return 2;
            }
        }
    }
    std::vector<std::string> names(argv.begin() + static_cast<long>(std::min(i, argv.size())), argv.end());
    for (const std::string& n : names)
        if (!isName(n)) {
            if (sh.isBash()) io.err += "bash: read: `" + n + "': not a valid identifier\n";
            else if (sh.config.flavour == Flavour::Ash) io.err += "/bin/sh: read: '" + n + "': bad variable name\n";
            else io.err += sh.errorPrefix() + "read: " + n + ": bad variable name\n";
            return sh.config.flavour == Flavour::Dash ? 2 : 1;
        }
    if (names.empty() && sh.config.flavour == Flavour::Dash) {
        io.err += sh.errorPrefix() + "read: arg count\n";
        return 2;
    }
    if (!io.hasIn && sh.config.keyboard) {
        // The host terminal's keyboard belongs to LayerLab's line editor, not to commands.
        io.err += sh.config.lang == "ko"
                      ? "layerlab: read: LayerLab의 터미널은 키보드 입력을 명령에 넘기지 않습니다. 입력은 파이프나 "
                        "heredoc(read NAME <<EOF)으로 주세요\n"
                      : "layerlab: read: LayerLab's terminal does not pass the keyboard to commands; give read its "
                        "input with a heredoc (read NAME <<EOF) or a pipe\n";
        return 1;
    }
    std::string line;
    std::vector<bool> escaped;
    const bool hadData = !io.in.empty();
    const bool complete = takeLine(io, raw, line, escaped);
    if (names.empty()) sh.vars["REPLY"] = line;   // bash and ash: the line as read, spaces kept
    else assignFields(sh, names, line, escaped);
    return complete && hadData ? 0 : 1;
}

// The status of `exit N` / `return N`: N & 255. Not a 64-bit number (or,
// in dash and ash, a negative one) is the shell's error and status 2.
int statusArgument(Shell& sh, const std::string& builtin, const std::string& arg, Io& io) {
    const auto n = isNumber(arg) ? parseInteger(arg, LLONG_MIN, LLONG_MAX) : std::nullopt;
    if (!n || (*n < 0 && !sh.isBash())) {
        if (sh.isBash()) io.err += "bash: " + builtin + ": " + arg + ": numeric argument required\n";
        else if (sh.config.flavour == Flavour::Ash)   // busybox numbers the lines of `sh -c` from 0 here
            io.err +=
                "/bin/sh: " + builtin + ": line " + std::to_string(sh.lineNo - 1) + ": Illegal number: " + arg + "\n";
        else io.err += sh.errorPrefix() + builtin + ": Illegal number: " + arg + "\n";
        return 2;
    }
    return static_cast<int>(static_cast<unsigned long long>(*n) & 0xff);
}

int cmdExit(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    int code = argv.size() > 1 ? statusArgument(sh, "exit", argv[1], io) : sh.lastStatus;
    sh.exited = true;
    sh.lastStatus = code;
    return code;
}

int cmdReturn(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    if (sh.m_functionDepth == 0 && sh.isBash()) {
        io.err += "bash: return: can only `return' from a function or sourced script\n";
        return 1;
    }
    // dash and ash: `return` outside a function ends the script, like exit.
    int code = argv.size() > 1 ? statusArgument(sh, "return", argv[1], io) : sh.lastStatus;
    sh.m_returning = sh.m_functionDepth > 0;
    sh.exited = true;
    sh.lastStatus = code;
    return code;
}

int cmdShift(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    size_t n = 1;
    if (argv.size() > 1) {
        if (!isNumber(argv[1]) || argv[1][0] == '-') {
            io.err += sh.isBash() ? "bash: shift: " + argv[1] + ": numeric argument required\n"
                                  : sh.errorPrefix() + "shift: Illegal number: " + argv[1] + "\n";
            return sh.isBash() ? 1 : 2;
        }
        n = 0;
        for (char c : argv[1])
            if (std::isdigit(static_cast<unsigned char>(c)))
                n = std::min<size_t>(n * 10 + static_cast<size_t>(c - '0'), 1000000);
    }
    if (n > sh.positional.size()) {
        if (sh.isBash()) return 1;   // bash says nothing unless shopt shift_verbose
        io.err += sh.errorPrefix() + "shift: can't shift that many\n";
        return 2;
    }
    sh.positional.erase(sh.positional.begin(), sh.positional.begin() + static_cast<long>(n));
    return 0;
}

}   // namespace

int runFlowBuiltin(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    const std::string& n = argv[0];
    if (n == "exit") return cmdExit(sh, argv, io);
    if (n == "read") return cmdRead(sh, argv, io);
    if (n == "return") return cmdReturn(sh, argv, io);
    if (n == "shift") return cmdShift(sh, argv, io);
    if (n == "wait") return 0;   // `cmd &` ran to its end already (syntax.hpp)
    return -1;
}

}   // namespace layerlab::shell
