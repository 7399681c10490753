// volumes: see the header.
#include "sim/engine/volumes/volumes.hpp"

#include "sim/engine/events/event_log.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/json_text.hpp"

namespace layerlab::engine::volumes {
namespace {

// moby's LogVolumeEvent for create / destroy ("volume create data (driver=local)").
// The mount / unmount events of a container's start and stop are not logged.
void logVolume(State& state, const std::string& name, const char* action) {
    events::record(state, state.clock.nowMs, "volume", action, name, {{"driver", "local"}});
}

const std::string kDaemon = "Error response from daemon: ";
// Where ~/app is on the simulated host (cli/host_paths.hpp's kAppDir), for
// the absolute paths the daemon's messages print.
constexpr const char* kHostAppDir = "/home/learner/app";

bool isUnder(const std::string& path, const std::string& dir) {
    return dir.empty() || path == dir ||
           (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

std::string relativeTo(const std::string& path, const std::string& dir) {
    if (dir.empty()) return path;
    return path.size() == dir.size() ? "" : path.substr(dir.size() + 1);
}

// [a-zA-Z0-9][a-zA-Z0-9_.-]+ (the local driver's name rule)
bool validName(const std::string& n) {
    if (n.size() < 2) return false;
    auto alnum = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    };
    if (!alnum(n[0])) return false;
    return std::all_of(n.begin() + 1, n.end(),
                       [&](char ch) { return alnum(ch) || ch == '_' || ch == '.' || ch == '-'; });
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

ContainerOutcome fail(const std::string& err) {
    ContainerOutcome o;
    o.err = err;
    o.exitCode = 1;
    return o;
}

uint64_t volumeBytes(const Volume& v) { return v.files.totalBytes(); }

}   // namespace

fs::FileTree withMounts(const State& state, const Container& c, fs::FileTree root) {
    for (const Mount& m : c.mounts) {
        const std::string dest = fs::normalizePath(m.destination);
        fs::FileTree tree;
        if (m.type == Mount::Type::Volume) {
            auto it = state.volumes.find(m.source);
            if (it != state.volumes.end()) tree = it->second.files;
        } else {
            tree = m.source.empty() ? state.host : state.host.subtree(m.source);
        }
        root = root.withSubtree(dest, tree);
    }
    return root;
}

void applyWrites(State& state, Container& c, const fs::FileTree& changes, const std::vector<std::string>& deleted) {
    fs::FileTree rest = changes;
    std::vector<std::string> restDeleted = deleted;
    for (const Mount& m : c.mounts) {
        const std::string dest = fs::normalizePath(m.destination);
        const fs::FileTree sub = changes.subtree(dest);
        std::vector<std::string> gone;
        restDeleted.erase(std::remove_if(restDeleted.begin(), restDeleted.end(),
                                         [&](const std::string& d) {
                                             const std::string p = fs::normalizePath(d);
                                             if (!isUnder(p, dest) || p == dest) return false;
                                             gone.push_back(relativeTo(p, dest));
                                             return true;
                                         }),
                          restDeleted.end());
        rest = rest.without(dest);
        if (m.readOnly) continue;
        if (m.type == Mount::Type::Volume) {
            auto it = state.volumes.find(m.source);
            if (it == state.volumes.end()) continue;
            for (const std::string& g : gone) it->second.files = it->second.files.without(g);
            it->second.files = it->second.files.overlaid(sub);
        } else {
            fs::FileTree host = m.source.empty() ? state.host : state.host.subtree(m.source);
            for (const std::string& g : gone) host = host.without(g);
            host = host.overlaid(sub);
            state.host = m.source.empty() ? host : state.host.withSubtree(m.source, host);
        }
    }
    for (const std::string& g : restDeleted) {
        c.writable = c.writable.without(g);
        if (std::find(c.deleted.begin(), c.deleted.end(), g) == c.deleted.end()) c.deleted.push_back(g);
    }
    c.writable = c.writable.overlaid(rest);
    // something written back is no longer deleted
    c.deleted.erase(
        std::remove_if(c.deleted.begin(), c.deleted.end(), [&](const std::string& d) { return c.writable.exists(d); }),
        c.deleted.end());
}

MountSpec parseVolumeFlag(const State& state, const std::string& value, HostResolver resolve) {
    MountSpec s;
    std::vector<std::string> parts = split(value, ':');
    if (parts.size() > 3) {
        s.error = kDaemon + "invalid volume specification: '" + value + "'";
        return s;
    }
    if (parts.size() == 1) {
        // Engine 20.10 takes `-v data` as an anonymous volume at /data (observed)
        s.anonymous = true;
        s.mount.destination = parts[0].empty() || parts[0][0] == '/' ? parts[0] : "/" + parts[0];
    } else {
        s.mount.destination = parts[1];
        if (parts.size() == 3) {
            if (parts[2] == "ro") s.mount.readOnly = true;
            else if (parts[2] != "rw") {
                s.error = "invalid mode: " + parts[2];
                return s;
            }
        }
        const std::string& src = parts[0];
        if (src.empty()) {
            s.error = kDaemon + "invalid volume specification: '" + value + "'";
            return s;
        }
        if (src[0] == '/' || src[0] == '.') {
            s.mount.type = Mount::Type::Bind;
            std::optional<std::string> tree = resolve(state, src);
            if (!tree) {
                s.outside = true;
                return s;
            }
            s.mount.source = *tree;
            s.createBindSource = !state.host.exists(*tree);
        } else if (!validName(src)) {
            s.error = kDaemon + "create " + src + ": \"" + src +
                      "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are "
                      "allowed. If you intended to pass a host directory, use absolute path";
            return s;
        } else {
            s.mount.source = src;
        }
    }
    if (s.mount.destination.empty() || s.mount.destination[0] != '/') {
        s.error = kDaemon + "invalid volume specification: '" + value + "': invalid mount config for type \"" +
                  std::string(s.mount.type == Mount::Type::Bind ? "bind" : "volume") + "\": invalid mount path: '" +
                  s.mount.destination + "' mount path must be absolute";
        return s;
    }
    return s;
}

MountSpec parseMountFlag(const State& state, const std::string& value, HostResolver resolve) {
    MountSpec s;
    std::string type = "volume", source, target;
    for (const std::string& field : split(value, ',')) {
        size_t eq = field.find('=');
        const std::string key = field.substr(0, eq);
        const std::string val = eq == std::string::npos ? "" : field.substr(eq + 1);
        if (key == "type") type = val;
        else if (key == "source" || key == "src") source = val;
        else if (key == "target" || key == "destination" || key == "dst") target = val;
        else if (key == "readonly" || key == "ro")
            s.mount.readOnly = eq == std::string::npos || val == "true" || val == "1";
        else {
            s.error = "invalid argument \"" + value + "\" for \"--mount\" flag: unexpected key '" + key + "' in '" +
                      field + "'";
            return s;
        }
    }
    if (type != "volume" && type != "bind") {
        s.error = "layerlab: --mount type=" + type +
                  ": LayerLab models volumes and bind mounts of ~/app only (type=volume, type=bind)";
        return s;
    }
    if (target.empty()) {
        s.error = "invalid argument \"" + value + "\" for \"--mount\" flag: target is required";
        return s;
    }
    s.mount.destination = target;
    if (type == "volume") {
        if (source.empty()) s.anonymous = true;
        else if (!validName(source)) {
            s.error = kDaemon + "create " + source + ": \"" + source +
                      "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" "
                      "are allowed. If you intended to pass a host directory, use absolute path";
            return s;
        }
        s.mount.source = source;
    } else {
        s.mount.type = Mount::Type::Bind;
        std::optional<std::string> tree = resolve(state, source);
        if (!tree) {
            s.outside = true;
            return s;
        }
        if (!state.host.exists(*tree)) {
            // --mount never creates the host folder (unlike -v)
            s.error = kDaemon + "invalid mount config for type \"bind\": bind source path does not exist: " +
                      std::string(kHostAppDir) + (tree->empty() ? "" : "/" + *tree);
            return s;
        }
        s.mount.source = *tree;
    }
    if (target[0] != '/')
        s.error = kDaemon + "invalid mount config for type \"" + type + "\": invalid mount path: '" + target +
                  "' mount path must be absolute";
    return s;
}

void attachMounts(State& state, Container& c, const std::vector<MountSpec>& specs) {
    fs::FileTree imageRoot;
    std::vector<std::string> imageVolumes;
    if (auto it = state.images.find(c.imageId); it != state.images.end()) {
        imageRoot = imageRootfs(state, it->second);
        imageVolumes = it->second.config.volumes;
    }
    auto anonymousVolume = [&]() {
        Volume v;
        v.name = containers::newContainerId(state.rng);
        v.createdMs = state.clock.nowMs;
        v.anonymous = true;
        const std::string name = v.name;
        state.volumes[name] = std::move(v);
        logVolume(state, name, "create");
        return name;
    };
    for (const MountSpec& spec : specs) {
        Mount m = spec.mount;
        if (spec.anonymous) m.source = anonymousVolume();
        if (m.type == Mount::Type::Volume && !state.volumes.count(m.source)) {
            Volume v;
            v.name = m.source;
            v.createdMs = state.clock.nowMs;
            state.volumes[m.source] = std::move(v);
            logVolume(state, m.source, "create");
        }
        if (m.type == Mount::Type::Bind && spec.createBindSource) state.host = state.host.withDirectory(m.source);
        c.mounts.push_back(m);
    }
    for (const std::string& path : imageVolumes) {
        const std::string p = fs::normalizePath(path);
        bool covered = false;
        for (const Mount& m : c.mounts) covered = covered || fs::normalizePath(m.destination) == p;
        if (covered) continue;
        Mount m;
        m.source = anonymousVolume();
        m.destination = "/" + p;
        c.mounts.push_back(m);
    }
    for (const Mount& m : c.mounts) {
        const std::string dest = fs::normalizePath(m.destination);
        if (m.type == Mount::Type::Volume) {
            Volume& v = state.volumes[m.source];
            // Docker copies the image's files into an empty volume, once
            if (!v.populated && v.files.entryCount() == 0 && imageRoot.isDirectory(dest))
                v.files = imageRoot.subtree(dest);
            v.populated = true;
        }
        // the mount point is made in the container's own layer
        if (!imageRoot.exists(dest)) c.writable = c.writable.withDirectory(dest);
    }
}

std::vector<const Container*> volumeUsers(const State& state, const std::string& name) {
    std::vector<const Container*> out;
    for (const Container& c : state.containers)
        for (const Mount& m : c.mounts)
            if (m.type == Mount::Type::Volume && m.source == name) {
                out.push_back(&c);
                break;
            }
    return out;
}

void releaseVolumes(State& state, const Container& c, bool removeAnonymous) {
    if (!removeAnonymous) return;
    for (const Mount& m : c.mounts) {
        if (m.type != Mount::Type::Volume) continue;
        auto it = state.volumes.find(m.source);
        if (it == state.volumes.end() || !it->second.anonymous) continue;
        bool other = false;
        for (const Container* u : volumeUsers(state, m.source)) other = other || u->id != c.id;
        if (!other) {
            logVolume(state, m.source, "destroy");
            state.volumes.erase(it);
        }
    }
}

ContainerOutcome createVolume(State& state, const std::string& name) {
    ContainerOutcome out;
    std::string n = name;
    if (n.empty()) {
        n = containers::newContainerId(state.rng);
    } else if (!validName(n)) {
        return fail(kDaemon + "create " + n + ": \"" + n +
                    "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are "
                    "allowed. If you intended to pass a host directory, use absolute path\n");
    }
    if (!state.volumes.count(n)) {
        Volume v;
        v.name = n;
        v.createdMs = state.clock.nowMs;
        state.volumes[n] = std::move(v);
        logVolume(state, n, "create");
    }
    out.out = n + "\n";   // creating an existing volume is not an error: Docker prints its name again
    return out;
}

ContainerOutcome listVolumes(const State& state, bool quiet) {
    ContainerOutcome out;
    size_t width = 10;   // tabwriter minwidth 10, padding 3
    if (!quiet) out.out = "DRIVER" + std::string(width - 6, ' ') + "VOLUME NAME\n";
    for (const auto& [name, v] : state.volumes)
        out.out += quiet ? name + "\n" : "local" + std::string(5, ' ') + name + "\n";
    return out;
}

ContainerOutcome inspectVolumes(const State& state, const std::vector<std::string>& names) {
    ContainerOutcome out;
    nlohmann::json arr = nlohmann::json::array();
    for (const std::string& n : names) {
        auto it = state.volumes.find(n);
        if (it == state.volumes.end()) {
            out.err += kDaemon + "get " + n + ": no such volume\n";
            out.exitCode = 1;
            continue;
        }
        nlohmann::json j;
        j["CreatedAt"] = format::rfc3339(it->second.createdMs);
        j["Driver"] = "local";
        j["Labels"] =
            it->second.anonymous ? nlohmann::json{{"com.docker.volume.anonymous", ""}} : nlohmann::json(nullptr);
        j["Mountpoint"] = "/var/lib/docker/volumes/" + n + "/_data";
        j["Name"] = n;
        j["Options"] = nullptr;
        j["Scope"] = "local";
        arr.push_back(j);
    }
    out.out = arr.empty() ? "[]\n" : jsonText(arr, 4) + "\n";
    return out;
}

ContainerOutcome removeVolumes(State& state, const std::vector<std::string>& names, bool force) {
    ContainerOutcome out;
    for (const std::string& n : names) {
        auto it = state.volumes.find(n);
        if (it == state.volumes.end()) {
            if (force) continue;
            out.err += kDaemon + "get " + n + ": no such volume\n";
            out.exitCode = 1;
            continue;
        }
        std::vector<const Container*> users = volumeUsers(state, n);
        if (!users.empty()) {
            // even -f refuses a volume in use
            std::string ids;
            for (size_t i = 0; i < users.size(); ++i) ids += (i ? ", " : "") + users[i]->id;
            out.err += kDaemon + "remove " + n + ": volume is in use - [" + ids + "]\n";
            out.exitCode = 1;
            continue;
        }
        logVolume(state, n, "destroy");
        state.volumes.erase(it);
        out.out += n + "\n";
    }
    return out;
}

ContainerOutcome pruneVolumes(State& state, bool all) {
    ContainerOutcome out;
    std::vector<std::string> gone;
    uint64_t reclaimed = 0;
    for (auto it = state.volumes.begin(); it != state.volumes.end();) {
        if ((all || it->second.anonymous) && volumeUsers(state, it->first).empty()) {
            gone.push_back(it->first);
            reclaimed += volumeBytes(it->second);
            logVolume(state, it->first, "destroy");
            it = state.volumes.erase(it);
        } else {
            ++it;
        }
    }
    if (!gone.empty()) {
        out.out = "Deleted Volumes:\n";
        for (const std::string& n : gone) out.out += n + "\n";
        out.out += "\n";
    }
    out.out += "Total reclaimed space: " + format::humanSize(reclaimed) + "\n";
    return out;
}

}   // namespace layerlab::engine::volumes
