// Shell builtins and the coreutils a Dockerfile RUN typically uses, with
// dash's and GNU coreutils' own error texts and exit codes. runCommand() is
// the command table: builtins, then coreutils, then package managers, then
// "not modelled" (ran, no effect, said plainly).
#include <algorithm>
#include <cctype>

#include "sim/engine/run/shell.hpp"

namespace layerlab::engine::run::detail {
namespace {

std::string baseName(const std::string& p) {
    auto s = p.rfind('/');
    return s == std::string::npos ? p : p.substr(s + 1);
}

// Splits leading "-abc" options (until "--" or the first operand).
std::string takeFlags(const std::vector<std::string>& argv, size_t& i) {
    std::string flags;
    for (i = 1; i < argv.size(); ++i) {
        const auto& a = argv[i];
        if (a == "--") { ++i; break; }
        if (a.size() < 2 || a[0] != '-') break;
        if (a.rfind("--", 0) == 0) {
            if (a == "--recursive") flags += 'r';
            else if (a == "--force") flags += 'f';
            else if (a == "--parents") flags += 'p';
            else if (a == "--archive") flags += 'a';
            continue;
        }
        flags += a.substr(1);
    }
    return flags;
}

bool has(const std::string& flags, char c) { return flags.find(c) != std::string::npos; }

std::string echoEscapes(const std::string& s, bool& stop) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) { out += s[i]; continue; }
        char n = s[++i];
        switch (n) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case '\\': out += '\\'; break;
            case 'c': stop = true; return out;
            default: out += '\\'; out += n;
        }
    }
    return out;
}

int cmdEcho(const std::vector<std::string>& argv, CommandIo& io) {
    size_t i = 1;
    bool newline = true;
    if (i < argv.size() && argv[i] == "-n") { newline = false; ++i; }
    std::string out;
    bool stop = false;
    for (; i < argv.size() && !stop; ++i) {
        if (!out.empty() || i > (newline ? 1u : 2u)) out += ' ';
        out += echoEscapes(argv[i], stop);
    }
    if (newline && !stop) out += '\n';
    io.out += out;
    return 0;
}

int cmdPrintf(const std::vector<std::string>& argv, CommandIo& io) {
    if (argv.size() < 2) { io.err += "printf: usage: printf format [arg ...]\n"; return 2; }
    bool stop = false;
    std::string fmt = echoEscapes(argv[1], stop), out;
    size_t arg = 2;
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] == '%' && i + 1 < fmt.size()) {
            char k = fmt[++i];
            if (k == '%') { out += '%'; continue; }
            out += arg < argv.size() ? argv[arg++] : (k == 'd' ? "0" : "");
            continue;
        }
        out += fmt[i];
    }
    io.out += out;
    return 0;
}

int cmdTest(Shell& sh, std::vector<std::string> a) {
    if (!a.empty() && a[0] == "[") {
        if (a.empty() || a.back() != "]") return 2;
        a.pop_back();
    }
    a.erase(a.begin());
    bool negate = !a.empty() && a[0] == "!";
    if (negate) a.erase(a.begin());
    bool r = false;
    if (a.size() == 2) {
        const fs::FileEntry* e = sh.fs.find(sh.treePath(a[1]));
        if (a[0] == "-f") r = e && e->kind == fs::FileEntry::Kind::File;
        else if (a[0] == "-d") r = e && e->isDir();
        else if (a[0] == "-e") r = e != nullptr;
        else if (a[0] == "-s") r = e && e->size() > 0;
        else if (a[0] == "-z") r = a[1].empty();
        else if (a[0] == "-n") r = !a[1].empty();
    } else if (a.size() == 3) {
        if (a[1] == "=" || a[1] == "==") r = a[0] == a[2];
        else if (a[1] == "!=") r = a[0] != a[2];
    } else if (a.size() == 1) {
        r = !a[0].empty();
    }
    return (r != negate) ? 0 : 1;
}

