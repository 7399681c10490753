// file_commands: the coreutils that change or read files (cat, cp, mv, rm,
// mkdir, touch, chmod, chown, ln), one implementation for the host and for
// RUN, with GNU coreutils' own words and exit codes.
#include <algorithm>
#include <functional>
#include <cctype>

#include "sim/shell/file_mode.hpp"
#include "sim/shell/shell.hpp"

namespace layerlab::shell {
namespace {

struct Opts {
    std::string letters;   // short options seen, e.g. "rf"
    std::vector<std::string> operands;
    std::string bad;   // first unknown option letter
};

// GNU-style options before or among operands ("--" ends them).
Opts splitOptions(const std::vector<std::string>& argv, std::string_view known) {
    Opts o;
    bool done = false;
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (!done && a == "--") {
            done = true;
            continue;
        }
        if (!done && a.rfind("--", 0) == 0 && a.size() > 2) {
            if (a == "--recursive") o.letters += 'r';
            else if (a == "--force") o.letters += 'f';
            else if (a == "--parents") o.letters += 'p';
            else if (a == "--archive") o.letters += 'a';
            else if (a == "--verbose") o.letters += 'v';
            continue;
        }
        if (!done && a.size() > 1 && a[0] == '-') {
            for (size_t k = 1; k < a.size(); ++k) {
                if (known.find(a[k]) == std::string_view::npos && o.bad.empty()) o.bad = std::string(1, a[k]);
                o.letters += a[k];
            }
            continue;
        }
        o.operands.push_back(a);
    }
    return o;
}

bool has(const Opts& o, char c) { return o.letters.find(c) != std::string::npos; }

std::string tryHelp(const std::string& cmd) { return "Try '" + cmd + " --help' for more information.\n"; }

int invalidOption(Io& io, const std::string& cmd, const std::string& letter) {
    io.err += cmd + ": invalid option -- '" + letter + "'\n" + tryHelp(cmd);
    return 1;
}

std::string baseName(const std::string& p) {
    auto s = p.rfind('/');
    return s == std::string::npos ? p : p.substr(s + 1);
}

std::string parentOf(const std::string& tree) {
    auto s = tree.rfind('/');
    return s == std::string::npos ? "" : tree.substr(0, s);
}

std::string join(const std::string& dir, const std::string& name) { return dir.empty() ? name : dir + "/" + name; }

fs::FileEntry newFile(Shell& sh, std::string content, uint32_t mode = 0644) {
    fs::FileEntry e;
    e.kind = fs::FileEntry::Kind::File;
    e.content = std::make_shared<const std::string>(std::move(content));
    e.mode = mode;
    e.uid = e.gid = sh.uid();
    e.mtimeMs = sh.nowMs;
    return e;
}

// Resolves an operand; reports a path outside the mount. nullopt = skip it.
std::optional<std::string> operand(Shell& sh, Io& io, const std::string& cmd, const std::string& arg) {
    Resolved r = sh.resolve(arg);
    if (!r.outside) return r.tree;
    io.err += sh.outsideMessage ? sh.outsideMessage(cmd, arg) : cmd + ": " + arg + ": Permission denied\n";
    return std::nullopt;
}

// cat -n: GNU's "%6d\t" before each line.
std::string numbered(const std::string& text, size_t& n) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        std::string num = std::to_string(++n);
        out += std::string(num.size() < 6 ? 6 - num.size() : 0, ' ') + num + "\t" +
               text.substr(start, nl == std::string::npos ? std::string::npos : nl + 1 - start);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

int cmdCat(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    Opts opt = splitOptions(argv, "nu");
    if (!opt.bad.empty()) {
        if (std::string_view("AvETbset").find(opt.bad[0]) == std::string_view::npos)
            return invalidOption(io, "cat", opt.bad);
        io.err += "cat: -" + opt.bad + ": a real option of cat that LayerLab does not model (-n works)\n";
        return 1;
    }
    if (has(opt, 'n')) {
        // Number the lines of the whole output, as GNU cat does across files.
        std::vector<std::string> plain = {"cat"};
        plain.insert(plain.end(), opt.operands.begin(), opt.operands.end());
        Io inner = io;
        inner.out.clear();
        int status = cmdCat(sh, plain, inner);
        size_t n = 0;
        io.out += numbered(inner.out, n);
        io.err = inner.err;
        return status;
    }
    if (opt.operands.empty()) {
        if (!io.hasIn && sh.config.keyboard) {
            // A real cat would wait for the keyboard; LayerLab's terminal has no stdin to give it.
            io.err +=
                sh.config.lang == "ko"
                    ? "cat: 파일 이름 없이 쓰면 키보드 입력을 읽습니다. LayerLab에서는 파일을 주거나 heredoc을 쓰세요: "
                      "cat > FILE <<'EOF'\n"
                    : "cat: with no file, cat reads the keyboard. In LayerLab give a file, or use a heredoc: "
                      "cat > FILE <<'EOF'\n";
            return 1;
        }
        io.out += io.in;
        return 0;
    }
    int status = 0;
    for (const auto& f : opt.operands) {
        if (f == "-") {
            io.out += io.in;
            continue;
        }
        auto p = operand(sh, io, "cat", f);
        if (!p) {
            status = 1;
            continue;
        }
        const fs::FileEntry* e = sh.fs.find(*p);
        if (e && e->kind == fs::FileEntry::Kind::Symlink) {
            Resolved t =
                sh.resolve(e->linkTarget[0] == '/' ? e->linkTarget : sh.absolute(parentOf(*p)) + "/" + e->linkTarget);
            e = t.outside ? nullptr : sh.fs.find(t.tree);
        }
        if (!e) {
            io.err += "cat: " + f + ": No such file or directory\n";
            status = 1;
            continue;
        }
        if (e->isDir()) {
            io.err += "cat: " + f + ": Is a directory\n";
            status = 1;
            continue;
        }
        if (e->content) io.out += *e->content;
    }
    return status;
}

// Runs `apply` on each operand inside the mount (one outside is reported by
// operand()); the exit status is 1 when any operand failed.
template <class Apply>
int eachOperand(Shell& sh, Io& io, const std::string& cmd, const std::vector<std::string>& operands, Apply apply) {
    int status = 0;
    for (const auto& a : operands) {
        auto p = operand(sh, io, cmd, a);
        if (!p || !apply(a, *p)) status = 1;
    }
    return status;
}

int cmdMkdir(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    Opts opt = splitOptions(argv, "pvm");
    if (!opt.bad.empty()) return invalidOption(io, "mkdir", opt.bad);
    if (opt.operands.empty()) {
        io.err += "mkdir: missing operand\n" + tryHelp("mkdir");
        return 1;
    }
    return eachOperand(sh, io, "mkdir", opt.operands, [&](const std::string& a, const std::string& p) {
        auto err = sh.fs.mkdir(p, 0755, has(opt, 'p'), sh.nowMs);
        if (err.empty()) return true;
        io.err += "mkdir: cannot create directory " + sh.quote(a) + ": " + err + "\n";
        return false;
    });
}

int cmdTouch(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    Opts opt = splitOptions(argv, "acm");
    if (!opt.bad.empty()) return invalidOption(io, "touch", opt.bad);
    if (opt.operands.empty()) {
        io.err += "touch: missing file operand\n" + tryHelp("touch");
        return 1;
    }
    return eachOperand(sh, io, "touch", opt.operands, [&](const std::string& a, const std::string& p) {
        const fs::FileEntry* e = sh.fs.find(p);
        std::string err;
        if (e) {
            fs::FileEntry copy = *e;
            copy.mtimeMs = sh.nowMs;
            err = sh.fs.put(p, copy);
        } else {
            const fs::FileEntry* parent = sh.fs.find(parentOf(p));
            err = parent && parent->isDir() ? sh.fs.put(p, newFile(sh, ""))
                  : parent                  ? "Not a directory"
                                            : "No such file or directory";
        }
        if (err.empty()) return true;
        io.err += "touch: cannot touch '" + a + "': " + err + "\n";
        return false;
    });
}

int cmdRm(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    Opts opt = splitOptions(argv, "rRfvid");
    if (!opt.bad.empty()) return invalidOption(io, "rm", opt.bad);
    bool force = has(opt, 'f'), recursive = has(opt, 'r') || has(opt, 'R');
    if (opt.operands.empty()) {
        if (force) return 0;
        io.err += "rm: missing operand\n" + tryHelp("rm");
        return 1;
    }
    int status = 0;
    for (const auto& a : opt.operands) {
        std::string last = baseName(a);
        if (last == "." || last == "..") {
            io.err += "rm: refusing to remove '.' or '..' directory: skipping '" + a + "'\n";
            status = 1;
            continue;
        }
        auto p = operand(sh, io, "rm", a);
        if (!p) {
            status = 1;
            continue;
        }
        const fs::FileEntry* e = sh.fs.find(*p);
        if (!e) {
            if (!force) {
                io.err += "rm: cannot remove '" + a + "': No such file or directory\n";
                status = 1;
            }
            continue;
        }
        if (e->isDir() && !recursive) {
            io.err += "rm: cannot remove '" + a + "': Is a directory\n";
            status = 1;
            continue;
        }
        if (p->empty()) {
            if (sh.config.mount.empty()) {
                io.err +=
                    "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
            } else {
                io.err += "rm: refusing to remove '.' or '..' directory: skipping '" + a + "'\n";
            }
            status = 1;
            continue;
        }
        sh.fs.remove(*p);
        // The shell's directory went away with it: it moves to the mount point.
        Resolved here = sh.resolve(".");
        if (!here.outside && (here.tree == *p || here.tree.rfind(*p + "/", 0) == 0)) sh.cwd = sh.absolute("");
    }
    return status;
}

// cp/mv: copy (or move) each source to dest (into it when it is a directory).
int cmdCopyMove(Shell& sh, const std::vector<std::string>& argv, Io& io, bool move) {
    const std::string name = move ? "mv" : "cp";
    Opts opt = splitOptions(argv, move ? "fivnuT" : "rRafpvinuTdlLPsx");
    if (!opt.bad.empty()) return invalidOption(io, name, opt.bad);
    bool recursive = move || has(opt, 'r') || has(opt, 'R') || has(opt, 'a');
    std::vector<std::string> ops = opt.operands;
    if (ops.empty()) {
        io.err += name + ": missing file operand\n" + tryHelp(name);
        return 1;
    }
    if (ops.size() == 1) {
        io.err += name + ": missing destination file operand after '" + ops[0] + "'\n" + tryHelp(name);
        return 1;
    }
    std::string dest = ops.back();
    ops.pop_back();
    // An empty operand names no file (it is not the current directory): GNU's
    // words for it, before any path is resolved (found by fuzz_shell).
    if (dest.empty()) {
        for (const auto& src : ops) {
            const auto srcPath = src.empty() ? std::nullopt : operand(sh, io, name, src);
            if (!srcPath || !sh.fs.find(*srcPath))
                io.err += name + ": cannot stat '" + src + "': No such file or directory\n";
            else if (move) io.err += "mv: cannot move '" + src + "' to '': No such file or directory\n";
            else io.err += "cp: cannot create regular file '': No such file or directory\n";
        }
        return 1;
    }
    auto destPath = operand(sh, io, name, dest);
    if (!destPath) return 1;
    bool destIsDir = sh.fs.view().isDirectory(*destPath);
    if (ops.size() > 1 && !destIsDir) {
        io.err += name + ": target '" + dest +
                  "': " + (sh.fs.find(*destPath) ? "Not a directory" : "No such file or directory") + "\n";
        return 1;
    }
    int status = 0;
    for (const auto& src : ops) {
        if (src.empty()) {
            io.err += name + ": cannot stat '': No such file or directory\n";
            status = 1;
            continue;
        }
        auto srcPath = operand(sh, io, name, src);
        if (!srcPath) {
            status = 1;
            continue;
        }
        const fs::FileEntry* e = sh.fs.find(*srcPath);
        if (!e) {
            io.err += name + ": cannot stat '" + src + "': No such file or directory\n";
            status = 1;
            continue;
        }
        // Read now: E points into the tree that the put/remove below replace (and free).
        const bool srcIsDir = e->isDir();
        const auto srcSize = e->size();
        std::string target = destIsDir ? join(*destPath, baseName(*srcPath)) : *destPath;
        if (target == *srcPath) {
            io.err += name + ": '" + src + "' and '" + (destIsDir ? dest + "/" + baseName(src) : dest) +
                      "' are the same file\n";
            status = 1;
            continue;
        }
        std::string shownTarget = destIsDir ? (dest.back() == '/' ? dest : dest + "/") + baseName(src) : dest;
        std::string err;
        if (e->isDir()) {
            if (!recursive) {
                io.err += name + ": -r not specified; omitting directory '" + src + "'\n";
                status = 1;
                continue;
            }
            const fs::FileEntry* parent = sh.fs.find(parentOf(target));
            err = parent && parent->isDir() ? sh.fs.graft(target, sh.fs.view().subtree(*srcPath))
                                            : "No such file or directory";
        } else {
            fs::FileEntry copy = *e;
            if (!move && !has(opt, 'a') && !has(opt, 'p')) {
                copy.uid = copy.gid = sh.uid();
                copy.mtimeMs = sh.nowMs;
            }
            const fs::FileEntry* parent = sh.fs.find(parentOf(target));
            err = parent && parent->isDir() ? sh.fs.put(target, copy)
                  : parent                  ? "Not a directory"
                                            : "No such file or directory";
        }
        if (err.empty() && move) err = sh.fs.remove(*srcPath);
        if (!err.empty()) {
            io.err += move ? "mv: cannot move '" + src + "' to '" + shownTarget + "': " + err + "\n"
                           : "cp: cannot create " + std::string(srcIsDir ? "directory" : "regular file") + " '" +
                                 shownTarget + "': " + err + "\n";
            status = 1;
        }
        sh.elapsedMs += static_cast<int64_t>(srcSize / 200000);
    }
    return status;
}

// chmod and chown over their file operands (with -R, everything below each):
// CHANGE edits each entry; a missing operand is reported in COMMAND's words.
int changeEach(Shell& sh, Io& io, const char* command, const std::vector<std::string>& operands, bool recursive,
               const std::function<void(fs::FileEntry&)>& change) {
    int status = 0;
    for (const std::string& arg : operands) {
        auto p = operand(sh, io, command, arg);
        if (!p) {
            status = 1;
            continue;
        }
        if (!sh.fs.find(*p)) {
            io.err += std::string(command) + ": cannot access '" + arg + "': No such file or directory\n";
            status = 1;
            continue;
        }
        std::vector<std::string> paths = {*p};
        if (recursive)
            sh.fs.view().forEach([&](const std::string& q, const fs::FileEntry&) { paths.push_back(q); }, *p);
        for (const auto& q : paths) {
            fs::FileEntry e = *sh.fs.find(q);
            change(e);
            sh.fs.put(q, e);
        }
    }
    return status;
}

int cmdChmod(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    std::vector<std::string> args;
    bool recursive = false;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "-R" || argv[i] == "--recursive") recursive = true;
        else if (argv[i] == "-v" || argv[i] == "-f" || argv[i] == "-c") continue;
        else args.push_back(argv[i]);
    }
    if (args.empty()) {
        io.err += "chmod: missing operand\n" + tryHelp("chmod");
        return 1;
    }
    if (args.size() == 1) {
        io.err += "chmod: missing operand after " + sh.quote(args[0]) + "\n" + tryHelp("chmod");
        return 1;
    }
    const std::string spec = args[0];
    if (!applyMode(spec, 0644, false)) {
        io.err += "chmod: invalid mode: " + sh.quote(spec) + "\n" + tryHelp("chmod");
        return 1;
    }
    return changeEach(sh, io, "chmod", {args.begin() + 1, args.end()}, recursive,
                      [&](fs::FileEntry& e) { e.mode = *applyMode(spec, e.mode, e.isDir()); });
}

