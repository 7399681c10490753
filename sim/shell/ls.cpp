// ls: GNU ls over the shell's Files: to a terminal, the column layout of a
// terminal 80 columns wide; to a pipe or a file (and in a RUN log), one name
// per line, as GNU ls does. -l's long format (on the host the learner owns
// every file: owner and group print as "learner"), -a with . and .., -A,
// -1, -h, byte-order sorting (LC_COLLATE=C).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/shell/shell.hpp"

namespace layerlab::shell {
namespace {

struct Item {
    std::string name;   // as shown
    const fs::FileEntry* entry = nullptr;
    size_t subdirs = 0;   // for the link count of directories
};

std::string modeString(const fs::FileEntry& e) {
    std::string s;
    s += e.isDir() ? 'd' : e.kind == fs::FileEntry::Kind::Symlink ? 'l' : '-';
    const char* rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) s += (e.mode & (0400u >> i)) ? rwx[i] : '-';
    return s;
}

// "Jan  5 09:00" (recent) or "Jan  5  2025" (older than six months), UTC.
std::string lsDate(int64_t ms, int64_t nowMs) {
    int64_t secs = ms / 1000;
    int64_t days = secs / 86400;
    if (secs % 86400 < 0) --days;
    int64_t rem = secs - days * 86400;
    // civil_from_days (Howard Hinnant)
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[32];
    const int64_t sixMonthsMs = 15778476000;
    bool recent = ms <= nowMs && nowMs - ms < sixMonthsMs;
    if (recent)
        std::snprintf(buf, sizeof buf, "%s %2d %02d:%02d", months[m - 1], static_cast<int>(d),
                      static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60));
    else std::snprintf(buf, sizeof buf, "%s %2d  %d", months[m - 1], static_cast<int>(d), static_cast<int>(y));
    return buf;
}

uint64_t blocksOf(const fs::FileEntry& e) {
    if (e.isDir()) return 4;
    if (e.kind == fs::FileEntry::Kind::Symlink) return 0;
    return (e.size() + 4095) / 4096 * 4;
}

size_t countSubdirs(const fs::FileTree& tree, const std::string& dir) {
    size_t n = 0;
    for (const auto& child : tree.list(dir))
        if (tree.isDirectory(dir.empty() ? child : dir + "/" + child)) ++n;
    return n;
}

std::string ownerOf(const Shell& sh, const fs::FileEntry& e) {
    if (!sh.config.owner.empty()) return sh.config.owner + " " + sh.config.owner;
    auto name = [](uint32_t id) { return id == 0 ? std::string("root") : std::to_string(id); };
    return name(e.uid) + " " + name(e.gid);
}

// ls -h: 1024-based units, rounded up, one decimal below 10 ("4.9K", "12K").
std::string human(uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes);
    const char* units = "KMGTP";
    double v = static_cast<double>(bytes);
    int u = -1;
    while (v >= 1024 && u < 4) v /= 1024, ++u;
    char buf[32];
    if (v < 10) {
        double tenths = std::ceil(v * 10 - 1e-9);
        if (tenths >= 100) std::snprintf(buf, sizeof buf, "%d%c", 10, units[u]);
        else std::snprintf(buf, sizeof buf, "%.1f%c", tenths / 10, units[u]);
    } else {
        std::snprintf(buf, sizeof buf, "%.0f%c", std::ceil(v - 1e-9), units[u]);
    }
    return buf;
}

std::string longFormat(const Shell& sh, const std::vector<Item>& items, int64_t nowMs, bool withTotal,
                       bool humanSizes = false) {
    auto sizeText = [&](uint64_t n) { return humanSizes ? human(n) : std::to_string(n); };
    std::string out;
    uint64_t total = 0;
    size_t linkW = 1, sizeW = 1;
    for (const auto& it : items) {
        total += blocksOf(*it.entry);
        size_t links = it.entry->isDir() ? 2 + it.subdirs : 1;
        linkW = std::max(linkW, std::to_string(links).size());
        uint64_t size = it.entry->isDir()                                ? 4096
                        : it.entry->kind == fs::FileEntry::Kind::Symlink ? it.entry->linkTarget.size()
                                                                         : it.entry->size();
        sizeW = std::max(sizeW, sizeText(size).size());
    }
    if (withTotal) out += "total " + (humanSizes ? human(total * 1024) : std::to_string(total)) + "\n";
    for (const auto& it : items) {
        const fs::FileEntry& e = *it.entry;
        size_t links = e.isDir() ? 2 + it.subdirs : 1;
        uint64_t size = e.isDir() ? 4096 : e.kind == fs::FileEntry::Kind::Symlink ? e.linkTarget.size() : e.size();
        std::string l = std::to_string(links), s = sizeText(size);
        out += modeString(e) + " " + std::string(linkW - l.size(), ' ') + l + " " + ownerOf(sh, e) + " " +
               std::string(sizeW - s.size(), ' ') + s + " " + lsDate(e.mtimeMs, nowMs) + " " + it.name;
        if (e.kind == fs::FileEntry::Kind::Symlink) out += " -> " + e.linkTarget;
        out += "\n";
    }
    return out;
}

