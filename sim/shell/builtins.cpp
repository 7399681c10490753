// builtins: the commands the shell runs itself (cd, export, unset, set,
// exit, echo, printf, test/[ ], [[ ]] in bash, true, false, :, pwd, which;
// exit, read, return, shift and wait are in flow_builtins.cpp),
// with bash's, dash's or busybox ash's own words.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "sim/shell/shell.hpp"

namespace layerlab::shell {
namespace {

// \n \t \\ \c \0nnn \a \b \e \f \r \v: echo -e (bash), echo (dash), %b.
std::string escapes(const std::string& s, bool& stop) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        char n = s[++i];
        switch (n) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case 'e':
                out += '\x1b';
                break;
            case '\\':
                out += '\\';
                break;
            case 'c':
                stop = true;
                return out;
            case '0': {
                int v = 0, k = 0;
                while (k < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') v = v * 8 + (s[++i] - '0'), ++k;
                out += static_cast<char>(v);
                break;
            }
            default:
                out += '\\';
                out += n;
        }
    }
    return out;
}

int cmdEcho(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    bool newline = true, esc = sh.config.flavour == Flavour::Dash;
    size_t i = 1;
    for (; i < argv.size(); ++i) {
        const std::string& w = argv[i];
        // dash's echo takes -n only; bash's and busybox's take -n -e -E.
        std::string_view letters = sh.config.flavour == Flavour::Dash ? "n" : "neE";
        if (w.size() < 2 || w[0] != '-' || w.find_first_not_of(letters, 1) != std::string::npos) break;
        for (char c : w.substr(1)) {
            if (c == 'n') newline = false;
            if (c == 'e') esc = true;
            if (c == 'E') esc = false;
        }
    }
    std::string out;
    bool stop = false;
    for (size_t k = i; k < argv.size() && !stop; ++k) {
        if (k > i) out += ' ';
        out += esc ? escapes(argv[k], stop) : argv[k];
    }
    if (newline && !stop) out += '\n';
    io.out += out;
    return 0;
}

// One printf conversion, at whatever length it needs (capped: a width of
// 999999999 is learner input, not a reason to allocate a gigabyte).
template <typename T>
std::string formatted(const std::string& spec, T value) {
    int n = std::snprintf(nullptr, 0, spec.c_str(), value);
    if (n <= 0) return "";
    size_t len = std::min<size_t>(static_cast<size_t>(n), 1 << 20);
    std::string out(len + 1, '\0');
    std::snprintf(out.data(), out.size(), spec.c_str(), value);
    out.resize(len);
    return out;
}

int cmdPrintf(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    if (argv.size() < 2) {
        io.err += sh.isBash() ? "printf: usage: printf [-v var] format [arguments]\n"
                              : sh.errorPrefix() + "printf: usage: printf format [arg ...]\n";
        return 2;
    }
    bool stop = false;
    const std::string fmt = argv[1];
    size_t arg = 2;
    int status = 0;
    do {
        for (size_t i = 0; i < fmt.size() && !stop; ++i) {
            char c = fmt[i];
            if (c == '\\') {
                size_t j = i + 1;
                if (j < fmt.size() && fmt[j] == '0')
                    while (j + 1 < fmt.size() && j < i + 4 && fmt[j + 1] >= '0' && fmt[j + 1] <= '7') ++j;
                io.out += escapes(fmt.substr(i, j - i + 1), stop);
                i = j;
                continue;
            }
            if (c != '%' || i + 1 >= fmt.size()) {
                io.out += c;
                continue;
            }
            size_t j = i + 1;
            std::string spec = "%";
            while (j < fmt.size() && std::string_view("-+ 0#").find(fmt[j]) != std::string_view::npos) spec += fmt[j++];
            while (j < fmt.size() && (std::isdigit(static_cast<unsigned char>(fmt[j])) || fmt[j] == '.'))
                spec += fmt[j++];
            if (j >= fmt.size()) {
                io.out += fmt.substr(i);
                break;
            }
            char k = fmt[j];
            i = j;
            if (k == '%') {
                io.out += '%';
                continue;
            }
            std::string a = arg < argv.size() ? argv[arg++] : "";
            if (k == 'd' || k == 'i' || k == 'x' || k == 'X' || k == 'o' || k == 'u' || k == 'c') {
                if (k == 'c') {
                    io.out += a.substr(0, 1);
                    continue;
                }
                long long v = 0;
                if (!a.empty()) {
                    char* end = nullptr;
                    v = std::strtoll(a.c_str(), &end, 0);
                    if (end && *end) {
                        io.err += (sh.isBash() ? "bash: printf: " : sh.errorPrefix() + "printf: ") + a +
                                  (sh.isBash() ? ": invalid number\n" : ": expected numeric value\n");
                        status = 1;
                    }
                }
                spec += "ll";
                spec += k;
                io.out += formatted(spec, v);
            } else if (k == 's' || k == 'b' || k == 'q') {
                if (k == 'b') a = escapes(a, stop);
                if (k == 'q') a = shellQuote(a);
                spec += 's';
                io.out += formatted(spec, a.c_str());
            } else {
                io.out += spec + k;
            }
        }
    } while (!stop && arg < argv.size() && arg > 2);
    return status;
}

