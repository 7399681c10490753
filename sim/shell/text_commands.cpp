// text_commands: the coreutils that filter text (head, tail, wc, sort,
// uniq, cut, tee, xargs; grep is in grep.cpp) and a few small ones (sleep on
// the virtual clock, env, whoami, basename, dirname, seq), with GNU's words.
#include <algorithm>
#include <cctype>

#include "sim/shell/shell.hpp"
#include "sim/shell/text_io.hpp"

namespace layerlab::shell {
namespace {

// -c: the first N bytes (head), the last N (tail) or from byte N on (tail -c +N).
std::string sliceBytes(const std::string& text, size_t n, bool head, bool fromStart) {
    if (head) return text.substr(0, std::min(n, text.size()));
    if (fromStart) return n > 0 && n - 1 < text.size() ? text.substr(n - 1) : (n == 0 ? text : std::string());
    return text.size() > n ? text.substr(text.size() - n) : text;
}

// head/tail: -n N, -N, -nN, --lines=N, -n +N (tail); -c N, -cN, --bytes=N,
// -c +N (tail) count bytes instead of lines. Any other option is GNU's
// "invalid option" (it was read as a file name before).
int cmdHeadTail(Shell& sh, const std::vector<std::string>& argv, Io& io, bool head) {
    const std::string name = head ? "head" : "tail";
    long n = 10;
    bool fromStart = false, bytes = false;
    std::vector<std::string> files;
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string a = argv[i];
        std::string num;
        bool byteCount = false;
        if ((a == "-n" || a == "-c") && i + 1 < argv.size()) {
            byteCount = a == "-c";
            num = argv[++i];
        } else if ((a.rfind("-n", 0) == 0 || a.rfind("-c", 0) == 0) && a.size() > 2) {
            byteCount = a[1] == 'c';
            num = a.substr(2);
        } else if (a.rfind("--lines=", 0) == 0) {
            num = a.substr(8);
        } else if (a.rfind("--bytes=", 0) == 0) {
            byteCount = true;
            num = a.substr(8);
        } else if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1]))) {
            num = a.substr(1);
        } else if (a == "-f" || a == "-q") {
            continue;
        } else if (a.size() > 1 && a[0] == '-' && a != "--") {
            io.err += name + ": " +
                      (a[1] == '-' ? "unrecognized option '" + a + "'" : "invalid option -- '" + a.substr(1, 1) + "'") +
                      "\nTry '" + name + " --help' for more information.\n";
            return 1;
        } else {
            if (a != "--") files.push_back(a);
            continue;
        }
        bytes = byteCount;
        if (!num.empty() && num[0] == '+') {
            fromStart = !head;
            num = num.substr(1);
        }
        if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos) {
            io.err += name + ": invalid number of " + (bytes ? "bytes" : "lines") + ": " + sh.quote(num) + "\n";
            return 1;
        }
        n = std::stol(num.substr(0, 9));
    }
    if (files.empty()) files.push_back("-");
    int status = 0;
    for (size_t k = 0; k < files.size(); ++k) {
        std::string text;
        if (!readInput(sh, io, name, files[k], text, "open")) {
            status = 1;
            continue;
        }
        if (files.size() > 1)
            io.out += std::string(k ? "\n" : "") + "==> " + (files[k] == "-" ? "standard input" : files[k]) + " <==\n";
        if (bytes) {
            io.out += sliceBytes(text, static_cast<size_t>(n), head, fromStart);
            continue;
        }
        auto ls = lines(text);
        size_t total = ls.size(), from = 0, to = total;
        if (head) to = std::min(total, static_cast<size_t>(n));
        else if (fromStart) from = std::min(total, static_cast<size_t>(n > 0 ? n - 1 : 0));
        else from = total > static_cast<size_t>(n) ? total - static_cast<size_t>(n) : 0;
        for (size_t i = from; i < to; ++i) io.out += ls[i] + "\n";
    }
    return status;
}

