// host_tar: see the header. Messages are GNU tar 1.34's.
#include "sim/cli/host_tar.hpp"

#include <cstdio>

#include "sim/engine/civil_time.hpp"
#include "sim/fs/tar.hpp"

namespace layerlab::cli {
namespace {

std::string longLine(const fs::TarEntry& e) {
    std::string s;
    s += e.kind == fs::FileEntry::Kind::Directory ? 'd' : e.kind == fs::FileEntry::Kind::Symlink ? 'l' : '-';
    const char* rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) s += (e.mode & (0400u >> i)) ? rwx[i] : '-';
    // no user names in these headers: GNU tar shows the numeric ids
    std::string owner = std::to_string(e.uid) + "/" + std::to_string(e.gid);
    std::string size = std::to_string(e.kind == fs::FileEntry::Kind::File ? e.content.size() : 0);
    size_t pad = owner.size() + 1 + size.size();
    s += " " + owner + std::string(pad < 19 ? 19 - pad : 0, ' ') + " " + size;
    const engine::CivilTime t = engine::civilFromMs(e.mtimeSeconds * 1000);
    char date[40];
    std::snprintf(date, sizeof date, " %04lld-%02u-%02u %02u:%02u ", static_cast<long long>(t.year), t.month, t.day,
                  t.hour, t.minute);
    s += date + e.name;
    if (e.kind == fs::FileEntry::Kind::Symlink) s += " -> " + e.linkTarget;
    return s + "\n";
}

// tar -x: every entry into ~/app (or -C DIR), owned by the learner.
int extractAll(shell::Shell& sh, const std::vector<fs::TarEntry>& entries, const std::string& dir, bool verbose,
               shell::Io& io) {
    shell::Resolved base = sh.resolve(dir.empty() ? "." : dir);
    if (base.outside) {
        io.err += "tar: " + dir + ": Cannot open: outside ~/app\n";
        return 2;
    }
    for (const fs::TarEntry& e : entries) {
        const std::string path =
            base.tree.empty() ? fs::normalizePath(e.name) : base.tree + "/" + fs::normalizePath(e.name);
        if (verbose) io.out += e.name + "\n";
        std::string err;
        if (e.kind == fs::FileEntry::Kind::Directory) {
            err = sh.fs.mkdir(path, e.mode, true, e.mtimeSeconds * 1000);
        } else {
            fs::FileEntry fe;
            fe.kind = e.kind;
            fe.mode = e.mode;
            fe.uid = fe.gid = 1000;   // extracted by the learner: theirs
            fe.mtimeMs = e.mtimeSeconds * 1000;
            fe.linkTarget = e.linkTarget;
            if (e.kind == fs::FileEntry::Kind::File) fe.content = std::make_shared<const std::string>(e.content);
            err = sh.fs.put(path, fe);
        }
        if (!err.empty()) {
            io.err += "tar: " + e.name + ": Cannot open: " + err + "\n";
            return 2;
        }
    }
    return 0;
}

}   // namespace

int runHostTar(shell::Shell& sh, const std::vector<std::string>& argv, shell::Io& io) {
    bool list = false, extract = false, create = false, verbose = false;
    std::string file, dir;
    std::vector<std::string> rest;
    auto usage = [&](const std::string& msg) {
        io.err += "tar: " + msg + "\nTry 'tar --help' or 'tar --usage' for more information.\n";
        return 2;
    };
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string a = argv[i];
        if (a == "-C" || a == "--directory") {
            if (i + 1 >= argv.size()) return usage("option requires an argument -- 'C'");
            dir = argv[++i];
            continue;
        }
        // bundled letters: "tf", "-tvf", "xf"; 'f' takes the next word
        if ((i == 1 && !a.empty() && a[0] != '-') || (a.size() > 1 && a[0] == '-' && a[1] != '-')) {
            bool takesFile = false;
            for (char ch : a) {
                if (ch == '-') continue;
                if (ch == 't') list = true;
                else if (ch == 'x') extract = true;
                else if (ch == 'c') create = true;
                else if (ch == 'v') verbose = true;
                else if (ch == 'f') takesFile = true;
                else return usage(std::string("invalid option -- '") + ch + "'");
            }
            if (takesFile) {
                if (i + 1 >= argv.size()) return usage("option requires an argument -- 'f'");
                file = argv[++i];
            }
            continue;
        }
        rest.push_back(a);
    }
    if (create) {
        io.err +=
            "tar: LayerLab's host tar lists (-t) and extracts (-x) archives; creating one (-c) is not "
            "modelled. docker save and docker export write tar files.\n";
        return 2;
    }
    if (list == extract) return usage("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
    if (file.empty()) return usage("Refusing to read archive contents from terminal (missing -f option?)");
    shell::Resolved r = sh.resolve(file);
    const fs::FileEntry* f = r.outside ? nullptr : sh.fs.view().find(r.tree);
    if (!f || f->isDir() || !f->content) {
        io.err += "tar: " + file + ": Cannot open: " + (f ? "Is a directory" : "No such file or directory") +
                  "\ntar: Error is not recoverable: exiting now\n";
        return 2;
    }
    fs::TarReadResult t = fs::readTar(*f->content);
    if (!t.error.empty() && t.entries.empty()) {
        io.err +=
            "tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous "
            "errors\n";
        return 2;
    }
    if (list) {
        for (const fs::TarEntry& e : t.entries) io.out += verbose ? longLine(e) : e.name + "\n";
        return 0;
    }
    return extractAll(sh, t.entries, dir, verbose, io);
}

}   // namespace layerlab::cli