bool isNumber(const std::string& s) {
    size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    return i < s.size() && std::all_of(s.begin() + static_cast<long>(i), s.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// test's expression over a..b. Returns 0 true, 1 false, 2 error (message set).
int evalTest(Shell& sh, const std::vector<std::string>& a, std::string& err, const std::string& who,
             bool doubleBracket) {
    if (a.empty()) return 1;
    if (a[0] == "!") {
        int r = evalTest(sh, {a.begin() + 1, a.end()}, err, who, doubleBracket);
        return r == 2 ? 2 : 1 - r;
    }
    for (const char* op : {"-o", "||", "-a", "&&"}) {
        bool dbl = op[0] != '-';
        if (dbl != doubleBracket) continue;
        auto it = std::find(a.begin() + 1, a.end(), op);
        if (it != a.end() && it + 1 != a.end()) {
            int l = evalTest(sh, {a.begin(), it}, err, who, doubleBracket);
            if (l == 2) return 2;
            bool orOp = std::string(op) == "-o" || std::string(op) == "||";
            if (orOp && l == 0) return 0;
            if (!orOp && l != 0) return 1;
            return evalTest(sh, {it + 1, a.end()}, err, who, doubleBracket);
        }
    }
    if (a.size() == 1) return a[0].empty() ? 1 : 0;
    if (a.size() == 2) {
        const std::string& op = a[0];
        if (op == "-z") return a[1].empty() ? 0 : 1;
        if (op == "-n") return a[1].empty() ? 1 : 0;
        if (op.size() == 2 && op[0] == '-' && std::string_view("efdsxrwLh").find(op[1]) != std::string_view::npos) {
            Resolved r = sh.resolve(a[1]);
            const fs::FileEntry* e = r.outside || a[1].empty() ? nullptr : sh.fs.find(r.tree);
            switch (op[1]) {
                case 'e':
                    return e ? 0 : 1;
                case 'f':
                    return e && e->kind == fs::FileEntry::Kind::File ? 0 : 1;
                case 'd':
                    return e && e->isDir() ? 0 : 1;
                case 's':
                    return e && e->size() > 0 ? 0 : 1;
                case 'x':
                    return e && (e->mode & 0111) ? 0 : 1;
                case 'L':
                case 'h':
                    return e && e->kind == fs::FileEntry::Kind::Symlink ? 0 : 1;
                default:
                    return e ? 0 : 1;
            }
        }
        err = who + a[0] + ": unary operator expected\n";
        return 2;
    }
    if (a.size() == 3) {
        const std::string& op = a[1];
        if (op == "=" || op == "==") return (doubleBracket ? globMatch(a[2], a[0]) : a[0] == a[2]) ? 0 : 1;
        if (op == "!=") return (doubleBracket ? !globMatch(a[2], a[0]) : a[0] != a[2]) ? 0 : 1;
        if (op == "<") return a[0] < a[2] ? 0 : 1;
        if (op == ">") return a[0] > a[2] ? 0 : 1;
        static const char* const ints[] = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge"};
        if (std::find(std::begin(ints), std::end(ints), op) != std::end(ints)) {
            for (int k : {0, 2})
                if (!isNumber(a[static_cast<size_t>(k)])) {
                    err = who + a[static_cast<size_t>(k)] + ": integer expression expected\n";
                    return 2;
                }
            long long x = std::stoll(a[0].substr(0, 18)), y = std::stoll(a[2].substr(0, 18));
            bool r = op == "-eq"   ? x == y
                     : op == "-ne" ? x != y
                     : op == "-lt" ? x < y
                     : op == "-le" ? x <= y
                     : op == "-gt" ? x > y
                                   : x >= y;
            return r ? 0 : 1;
        }
        err = who + a[1] + ": binary operator expected\n";
        return 2;
    }
    err = who + "too many arguments\n";
    return 2;
}

int cmdTest(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    std::vector<std::string> a(argv.begin() + 1, argv.end());
    const std::string& name = argv[0];
    std::string who = sh.isBash() ? "bash: " + name + ": " : sh.errorPrefix() + name + ": ";
    if (name == "[" || name == "[[") {
        std::string close = name == "[" ? "]" : "]]";
        if (a.empty() || a.back() != close) {
            io.err += who + (sh.isBash() ? "missing `" + close + "'\n" : "missing " + close + "\n");
            return 2;
        }
        a.pop_back();
    }
    std::string err;
    int r = evalTest(sh, a, err, who, name == "[[");
    io.err += err;
    return r;
}

int cmdCd(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    if (argv.size() > 2 && sh.isBash()) {
        io.err += "bash: cd: too many arguments\n";
        return 1;
    }
    auto home = sh.vars.find("HOME");
    std::string dir = argv.size() > 1 ? argv[1] : (home != sh.vars.end() ? home->second : "/");
    if (dir == "-") dir = sh.vars.count("OLDPWD") ? sh.vars["OLDPWD"] : sh.cwd;
    Resolved r = sh.resolve(dir);
    // On the host, $HOME itself is outside the model: plain `cd` goes back to ~/app.
    if (r.outside && argv.size() == 1 && !sh.config.mount.empty()) r = sh.resolve(sh.config.mount);
    if (r.outside) {
        io.err += sh.outsideMessage ? sh.outsideMessage("bash: cd", dir) : "";
        return 1;
    }
    const fs::FileEntry* e = sh.fs.find(r.tree);
    if (!e || !e->isDir()) {
        if (sh.isBash())
            io.err += "bash: cd: " + dir + ": " + (e ? "Not a directory" : "No such file or directory") + "\n";
        else if (sh.config.flavour == Flavour::Dash) io.err += sh.errorPrefix() + "cd: can't cd to " + dir + "\n";
        else   // busybox ash numbers the lines of `sh -c` from 0 in this message
            io.err += "/bin/sh: cd: line " + std::to_string(sh.lineNo - 1) + ": can't cd to " + dir + ": " +
                      (e ? "Not a directory" : "No such file or directory") + "\n";
        return sh.isBash() ? 1 : 2;
    }
    sh.vars["OLDPWD"] = sh.cwd;
    sh.cwd = sh.absolute(r.tree);
    return 0;
}

int cmdExport(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    bool unset = argv[0] == "unset";
    int status = 0;
    if (argv.size() == 1 && !unset) {
        for (const auto& [k, v] : sh.environment())
            io.out += (sh.isBash() ? "declare -x " : "export ") + k + "=\"" + v + "\"\n";
        return 0;
    }
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-n" || a == "-p" || a == "-f" || a == "-v") continue;
        auto eq = a.find('=');
        std::string name = a.substr(0, eq);
        bool valid = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                     std::all_of(name.begin(), name.end(),
                                 [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
        if (!valid) {
            io.err += sh.isBash() ? "bash: " + argv[0] + ": `" + a + "': not a valid identifier\n"
                                  : sh.errorPrefix() + argv[0] + ": " + a + ": bad variable name\n";
            status = sh.isBash() ? 1 : 2;
            continue;
        }
        if (unset) {
            sh.vars.erase(name);
            sh.exported.erase(name);
            continue;
        }
        if (eq != std::string::npos) sh.vars[name] = a.substr(eq + 1);
        sh.exported.insert(name);
    }
    return status;
}

int cmdWhich(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    int status = argv.size() > 1 ? 0 : 1;
    static const char* const notInPath[] = {"cd", "export", "unset", "set",  "exit",    "read", "return",
                                            ":",  "[[",     "shift", "wait", "history", "why",  "help"};
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& n = argv[i];
        bool builtinOnly = std::find(std::begin(notInPath), std::end(notInPath), n) != std::end(notInPath);
        if (n.find('/') != std::string::npos) {
            Resolved r = sh.resolve(n);
            const fs::FileEntry* e = r.outside ? nullptr : sh.fs.find(r.tree);
            if (e && (e->mode & 0111) && !e->isDir()) io.out += n + "\n";
            else status = 1;
        } else if (sh.knows(n) && !builtinOnly) {
            io.out += (n == "docker" || n == "curl" || n == "nano" || n == "vi" ? "/usr/bin/" : "/usr/bin/") + n + "\n";
        } else {
            status = 1;
        }
    }
    return status;
}

}   // namespace

const std::vector<std::string>& builtinNames(Flavour f) {
    static const std::vector<std::string> sh = {"cd",   "export", "unset", "set",   "exit", "echo", "printf",
                                                "test", "[",      "true",  "false", ":",    "pwd",  "which"};
    static const std::vector<std::string> bash = [] {
        std::vector<std::string> v = sh;
        v.push_back("[[");
        return v;
    }();
    return f == Flavour::Bash ? bash : sh;
}

bool isBuiltinName(const std::string& n, Flavour f) {
    const auto& names = builtinNames(f);
    // read, return, shift and wait (flow_builtins.cpp) are builtins too, but
    // not in the list Tab offers: they belong in scripts and functions, not
    // at a prompt (so a lesson's `sh` still completes to `show`).
    return std::find(names.begin(), names.end(), n) != names.end() || n == "read" || n == "return" || n == "shift" ||
           n == "wait";
}

int runBuiltin(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    const std::string& n = argv[0];
    if (!isBuiltinName(n, sh.config.flavour)) return -1;
    if (n == "cd") return cmdCd(sh, argv, io);
    if (n == "export" || n == "unset") return cmdExport(sh, argv, io);
    if (n == "set") {
        for (size_t i = 1; i < argv.size(); ++i) {
            const std::string& a = argv[i];
            if (a.size() > 1 && (a[0] == '-' || a[0] == '+') && a.find('e') != std::string::npos)
                sh.errexit = a[0] == '-';
        }
        return 0;
    }
    if (n == "true" || n == ":") return 0;
    if (n == "false") return 1;
    if (n == "pwd") {
        io.out += sh.cwd + "\n";
        return 0;
    }
    if (n == "echo") return cmdEcho(sh, argv, io);
    if (n == "printf") return cmdPrintf(sh, argv, io);
    if (n == "which") return cmdWhich(sh, argv, io);
    if (n == "exit" || n == "read" || n == "return" || n == "shift" || n == "wait") return runFlowBuiltin(sh, argv, io);
    return cmdTest(sh, argv, io);
}

}   // namespace layerlab::shell