fs::FileEntry newFile(Shell& sh, std::string content, uint32_t mode = 0644) {
    fs::FileEntry e;
    e.kind = fs::FileEntry::Kind::File;
    e.content = std::make_shared<const std::string>(std::move(content));
    e.mode = mode;
    e.uid = e.gid = sh.uid();
    e.mtimeMs = sh.nowMs;
    return e;
}

int cmdMkdir(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i;
    std::string flags = takeFlags(argv, i);
    if (i >= argv.size()) { io.err += "mkdir: missing operand\n"; return 1; }
    int status = 0;
    for (; i < argv.size(); ++i) {
        auto err = sh.fs.mkdir(sh.treePath(argv[i]), 0755, has(flags, 'p'), sh.nowMs);
        if (!err.empty()) {
            io.err += "mkdir: cannot create directory " + shellQuoteForError(argv[i]) + ": " + err + "\n";
            status = 1;
        }
    }
    return status;
}

int cmdTouch(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i;
    takeFlags(argv, i);
    if (i >= argv.size()) { io.err += "touch: missing file operand\n"; return 1; }
    int status = 0;
    for (; i < argv.size(); ++i) {
        std::string p = sh.treePath(argv[i]);
        const fs::FileEntry* e = sh.fs.find(p);
        std::string err;
        if (e) {
            fs::FileEntry copy = *e;
            copy.mtimeMs = sh.nowMs;
            err = sh.fs.put(p, copy);
        } else {
            std::string parent = p.rfind('/') == std::string::npos ? "" : p.substr(0, p.rfind('/'));
            err = sh.fs.view().isDirectory(parent) ? sh.fs.put(p, newFile(sh, "")) : "No such file or directory";
        }
        if (!err.empty()) {
            io.err += "touch: cannot touch " + shellQuoteForError(argv[i]) + ": " + err + "\n";
            status = 1;
        }
    }
    return status;
}

int cmdRm(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i;
    std::string flags = takeFlags(argv, i);
    bool force = has(flags, 'f'), recursive = has(flags, 'r') || has(flags, 'R');
    if (i >= argv.size()) {
        if (force) return 0;
        io.err += "rm: missing operand\n";
        return 1;
    }
    int status = 0;
    for (; i < argv.size(); ++i) {
        std::string p = sh.treePath(argv[i]);
        const fs::FileEntry* e = sh.fs.find(p);
        if (!e) {
            if (!force) {
                io.err += "rm: cannot remove " + shellQuoteForError(argv[i]) + ": No such file or directory\n";
                status = 1;
            }
            continue;
        }
        if (e->isDir() && !recursive) {
            io.err += "rm: cannot remove " + shellQuoteForError(argv[i]) + ": Is a directory\n";
            status = 1;
            continue;
        }
        if (p.empty()) {
            io.err += "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
            status = 1;
            continue;
        }
        sh.fs.remove(p);
    }
    return status;
}

