// host_commands: cat, echo, pwd, cd, rm, mkdir, touch, chmod and output
// redirection on the simulated build-context folder. See host_commands.hpp.
#include "sim/cli/host_commands.hpp"

#include <algorithm>
#include <cctype>

#include "sim/cli/host_paths.hpp"

namespace layerlab::cli {
namespace {

using layerlab::Outcome;

struct Opts {
    std::string letters;               // short options seen, e.g. "rf"
    std::vector<std::string> operands;
    std::string bad;                   // first unknown option letter
};

// GNU-style option letters before/among operands ("--" ends them).
Opts splitOptions(const std::vector<std::string>& args, std::string_view known) {
    Opts o;
    bool done = false;
    for (const auto& a : args) {
        if (!done && a == "--") {
            done = true;
            continue;
        }
        if (!done && a.size() > 1 && a[0] == '-' && a[1] != '-') {
            for (size_t i = 1; i < a.size(); ++i) {
                if (known.find(a[i]) == std::string_view::npos && o.bad.empty()) o.bad = std::string(1, a[i]);
                o.letters += a[i];
            }
            continue;
        }
        o.operands.push_back(a);
    }
    return o;
}

bool has(const Opts& o, char c) { return o.letters.find(c) != std::string::npos; }

Outcome invalidOption(const std::string& cmd, const std::string& letter) {
    Outcome o;
    o.err = cmd + ": invalid option -- '" + letter + "'\nTry '" + cmd + " --help' for more information.\n";
    o.exitCode = 1;
    return o;
}

void fileEvent(Outcome& o, const std::string& path, const char* change) {
    o.events.push_back(FileChanged{path, change});
}

Outcome runCat(engine::State& state, const SimpleCommand& cmd) {
    Outcome o;
    std::vector<std::string> files(cmd.words.begin() + 1, cmd.words.end());
    if (files.empty()) {
        if (cmd.hereDoc) {
            o.out = cmd.hereDoc->body;
            return o;
        }
        o.err = state.lang == "ko"
                    ? "cat: 파일 이름 없이 쓰면 키보드 입력을 읽습니다. LayerLab에서는 파일을 주거나 heredoc을 쓰세요: "
                      "cat > FILE <<'EOF'\n"
                    : "cat: with no file, cat reads the keyboard. In LayerLab give a file, or use a heredoc: "
                      "cat > FILE <<'EOF'\n";
        o.exitCode = 1;
        return o;
    }
    for (const auto& f : files) {
        if (f == "-" && cmd.hereDoc) {
            o.out += cmd.hereDoc->body;
            continue;
        }
        HostPath p = resolveHostPath(state, f);
        if (p.outside) {
            o.err += outsideMessage(state, "cat", f);
            o.exitCode = 1;
            continue;
        }
        const fs::FileEntry* e = state.host.find(p.tree);
        if (!e) {
            o.err += "cat: " + f + ": No such file or directory\n";
            o.exitCode = 1;
        } else if (e->isDir()) {
            o.err += "cat: " + f + ": Is a directory\n";
            o.exitCode = 1;
        } else if (e->kind == fs::FileEntry::Kind::Symlink) {
            const fs::FileEntry* t = state.host.find(resolveHostPath(state, e->linkTarget).tree);
            if (t && t->content) o.out += *t->content;
        } else if (e->content) {
            o.out += *e->content;
        }
    }
    return o;
}

std::string unescapeEcho(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char n = s[++i];
            if (n == 'n') out += '\n';
            else if (n == 't') out += '\t';
            else if (n == '\\') out += '\\';
            else out += std::string("\\") + n;
        } else {
            out += s[i];
        }
    }
    return out;
}

Outcome runEcho(const SimpleCommand& cmd) {
    Outcome o;
    bool newline = true;
    bool escapes = false;
    size_t i = 1;
    // bash's echo: leading -n / -e / -E (combinations) are options
    for (; i < cmd.words.size(); ++i) {
        const std::string& w = cmd.words[i];
        if (w.size() < 2 || w[0] != '-' || w.find_first_not_of("neE", 1) != std::string::npos) break;
        for (char c : w.substr(1)) {
            if (c == 'n') newline = false;
            if (c == 'e') escapes = true;
            if (c == 'E') escapes = false;
        }
    }
    for (size_t k = i; k < cmd.words.size(); ++k) {
        if (k > i) o.out += ' ';
        o.out += escapes ? unescapeEcho(cmd.words[k]) : cmd.words[k];
    }
    if (newline) o.out += '\n';
    return o;
}