int cmdChown(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    size_t i = 1;
    bool recursive = false;
    if (i < argv.size() && argv[i] == "-R") {
        recursive = true;
        ++i;
    }
    if (i + 1 >= argv.size()) {
        io.err += "chown: missing operand\n" + tryHelp("chown");
        return 1;
    }
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
    return changeEach(sh, io, "chown", {argv.begin() + static_cast<long>(i), argv.end()}, recursive,
                      [&](fs::FileEntry& e) {
                          e.uid = uid;
                          e.gid = gid;
                      });
}

int cmdLn(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    Opts opt = splitOptions(argv, "sfnvT");
    if (!opt.bad.empty()) return invalidOption(io, "ln", opt.bad);
    if (opt.operands.size() < 2) {
        io.err += "ln: missing file operand\n" + tryHelp("ln");
        return 1;
    }
    std::string target = opt.operands[0];
    auto linkPath = operand(sh, io, "ln", opt.operands[1]);
    if (!linkPath) return 1;
    std::string link = *linkPath;
    if (sh.fs.view().isDirectory(link)) link = join(link, baseName(target));
    bool symbolic = has(opt, 's');
    if (sh.fs.find(link) && !has(opt, 'f')) {
        io.err += std::string("ln: failed to create ") + (symbolic ? "symbolic " : "hard ") + "link '" +
                  opt.operands[1] + "': File exists\n";
        return 1;
    }
    fs::FileEntry e;
    if (symbolic) {
        e.kind = fs::FileEntry::Kind::Symlink;
        e.linkTarget = target;
        e.mode = 0777;
        e.mtimeMs = sh.nowMs;
    } else {
        Resolved src = sh.resolve(target);
        const fs::FileEntry* s = src.outside ? nullptr : sh.fs.find(src.tree);
        if (!s) {
            io.err += "ln: failed to access '" + target + "': No such file or directory\n";
            return 1;
        }
        e = *s;
    }
    auto err = sh.fs.put(link, e);
    if (!err.empty()) {
        io.err += "ln: failed to create link: " + err + "\n";
        return 1;
    }
    return 0;
}

}   // namespace

const std::vector<std::string>& fileCommandNames() {
    static const std::vector<std::string> names = {"cat", "mkdir", "touch", "rm", "cp", "mv", "chmod", "chown", "ln"};
    return names;
}

bool isFileCommandName(const std::string& n) {
    const auto& names = fileCommandNames();
    return std::find(names.begin(), names.end(), n) != names.end();
}

int runFileCommand(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    const std::string cmd = baseName(argv[0]);
    if (cmd == "cat") return cmdCat(sh, argv, io);
    if (cmd == "mkdir") return cmdMkdir(sh, argv, io);
    if (cmd == "touch") return cmdTouch(sh, argv, io);
    if (cmd == "rm") return cmdRm(sh, argv, io);
    if (cmd == "cp") return cmdCopyMove(sh, argv, io, false);
    if (cmd == "mv") return cmdCopyMove(sh, argv, io, true);
    if (cmd == "chmod") return cmdChmod(sh, argv, io);
    if (cmd == "chown") return cmdChown(sh, argv, io);
    if (cmd == "ln") return cmdLn(sh, argv, io);
    return -1;
}

}   // namespace layerlab::shell
