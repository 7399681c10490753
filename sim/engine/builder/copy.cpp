// COPY and ADD: which files they take (context, another stage, or an image;
// wildcards as filepath.Glob; heredoc sources), where those land (a file, or
// into a directory), ownership/mode flags, and the content checksum their
// cache key uses. The checksum covers exactly the selected files after
// .dockerignore, their mode/uid/gid and bytes, never mtime.
//
// Simplified: ADD treats URLs and archives as plain sources (no download, no
// extraction); --chown with a user name looks the name up in the stage's
// /etc/passwd and /etc/group.
#include <algorithm>
#include <cctype>

#include "sim/engine/builder/chmod.hpp"
#include "sim/engine/builder/internal.hpp"
#include "sim/fs/file_checksum.hpp"
#include "sim/fs/go_match.hpp"
#include "sim/numbers.hpp"

namespace layerlab::engine::bk {
namespace {

// A deterministic stand-in for BuildKit's "<session uuid>::<ref id>".
std::string refIdFor(const std::string& seed) {
    std::string h = hashKey({"ref", seed});
    const char* b36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string id;
    for (size_t i = 0; i < 25; ++i)
        id += b36[static_cast<unsigned char>(h[i * 2 % h.size()] ^ h[(i * 7 + 3) % h.size()]) % 36];
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
           h.substr(20, 12) + "::" + id;
}

// uid (or gid) for a --chown part: a number, or a name from the stage's files.
std::optional<uint32_t> idFor(const fs::FileTree& root, const std::string& name, bool group) {
    if (name.empty()) return 0u;
    if (std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c); }))
        return static_cast<uint32_t>(std::stoul(name.substr(0, 9)));
    if (name == "root") return 0u;
    const fs::FileEntry* f = root.find(group ? "etc/group" : "etc/passwd");
    if (f && f->content) {
        size_t start = 0;
        const std::string& t = *f->content;
        while (start < t.size()) {
            size_t nl = t.find('\n', start);
            std::string line = t.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            start = nl == std::string::npos ? t.size() : nl + 1;
            if (line.rfind(name + ":", 0) != 0) continue;
            // name:x:uid:gid:... / name:x:gid:...
            size_t a = line.find(':'), b = line.find(':', a + 1), c = line.find(':', b + 1);
            if (b != std::string::npos)
                return static_cast<uint32_t>(std::max(0, leadingInt(line.substr(b + 1, c - b - 1))));
        }
    }
    if (name == "node") return 1000u;   // the node images' user, when their passwd is not modelled
    return std::nullopt;
}

fs::FileTree withOwnerAndMode(fs::FileTree tree, const std::string& root, uint32_t uid, uint32_t gid, bool chown,
                              const std::optional<ChmodSpec>& mode) {
    std::vector<std::pair<std::string, fs::FileEntry>> edits;
    auto visit = [&](const std::string& p, const fs::FileEntry& e) {
        fs::FileEntry copy = e;
        if (chown) {
            copy.uid = uid;
            copy.gid = gid;
        }
        if (mode) copy.mode = mode->apply(e.mode, e.isDir());
        edits.push_back({p, copy});
    };
    if (const fs::FileEntry* e = tree.find(root)) visit(root, *e);
    tree.forEach(visit, root);
    for (auto& [p, e] : edits) tree = tree.withEntry(p, e);
    return tree;
}

}   // namespace

bool checkBeforeSolve(Session& s) {
    for (int i : s.order)
        for (const auto& cmd : s.df.stages[i].commands) {
            const auto* c = std::get_if<dockerfile::CopyInstruction>(&cmd.instruction);
            // A value with $ is only known when the stage runs: planCopy checks it then.
            if (!c || c->chmod.empty() || c->chmod.find('$') != std::string::npos) continue;
            ChmodSpec spec = ChmodSpec::parse(c->chmod);
            if (spec.ok()) continue;
            failStep(s, -1, "failed to solve: " + spec.error(), cmd);
            return false;
        }
    return true;
}