Outcome runCd(engine::State& state, const std::vector<std::string>& args) {
    Outcome o;
    if (args.size() > 1) {
        o.err = "bash: cd: too many arguments\n";
        o.exitCode = 1;
        return o;
    }
    std::string target = args.empty() ? std::string(kAppDir) : args[0];
    HostPath p = resolveHostPath(state, target);
    if (p.outside) {
        o.err = outsideMessage(state, "bash: cd", target);
        o.exitCode = 1;
        return o;
    }
    const fs::FileEntry* e = state.host.find(p.tree);
    if (!e) {
        o.err = "bash: cd: " + target + ": No such file or directory\n";
        o.exitCode = 1;
    } else if (!e->isDir()) {
        o.err = "bash: cd: " + target + ": Not a directory\n";
        o.exitCode = 1;
    } else {
        state.cwd = p.tree;
    }
    return o;
}

Outcome runRm(engine::State& state, const std::vector<std::string>& args) {
    Opts opt = splitOptions(args, "rRfv");
    if (!opt.bad.empty()) return invalidOption("rm", opt.bad);
    const bool recursive = has(opt, 'r') || has(opt, 'R');
    const bool force = has(opt, 'f');
    Outcome o;
    if (opt.operands.empty() && !force) {
        o.err = "rm: missing operand\nTry 'rm --help' for more information.\n";
        o.exitCode = 1;
        return o;
    }
    for (const auto& a : opt.operands) {
        HostPath p = resolveHostPath(state, a);
        if (p.outside) {
            o.err += outsideMessage(state, "rm", a);
            o.exitCode = 1;
            continue;
        }
        if (p.tree.empty()) {
            o.err += "rm: refusing to remove '.' or '..' directory: skipping '" + a + "'\n";
            o.exitCode = 1;
            continue;
        }
        const fs::FileEntry* e = state.host.find(p.tree);
        if (!e) {
            if (!force) {
                o.err += "rm: cannot remove '" + a + "': No such file or directory\n";
                o.exitCode = 1;
            }
            continue;
        }
        if (e->isDir() && !recursive) {
            o.err += "rm: cannot remove '" + a + "': Is a directory\n";
            o.exitCode = 1;
            continue;
        }
        if (p.tree == state.cwd || state.cwd.rfind(p.tree + "/", 0) == 0) state.cwd = "";
        state.host = state.host.without(p.tree);
        fileEvent(o, p.tree, "deleted");
    }
    return o;
}

Outcome runMkdir(engine::State& state, const std::vector<std::string>& args) {
    Opts opt = splitOptions(args, "pv");
    if (!opt.bad.empty()) return invalidOption("mkdir", opt.bad);
    Outcome o;
    if (opt.operands.empty()) {
        o.err = "mkdir: missing operand\nTry 'mkdir --help' for more information.\n";
        o.exitCode = 1;
        return o;
    }
    for (const auto& a : opt.operands) {
        HostPath p = resolveHostPath(state, a);
        if (p.outside) {
            o.err += outsideMessage(state, "mkdir", a);
            o.exitCode = 1;
            continue;
        }
        fs::EditResult r = state.host.tryWithDirectory(p.tree, 0755, has(opt, 'p'), state.clock.nowMs);
        if (!r.ok()) {
            // GNU mkdir quotes with ‘…’ in a UTF-8 locale
            o.err += "mkdir: cannot create directory \u2018" + a + "\u2019: " + r.error + "\n";
            o.exitCode = 1;
            continue;
        }
        state.host = r.tree;
        fileEvent(o, p.tree, "written");
    }
    return o;
}

Outcome runTouch(engine::State& state, const std::vector<std::string>& args) {
    Opts opt = splitOptions(args, "acm");
    if (!opt.bad.empty()) return invalidOption("touch", opt.bad);
    Outcome o;
    if (opt.operands.empty()) {
        o.err = "touch: missing file operand\nTry 'touch --help' for more information.\n";
        o.exitCode = 1;
        return o;
    }
    for (const auto& a : opt.operands) {
        HostPath p = resolveHostPath(state, a);
        if (p.outside) {
            o.err += outsideMessage(state, "touch", a);
            o.exitCode = 1;
            continue;
        }
        fs::EditResult r = state.host.tryTouch(p.tree, state.clock.nowMs);
        if (!r.ok()) {
            o.err += "touch: cannot touch '" + a + "': " + r.error + "\n";
            o.exitCode = 1;
            continue;
        }
        state.host = r.tree;
        fileEvent(o, p.tree, "touched");
    }
    return o;
}