int cmdWc(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    bool l = false, w = false, c = false;
    std::vector<std::string> files;
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            for (char ch : a.substr(1)) {
                if (ch == 'l') l = true;
                else if (ch == 'w') w = true;
                else if (ch == 'c' || ch == 'm') c = true;
            }
        } else {
            files.push_back(a);
        }
    }
    if (!l && !w && !c) l = w = c = true;
    bool fromStdin = files.empty();
    if (fromStdin) files.push_back("-");
    struct Counts {
        size_t l = 0, w = 0, c = 0;
        std::string name;
    };
    std::vector<Counts> rows;
    Counts total{0, 0, 0, "total"};
    int status = 0;
    for (const auto& f : files) {
        std::string text;
        if (!readInput(sh, io, "wc", f, text)) {
            status = 1;
            continue;
        }
        Counts k{0, 0, text.size(), fromStdin ? "" : f};
        bool inWord = false;
        for (char ch : text) {
            if (ch == '\n') ++k.l;
            bool space = std::isspace(static_cast<unsigned char>(ch)) != 0;
            if (!space && !inWord) ++k.w;
            inWord = !space;
        }
        total.l += k.l, total.w += k.w, total.c += k.c;
        rows.push_back(k);
    }
    if (files.size() > 1) rows.push_back(total);
    // GNU wc: one number alone is unpadded; several are padded to a common
    // width (7 when reading stdin, else the width of the largest count).
    int fields = (l ? 1 : 0) + (w ? 1 : 0) + (c ? 1 : 0);
    size_t width = 1;
    for (const auto& r : rows)
        width = std::max({width, std::to_string(r.l).size(), std::to_string(r.w).size(), std::to_string(r.c).size()});
    if (fromStdin && fields > 1) width = 7;
    if (fields == 1 && rows.size() == 1) width = 0;
    for (const auto& r : rows) {
        std::string line;
        auto put = [&](size_t v) {
            std::string s = std::to_string(v);
            if (!line.empty()) line += ' ';
            line += std::string(width > s.size() ? width - s.size() : 0, ' ') + s;
        };
        if (l) put(r.l);
        if (w) put(r.w);
        if (c) put(r.c);
        io.out += line + (r.name.empty() ? "" : " " + r.name) + "\n";
    }
    return status;
}

int cmdSortUniq(Shell& sh, const std::vector<std::string>& argv, Io& io, bool sort) {
    const std::string name = sort ? "sort" : "uniq";
    bool reverse = false, unique = false, numeric = false, count = false;
    std::vector<std::string> files;
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            for (char ch : a.substr(1)) {
                if (ch == 'r') reverse = true;
                else if (ch == 'u') unique = true;
                else if (ch == 'n') numeric = true;
                else if (ch == 'c') count = true;
            }
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) files.push_back("-");
    if (!sort && files.size() > 1) files.resize(1);
    std::vector<std::string> all;
    int status = 0;
    for (const auto& f : files) {
        std::string text;
        if (!readInput(sh, io, name, f, text, sort ? "sort" : "")) {
            return 2 - (sort ? 0 : 1);
        }
        auto ls = lines(text);
        all.insert(all.end(), ls.begin(), ls.end());
    }
    if (sort) {
        auto num = [](const std::string& s) { return std::strtod(s.c_str(), nullptr); };
        std::stable_sort(all.begin(), all.end(), [&](const std::string& a, const std::string& b) {
            if (numeric && num(a) != num(b)) return num(a) < num(b);
            return a < b;
        });
        if (reverse) std::reverse(all.begin(), all.end());
        if (unique) all.erase(std::unique(all.begin(), all.end()), all.end());
        for (const auto& l : all) io.out += l + "\n";
        return status;
    }
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j] == all[i]) ++j;
        if (count) {
            std::string n = std::to_string(j - i);
            io.out += std::string(n.size() < 7 ? 7 - n.size() : 0, ' ') + n + " " + all[i] + "\n";
        } else {
            io.out += all[i] + "\n";
        }
        i = j;
    }
    return status;
}

