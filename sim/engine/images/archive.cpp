// archive: see the header. Texts from docker/cli 28 (image/save.go,
// image/load.go, image/import.go) and moby's tarexport (load.go).
#include "sim/engine/images/archive.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/engine/civil_time.hpp"
#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/new_image.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/fs/sha256.hpp"
#include "sim/fs/tar.hpp"
#include "sim/json_text.hpp"

namespace layerlab::engine {
namespace {

using nlohmann::json;

const std::string kDaemon = "Error response from daemon: ";

ContainerOutcome fail(const std::string& text) {
    ContainerOutcome o;
    o.err = text + "\n";
    o.exitCode = 1;
    return o;
}

std::string layerTar(const Layer& l) { return fs::writeTar(fs::treeEntries(l.changes, "", "", l.deleted)); }

fs::TarEntry dirEntry(const std::string& name) {
    fs::TarEntry e;
    e.name = name;
    e.kind = fs::FileEntry::Kind::Directory;
    e.mode = 0755;
    return e;
}

fs::TarEntry fileEntry(const std::string& name, std::string content) {
    fs::TarEntry e;
    e.name = name;
    e.content = std::move(content);
    e.mode = 0644;
    return e;
}

// "2026-01-05T09:00:01.5Z" -> ms; -1 when it is not that shape.
int64_t parseRfc3339(const std::string& s) {
    auto num = [&](size_t at, size_t n, int64_t& v) {
        if (at + n > s.size()) return false;
        v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            v = v * 10 + (s[i] - '0');
        }
        return true;
    };
    int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (!num(0, 4, y) || s.size() < 20 || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d) ||
        s[10] != 'T' || !num(11, 2, h) || s[13] != ':' || !num(14, 2, mi) || s[16] != ':' || !num(17, 2, se))
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return -1;
    int64_t ms = msFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), static_cast<unsigned>(h),
                             static_cast<unsigned>(mi), static_cast<unsigned>(se));
    size_t i = 19;
    if (i < s.size() && s[i] == '.') {
        int64_t frac = 0, scale = 100;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            frac += (s[i] - '0') * scale;
            scale /= 10;
        }
        ms += frac;
    }
    if (i + 1 != s.size() || s[i] != 'Z') return -1;
    return ms;
}

std::vector<std::string> strings(const json& j) {
    std::vector<std::string> out;
    if (!j.is_array()) return out;
    for (const auto& v : j)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::vector<std::string> keys(const json& j) {
    std::vector<std::string> out;
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
    return out;
}

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// The image a config blob describes (the reverse of canonicalConfigJson).
bool imageFromConfig(const std::string& text, Image& image) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    image.architecture = str(j, "architecture");
    image.os = str(j, "os");
    image.author = str(j, "author");
    image.createdMs = parseRfc3339(str(j, "created"));
    if (image.createdMs < 0) return false;
    const json c = j.value("config", json::object());
    if (!c.is_object()) return false;
    if (c.contains("Cmd")) image.config.cmd = strings(c["Cmd"]);
    if (c.contains("Entrypoint")) image.config.entrypoint = strings(c["Entrypoint"]);
    image.config.env = strings(c.value("Env", json::array()));
    image.config.exposedPorts = keys(c.value("ExposedPorts", json::object()));
    if (c.contains("Labels") && c["Labels"].is_object())
        for (auto it = c["Labels"].begin(); it != c["Labels"].end(); ++it)
            if (it->is_string()) image.config.labels[it.key()] = it->get<std::string>();
    image.config.onBuild = strings(c.value("OnBuild", json::array()));
    image.config.shell = strings(c.value("Shell", json::array()));
    image.config.stopSignal = str(c, "StopSignal");
    image.config.user = str(c, "User");
    image.config.volumes = keys(c.value("Volumes", json::object()));
    image.config.workingDir = str(c, "WorkingDir");
    const json h = j.value("history", json::array());
    if (!h.is_array()) return false;
    for (const auto& e : h) {
        if (!e.is_object()) return false;
        HistoryEntry he;
        he.createdMs = parseRfc3339(str(e, "created"));
        if (he.createdMs < 0) return false;
        he.createdBy = str(e, "created_by");
        he.comment = str(e, "comment");
        he.emptyLayer = e.value("empty_layer", false);
        image.history.push_back(he);
    }
    const json r = j.value("rootfs", json::object());
    if (!r.is_object()) return false;
    image.layers = strings(r.value("diff_ids", json::array()));
    return true;
}

