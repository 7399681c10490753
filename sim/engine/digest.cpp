// digest: see the header. The encodings here are part of every digest the
// simulator prints: change them and every stored scenario's IDs change.
#include "sim/engine/digest.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/engine/docker_format.hpp"
#include "sim/fs/file_checksum.hpp"
#include "sim/fs/sha256.hpp"
#include "sim/json_text.hpp"

namespace layerlab::engine {

Digest computeDiffId(const Layer& layer, fs::HashCache* cache) {
    if (layer.changes.entryCount() == 0 && layer.deleted.empty()) return kEmptyLayerDiffId;
    // The changes' tree digest already covers every entry's name, header
    // fields and content (file_checksum.hpp) and is memoised on shared nodes.
    fs::Sha256 h;
    h.update(std::string_view("layerlab-layer-v1\n", 18));
    h.update(fs::contentsChecksum(layer.changes, "", cache));
    std::vector<std::string> whiteouts;
    whiteouts.reserve(layer.deleted.size());
    for (const auto& d : layer.deleted) whiteouts.push_back(fs::normalizePath(d));
    std::sort(whiteouts.begin(), whiteouts.end());
    whiteouts.erase(std::unique(whiteouts.begin(), whiteouts.end()), whiteouts.end());
    for (const auto& w : whiteouts) {
        // A whiteout is the tar entry ".wh.<name>" next to the deleted path.
        h.update(std::string_view("\nwhiteout\0", 10));
        h.update(w);
    }
    return "sha256:" + h.finishHex();
}

namespace {

nlohmann::json configJson(const ImageConfig& c) {
    nlohmann::json j = nlohmann::json::object();
    if (c.cmd) j["Cmd"] = *c.cmd;
    if (c.entrypoint) j["Entrypoint"] = *c.entrypoint;
    if (!c.env.empty()) j["Env"] = c.env;
    if (!c.exposedPorts.empty()) {
        nlohmann::json ports = nlohmann::json::object();
        for (const auto& p : c.exposedPorts) ports[p] = nlohmann::json::object();
        j["ExposedPorts"] = ports;
    }
    if (!c.labels.empty()) j["Labels"] = c.labels;
    if (!c.onBuild.empty()) j["OnBuild"] = c.onBuild;
    if (!c.shell.empty()) j["Shell"] = c.shell;
    if (!c.stopSignal.empty()) j["StopSignal"] = c.stopSignal;
    if (!c.user.empty()) j["User"] = c.user;
    if (!c.volumes.empty()) {
        nlohmann::json vols = nlohmann::json::object();
        for (const auto& v : c.volumes) vols[v] = nlohmann::json::object();
        j["Volumes"] = vols;
    }
    if (!c.workingDir.empty()) j["WorkingDir"] = c.workingDir;
    return j;
}

}   // namespace

std::string canonicalConfigJson(const Image& image) {
    nlohmann::json j;
    j["architecture"] = image.architecture;
    j["os"] = image.os;
    if (!image.author.empty()) j["author"] = image.author;
    j["config"] = configJson(image.config);
    j["created"] = format::rfc3339Nano(image.createdMs);
    nlohmann::json history = nlohmann::json::array();
    for (const auto& h : image.history) {
        nlohmann::json e;
        e["created"] = format::rfc3339Nano(h.createdMs);
        if (!h.createdBy.empty()) e["created_by"] = h.createdBy;
        if (!h.comment.empty()) e["comment"] = h.comment;
        if (h.emptyLayer) e["empty_layer"] = true;
        history.push_back(std::move(e));
    }
    j["history"] = std::move(history);
    j["rootfs"] = {{"type", "layers"}, {"diff_ids", image.layers}};
    // std::map-backed objects: keys sorted; no whitespace; invalid UTF-8 (a RUN
    // line with binary bytes) as U+FFFD (sim/json_text.hpp).
    return jsonText(j);
}

Digest computeImageId(const Image& image) { return fs::sha256Digest(canonicalConfigJson(image)); }

Digest blobDigestFor(const Digest& diffId) { return fs::sha256Digest("layerlab-gzip-blob\n" + diffId); }

Digest manifestDigest(const Image& image, const std::map<Digest, Layer>& layers) {
    nlohmann::json j;
    j["schemaVersion"] = 2;
    j["mediaType"] = "application/vnd.oci.image.manifest.v1+json";
    const std::string configJsonText = canonicalConfigJson(image);
    j["config"] = {{"mediaType", "application/vnd.oci.image.config.v1+json"},
                   {"digest", fs::sha256Digest(configJsonText)},
                   {"size", configJsonText.size()}};
    nlohmann::json ls = nlohmann::json::array();
    for (const auto& id : image.layers) {
        const auto it = layers.find(id);
        const Digest blob =
            it != layers.end() && !it->second.blobDigest.empty() ? it->second.blobDigest : blobDigestFor(id);
        const uint64_t size = it != layers.end() ? it->second.compressedSize : 0;
        ls.push_back({{"mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"}, {"digest", blob}, {"size", size}});
    }
    j["layers"] = std::move(ls);
    return fs::sha256Digest(jsonText(j));
}

}   // namespace layerlab::engine