int cmdCut(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    std::string delim = "\t", list;
    bool chars = false;
    std::vector<std::string> files;
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string a = argv[i];
        auto value = [&](const std::string& flag) {
            if (a.size() > 2) return a.substr(2);
            return i + 1 < argv.size() ? argv[++i] : std::string();
            (void)flag;
        };
        if (a.rfind("-d", 0) == 0) delim = value("-d");
        else if (a.rfind("-f", 0) == 0) list = value("-f");
        else if (a.rfind("-c", 0) == 0 || a.rfind("-b", 0) == 0) {
            list = value("-c");
            chars = true;
        } else files.push_back(a);
    }
    if (list.empty()) {
        io.err += "cut: you must specify a list of bytes, characters, or fields\n" + tryHelp("cut");
        return 1;
    }
    if (delim.size() != 1) {
        io.err += "cut: the delimiter must be a single character\n" + tryHelp("cut");
        return 1;
    }
    // "1,3-4,5-": the fields (1-based) to keep.
    auto wanted = [&](size_t k) {
        size_t pos = 0;
        while (pos <= list.size()) {
            size_t comma = list.find(',', pos);
            std::string r = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            size_t dash = r.find('-');
            size_t lo = 1, hi = static_cast<size_t>(-1);
            if (dash == std::string::npos) lo = hi = std::strtoul(r.c_str(), nullptr, 10);
            else {
                if (dash > 0) lo = std::strtoul(r.substr(0, dash).c_str(), nullptr, 10);
                if (dash + 1 < r.size()) hi = std::strtoul(r.substr(dash + 1).c_str(), nullptr, 10);
            }
            if (k >= lo && k <= hi) return true;
            if (comma == std::string::npos) break;
            pos = comma + 1;
        }
        return false;
    };
    if (files.empty()) files.push_back("-");
    int status = 0;
    for (const auto& f : files) {
        std::string text;
        if (!readInput(sh, io, "cut", f, text)) {
            status = 1;
            continue;
        }
        for (const auto& l : lines(text)) {
            std::string out;
            if (chars) {
                for (size_t k = 0; k < l.size(); ++k)
                    if (wanted(k + 1)) out += l[k];
            } else if (l.find(delim[0]) == std::string::npos) {
                out = l;   // a line without the delimiter is printed whole
            } else {
                size_t k = 1, start = 0;
                bool first = true;
                while (start <= l.size()) {
                    size_t d = l.find(delim[0], start);
                    std::string field = l.substr(start, d == std::string::npos ? std::string::npos : d - start);
                    if (wanted(k)) {
                        out += (first ? "" : delim) + field;
                        first = false;
                    }
                    if (d == std::string::npos) break;
                    start = d + 1;
                    ++k;
                }
            }
            io.out += out + "\n";
        }
    }
    return status;
}

int cmdTee(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    bool append = false;
    int status = 0;
    io.out += io.in;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "-a") {
            append = true;
            continue;
        }
        Resolved r = sh.resolve(argv[i]);
        if (argv[i] == "/dev/null") continue;
        if (r.outside) {
            io.err += sh.outsideMessage ? sh.outsideMessage("tee", argv[i]) : "";
            status = 1;
            continue;
        }
        const fs::FileEntry* e = sh.fs.find(r.tree);
        fs::FileEntry f;
        if (e) f = *e;
        else {
            f.mode = 0644;
            f.uid = f.gid = sh.uid();
        }
        if (e && e->isDir()) {
            io.err += "tee: " + argv[i] + ": Is a directory\n";
            status = 1;
            continue;
        }
        f.kind = fs::FileEntry::Kind::File;
        f.content =
            std::make_shared<const std::string>((append && e && e->content ? *e->content : std::string()) + io.in);
        f.mtimeMs = sh.nowMs;
        std::string err = sh.fs.put(r.tree, f);
        if (!err.empty()) {
            io.err += "tee: " + argv[i] + ": " + err + "\n";
            status = 1;
        }
    }
    return status;
}

int cmdXargs(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    size_t i = 1;
    bool noRunIfEmpty = false;
    size_t maxArgs = 0;
    for (; i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-'; ++i) {
        if (argv[i] == "-r" || argv[i] == "--no-run-if-empty") noRunIfEmpty = true;
        else if (argv[i] == "-n" && i + 1 < argv.size()) maxArgs = std::strtoul(argv[++i].c_str(), nullptr, 10);
        else if (argv[i].rfind("-n", 0) == 0) maxArgs = std::strtoul(argv[i].c_str() + 2, nullptr, 10);
    }
    std::vector<std::string> base(argv.begin() + static_cast<long>(i), argv.end());
    if (base.empty()) base.push_back("echo");
    std::vector<std::string> items;
    std::string cur;
    for (char c : io.in) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!cur.empty()) items.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) items.push_back(cur);
    if (items.empty() && noRunIfEmpty) return 0;
    int status = 0;
    size_t step = maxArgs ? maxArgs : std::max<size_t>(items.size(), 1);
    for (size_t k = 0; k == 0 || k < items.size(); k += step) {
        std::vector<std::string> a = base;
        for (size_t j = k; j < std::min(items.size(), k + step); ++j) a.push_back(items[j]);
        Io sub;
        sub.outIsTerminal = io.outIsTerminal;
        int s = 0;
        if (!sh.knows(a[0]) && !sh.commands.count(a[0])) {
            sub.err += "xargs: " + a[0] + ": No such file or directory\n";
            s = 127;
        } else {
            s = sh.runArgv(a, sub);
        }
        io.out += sub.out;
        io.err += sub.err;
        io.errFirst = sub.errFirst;
        if (s == 127) return 127;
        if (s != 0) status = 123;   // GNU xargs: some invocation failed
        if (sh.stopped || sh.exited) break;
    }
    return status;
}

