// redirect: see redirect.hpp.
#include "sim/shell/redirect.hpp"

#include <map>
#include <memory>

namespace layerlab::shell::detail {

namespace {

// The shell's own failure status for a redirection, after its message.
int refuse(Shell& sh, const Io& cmd, const std::string& msg) {
    sh.write(cmd, "", msg);
    return sh.lastStatus = sh.isBash() ? 1 : 2;
}

// >&1 >&2 >&- and bash's >&file.
void duplicate(Shell& sh, const Redirect& r, const std::string& t, Redirected& out) {
    Target& dst = r.fd == 2 ? out.fd2 : out.fd1;
    if (t == "1") dst = out.fd1.kind == Target::Kind::Current ? Target{Target::Kind::Out, "", ""} : out.fd1;
    else if (t == "2") dst = out.fd2.kind == Target::Kind::Current ? Target{Target::Kind::Err, "", ""} : out.fd2;
    else if (t == "-") dst = Target{Target::Kind::Null, "", ""};
    else if (r.fd == 1 || r.fd == 2) {   // >&file: both to the file (bash)
        Target tf{Target::Kind::File, sh.treePath(t), t};
        out.fd1 = out.fd2 = tf;
    }
}

// < file: the file becomes the command's stdin.
std::optional<int> openInput(Shell& sh, const std::string& t, Io& cmd) {
    const bool devNull = t == "/dev/null";
    if (devNull) {
        cmd.in.clear();
        cmd.hasIn = true;
        return std::nullopt;
    }
    const Resolved res = sh.resolve(t);
    const fs::FileEntry* e = res.outside ? nullptr : sh.fs.find(res.tree);
    if (res.outside && sh.outsideMessage)
        return refuse(sh, cmd, sh.outsideMessage(sh.isBash() ? "bash" : "/bin/sh", t));
    if (!e || e->isDir()) {
        if (sh.isBash())
            return refuse(sh, cmd, "bash: " + t + ": " + (e ? "Is a directory" : "No such file or directory") + "\n");
        if (sh.config.flavour == Flavour::Ash) {   // busybox's words, and status 1
            sh.write(cmd, "", "/bin/sh: can't open " + t + ": no such file\n");
            return sh.lastStatus = 1;
        }
        return refuse(sh, cmd, sh.errorPrefix() + "cannot open " + t + ": No such file\n");
    }
    cmd.in = e->content ? *e->content : "";
    cmd.hasIn = true;
    return std::nullopt;
}

// Why a file cannot be created at RES ("" when it can), in coreutils' words.
std::string cannotCreate(Shell& sh, const Resolved& res, const fs::FileEntry* existing) {
    std::string parent = res.tree.rfind('/') == std::string::npos ? "" : res.tree.substr(0, res.tree.rfind('/'));
    if (existing && existing->isDir()) return "Is a directory";
    if (!sh.fs.view().isDirectory(parent)) return sh.fs.find(parent) ? "Not a directory" : "No such file or directory";
    return "";
}

// > file, >> file, &> file: where the output goes, the file created or truncated now.
std::optional<int> openOutput(Shell& sh, const Redirect& r, const std::string& t, const Io& cmd, Target& tgt) {
    if (t == "/dev/null") {
        tgt.kind = Target::Kind::Null;
        return std::nullopt;
    }
    if (t == "/dev/stdout" || t == "/dev/stderr") {
        tgt.kind = t == "/dev/stdout" ? Target::Kind::Out : Target::Kind::Err;
        return std::nullopt;
    }
    const Resolved res = sh.resolve(t);
    if (res.outside) {
        return refuse(sh, cmd,
                      sh.outsideMessage ? sh.outsideMessage(sh.isBash() ? "bash" : "/bin/sh", t)
                                        : sh.errorPrefix() + t + ": Permission denied\n");
    }
    tgt = {Target::Kind::File, res.tree, t};
    const fs::FileEntry* existing = sh.fs.find(res.tree);
    std::string why = cannotCreate(sh, res, existing);
    if (!why.empty()) {
        if (sh.isBash()) return refuse(sh, cmd, "bash: " + t + ": " + why + "\n");
        if (why == "No such file or directory") why = "Directory nonexistent";
        if (sh.config.flavour == Flavour::Ash) {
            sh.write(cmd, "",
                     "/bin/sh: can't create " + t + ": " +
                         (why == "Directory nonexistent" ? "nonexistent directory" : why) + "\n");
            return sh.lastStatus = 1;
        }
        return refuse(sh, cmd, sh.errorPrefix() + "cannot create " + t + ": " + why + "\n");
    }
    const bool append = r.op == ">>";
    if (append && existing) return std::nullopt;
    fs::FileEntry e;
    if (existing) e = *existing;
    else {
        e.mode = 0644;
        e.uid = e.gid = sh.uid();
    }
    e.kind = fs::FileEntry::Kind::File;
    e.content = std::make_shared<const std::string>();
    e.mtimeMs = sh.nowMs;
    std::string err = sh.fs.put(res.tree, e);
    if (!err.empty())
        return refuse(sh, cmd,
                      sh.isBash() ? "bash: " + t + ": " + err + "\n"
                                  : sh.errorPrefix() + "cannot create " + t + ": " + err + "\n");
    return std::nullopt;
}

}   // namespace

std::optional<int> openRedirections(Shell& sh, const Node& node, Io& cmd, Redirected& out) {
    for (const auto& r : node.redirects) {
        if (r.op == "<<") {
            cmd.in = r.heredocExpand ? sh.expandHeredoc(r.heredoc) : r.heredoc;
            cmd.hasIn = true;
            out.ownInput = true;
            continue;
        }
        if (r.op == "<") out.ownInput = true;
        auto f = sh.expandWord(r.target, false);
        std::string t = f.empty() ? "" : f[0];
        if (r.op == ">&") {
            duplicate(sh, r, t, out);
            continue;
        }
        if (r.op == "<") {
            if (auto status = openInput(sh, t, cmd)) return status;
            continue;
        }
        Target tgt;
        if (auto status = openOutput(sh, r, t, cmd, tgt)) return status;
        if (r.op == "&>") out.fd1 = out.fd2 = tgt;
        else if (r.fd == 2) out.fd2 = tgt;
        else out.fd1 = tgt;
    }
    return std::nullopt;
}

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

}   // namespace layerlab::shell::detail