// cp/mv: copy (or move) each source to dest (into it when it is a directory).
int cmdCopyMove(Shell& sh, const std::vector<std::string>& argv, CommandIo& io, bool move) {
    const std::string name = move ? "mv" : "cp";
    size_t i;
    std::string flags = takeFlags(argv, i);
    bool recursive = move || has(flags, 'r') || has(flags, 'R') || has(flags, 'a');
    std::vector<std::string> ops(argv.begin() + static_cast<long>(i), argv.end());
    if (ops.empty()) { io.err += name + ": missing file operand\n"; return 1; }
    if (ops.size() == 1) {
        io.err += name + ": missing destination file operand after " + shellQuoteForError(ops[0]) + "\n";
        return 1;
    }
    std::string dest = ops.back();
    ops.pop_back();
    std::string destPath = sh.treePath(dest);
    bool destIsDir = sh.fs.view().isDirectory(destPath);
    if (ops.size() > 1 && !destIsDir) {
        io.err += name + ": target " + shellQuoteForError(dest) + ": " +
                  (sh.fs.find(destPath) ? "Not a directory" : "No such file or directory") + "\n";
        return 1;
    }
    int status = 0;
    for (const auto& src : ops) {
        std::string srcPath = sh.treePath(src);
        const fs::FileEntry* e = sh.fs.find(srcPath);
        if (!e) {
            io.err += name + ": cannot stat " + shellQuoteForError(src) + ": No such file or directory\n";
            status = 1;
            continue;
        }
        std::string target = destIsDir ? (destPath.empty() ? baseName(srcPath) : destPath + "/" + baseName(srcPath)) : destPath;
        std::string err;
        if (e->isDir()) {
            if (!recursive) {
                io.err += name + ": -r not specified; omitting directory " + shellQuoteForError(src) + "\n";
                status = 1;
                continue;
            }
            err = sh.fs.graft(target, sh.fs.view().subtree(srcPath));
        } else {
            fs::FileEntry copy = *e;
            if (!move && !has(flags, 'a') && !has(flags, 'p')) { copy.uid = copy.gid = sh.uid(); copy.mtimeMs = sh.nowMs; }
            err = sh.fs.put(target, copy);
        }
        if (err.empty() && move) err = sh.fs.remove(srcPath);
        if (!err.empty()) {
            io.err += name + ": cannot create regular file " + shellQuoteForError(dest) + ": " + err + "\n";
            status = 1;
        }
        sh.elapsedMs += static_cast<int64_t>(e->size() / 200000);
    }
    return status;
}

int cmdCat(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i;
    takeFlags(argv, i);
    if (i >= argv.size()) { io.out += io.in; return 0; }
    int status = 0;
    for (; i < argv.size(); ++i) {
        if (argv[i] == "-") { io.out += io.in; continue; }
        const fs::FileEntry* e = sh.fs.find(sh.treePath(argv[i]));
        if (!e) { io.err += "cat: " + argv[i] + ": No such file or directory\n"; status = 1; continue; }
        if (e->isDir()) { io.err += "cat: " + argv[i] + ": Is a directory\n"; status = 1; continue; }
        if (e->content) io.out += *e->content;
    }
    return status;
}

