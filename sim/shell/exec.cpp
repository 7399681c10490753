// exec: running the Node tree: lists, && / ||, pipelines, if/for/while with
// LayerLab's loop limit, groups, subshells, simple commands with their
// assignments and redirections, and the command lookup (builtins, the
// owner's commands, coreutils, then the fallback).
#include <algorithm>
#include <cctype>

#include "sim/fs/path_segments.hpp"
#include "sim/shell/shell.hpp"

namespace layerlab::shell {

Shell::Shell(Files& files, Config cfg) : fs(files), config(std::move(cfg)) {
    cwd = config.mount.empty() ? "/" : config.mount;
}

Resolved Shell::resolve(std::string_view arg) const {
    std::string full = !arg.empty() && arg[0] == '/' ? std::string(arg) : cwd + "/" + std::string(arg);
    std::vector<std::string> parts = fs::pathSegments(full);
    std::string abs;
    for (const auto& p : parts) abs += "/" + p;
    Resolved r;
    if (config.mount.empty()) {
        r.tree = abs.empty() ? "" : abs.substr(1);
        return r;
    }
    if (abs == config.mount) return r;
    if (abs.rfind(config.mount + "/", 0) != 0) {
        r.outside = true;
        return r;
    }
    r.tree = abs.substr(config.mount.size() + 1);
    return r;
}

std::string Shell::absolute(std::string_view tree) const {
    std::string base = config.mount;
    if (tree.empty()) return base.empty() ? "/" : base;
    return base + "/" + std::string(tree);
}

uint32_t Shell::uid() const {
    if (user.empty() || user == "root" || user == "0") return 0;
    if (user == "node") return 1000;
    bool digits =
        std::all_of(user.begin(), user.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return digits ? static_cast<uint32_t>(std::stoul(user.substr(0, 9))) : 1000;
}

std::string Shell::errorPrefix() const {
    switch (config.flavour) {
        case Flavour::Bash:
            return "bash: ";
        case Flavour::Dash:
            return "/bin/sh: " + std::to_string(lineNo) + ": ";
        case Flavour::Ash:
            return "/bin/sh: ";
    }
    return "";
}

std::string Shell::quote(std::string_view s) const {
    return config.utf8Quotes ? "\u2018" + std::string(s) + "\u2019" : "'" + std::string(s) + "'";
}

std::map<std::string, std::string> Shell::environment() const {
    std::map<std::string, std::string> env;
    for (const auto& name : exported) {
        auto it = vars.find(name);
        if (it != vars.end()) env[name] = it->second;
    }
    return env;
}

bool Shell::knows(const std::string& name) const {
    return commands.count(name) || isBuiltinName(name, config.flavour) || isFileCommandName(name) ||
           isTextCommandName(name) || name == "ls";
}

void Shell::write(const Io& io, std::string_view out, std::string_view err) {
    if (m_outCapture) *m_outCapture += out;
    if (m_errCapture) *m_errCapture += err;
    std::string_view o = m_outCapture ? std::string_view() : out;
    std::string_view e = m_errCapture ? std::string_view() : err;
    if ((!o.empty() || !e.empty()) && terminal) terminal(o, e, io);
}

int Shell::run(std::string_view script) {
    m_turns = 0;
    ParseResult p = parse(script, config.flavour);
    if (p.status != ParseResult::Status::Ok) {
        write(Io{}, "", (p.error.empty() ? errorPrefix() + "syntax error" : p.error) + "\n");
        lastStatus = 2;
        return 2;
    }
    Io io;
    int status = execute(p.list, io);
    return exited ? lastStatus : status;
}

std::string Shell::captureOutput(std::string_view script) {
    if (m_depth > 16) return "";
    // A subshell: variables, cd and exit stay inside it.
    auto savedVars = vars;
    auto savedExported = exported;
    std::string savedCwd = cwd;
    bool savedExited = exited;
    std::string captured;
    std::string* savedOut = m_outCapture;
    m_outCapture = &captured;
    ++m_depth;
    ParseResult p = parse(script, config.flavour);
    int status = 2;
    if (p.status == ParseResult::Status::Ok) {
        Io io;
        status = execute(p.list, io);
        if (exited) status = lastStatus;
    } else {
        m_outCapture = savedOut;
        write(Io{}, "", p.error + "\n");
    }
    --m_depth;
    m_outCapture = savedOut;
    vars = std::move(savedVars);
    exported = std::move(savedExported);
    cwd = savedCwd;
    exited = savedExited;
    lastStatus = status;
    return captured;
}

namespace {

bool isAssignment(const RawWord& w) {
    if (w.empty() || w[0].quote) return false;
    const std::string& t = w[0].text;
    size_t eq = t.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    if (std::isdigit(static_cast<unsigned char>(t[0]))) return false;
    return std::all_of(t.begin(), t.begin() + static_cast<long>(eq),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string loopLimitMessage(const Shell& sh, bool total) {
    std::string n = std::to_string(total ? Shell::kTurnBudget : sh.config.loopLimit);
    if (sh.config.lang == "ko")
        return total ? "layerlab: 반복문들이 모두 합쳐 " + n +
                           "번 돌아서 이 명령을 멈췄습니다 (LayerLab이 시뮬레이션하는 반복의 한도입니다)\n"
                     : "layerlab: 반복문을 " + n + "번 돌고 멈췄습니다 (LayerLab이 시뮬레이션하는 반복의 한도입니다)\n";
    return total ? "layerlab: loops stopped after " + n + " iterations in all (LayerLab's limit for simulated loops)\n"
                 : "layerlab: loop stopped after " + n + " iterations (LayerLab's limit for a simulated loop)\n";
}

// Where fd 1 and fd 2 of a command go after its redirections.
struct Target {
    enum class Kind { Current, File, Null, Out, Err } kind = Kind::Current;
    std::string path;   // Files path for File
    std::string shown;   // as typed, for messages
};

// After a command ran: its stdout and stderr go where its redirections
// said (a file, /dev/null, the other stream, or on to the terminal or pipe).
void routeOutput(Shell& sh, const Io& cmd, const Target& fd1, const Target& fd2) {
    std::string toOut, toErr;
    std::map<std::string, std::string> files;   // path -> data to append
    auto route = [&](const Target& t, const std::string& data, bool isErr) {
        if (data.empty()) return;
        switch (t.kind) {
            case Target::Kind::Null:
                return;
            case Target::Kind::File:
                files[t.path] += data;
                return;
            case Target::Kind::Out:
                toOut += data;
                return;
            case Target::Kind::Err:
                toErr += data;
                return;
            case Target::Kind::Current:
                (isErr ? toErr : toOut) += data;
                return;
        }
    };
    if (cmd.errFirst) {
        route(fd2, cmd.err, true);
        route(fd1, cmd.out, false);
    } else {
        route(fd1, cmd.out, false);
        route(fd2, cmd.err, true);
    }
    for (const auto& [path, data] : files) {
        const fs::FileEntry* e = sh.fs.find(path);
        if (!e) continue;
        fs::FileEntry copy = *e;
        copy.content = std::make_shared<const std::string>((e->content ? *e->content : std::string()) + data);
        copy.mtimeMs = sh.nowMs;
        sh.fs.put(path, copy);
    }
    bool untouched = fd1.kind == Target::Kind::Current && fd2.kind == Target::Kind::Current;
    Io order = cmd;
    if (!untouched) order.errFirst = false;
    sh.write(order, toOut, toErr);
}

}   // namespace

int Shell::loopLimitReached(Io& io, int turns) {
    bool total = turns <= config.loopLimit;
    write(io, "", loopLimitMessage(*this, total));
    if (total) stopped = true;   // nested loops: the whole command line ends here
    lastStatus = 1;
    return 1;
}

int Shell::execute(const Node& node, Io& io) {
    if (exited || stopped) return lastStatus;
    if (node.kind != Node::Kind::Simple && node.kind != Node::Kind::Function && !node.redirects.empty())
        return executeRedirected(node, io);
    switch (node.kind) {
        case Node::Kind::List: {
            int status = 0;
            for (const auto& kid : node.kids) {
                m_shielded = false;
                status = execute(kid, io);
                lastStatus = status;
                if (exited || stopped) break;
                if (errexit && status != 0 && m_condDepth == 0 && !m_shielded) {
                    exited = true;
                    break;
                }
            }
            return status;
        }
        case Node::Kind::AndOr: {
            size_t ran = 0;
            int status = execute(node.kids[0], io);
            for (size_t i = 1; i < node.kids.size() && !exited && !stopped; ++i) {
                lastStatus = status;
                if ((node.ops[i - 1] == "&&") != (status == 0)) continue;
                status = execute(node.kids[i], io);
                ran = i;
            }
            m_shielded = ran + 1 != node.kids.size();
            return status;
        }
        case Node::Kind::Pipeline:
            return executePipeline(node, io);
        case Node::Kind::If: {
            size_t i = 0;
            for (; i + 1 < node.kids.size(); i += 2) {
                ++m_condDepth;
                int cond = execute(node.kids[i], io);
                --m_condDepth;
                if (exited || stopped) return lastStatus;
                if (cond == 0) return execute(node.kids[i + 1], io);
            }
            return i < node.kids.size() ? execute(node.kids[i], io) : 0;
        }
        case Node::Kind::For: {
            std::vector<std::string> items;
            for (const auto& w : node.items) {
                auto f = expandWord(w);
                items.insert(items.end(), f.begin(), f.end());
            }
            int status = 0, turns = 0;
            for (const auto& item : items) {
                if (++turns > config.loopLimit || ++m_turns > kTurnBudget) return loopLimitReached(io, turns);
                vars[node.name] = item;
                status = execute(node.kids[0], io);
                if (exited || stopped) break;
            }
            return status;
        }
        case Node::Kind::While: {
            int status = 0, turns = 0;
            while (!exited && !stopped) {
                ++m_condDepth;
                int cond = execute(node.kids[0], io);
                --m_condDepth;
                if ((cond == 0) == node.until || exited || stopped) break;
                if (++turns > config.loopLimit || ++m_turns > kTurnBudget) return loopLimitReached(io, turns);
                status = execute(node.kids[1], io);
            }
            return status;
        }
        case Node::Kind::Group:
        case Node::Kind::Subshell: {
            if (node.kind == Node::Kind::Group) return execute(node.kids[0], io);
            auto savedVars = vars;
            std::string savedCwd = cwd;
            int status = execute(node.kids[0], io);
            vars = std::move(savedVars);
            cwd = savedCwd;
            exited = false;
            return status;
        }
        case Node::Kind::Case: {
            std::string subject;
            for (const auto& f : expandWord(node.items[0], false)) subject += f;
            for (size_t arm = 0; arm < node.patterns.size(); ++arm)
                for (const RawWord& p : node.patterns[arm])
                    if (globMatch(expandPattern(p), subject)) return execute(node.kids[arm], io);
            return 0;
        }
        case Node::Kind::Function:
            functions[node.name] = node.kids[0];
            return 0;
        case Node::Kind::Simple:
            break;
    }
    return executeSimple(node, io);
}

// A simple command: assignments, words expanded, redirections opened, the
// command run, its output routed.
int Shell::executeSimple(const Node& node, Io& io) {
    lineNo = node.line;
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> assigns;
    size_t i = 0;
    while (i < node.words.size() && isAssignment(node.words[i])) {
        auto f = expandWord(node.words[i], false);
        std::string full = f.empty() ? "" : f[0];
        auto eq = full.find('=');
        assigns.push_back({full.substr(0, eq), full.substr(eq + 1)});
        ++i;
    }
    // Inside bash's [[ ]] words are neither split nor globbed.
    bool doubleBracket = isBash() && i < node.words.size() && node.words[i].size() == 1 &&
                         node.words[i][0].quote == 0 && node.words[i][0].text == "[[";
    for (; i < node.words.size(); ++i) {
        auto f = expandWord(node.words[i], !doubleBracket);
        argv.insert(argv.end(), f.begin(), f.end());
    }
    if (stopped) return lastStatus;   // an expansion failed (arithmetic): the command does not run

    // Redirections happen before the command runs: a file that cannot be
    // opened means the command does not run at all.
    Io cmd;
    cmd.in = io.in;
    cmd.hasIn = io.hasIn;
    Target fd1, fd2;
    std::vector<std::pair<std::string, std::string>> opened;   // (path, shown) truncated/created
    auto fail = [&](const std::string& msg) {
        write(cmd, "", msg);
        return isBash() ? 1 : 2;
    };
    bool ownInput = false;   // a < or << of its own: what it reads is not the caller's stdin
    for (const auto& r : node.redirects) {
        if (r.op == "<<") {
            cmd.in = r.heredocExpand ? expandHeredoc(r.heredoc) : r.heredoc;
            cmd.hasIn = true;
            ownInput = true;
            continue;
        }
        if (r.op == "<") ownInput = true;
        auto f = expandWord(r.target, false);
        std::string t = f.empty() ? "" : f[0];
        if (r.op == ">&" || (r.op == "<" && false)) {
            Target& dst = r.fd == 2 ? fd2 : fd1;
            if (t == "1") dst = fd1.kind == Target::Kind::Current ? Target{Target::Kind::Out, "", ""} : fd1;
            else if (t == "2") dst = fd2.kind == Target::Kind::Current ? Target{Target::Kind::Err, "", ""} : fd2;
            else if (t == "-") dst = Target{Target::Kind::Null, "", ""};
            else if (r.fd == 1 || r.fd == 2) {   // >&file: both to the file (bash)
                Target tf{Target::Kind::File, treePath(t), t};
                fd1 = fd2 = tf;
            }
            continue;
        }
        bool devNull = t == "/dev/null";
        Resolved res = resolve(t);
        if (r.op == "<") {
            const fs::FileEntry* e = devNull ? nullptr : (res.outside ? nullptr : fs.find(res.tree));
            if (devNull) {
                cmd.in.clear();
                cmd.hasIn = true;
                continue;
            }
            if (res.outside && outsideMessage)
                return lastStatus = fail(outsideMessage(isBash() ? "bash" : "/bin/sh", t));
            if (!e || e->isDir()) {
                if (isBash())
                    return lastStatus =
                               fail("bash: " + t + ": " + (e ? "Is a directory" : "No such file or directory") + "\n");
                if (config.flavour == Flavour::Ash) {   // busybox's words, and status 1
                    write(cmd, "", "/bin/sh: can't open " + t + ": no such file\n");
                    return lastStatus = 1;
                }
                return lastStatus = fail(errorPrefix() + "cannot open " + t + ": No such file\n");
            }
            cmd.in = e->content ? *e->content : "";
            cmd.hasIn = true;
            continue;
        }
        Target tgt;
        if (devNull) tgt.kind = Target::Kind::Null;
        else if (t == "/dev/stdout") tgt.kind = Target::Kind::Out;
        else if (t == "/dev/stderr") tgt.kind = Target::Kind::Err;
        else {
            if (res.outside) {
                return lastStatus = fail(outsideMessage ? outsideMessage(isBash() ? "bash" : "/bin/sh", t)
                                                        : errorPrefix() + t + ": Permission denied\n");
            }
            tgt = {Target::Kind::File, res.tree, t};
            const fs::FileEntry* existing = fs.find(res.tree);
            std::string parent =
                res.tree.rfind('/') == std::string::npos ? "" : res.tree.substr(0, res.tree.rfind('/'));
            std::string why;
            if (existing && existing->isDir()) why = "Is a directory";
            else if (!fs.view().isDirectory(parent))
                why = fs.find(parent) ? "Not a directory" : "No such file or directory";
            if (!why.empty()) {
                if (isBash()) return lastStatus = fail("bash: " + t + ": " + why + "\n");
                if (why == "No such file or directory") why = "Directory nonexistent";
                if (config.flavour == Flavour::Ash) {
                    write(cmd, "",
                          "/bin/sh: can't create " + t + ": " +
                              (why == "Directory nonexistent" ? "nonexistent directory" : why) + "\n");
                    return lastStatus = 1;
                }
                return lastStatus = fail(errorPrefix() + "cannot create " + t + ": " + why + "\n");
            }
            bool append = r.op == ">>";
            if (!append || !existing) {
                fs::FileEntry e;
                if (existing) e = *existing;
                else {
                    e.mode = 0644;
                    e.uid = e.gid = uid();
                }
                e.kind = fs::FileEntry::Kind::File;
                e.content = std::make_shared<const std::string>();
                e.mtimeMs = nowMs;
                std::string err = fs.put(res.tree, e);
                if (!err.empty())
                    return lastStatus = fail(isBash() ? "bash: " + t + ": " + err + "\n"
                                                      : errorPrefix() + "cannot create " + t + ": " + err + "\n");
            }
        }
        if (r.op == "&>") fd1 = fd2 = tgt;
        else if (r.fd == 2) fd2 = tgt;
        else fd1 = tgt;
    }

    int status = 0;
    if (argv.empty()) {
        for (auto& [k, v] : assigns) vars[k] = v;
        status = assigns.empty() ? 0 : lastStatus;
    } else {
        // VAR=x cmd: the variable is set for that command only.
        std::map<std::string, std::string> saved;
        std::set<std::string> savedExported = exported;
        for (auto& [k, v] : assigns) {
            saved[k] = vars.count(k) ? vars[k] : std::string("\x03");
            vars[k] = v;
            exported.insert(k);
        }
        cmd.outIsTerminal = config.terminal && fd1.kind == Target::Kind::Current && m_outCapture == nullptr;
        status = runArgv(argv, cmd);
        if (!ownInput) io.in = cmd.in;   // what `read` took from a pipe or a loop's input is gone
        bool special = argv[0] == "export" || argv[0] == "unset";
        for (auto& [k, v] : saved) {
            if (special) continue;
            if (v == "\x03") vars.erase(k);
            else vars[k] = v;
        }
        if (!special) exported = savedExported;
    }

    routeOutput(*this, cmd, fd1, fd2);
    lastStatus = status;
    return status;
}

// cmd1 | cmd2 | ...: each command's stdout is the next one's stdin.
int Shell::executePipeline(const Node& node, Io& io) {
    std::string pipe;
    bool hasPipe = false;
    int status = 0;
    for (size_t i = 0; i < node.kids.size(); ++i) {
        Io step;
        step.in = hasPipe ? pipe : io.in;
        step.hasIn = hasPipe || io.hasIn;
        std::string captured;
        std::string* savedOut = m_outCapture;
        bool last = i + 1 == node.kids.size();
        if (!last) m_outCapture = &captured;
        if (node.kids.size() > 1) {
            // Each command of a pipeline runs in a subshell, as in bash,
            // dash and ash: `echo web | read NAME` leaves NAME unset.
            auto savedVars = vars;
            auto savedExported = exported;
            auto savedFunctions = functions;
            std::string savedCwd = cwd;
            const bool savedExited = exited;
            status = execute(node.kids[i], step);
            vars = std::move(savedVars);
            exported = std::move(savedExported);
            functions = std::move(savedFunctions);
            cwd = std::move(savedCwd);
            exited = savedExited;
        } else {
            status = execute(node.kids[i], step);
        }
        m_outCapture = savedOut;
        pipe = std::move(captured);
        hasPipe = true;
        if (exited || stopped) break;
    }
    if (node.negate) m_shielded = true;
    return node.negate ? (status == 0 ? 1 : 0) : status;
}

int Shell::callFunction(const Node& body, const std::vector<std::string>& argv, Io& io) {
    if (m_functionDepth >= kMaxFunctionDepth) {
        // Real shells recurse until they run out of stack; LayerLab stops here.
        io.err +=
            (config.lang == "ko" ? "layerlab: 함수가 " + std::to_string(kMaxFunctionDepth) +
                                       "단계까지 자기를 불러서 멈췄습니다 (LayerLab의 한도입니다)\n"
                                 : "layerlab: " + argv[0] + ": functions nested " + std::to_string(kMaxFunctionDepth) +
                                       " deep; stopped (LayerLab's limit for simulated functions)\n");
        stopped = true;
        return 1;
    }
    // The body's output is the call's output, so `f > file` and `f | grep x` work.
    std::string out, err;
    std::string* savedOut = m_outCapture;
    std::string* savedErr = m_errCapture;
    m_outCapture = &out;
    m_errCapture = &err;
    auto savedPositional = std::move(positional);
    positional.assign(argv.begin() + 1, argv.end());
    ++m_functionDepth;
    int status = execute(body, io);
    --m_functionDepth;
    if (m_returning) {
        m_returning = false;
        exited = false;
        status = lastStatus;
    }
    positional = std::move(savedPositional);
    m_outCapture = savedOut;
    m_errCapture = savedErr;
    io.out += out;
    io.err += err;
    return status;
}

int Shell::executeRedirected(const Node& node, Io& io) {
    Node bare = node;
    bare.redirects.clear();
    Io inner = io;
    std::vector<Redirect> outputs;
    for (const Redirect& r : node.redirects) {
        if (r.op == "<<") {
            inner.in = r.heredocExpand ? expandHeredoc(r.heredoc) : r.heredoc;
            inner.hasIn = true;
        } else if (r.op == "<") {
            // Read the file as `cat < file` would, with the same errors when it cannot be opened.
            Node open;
            open.kind = Node::Kind::Simple;
            open.line = node.line;
            open.words = {{{":", 0}}};
            open.redirects = {r};
            Io probe;
            if (int status = execute(open, probe); status != 0) return status;
            auto target = expandWord(r.target, false);
            const fs::FileEntry* e = target.empty() ? nullptr : fs.find(treePath(target[0]));
            inner.in = e && e->content ? *e->content : "";
            inner.hasIn = true;
        } else {
            outputs.push_back(r);
        }
    }
    if (outputs.empty()) return execute(bare, inner);
    // `{ ...; } > file`: the compound's stdout goes where the redirections say.
    std::string captured;
    std::string* savedOut = m_outCapture;
    m_outCapture = &captured;
    int status = execute(bare, inner);
    m_outCapture = savedOut;
    Node write;
    write.kind = Node::Kind::Simple;
    write.line = node.line;
    write.redirects = outputs;
    write.words = {{{"printf", 0}}, {{"%s", '\''}}, {{captured, '\''}}};
    execute(write, io);
    return status;
}

int Shell::runArgv(const std::vector<std::string>& argv, Io& io) {
    if (argv.empty()) return 0;
    const std::string& name = argv[0];
    if (auto fn = functions.find(name); fn != functions.end()) {
        const Node body = fn->second;   // a copy: the function may redefine itself
        return callFunction(body, argv, io);
    }
    int r = runBuiltin(*this, argv, io);
    if (r >= 0) return r;
    auto it = commands.find(name);
    if (it != commands.end()) return it->second(*this, argv, io);
    std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (base != name && commands.count(base)) return commands[base](*this, argv, io);
    elapsedMs += config.commandMs;
    if (base == "ls") return runLs(*this, argv, io);
    r = runFileCommand(*this, argv, io);
    if (r >= 0) return r;
    r = runTextCommand(*this, argv, io);
    if (r >= 0) return r;
    elapsedMs -= config.commandMs;
    if (fallback) return fallback(*this, argv, io);
    if (isBash()) io.err += "bash: " + name + ": command not found\n";
    else if (config.flavour == Flavour::Dash) io.err += errorPrefix() + name + ": not found\n";
    else io.err += "/bin/sh: " + name + ": not found\n";
    return 127;
}

}   // namespace layerlab::shell