namespace {

// Where a COPY's sources come from: the context, an earlier stage or an image
// (--from), with heredoc sources as files named after their delimiter.
struct CopySource {
    fs::FileTree tree;
    std::string name;   // for the checksum's ref: "context", "stage NAME", "image NAME"
};

std::optional<CopySource> copySource(Session& s, const StageRun& st, const dockerfile::CopyInstruction& c,
                                     CopyPlan& plan) {
    CopySource src{s.context, "context"};
    if (!c.from.empty()) {
        std::string from = expandWord(st, c.from, s.df.escapeToken);
        int idx = findStage(s.df, from, st.index);
        if (idx >= 0) {
            src.tree = s.stages[idx].rootfs;
            src.name = "stage " + from;
        } else {
            BaseImage img = resolveBaseImage(s, from, s.opt.legacy);
            if (!img.ok) {
                plan.error = plan.legacyError = img.error;
                return std::nullopt;
            }
            src.tree = img.rootfs;
            src.name = "image " + from;
        }
    }
    for (const auto& h : c.heredocs) src.tree = src.tree.withFile(h.name, h.content);
    return src;
}

// Each source word's matches (tree path, as written); false with BuildKit's
// and the legacy builder's errors in PLAN when one matches nothing.
bool matchSources(const StageRun& st, const dockerfile::CopyInstruction& c, const CopySource& src, char esc,
                  CopyPlan& plan, std::vector<std::pair<std::string, std::string>>& matches, bool& wildcard) {
    const std::string kw = c.isAdd ? "ADD" : "COPY";
    for (const auto& raw : c.sources) {
        std::string word = raw.rfind("<<", 0) == 0 ? raw.substr(raw.find_first_not_of("<-")) : expandWord(st, raw, esc);
        std::string clean = fs::normalizePath(word);
        if (fs::hasGlobMeta(clean)) {
            wildcard = true;
            auto found = fs::globTree(src.tree, clean);
            if (found && !found->empty()) {
                for (const auto& m : *found) matches.push_back({m, word});
                continue;
            }
        } else if (clean.empty() || src.tree.find(clean)) {
            matches.push_back({clean, word});
            continue;
        }
        std::string shown = "/" + clean;
        plan.error = "failed to calculate checksum of ref " + refIdFor(src.name + "|" + clean) + ": \"" + shown +
                     "\": not found";
        plan.legacyError = wildcard
                               ? kw + " failed: no source files were specified"
                               : kw + " failed: file not found in build context or excluded by .dockerignore: stat " +
                                     clean + ": file does not exist";
        return false;
    }
    return true;
}

// --chown's user and group as IDs in the stage's own /etc/passwd and /etc/group;
// false with Docker's error in PLAN when one is unknown.
bool chownIds(const StageRun& st, const std::string& spec, CopyPlan& plan, uint32_t& uid, uint32_t& gid) {
    auto colon = spec.find(':');
    std::string u = spec.substr(0, colon), g = colon == std::string::npos ? u : spec.substr(colon + 1);
    auto uo = idFor(st.rootfs, u, false);
    auto go = colon == std::string::npos ? uo : idFor(st.rootfs, g, true);
    if (!uo || !go) {
        plan.error = plan.legacyError =
            "unable to convert uid/gid chown string to host mapping: can't find uid for user " + (uo ? g : u) +
            ": no such user: " + (uo ? g : u);
        return false;
    }
    uid = *uo;
    gid = *go;
    return true;
}

}   // namespace

CopyPlan planCopy(Session& s, const StageRun& st, const dockerfile::CopyInstruction& c) {
    CopyPlan plan;
    const char esc = s.df.escapeToken;
    const std::string kw = c.isAdd ? "ADD" : "COPY";
    const std::optional<CopySource> source = copySource(s, st, c, plan);
    if (!source) return plan;
    const fs::FileTree& src = source->tree;

    std::string dest = expandWord(st, c.destination, esc);
    bool destSlash = !dest.empty() && dest.back() == '/';
    std::string wd = st.config.workingDir.empty() ? "/" : st.config.workingDir;
    std::string destPath = fs::normalizePath(!dest.empty() && dest[0] == '/' ? dest : wd + "/" + dest);
    plan.destDir = destPath;

    std::vector<std::pair<std::string, std::string>> matches;   // (tree path, as written)
    bool wildcard = false;
    if (!matchSources(st, c, *source, esc, plan, matches, wildcard)) return plan;
    bool intoDir = destSlash || matches.size() > 1 || wildcard || st.rootfs.isDirectory(destPath);

    std::vector<std::string> parts = {kw};
    fs::FileTree layer;
    for (const auto& [path, written] : matches) {
        const fs::FileEntry* e = path.empty() ? nullptr : src.find(path);
        bool dir = path.empty() || (e && e->isDir());
        if (dir) {
            parts.push_back(path + "/");
            parts.push_back(fs::contentsChecksum(src, path, &s.hashes));
            fs::FileTree sub = path.empty() ? src : src.subtree(path);
            layer = layer.overlaid(fs::FileTree().withSubtree(destPath, sub));
        } else {
            std::string target =
                intoDir ? (destPath.empty() ? fs::baseName(path) : destPath + "/" + fs::baseName(path)) : destPath;
            parts.push_back(path + ">" + target);
            parts.push_back(fs::pathChecksum(src, path, &s.hashes));
            layer = layer.withEntry(target, *e);
        }
    }
    // Ownership and mode: files from the context belong to root unless --chown.
    bool chown = !c.chown.empty();
    std::string chmodText = c.chmod.empty() ? "" : expandWord(st, c.chmod, esc);
    std::optional<ChmodSpec> mode;
    if (!chmodText.empty()) {
        mode = ChmodSpec::parse(chmodText);
        if (!mode->ok()) {
            plan.error = plan.legacyError = mode->error();
            return plan;
        }
    }
    uint32_t uid = 0, gid = 0;
    if (chown) {
        if (!chownIds(st, expandWord(st, c.chown, esc), plan, uid, gid)) return plan;
        parts.push_back("chown:" + std::to_string(uid) + ":" + std::to_string(gid));
    }
    if (mode) parts.push_back("chmod:" + chmodText);
    if (chown || mode) layer = withOwnerAndMode(layer, destPath, uid, gid, chown, mode);
    plan.layerTree = layer;
    plan.checksum = hashKey(parts);
    bool single = matches.size() == 1;
    bool singleDir = single && (matches[0].first.empty() || src.isDirectory(matches[0].first));
    plan.legacyHash = std::string(single ? (singleDir ? "dir:" : "file:") : "multi:") + plan.checksum;
    plan.ok = true;
    return plan;
}

}   // namespace layerlab::engine::bk