// Octal ("755") or symbolic ("+x", "u+x,go-w") modes.
bool applyMode(const std::string& spec, uint32_t& mode, bool isDir) {
    if (!spec.empty() && std::all_of(spec.begin(), spec.end(), [](char c) { return c >= '0' && c <= '7'; })) {
        mode = static_cast<uint32_t>(std::stoul(spec, nullptr, 8)) & 07777;
        return true;
    }
    size_t start = 0;
    while (start <= spec.size()) {
        size_t comma = spec.find(',', start);
        std::string clause = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        size_t op = clause.find_first_of("+-=");
        if (op == std::string::npos) return false;
        std::string who = clause.substr(0, op);
        if (who.empty() || who.find('a') != std::string::npos) who = "ugo";
        uint32_t bits = 0;
        for (char p : clause.substr(op + 1)) {
            uint32_t b = p == 'r' ? 4 : p == 'w' ? 2 : p == 'x' ? 1 : p == 'X' ? (isDir || (mode & 0111) ? 1 : 0) : 8;
            if (b == 8) return false;
            bits |= b;
        }
        uint32_t mask = 0;
        for (char w : who) {
            int shift = w == 'u' ? 6 : w == 'g' ? 3 : w == 'o' ? 0 : -1;
            if (shift < 0) return false;
            mask |= bits << shift;
            if (clause[op] == '=') mode &= ~(7u << shift);
        }
        if (clause[op] == '-') mode &= ~mask;
        else mode |= mask;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return true;
}

int cmdChmod(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i = 1;
    bool recursive = false;
    if (i < argv.size() && argv[i] == "-R") { recursive = true; ++i; }
    if (i + 1 >= argv.size()) { io.err += "chmod: missing operand\n"; return 1; }
    std::string spec = argv[i++];
    int status = 0;
    for (; i < argv.size(); ++i) {
        std::string p = sh.treePath(argv[i]);
        if (!sh.fs.find(p)) {
            io.err += "chmod: cannot access " + shellQuoteForError(argv[i]) + ": No such file or directory\n";
            status = 1;
            continue;
        }
        std::vector<std::string> paths = {p};
        if (recursive) sh.fs.view().forEach([&](const std::string& q, const fs::FileEntry&) { paths.push_back(q); }, p);
        for (const auto& q : paths) {
            fs::FileEntry e = *sh.fs.find(q);
            if (!applyMode(spec, e.mode, e.isDir())) {
                io.err += "chmod: invalid mode: " + shellQuoteForError(spec) + "\n";
                return 1;
            }
            sh.fs.put(q, e);
        }
    }
    return status;
}

int cmdChown(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i = 1;
    bool recursive = false;
    if (i < argv.size() && argv[i] == "-R") { recursive = true; ++i; }
    if (i + 1 >= argv.size()) { io.err += "chown: missing operand\n"; return 1; }
    std::string spec = argv[i++];
    auto idOf = [](const std::string& n) -> uint32_t {
        if (n.empty() || n == "root") return 0;
        if (std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return static_cast<uint32_t>(std::stoul(n.substr(0, 9)));
        return 1000;
    };
    auto colon = spec.find_first_of(":.");
    uint32_t uid = idOf(spec.substr(0, colon));
    uint32_t gid = colon == std::string::npos ? uid : idOf(spec.substr(colon + 1));
    int status = 0;
    for (; i < argv.size(); ++i) {
        std::string p = sh.treePath(argv[i]);
        if (!sh.fs.find(p)) {
            io.err += "chown: cannot access " + shellQuoteForError(argv[i]) + ": No such file or directory\n";
            status = 1;
            continue;
        }
        std::vector<std::string> paths = {p};
        if (recursive) sh.fs.view().forEach([&](const std::string& q, const fs::FileEntry&) { paths.push_back(q); }, p);
        for (const auto& q : paths) {
            fs::FileEntry e = *sh.fs.find(q);
            e.uid = uid;
            e.gid = gid;
            sh.fs.put(q, e);
        }
    }
    return status;
}

int cmdLn(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i;
    std::string flags = takeFlags(argv, i);
    if (i + 1 >= argv.size()) { io.err += "ln: missing file operand\n"; return 1; }
    std::string target = argv[i], link = sh.treePath(argv[i + 1]);
    if (sh.fs.view().isDirectory(link)) link = link.empty() ? baseName(target) : link + "/" + baseName(target);
    if (sh.fs.find(link) && !has(flags, 'f')) {
        io.err += "ln: failed to create symbolic link " + shellQuoteForError(argv[i + 1]) + ": File exists\n";
        return 1;
    }
    fs::FileEntry e;
    e.kind = has(flags, 's') ? fs::FileEntry::Kind::Symlink : fs::FileEntry::Kind::File;
    if (e.kind == fs::FileEntry::Kind::Symlink) {
        e.linkTarget = target;
        e.mode = 0777;
    } else {
        const fs::FileEntry* src = sh.fs.find(sh.treePath(target));
        if (!src) { io.err += "ln: failed to access " + shellQuoteForError(target) + ": No such file or directory\n"; return 1; }
        e = *src;
    }
    auto err = sh.fs.put(link, e);
    if (!err.empty()) { io.err += "ln: failed to create link: " + err + "\n"; return 1; }
    return 0;
}

int cmdLs(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    size_t i;
    std::string flags = takeFlags(argv, i);
    std::vector<std::string> ops(argv.begin() + static_cast<long>(i), argv.end());
    if (ops.empty()) ops.push_back(".");
    int status = 0;
    for (const auto& op : ops) {
        std::string p = sh.treePath(op);
        const fs::FileEntry* e = sh.fs.find(p);
        if (!e && !p.empty()) {
            io.err += "ls: cannot access " + shellQuoteForError(op) + ": No such file or directory\n";
            status = 2;
            continue;
        }
        if (ops.size() > 1) io.out += op + ":\n";
        std::vector<std::string> names = (!e || e->isDir()) ? sh.fs.view().list(p) : std::vector<std::string>{op};
        for (const auto& n : names) {
            if (n[0] == '.' && !has(flags, 'a') && !has(flags, 'A')) continue;
            io.out += n + "\n";
        }
    }
    return status;
}

}  // namespace

int runCoreutil(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    const std::string cmd = baseName(argv[0]);
    sh.elapsedMs += 2;
    if (cmd == "mkdir") return cmdMkdir(sh, argv, io);
    if (cmd == "touch") return cmdTouch(sh, argv, io);
    if (cmd == "rm") return cmdRm(sh, argv, io);
    if (cmd == "cp") return cmdCopyMove(sh, argv, io, false);
    if (cmd == "mv") return cmdCopyMove(sh, argv, io, true);
    if (cmd == "cat") return cmdCat(sh, argv, io);
    if (cmd == "chmod") return cmdChmod(sh, argv, io);
    if (cmd == "chown") return cmdChown(sh, argv, io);
    if (cmd == "ln") return cmdLn(sh, argv, io);
    if (cmd == "ls") return cmdLs(sh, argv, io);
    sh.elapsedMs -= 2;
    return -1;
}

int runCommand(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    const std::string cmd = baseName(argv[0]);
    if (cmd == "cd") {
        std::string dir = argv.size() > 1 ? argv[1] : (sh.vars.count("HOME") ? sh.vars["HOME"] : "/root");
        std::string p = sh.treePath(dir);
        if (!sh.fs.view().isDirectory(p)) {
            io.err += "/bin/sh: " + std::to_string(sh.lineNo) + ": cd: can't cd to " + dir + "\n";
            return 2;
        }
        sh.cwd = "/" + p;
        return 0;
    }
    if (cmd == "export" || cmd == "unset") {
        for (size_t i = 1; i < argv.size(); ++i) {
            auto eq = argv[i].find('=');
            if (cmd == "unset") sh.vars.erase(argv[i]);
            else if (eq != std::string::npos) sh.vars[argv[i].substr(0, eq)] = argv[i].substr(eq + 1);
        }
        return 0;
    }
    if (cmd == "exit") {
        sh.exited = true;
        sh.lastStatus = argv.size() > 1 ? std::atoi(argv[1].c_str()) & 0xff : sh.lastStatus;
        return sh.lastStatus;
    }
    if (cmd == "true" || cmd == ":") return 0;
    if (cmd == "false") return 1;
    if (cmd == "pwd") { io.out += sh.cwd + "\n"; return 0; }
    if (cmd == "echo") return cmdEcho(argv, io);
    if (cmd == "printf") return cmdPrintf(argv, io);
    if (cmd == "test" || cmd == "[") return cmdTest(sh, argv);
    if (cmd == "whoami") { io.out += (sh.user.empty() ? "root" : sh.user) + "\n"; return 0; }
    if (cmd == "sleep") {
        sh.elapsedMs += argv.size() > 1 ? static_cast<int64_t>(std::atof(argv[1].c_str()) * 1000) : 0;
        return 0;
    }
    if (cmd == "env" && argv.size() == 1) {
        for (const auto& [k, v] : sh.vars) io.out += k + "=" + v + "\n";
        return 0;
    }
    int r = runCoreutil(sh, argv, io);
    if (r >= 0) return r;
    r = runPackageManager(sh, argv, io);
    if (r >= 0) return r;
    // Not modelled: it "ran", changed nothing, and the log says so.
    sh.elapsedMs += 100;
    sh.unmodelled.push_back(cmd);
    io.out += "[LayerLab] '" + cmd + "' is not modelled by the simulator: it ran with no effect on the file system\n";
    return 0;
}

}  // namespace layerlab::engine::run::detail