// ls -C: as many columns as fit in 80, filled top to bottom.
std::string columns(const std::vector<std::string>& names) {
    if (names.empty()) return "";
    const size_t width = 80;
    size_t n = names.size();
    for (size_t cols = n; cols >= 1; --cols) {
        size_t rows = (n + cols - 1) / cols;
        size_t usedCols = (n + rows - 1) / rows;
        std::vector<size_t> colW(usedCols, 0);
        for (size_t i = 0; i < n; ++i) colW[i / rows] = std::max(colW[i / rows], names[i].size());
        size_t total = 0;
        for (size_t c = 0; c < usedCols; ++c) total += colW[c] + (c + 1 < usedCols ? 2 : 0);
        if (total > width && cols > 1) continue;
        std::string out;
        for (size_t r = 0; r < rows; ++r) {
            for (size_t c = 0; c < usedCols; ++c) {
                size_t i = c * rows + r;
                if (i >= n) continue;
                out += names[i];
                bool lastInRow = c + 1 >= usedCols || (c + 1) * rows + r >= n;
                if (!lastInRow) out += std::string(colW[c] + 2 - names[i].size(), ' ');
            }
            out += "\n";
        }
        return out;
    }
    return "";
}

struct LsOptions {
    bool all = false, lng = false, almost = false, one = false, humanSizes = false;
};

// ls's short options into OPTS and the rest into OPERANDS; 2 (with GNU ls's
// message) for an option it refuses or LayerLab does not model, else 0.
int parseLsArgs(const std::vector<std::string>& argv, Io& io, LsOptions& opts, std::vector<std::string>& operands) {
    for (size_t k = 1; k < argv.size(); ++k) {
        const std::string& a = argv[k];
        if (a.size() > 1 && a[0] == '-' && a[1] != '-') {
            for (size_t i = 1; i < a.size(); ++i) {
                char c = a[i];
                if (c == 'a') opts.all = true;
                else if (c == 'A') opts.almost = true;
                else if (c == 'l') opts.lng = true;
                else if (c == '1') opts.one = true;
                else if (c == 'h') opts.humanSizes = true;
                else if (std::string_view("rtSRdFiGgonpQsuUvXZcxBCmLNk").find(c) != std::string_view::npos) {
                    // A real GNU ls option: say it is not modelled rather than call it invalid.
                    io.err += std::string("ls: -") + c +
                              ": a real option of ls that LayerLab does not model (-l, -a, -A, -1, -h work)\n";
                    return 2;
                } else {
                    io.err += std::string("ls: invalid option -- '") + c + "'\nTry 'ls --help' for more information.\n";
                    return 2;
                }
            }
        } else {
            operands.push_back(a);
        }
    }
    if (operands.empty()) operands.push_back(".");
    return 0;
}

// A directory's entries as ls shows them (with . and .. for -a, dot files for -a/-A).
std::vector<Item> directoryItems(const fs::FileTree& tree0, const std::string& tree, const LsOptions& opts) {
    std::vector<Item> items;
    if (opts.all) {
        items.push_back({".", tree0.find(tree), countSubdirs(tree0, tree)});
        // ~/app's parent is outside the model: show it as a plain directory
        const fs::FileEntry* parent =
            tree.empty()
                ? tree0.find("")
                : tree0.find(tree.find('/') == std::string::npos ? std::string() : tree.substr(0, tree.rfind('/')));
        items.push_back({"..", parent, 1});
    }
    for (const auto& child : tree0.list(tree)) {
        if (!opts.all && !opts.almost && !child.empty() && child[0] == '.') continue;
        std::string path = tree.empty() ? child : tree + "/" + child;
        const fs::FileEntry* e = tree0.find(path);
        items.push_back({child, e, e && e->isDir() ? countSubdirs(tree0, path) : 0});
    }
    return items;
}

// ITEMS long (-l, with a total line for a directory), one a line (-1), or in columns.
std::string listing(const Shell& sh, const std::vector<Item>& items, const LsOptions& opts, bool directory) {
    if (opts.lng) return longFormat(sh, items, sh.nowMs, directory, opts.humanSizes);
    std::string out;
    if (!opts.one) {
        std::vector<std::string> names;
        for (const auto& it : items) names.push_back(it.name);
        return columns(names);
    }
    for (const auto& it : items) out += it.name + "\n";
    return out;
}

}   // namespace

int runLs(Shell& sh, const std::vector<std::string>& argv, Io& io) {
    struct {
        std::string out, err;
        int exitCode = 0;
    } o;
    const fs::FileTree& tree0 = sh.fs.view();
    LsOptions opts;
    opts.one = !io.outIsTerminal;
    std::vector<std::string> operands;
    if (int refused = parseLsArgs(argv, io, opts, operands)) return refused;

    std::vector<Item> files;
    std::vector<std::pair<std::string, std::string>> dirs;   // shown name, tree path
    for (const auto& a : operands) {
        Resolved p = sh.resolve(a);
        if (p.outside) {
            o.err += sh.outsideMessage ? sh.outsideMessage("ls", a)
                                       : "ls: cannot open directory '" + a + "': Permission denied\n";
            o.exitCode = 2;
            continue;
        }
        const fs::FileEntry* e = tree0.find(p.tree);
        if (!e) {
            o.err += "ls: cannot access '" + a + "': No such file or directory\n";
            o.exitCode = 2;
            continue;
        }
        if (e->isDir()) dirs.emplace_back(a, p.tree);
        else files.push_back({a, e, 0});
    }
    std::sort(files.begin(), files.end(), [](const Item& x, const Item& y) { return x.name < y.name; });
    const bool headers = operands.size() > 1;
    bool firstBlock = true;
    if (!files.empty()) {
        o.out += listing(sh, files, opts, false);
        firstBlock = false;
    }
    for (const auto& [shown, tree] : dirs) {
        if (!firstBlock) o.out += "\n";
        if (headers) o.out += shown + ":\n";
        o.out += listing(sh, directoryItems(tree0, tree, opts), opts, true);
        firstBlock = false;
    }
    io.out += o.out;
    io.err += o.err;
    return o.exitCode;
}

}   // namespace layerlab::shell