// chmod's symbolic modes: [ugoa]*[+-=][rwxX]* joined by commas, or octal.
bool applyMode(const std::string& spec, uint32_t oldMode, bool isDir, uint32_t& out) {
    if (!spec.empty() && std::all_of(spec.begin(), spec.end(), [](char c) { return c >= '0' && c <= '7'; })) {
        if (spec.size() > 4) return false;
        out = static_cast<uint32_t>(std::stoul(spec, nullptr, 8)) & 07777;
        return true;
    }
    uint32_t mode = oldMode;
    size_t pos = 0;
    while (pos <= spec.size()) {
        size_t end = spec.find(',', pos);
        std::string clause = spec.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        size_t i = 0;
        uint32_t who = 0;
        for (; i < clause.size() && std::string("ugoa").find(clause[i]) != std::string::npos; ++i) {
            if (clause[i] == 'u') who |= 04700;
            if (clause[i] == 'g') who |= 02070;
            if (clause[i] == 'o') who |= 01007;
            if (clause[i] == 'a') who |= 07777;
        }
        bool defaultWho = who == 0;
        if (defaultWho) who = 07777;
        if (i >= clause.size()) return false;
        while (i < clause.size()) {
            char op = clause[i++];
            if (op != '+' && op != '-' && op != '=') return false;
            uint32_t bits = 0;
            for (; i < clause.size() && std::string("rwxX").find(clause[i]) != std::string::npos; ++i) {
                if (clause[i] == 'r') bits |= 0444;
                if (clause[i] == 'w') bits |= defaultWho ? 0200 : 0222;   // the umask (022) keeps go-w
                if (clause[i] == 'x') bits |= 0111;
                if (clause[i] == 'X' && (isDir || (oldMode & 0111))) bits |= 0111;
            }
            bits &= who;
            if (op == '+') mode |= bits;
            if (op == '-') mode &= ~bits;
            if (op == '=') mode = (mode & ~(who & 0777)) | bits;
        }
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    out = mode & 07777;
    return true;
}

Outcome runChmod(engine::State& state, const std::vector<std::string>& args) {
    Outcome o;
    if (args.empty()) {
        o.err = "chmod: missing operand\nTry 'chmod --help' for more information.\n";
        o.exitCode = 1;
        return o;
    }
    if (args.size() == 1) {
        o.err = "chmod: missing operand after \u2018" + args[0] + "\u2019\nTry 'chmod --help' for more information.\n";
        o.exitCode = 1;
        return o;
    }
    const std::string& spec = args[0];
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        HostPath p = resolveHostPath(state, a);
        if (p.outside) {
            o.err += outsideMessage(state, "chmod", a);
            o.exitCode = 1;
            continue;
        }
        const fs::FileEntry* e = state.host.find(p.tree);
        if (!e) {
            o.err += "chmod: cannot access '" + a + "': No such file or directory\n";
            o.exitCode = 1;
            continue;
        }
        uint32_t mode = 0;
        if (!applyMode(spec, e->mode, e->isDir(), mode)) {
            o.err = "chmod: invalid mode: \u2018" + spec + "\u2019\nTry 'chmod --help' for more information.\n";
            o.exitCode = 1;
            return o;
        }
        state.host = state.host.withMode(p.tree, mode);
        fileEvent(o, p.tree, "mode");
    }
    return o;
}

}  // namespace

const std::vector<std::string>& hostCommandNames() {
    static const std::vector<std::string> names = {"ls", "cat", "echo", "pwd", "cd", "rm", "mkdir", "touch", "chmod", "curl", "why"};
    return names;
}

bool isHostCommand(std::string_view name) {
    for (const auto& n : hostCommandNames())
        if (name == n) return true;
    return false;
}

engine::ContainerOutcome runHostCommand(engine::State& state, const SimpleCommand& cmd) {
    const std::string& name = cmd.words[0];
    std::vector<std::string> args(cmd.words.begin() + 1, cmd.words.end());
    engine::ContainerOutcome out;
    Outcome o;
    if (name == "curl") return runCurl(state, args);
    if (name == "ls") o = runLs(state, args);
    else if (name == "cat") o = runCat(state, cmd);
    else if (name == "echo") o = runEcho(cmd);
    else if (name == "pwd") o.out = absoluteHostPath(state.cwd) + "\n";
    else if (name == "cd") o = runCd(state, args);
    else if (name == "rm") o = runRm(state, args);
    else if (name == "mkdir") o = runMkdir(state, args);
    else if (name == "touch") o = runTouch(state, args);
    else if (name == "chmod") o = runChmod(state, args);
    else if (name == "why") o = runWhy(state, args);
    static_cast<Outcome&>(out) = std::move(o);
    return out;
}

Outcome writeRedirection(engine::State& state, const Redirection& r, const std::string& text) {
    Outcome o;
    HostPath p = resolveHostPath(state, r.target);
    if (p.outside) {
        o.err = outsideMessage(state, "bash", r.target);
        o.exitCode = 1;
        return o;
    }
    fs::EditResult e = r.kind == Redirection::Kind::Append ? state.host.tryAppend(p.tree, text, state.clock.nowMs)
                                                           : state.host.tryWrite(p.tree, text, state.clock.nowMs);
    if (!e.ok()) {
        o.err = "bash: " + r.target + ": " + e.error + "\n";
        o.exitCode = 1;
        return o;
    }
    state.host = e.tree;
    o.events.push_back(FileChanged{p.tree, "written"});
    return o;
}

}  // namespace layerlab::cli