// Each history row that made a layer shows that layer's size.
void fillHistorySizes(const State& state, Image& image) {
    size_t next = 0;
    for (HistoryEntry& h : image.history) {
        if (h.emptyLayer || next >= image.layers.size()) continue;
        auto it = state.layers.find(image.layers[next++]);
        h.size = it == state.layers.end() ? 0 : it->second.size;
    }
}

std::string progressLine(const std::string& diffId, uint64_t bytes) {
    // jsonmessage's progress at 100% on a terminal up to 110 columns wide (no
    // bar): "%8v/%v" with units.HumanSize, after "Loading layer "
    std::string n = format::humanSizeWithPrecision(static_cast<double>(bytes), 4);
    std::string padded = n.size() < 8 ? std::string(8 - n.size(), ' ') + n : n;
    return format::shortId(diffId) + ": Loading layer " + padded + "/" + n + "\n";
}

}   // namespace

ArchiveBytes imageArchive(const State& state, const std::vector<std::string>& refs) {
    ArchiveBytes r;
    std::map<std::string, std::string> blobs;   // hex -> bytes
    json manifest = json::array();
    json repositories = json::object();
    json index = json::object();
    index["schemaVersion"] = 2;
    index["mediaType"] = "application/vnd.oci.image.index.v1+json";
    index["manifests"] = json::array();
    for (const std::string& ref : refs) {
        ResolvedImage ri = resolveImageRef(state, ref);
        if (!ri.image) {
            r.error = kDaemon + ri.error;
            return r;
        }
        const Image& img = *ri.image;
        const std::string config = canonicalConfigJson(img);
        blobs[format::hexOf(img.id)] = config;
        json entry;
        entry["Config"] = "blobs/sha256/" + format::hexOf(img.id);
        json tags = json::array();
        if (!ri.byId) {
            format::ParsedRef p = format::parseNormalizedNamed(ref);
            if (p.ref && p.ref->digest.empty()) {
                tags.push_back(p.ref->tagKey());
                repositories[p.ref->familiarName()][p.ref->tag.empty() ? "latest" : p.ref->tag] = format::hexOf(img.id);
            }
        }
        entry["RepoTags"] = tags.empty() ? json(nullptr) : tags;
        json layers = json::array();
        json sizes = json::array();
        json ociLayers = json::array();
        for (const Digest& d : img.layers) {
            auto it = state.layers.find(d);
            if (it == state.layers.end()) continue;
            std::string tar = layerTar(it->second);
            ociLayers.push_back(
                {{"mediaType", "application/vnd.oci.image.layer.v1.tar"}, {"digest", d}, {"size", tar.size()}});
            blobs[format::hexOf(d)] = std::move(tar);
            layers.push_back("blobs/sha256/" + format::hexOf(d));
            sizes.push_back(it->second.size);
        }
        entry["Layers"] = layers;
        // LayerLab's own field (Docker's loader ignores unknown fields): each
        // layer's size as `docker history` shows it, which the model's small
        // stand-in files of a hub image do not add up to.
        entry["LayerLabSizes"] = sizes;
        manifest.push_back(entry);
        json oci;
        oci["schemaVersion"] = 2;
        oci["mediaType"] = "application/vnd.oci.image.manifest.v1+json";
        oci["config"] = {
            {"mediaType", "application/vnd.oci.image.config.v1+json"}, {"digest", img.id}, {"size", config.size()}};
        oci["layers"] = ociLayers;
        const std::string ociText = jsonText(oci);
        const Digest ociDigest = fs::sha256Digest(ociText);
        blobs[format::hexOf(ociDigest)] = ociText;
        json desc = {{"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                     {"digest", ociDigest},
                     {"size", ociText.size()}};
        if (!tags.empty()) {
            const std::string tag = tags[0].get<std::string>();
            const std::string name =
                tag.find('/') == std::string::npos ? "docker.io/library/" + tag : "docker.io/" + tag;
            desc["annotations"] = {{"io.containerd.image.name", name},
                                   {"org.opencontainers.image.ref.name", tag.substr(tag.rfind(':') + 1)}};
        }
        index["manifests"].push_back(desc);
    }
    std::vector<fs::TarEntry> entries;
    entries.push_back(dirEntry("blobs/"));
    entries.push_back(dirEntry("blobs/sha256/"));
    for (auto& [hex, bytes] : blobs) entries.push_back(fileEntry("blobs/sha256/" + hex, bytes));
    entries.push_back(fileEntry("index.json", jsonText(index) + "\n"));
    entries.push_back(fileEntry("manifest.json", jsonText(manifest) + "\n"));
    entries.push_back(fileEntry("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"));
    if (!repositories.empty()) entries.push_back(fileEntry("repositories", jsonText(repositories) + "\n"));
    r.bytes = fs::writeTar(entries);
    return r;
}

ContainerOutcome saveImages(State& state, const SaveOptions& o) {
    ArchiveBytes a = imageArchive(state, o.images);
    if (!a.error.empty()) return fail(a.error);
    ContainerOutcome out;
    if (!o.toFile) {
        out.out = std::move(a.bytes);
        return out;
    }
    fs::EditResult r = state.host.tryWithFile(o.outputPath, std::move(a.bytes), 0644, 1000, 1000, state.clock.nowMs);
    if (!r.ok()) return fail("failed to save image: open " + o.outputPath + ": " + r.error);
    state.host = r.tree;
    out.events.push_back(FileChanged{o.outputPath, "written"});
    return out;
}

ContainerOutcome loadImageBytes(State& state, const std::string& bytes, bool quiet, bool terminal) {
    fs::TarReadResult tar = fs::readTar(bytes);
    if (!tar.error.empty()) return fail(kDaemon + tar.error);
    std::map<std::string, const std::string*> files;
    for (const fs::TarEntry& e : tar.entries)
        if (e.kind == fs::FileEntry::Kind::File) files[fs::normalizePath(e.name)] = &e.content;
    auto manifestIt = files.find("manifest.json");
    if (manifestIt == files.end())
        return fail(kDaemon + "open /var/lib/docker/tmp/docker-import/manifest.json: no such file or directory");
    json manifest = json::parse(*manifestIt->second, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_array())
        return fail(kDaemon + "invalid character in manifest.json (LayerLab reads the JSON `docker save` writes)");
    State work = state;
    ContainerOutcome out;
    for (const json& entry : manifest) {
        if (!entry.is_object()) return fail(kDaemon + "manifest.json: an entry is not an object");
        const std::string configPath = fs::normalizePath(str(entry, "Config"));
        auto cfg = files.find(configPath);
        if (cfg == files.end())
            return fail(kDaemon + "open /var/lib/docker/tmp/docker-import/" + configPath +
                        ": no such file or directory");
        Image image;
        if (!imageFromConfig(*cfg->second, image)) return fail(kDaemon + "invalid image config " + configPath);
        const Digest wantedId = fs::sha256Digest(*cfg->second);
        const std::vector<std::string> layerPaths = strings(entry.value("Layers", json::array()));
        const json sizes = entry.value("LayerLabSizes", json::array());
        if (layerPaths.size() != image.layers.size())
            return fail(kDaemon + "invalid manifest, layers length mismatch: expected " +
                        std::to_string(image.layers.size()) + ", got " + std::to_string(layerPaths.size()));
        for (size_t i = 0; i < layerPaths.size(); ++i) {
            const std::string p = fs::normalizePath(layerPaths[i]);
            auto lt = files.find(p);
            if (lt == files.end())
                return fail(kDaemon + "open /var/lib/docker/tmp/docker-import/" + p + ": no such file or directory");
            if (work.layers.count(image.layers[i])) continue;   // already here: nothing to load
            fs::TarReadResult lr = fs::readTar(*lt->second);
            if (!lr.error.empty()) return fail(kDaemon + lr.error);
            fs::TarTree t = fs::entriesToTree(lr.entries);
            Layer layer;
            layer.changes = t.tree;
            layer.deleted = t.whiteouts;
            const Digest got = computeDiffId(layer);
            if (got != image.layers[i])
                return fail(kDaemon + "invalid diffID for layer " + std::to_string(i) + ": expected \"" +
                            image.layers[i] + "\", got \"" + got + "\"");
            layer.diffId = got;
            layer.size = i < sizes.size() && sizes[i].is_number_unsigned() ? sizes[i].get<uint64_t>()
                                                                           : layer.changes.totalBytes();
            addLayer(work, std::move(layer));
            if (!quiet && terminal) out.out += progressLine(got, lt->second->size());
        }
        fillHistorySizes(work, image);
        Digest id = addImage(work, image);
        if (id != wantedId)
            return fail("layerlab: " + configPath +
                        " is not an image config as LayerLab writes it; `docker load` here reads archives made by "
                        "LayerLab's `docker save`.");
        out.events.push_back(ImageCreated{id, {}});
        const std::vector<std::string> tags = strings(entry.value("RepoTags", json::array()));
        if (tags.empty()) out.out += "Loaded image ID: " + id + "\n";
        for (const std::string& tag : tags) {
            format::ParsedRef p = format::parseNormalizedNamed(tag);
            if (!p.ref) return fail(kDaemon + "invalid reference format: " + tag);
            auto old = work.tags.find(p.ref->tagKey());
            if (old != work.tags.end() && old->second != id)
                out.out += "The image " + p.ref->tagKey() + " already exists, renaming the old one with ID " +
                           old->second + " to empty string\n";
            for (const Event& e : tagImage(work, id, p.ref->tagKey())) out.events.push_back(e);
            out.out += "Loaded image: " + p.ref->tagKey() + "\n";
        }
    }
    state = std::move(work);
    return out;
}

ContainerOutcome loadImages(State& state, const LoadOptions& o) {
    const fs::FileEntry* f = state.host.find(o.inputPath);
    if (!f) return fail("open " + o.inputShown + ": no such file or directory");
    if (f->isDir() || !f->content) return fail(kDaemon + "unexpected EOF");
    const std::string bytes = *f->content;
    return loadImageBytes(state, bytes, o.quiet, o.terminal);
}

ContainerOutcome importImage(State& state, const ImportOptions& o) {
    const fs::FileEntry* f = state.host.find(o.inputPath);
    if (!f) return fail("open " + o.inputShown + ": no such file or directory");
    std::string tagKey;
    if (!o.reference.empty()) {
        format::ParsedRef p = format::parseNormalizedNamed(o.reference);
        if (!p.ref) return fail(p.error);
        tagKey = p.ref->tagKey();
    }
    fs::TarReadResult tar = fs::readTar(f->content ? *f->content : std::string());
    if (!tar.error.empty()) return fail(kDaemon + tar.error);
    fs::TarTree t = fs::entriesToTree(tar.entries);
    Layer layer;
    layer.changes = t.tree;
    layer.size = t.tree.totalBytes();
    Image image;
    image.createdMs = state.clock.nowMs;
    HistoryEntry h;
    h.createdMs = state.clock.nowMs;
    // moby ImportImage: "Imported from " + the source; the CLI streams a file as "-"
    h.comment = o.message.empty() ? "Imported from -" : o.message;
    h.size = layer.size;
    image.history.push_back(h);
    image.comment = h.comment;
    ContainerOutcome out;
    storeNewImage(state, std::move(image), std::move(layer), tagKey, out);
    return out;
}

}   // namespace layerlab::engine
