// writable_layer: see the header.
#include "sim/engine/containers/writable_layer.hpp"

#include <algorithm>
#include <set>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/new_image.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/fs/tar.hpp"

namespace layerlab::engine {
namespace {

using namespace containers;

const std::string kDaemon = "Error response from daemon: ";

std::string parentOf(const std::string& p) {
    size_t slash = p.rfind('/');
    return slash == std::string::npos ? "" : p.substr(0, slash);
}

fs::FileTree imageFilesOf(const State& state, const Container& c) {
    auto it = state.images.find(c.imageId);
    return it == state.images.end() ? fs::FileTree() : imageRootfs(state, it->second);
}

ContainerOutcome daemonError(const std::string& text, int code = 1) {
    ContainerOutcome o;
    o.err = kDaemon + text + "\n";
    o.exitCode = code;
    return o;
}

}   // namespace

std::vector<FileChange> containerChanges(const State& state, const Container& c) {
    const fs::FileTree image = imageFilesOf(state, c);
    std::map<std::string, char> kinds;
    c.writable.forEach(
        [&](const std::string& path, const fs::FileEntry&) { kinds[path] = image.exists(path) ? 'C' : 'A'; });
    std::set<std::string> deleted(c.deleted.begin(), c.deleted.end());
    for (const std::string& d : c.deleted) {
        const std::string p = fs::normalizePath(d);
        if (p.empty() || !image.exists(p) || c.writable.exists(p)) continue;
        bool underDeleted = false;
        for (std::string up = parentOf(p); !up.empty(); up = parentOf(up))
            if (deleted.count(up) && !c.writable.exists(up)) underDeleted = true;
        if (underDeleted) continue;
        kinds[p] = 'D';
        // the directory that lost an entry changed too
        for (std::string up = parentOf(p); !up.empty(); up = parentOf(up))
            if (!kinds.count(up)) kinds[up] = 'C';
    }
    std::vector<FileChange> out;
    out.reserve(kinds.size());
    for (const auto& [path, kind] : kinds) out.push_back({kind, path});
    std::sort(out.begin(), out.end(),
              [](const FileChange& a, const FileChange& b) { return fs::walkOrder(a.path, b.path); });
    for (FileChange& f : out) f.path = "/" + f.path;
    return out;
}

Layer writableAsLayer(const Container& c) {
    Layer l;
    l.changes = c.writable;
    for (const std::string& d : c.deleted)
        if (!c.writable.exists(d)) l.deleted.push_back(fs::normalizePath(d));
    std::sort(l.deleted.begin(), l.deleted.end());
    l.deleted.erase(std::unique(l.deleted.begin(), l.deleted.end()), l.deleted.end());
    l.diffId = computeDiffId(l);
    l.size = c.writable.totalBytes();
    return l;
}

ContainerOutcome diffContainer(const State& state, const std::string& ref) {
    Lookup l = findContainer(state, ref);
    if (l.index < 0) return daemonError(l.error);
    ContainerOutcome out;
    for (const FileChange& f : containerChanges(state, state.containers[static_cast<size_t>(l.index)]))
        out.out += std::string(1, f.kind) + " " + f.path + "\n";
    return out;
}

ContainerOutcome commitContainer(State& state, const CommitOptions& o) {
    Lookup l = findContainer(state, o.container);
    if (l.index < 0) return daemonError(l.error);
    std::string tagKey;
    if (!o.reference.empty()) {
        format::ParsedRef parsed = format::parseNormalizedNamed(o.reference);
        if (!parsed.ref) {
            ContainerOutcome bad;
            bad.err = parsed.error + "\n";
            bad.exitCode = 1;
            return bad;
        }
        if (!parsed.ref->digest.empty()) {
            ContainerOutcome bad;
            bad.err = "refusing to create a tag with a digest reference\n";
            bad.exitCode = 1;
            return bad;
        }
        tagKey = parsed.ref->tagKey();
    }
    const Container& c = state.containers[static_cast<size_t>(l.index)];
    auto base = state.images.find(c.imageId);
    if (base == state.images.end()) return daemonError("No such image: " + c.imageId);
    Image image = base->second;
    image.repoDigests.clear();
    image.lastTagMs = 0;
    image.parent = c.imageId;
    image.createdMs = state.clock.nowMs;
    image.author = o.author;
    image.comment = o.message;
    // The new image's config is the container's (daemon/commit.go merges the
    // container's Config over the image's).
    image.config.cmd = c.cmd.empty() ? std::nullopt : std::optional<std::vector<std::string>>(c.cmd);
    image.config.entrypoint =
        c.entrypoint.empty() ? std::nullopt : std::optional<std::vector<std::string>>(c.entrypoint);
    image.config.env = c.env;
    image.config.workingDir = c.workingDir;
    image.config.user = c.user;
    image.config.exposedPorts = c.exposedPorts;
    Layer layer = writableAsLayer(c);
    const bool empty = layer.diffId == kEmptyLayerDiffId;
    HistoryEntry h;
    h.createdMs = state.clock.nowMs;
    // image.NewChildImage: CreatedBy is the container's Cmd joined by spaces
    for (size_t i = 0; i < c.cmd.size(); ++i) h.createdBy += (i ? " " : "") + c.cmd[i];
    h.comment = o.message;
    h.emptyLayer = empty;
    h.size = empty ? 0 : layer.size;
    image.history.push_back(h);
    ContainerOutcome out;
    storeNewImage(state, std::move(image), empty ? std::nullopt : std::optional<Layer>(std::move(layer)), tagKey, out);
    return out;
}

namespace {

// A host or container path's last element, as the tar names it.
std::string lastElement(const std::string& normalized) {
    std::string b = fs::baseName(normalized);
    return b.empty() ? normalized : b;
}

bool endsWithDot(const std::string& typed) {
    return typed.size() >= 2 && typed.compare(typed.size() - 2, 2, "/.") == 0;
}

// The tar Docker streams for a source: the entry itself (named by its last
// element) and, for a directory, everything below it. For "dir/." the
// stream is the same size (the directory entry is still sent, renamed), so
// only where it lands differs (see place()).
std::vector<fs::TarEntry> sourceEntries(const fs::FileTree& tree, const std::string& path, bool contentsOnly) {
    const fs::FileEntry* e = tree.find(path);
    std::vector<fs::TarEntry> out;
    if (!e) return out;
    const std::string name = path.empty() ? "" : lastElement(path);
    (void)contentsOnly;
    const std::string prefix = name.empty() ? "" : name + "/";
    if (!name.empty()) {
        fs::TarEntry self;
        self.name = name + (e->isDir() ? "/" : "");
        self.kind = e->kind;
        if (e->content) self.content = *e->content;
        self.linkTarget = e->linkTarget;
        self.mode = e->mode;
        self.uid = e->uid;
        self.gid = e->gid;
        self.mtimeSeconds = e->mtimeMs / 1000;
        out.push_back(std::move(self));
    }
    if (e->isDir()) {
        std::vector<fs::TarEntry> below = fs::treeEntries(tree, path, prefix);
        out.insert(out.end(), below.begin(), below.end());
    }
    return out;
}

// Where the source lands, cp -a style (docs/reference/commandline/container_cp.md):
// into an existing directory under its own name, else at the destination path.
struct Placement {
    std::string target;   // tree path the source becomes
    std::string error;
};
Placement place(const fs::FileTree& dest, const std::string& destPath, const std::string& destTyped, bool srcIsDir,
                bool contentsOnly, const std::string& srcName, const std::string& destShown) {
    Placement p;
    const fs::FileEntry* d = dest.find(destPath);
    if (d && d->isDir()) {
        p.target = contentsOnly ? destPath : (destPath.empty() ? srcName : destPath + "/" + srcName);
        return p;
    }
    if (d && srcIsDir) {
        p.error = "cannot copy a directory to a file";
        return p;
    }
    if (!d && !destTyped.empty() && destTyped.back() == '/' && !srcIsDir) {
        p.error = "destination \"" + destShown + "\" does not exist";
        return p;
    }
    std::string parent = parentOf(destPath);
    if (!d && !dest.isDirectory(parent)) {
        p.error = "invalid output path: directory \"" + destShown.substr(0, destShown.rfind('/')) + "\" does not exist";
        return p;
    }
    p.target = destPath;
    return p;
}

fs::FileTree graft(const fs::FileTree& dest, const std::string& target, const fs::FileTree& src,
                   const std::string& from, bool isDir, uint32_t uid, bool setOwner) {
    fs::FileTree out = dest;
    if (isDir) {
        fs::FileTree sub = src.subtree(from);
        if (const fs::FileEntry* root = src.find(from)) out = out.withEntry(target, *root);
        sub.forEach([&](const std::string& path, const fs::FileEntry& e) {
            fs::FileEntry copy = e;
            if (setOwner) copy.uid = copy.gid = uid;
            out = out.withEntry(target + "/" + path, copy);
        });
        if (setOwner) out = out.withOwner(target, uid, uid);
        return out;
    }
    fs::FileEntry copy = *src.find(from);
    if (setOwner) copy.uid = copy.gid = uid;
    return out.withEntry(target, copy);
}

}   // namespace

ContainerOutcome copyFiles(State& state, const CopyOptions& o) {
    Lookup l = findContainer(state, o.container);
    const std::string containerPath = fs::normalizePath(o.containerPath);
    if (l.index < 0) return daemonError(l.error);
    Container& c = state.containers[static_cast<size_t>(l.index)];
    ContainerOutcome out;
    std::vector<fs::TarEntry> entries;
    if (!o.toContainer) {
        const fs::FileTree root = containerRootfs(state, c);
        const fs::FileEntry* src = root.find(containerPath);
        if (!src) return daemonError("Could not find the file /" + containerPath + " in container " + o.container);
        const bool contentsOnly = src->isDir() && endsWithDot(o.containerPath);
        entries = sourceEntries(root, containerPath, contentsOnly);
        Placement p = place(state.host, o.hostPath, o.hostTyped, src->isDir(), contentsOnly, lastElement(containerPath),
                            o.hostShown);
        if (!p.error.empty()) {
            out.err = p.error + "\n";
            out.exitCode = 1;
            return out;
        }
        // files arrive owned by the user who ran docker cp (the learner, 1000)
        state.host = graft(state.host, p.target, root, containerPath, src->isDir(), 1000, true);
        out.events.push_back(FileChanged{p.target, "written"});
        if (!o.quiet)
            out.err = "Successfully copied " + format::humanSize(fs::tarSize(entries)) + " to " + o.hostShown + "\n";
        return out;
    }
    const fs::FileEntry* src = state.host.find(o.hostPath);
    if (!src) {
        out.err = "lstat " + o.hostShown + ": no such file or directory\n";
        out.exitCode = 1;
        return out;
    }
    const bool contentsOnly = src->isDir() && endsWithDot(o.hostTyped);
    entries = sourceEntries(state.host, o.hostPath, contentsOnly);
    const fs::FileTree root = containerRootfs(state, c);
    Placement p = place(root, containerPath, o.containerPath, src->isDir(), contentsOnly,
                        lastElement(o.hostPath.empty() ? "app" : o.hostPath), "/" + containerPath);
    if (!p.error.empty()) {
        if (p.error.rfind("invalid output path", 0) == 0)
            p.error = "Could not find the file /" + parentOf(containerPath) + " in container " + o.container;
        return daemonError(p.error);
    }
    // files copied into a container belong to root (docker cp without -a)
    c.writable = graft(c.writable, p.target, state.host, o.hostPath, src->isDir(), 0, true);
    // a path written again is no longer deleted
    c.deleted.erase(
        std::remove_if(c.deleted.begin(), c.deleted.end(), [&](const std::string& d) { return c.writable.exists(d); }),
        c.deleted.end());
    if (!o.quiet)
        out.err = "Successfully copied " + format::humanSize(fs::tarSize(entries)) + " to " + o.container + ":" +
                  o.containerPath + "\n";   // as typed
    return out;
}

ContainerOutcome exportContainer(State& state, const ExportOptions& o) {
    Lookup l = findContainer(state, o.container);
    if (l.index < 0) return daemonError(l.error);
    const Container& c = state.containers[static_cast<size_t>(l.index)];
    std::string tar = fs::writeTar(fs::treeEntries(containerRootfs(state, c)));
    ContainerOutcome out;
    if (!o.toFile) {
        out.out = std::move(tar);
        return out;
    }
    fs::EditResult r = state.host.tryWithFile(o.outputPath, std::move(tar), 0644, 1000, 1000, state.clock.nowMs);
    if (!r.ok()) {
        out.err = "failed to export container: open " + o.outputPath + ": " + r.error + "\n";
        out.exitCode = 1;
        return out;
    }
    state.host = r.tree;
    out.events.push_back(FileChanged{o.outputPath, "written"});
    return out;
}

}   // namespace layerlab::engine