int cmdSeq(Shell&, const std::vector<std::string>& argv, Io& io) {
    std::vector<long long> n;
    for (size_t i = 1; i < argv.size(); ++i) n.push_back(std::strtoll(argv[i].c_str(), nullptr, 10));
    if (n.empty()) {
        io.err += "seq: missing operand\n" + tryHelp("seq");
        return 1;
    }
    long long first = n.size() > 1 ? n[0] : 1, step = n.size() > 2 ? n[1] : 1, last = n.back();
    if (step == 0) return 1;
    int guard = 0;
    for (long long v = first; (step > 0 ? v <= last : v >= last) && guard < 100000; v += step, ++guard)
        io.out += std::to_string(v) + "\n";
    return 0;
}

}   // namespace

const std::vector<std::string>& textCommandNames() {
    static const std::vector<std::string> names = {"grep", "head",   "tail",     "wc",      "sort",
                                                   "uniq", "cut",    "tee",      "xargs",   "sleep",
                                                   "env",  "whoami", "basename", "dirname", "seq"};
    return names;
}

bool isTextCommandName(const std::string& n) {
    const auto& names = textCommandNames();
    return std::find(names.begin(), names.end(), n) != names.end();
}

int runTextCommand(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    std::string cmd = argv[0].substr(argv[0].rfind('/') == std::string::npos ? 0 : argv[0].rfind('/') + 1);
    if (cmd == "grep") return runGrep(sh, argv, io);
    if (cmd == "head") return cmdHeadTail(sh, argv, io, true);
    if (cmd == "tail") return cmdHeadTail(sh, argv, io, false);
    if (cmd == "wc") return cmdWc(sh, argv, io);
    if (cmd == "sort") return cmdSortUniq(sh, argv, io, true);
    if (cmd == "uniq") return cmdSortUniq(sh, argv, io, false);
    if (cmd == "cut") return cmdCut(sh, argv, io);
    if (cmd == "tee") return cmdTee(sh, argv, io);
    if (cmd == "xargs") return cmdXargs(sh, argv, io);
    if (cmd == "seq") return cmdSeq(sh, argv, io);
    if (cmd == "whoami") {
        io.out += (sh.user.empty() ? "root" : sh.user) + "\n";
        return 0;
    }
    if (cmd == "basename" || cmd == "dirname") {
        if (argv.size() < 2) {
            io.err += cmd + ": missing operand\n" + tryHelp(cmd);
            return 1;
        }
        std::string p = argv[1];
        while (p.size() > 1 && p.back() == '/') p.pop_back();
        size_t s = p.rfind('/');
        if (cmd == "basename") io.out += (s == std::string::npos ? p : p.substr(s + 1)) + "\n";
        else io.out += (s == std::string::npos ? "." : s == 0 ? "/" : p.substr(0, s)) + "\n";
        return 0;
    }
    if (cmd == "sleep") {
        if (argv.size() < 2) {
            io.err += "sleep: missing operand\n" + tryHelp("sleep");
            return 1;
        }
        char* end = nullptr;
        double secs = std::strtod(argv[1].c_str(), &end);
        if (!end || (*end && std::string_view(end) != "s")) {
            io.err += "sleep: invalid time interval " + sh.quote(argv[1]) + "\n" + tryHelp("sleep");
            return 1;
        }
        sh.elapsedMs += static_cast<int64_t>(std::min(secs, 86400.0) * 1000);   // virtual time: nothing waits
        return 0;
    }
    if (cmd == "env") {
        if (argv.size() > 1) {
            // env VAR=x cmd: run cmd with the extra variables.
            std::vector<std::string> rest;
            size_t i = 1;
            auto saved = sh.vars;
            auto savedExp = sh.exported;
            for (; i < argv.size() && argv[i].find('=') != std::string::npos; ++i) {
                sh.vars[argv[i].substr(0, argv[i].find('='))] = argv[i].substr(argv[i].find('=') + 1);
                sh.exported.insert(argv[i].substr(0, argv[i].find('=')));
            }
            int s = 0;
            if (i < argv.size()) s = sh.runArgv({argv.begin() + static_cast<long>(i), argv.end()}, io);
            else
                for (const auto& [k, v] : sh.environment()) io.out += k + "=" + v + "\n";
            sh.vars = saved;
            sh.exported = savedExp;
            return s;
        }
        for (const auto& [k, v] : sh.environment()) io.out += k + "=" + v + "\n";
        return 0;
    }
    return -1;
}

}   // namespace layerlab::shell
