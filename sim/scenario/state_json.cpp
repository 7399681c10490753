#include "sim/scenario/state_json.hpp"

#include <cstdio>

#include "sim/scenario/build_record_json.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/json_text.hpp"

namespace layerlab::scenario {

using nlohmann::json;
using namespace layerlab::engine;

// ---------------------------------------------------------------- helpers

std::string base64Encode(const std::string& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
        for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
    }
    if (i < bytes.size()) {
        uint32_t v = uint8_t(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= uint8_t(bytes[i + 1]) << 8;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += (i + 1 < bytes.size()) ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64Decode(const std::string& text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out;
    for (size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            char c = text[i + k];
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                v[k] = 0;
                ++pad;
            } else {
                if (pad > 0) return std::nullopt;
                v[k] = value(c);
                if (v[k] < 0) return std::nullopt;
            }
        }
        uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out += char((n >> 16) & 0xFF);
        if (pad < 2) out += char((n >> 8) & 0xFF);
        if (pad < 1) out += char(n & 0xFF);
    }
    return out;
}

bool isValidUtf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < len; ++k) {
            unsigned char cc = s[i + k];
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

std::string modeToText(uint32_t mode) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04o", mode & 07777);
    return buf;
}

std::optional<uint32_t> modeFromText(const std::string& text) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    uint32_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '7') return std::nullopt;
        v = v * 8 + uint32_t(c - '0');
    }
    if (v > 07777) return std::nullopt;
    return v;
}

namespace {

std::string hex64(uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

const char* statusName(Container::Status s) {
    switch (s) {
        case Container::Status::Created:
            return "created";
        case Container::Status::Running:
            return "running";
        case Container::Status::Paused:
            return "paused";
        case Container::Status::Restarting:
            return "restarting";
        case Container::Status::Exited:
            return "exited";
        case Container::Status::Dead:
            return "dead";
    }
    return "created";
}

// ---------------------------------------------------------------- to JSON

json configToJson(const ImageConfig& c) {
    json j;
    j["env"] = c.env;
    j["cmd"] = c.cmd ? json(*c.cmd) : json(nullptr);
    j["entrypoint"] = c.entrypoint ? json(*c.entrypoint) : json(nullptr);
    j["workingDir"] = c.workingDir;
    j["user"] = c.user;
    j["labels"] = c.labels;
    j["exposedPorts"] = c.exposedPorts;
    j["volumes"] = c.volumes;
    j["stopSignal"] = c.stopSignal;
    j["shell"] = c.shell;
    j["onBuild"] = c.onBuild;
    return j;
}

json imageToJson(const Image& img) {
    json j;
    j["id"] = img.id;
    j["config"] = configToJson(img.config);
    j["layers"] = img.layers;
    json hist = json::array();
    for (const auto& h : img.history)
        hist.push_back({{"createdMs", h.createdMs},
                        {"createdBy", h.createdBy},
                        {"comment", h.comment},
                        {"emptyLayer", h.emptyLayer},
                        {"size", h.size}});
    j["history"] = hist;
    j["createdMs"] = img.createdMs;
    j["architecture"] = img.architecture;
    j["os"] = img.os;
    j["repoDigests"] = img.repoDigests;
    j["parent"] = img.parent;
    j["author"] = img.author;
    j["comment"] = img.comment;
    j["lastTagMs"] = img.lastTagMs;
    return j;
}

json layerToJson(const Layer& l) {
    return {{"diffId", l.diffId}, {"changes", fileTreeToJson(l.changes)}, {"deleted", l.deleted},
            {"size", l.size},     {"blobDigest", l.blobDigest},           {"compressedSize", l.compressedSize}};
}

json cacheToJson(const CacheRecord& r) {
    return {{"key", r.key},
            {"layer", r.layer},
            {"imageId", r.imageId},
            {"description", r.description},
            {"durationMs", r.durationMs},
            {"createdMs", r.createdMs},
            {"lastUsedMs", r.lastUsedMs},
            {"parentKey", r.parentKey},
            {"op", r.op},
            {"command", r.command},
            {"inputs", r.inputs},
            {"legacy", r.legacy}};
}

json lastBuildToJson(const LastBuild& b) {
    json steps = json::array();
    for (const auto& s : b.steps)
        steps.push_back({{"stage", s.stage},
                         {"step", s.step},
                         {"instruction", s.instruction},
                         {"cached", s.cached},
                         {"reason", s.reason},
                         {"reasonKo", s.reasonKo},
                         {"durationMs", s.durationMs},
                         {"sourceLine", s.sourceLine},
                         {"layerDiffId", s.layerDiffId},
                         {"layerSize", s.layerSize}});
    return {{"ran", b.ran},   {"ok", b.ok},           {"legacy", b.legacy},   {"imageId", b.imageId},
            {"tags", b.tags}, {"totalMs", b.totalMs}, {"savedMs", b.savedMs}, {"steps", steps}};
}

json portsToJson(const std::vector<PortBinding>& bindings) {
    json ports = json::array();
    for (const auto& p : bindings)
        ports.push_back(
            {{"hostIp", p.hostIp}, {"hostPort", p.hostPort}, {"containerPort", p.containerPort}, {"proto", p.proto}});
    return ports;
}

json containerToJson(const Container& c) {
    json ports = portsToJson(c.ports);
    json logs = json::array();
    for (const auto& l : c.logs) logs.push_back({{"atMs", l.atMs}, {"stderr", l.stderrStream}, {"text", l.text}});
    json j;
    j["id"] = c.id;
    j["name"] = c.name;
    j["imageId"] = c.imageId;
    j["imageRef"] = c.imageRef;
    j["path"] = c.path;
    j["env"] = c.env;
    j["workingDir"] = c.workingDir;
    j["user"] = c.user;
    j["status"] = statusName(c.status);
    j["exitCode"] = c.exitCode;
    j["createdMs"] = c.createdMs;
    j["startedMs"] = c.startedMs;
    j["finishedMs"] = c.finishedMs;
    j["autoRemove"] = c.autoRemove;
    j["interactive"] = c.interactive;
    j["tty"] = c.tty;
    j["ports"] = ports;
    j["exposedPorts"] = c.exposedPorts;
    j["writable"] = fileTreeToJson(c.writable);
    j["deleted"] = c.deleted;
    j["logs"] = logs;
    j["restartCount"] = c.restartCount;
    j["cmd"] = c.cmd;
    j["entrypoint"] = c.entrypoint;
    j["hostname"] = c.hostname;
    j["error"] = c.error;
    j["loadedWritable"] = fileTreeToJson(c.loadedWritable);
    j["exitAtMs"] = c.exitAtMs;
    j["exitAtCode"] = c.exitAtCode;
    j["publishAll"] = c.publishAll;
    j["activePorts"] = portsToJson(c.activePorts);
    j["runMode"] = c.runMode == Container::RunMode::Attached   ? "attached"
                   : c.runMode == Container::RunMode::Detached ? "detached"
                                                               : "created";
    j["logsRead"] = c.logsRead;
    // Written only when there are mounts, so the exports of sessions without
    // volumes stay byte for byte what they were.
    if (!c.mounts.empty()) {
        json mounts = json::array();
        for (const Mount& m : c.mounts)
            mounts.push_back({{"type", m.type == Mount::Type::Bind ? "bind" : "volume"},
                              {"source", m.source},
                              {"destination", m.destination},
                              {"readOnly", m.readOnly}});
        j["mounts"] = mounts;
    }
    j["networkMode"] = c.networkMode;
    json nets = json::array();
    for (const Endpoint& e : c.networks)
        nets.push_back({{"network", e.network}, {"aliases", e.aliases}, {"ipAddress", e.ipAddress}});
    j["networks"] = nets;
    // The restart policy, limits and restart-manager state: also written only
    // when not the defaults, for the same reason.
    if (c.restartPolicy != RestartPolicy{})
        j["restartPolicy"] = {{"name", c.restartPolicy.name}, {"maximumRetryCount", c.restartPolicy.maximumRetryCount}};
    if (c.memoryBytes) j["memoryBytes"] = c.memoryBytes;
    if (c.memorySwapBytes) j["memorySwapBytes"] = c.memorySwapBytes;
    if (c.nanoCpus) j["nanoCpus"] = c.nanoCpus;
    if (c.manuallyStopped) j["manuallyStopped"] = true;
    if (c.restartAtMs) j["restartAtMs"] = c.restartAtMs;
    if (c.restartDelayMs) j["restartDelayMs"] = c.restartDelayMs;
    return j;
}

// The simulated hub's pushed repositories and the logged-in username (never
// a password: the State holds none). The event log is not exported: like a
// daemon's in-memory event buffer, it starts empty after a load.
json hubToJson(const HubState& hub) {
    json repos = json::object();
    for (const auto& [repo, tags] : hub.repositories) {
        json t = json::object();
        for (const auto& [tag, p] : tags)
            t[tag] = {{"imageId", p.imageId},
                      {"manifestDigest", p.manifestDigest},
                      {"manifestSize", p.manifestSize},
                      {"pushedMs", p.pushedMs}};
        repos[repo] = t;
    }
    json images = json::object();
    for (const auto& [id, img] : hub.images) images[id] = imageToJson(img);
    json blobs = json::object();
    for (const auto& [id, l] : hub.blobs) blobs[id] = layerToJson(l);
    return {{"loginUser", hub.loginUser}, {"repositories", repos}, {"images", images}, {"blobs", blobs}};
}

}   // namespace

json fileTreeToJson(const fs::FileTree& tree) {
    json out = json::object();
    tree.forEach([&](const std::string& path, const fs::FileEntry& e) {
        json j;
        if (e.kind == fs::FileEntry::Kind::Directory) {
            j["type"] = "dir";
        } else if (e.kind == fs::FileEntry::Kind::Symlink) {
            j["type"] = "symlink";
            j["target"] = e.linkTarget;
        } else {
            j["type"] = "file";
            const std::string& content = e.content ? *e.content : std::string();
            if (isValidUtf8(content)) j["content"] = content;
            else j["base64"] = base64Encode(content);
        }
        j["mode"] = modeToText(e.mode);
        j["uid"] = e.uid;
        j["gid"] = e.gid;
        j["mtimeMs"] = e.mtimeMs;
        out[path] = j;
    });
    return out;
}

json stateToJson(const State& s) {
    json j;
    j["host"] = fileTreeToJson(s.host);
    j["cwd"] = s.cwd;
    json images = json::object();
    for (const auto& [id, img] : s.images) images[id] = imageToJson(img);
    j["images"] = images;
    j["tags"] = s.tags;
    json layers = json::object();
    for (const auto& [id, l] : s.layers) layers[id] = layerToJson(l);
    j["layers"] = layers;
    json cache = json::object();
    for (const auto& [key, r] : s.buildCache) cache[key] = cacheToJson(r);
    j["buildCache"] = cache;
    j["lastBuild"] = lastBuildToJson(s.lastBuild);
    j["buildHistory"] = buildHistoryToJson(s.buildHistory);
    json containers = json::array();
    for (const auto& c : s.containers) containers.push_back(containerToJson(c));
    j["containers"] = containers;
    if (!s.volumes.empty()) {   // only when there are any (see containerToJson's mounts)
        json volumes = json::object();
        for (const auto& [name, v] : s.volumes)
            volumes[name] = {{"createdMs", v.createdMs},
                             {"files", fileTreeToJson(v.files)},
                             {"anonymous", v.anonymous},
                             {"populated", v.populated}};
        j["volumes"] = volumes;
    }
    if (!s.networks.empty()) {   // user-defined networks; bridge, host and none are every engine's
        json networks = json::object();
        for (const auto& [name, n] : s.networks)
            networks[name] = {{"id", n.id},         {"driver", n.driver},   {"createdMs", n.createdMs},
                              {"subnet", n.subnet}, {"gateway", n.gateway}, {"labels", n.labels}};
        j["networks"] = networks;
    }
    if (!s.hub.empty()) j["hub"] = hubToJson(s.hub);   // only when used (see containerToJson's mounts)
    j["clock"] = {{"nowMs", s.clock.nowMs}};
    j["rng"] = {{"state", hex64(s.rng.state)}};
    j["seed"] = s.seed;
    j["lang"] = s.lang;
    return j;
}

std::string stateToText(const State& state) { return jsonText(stateToJson(state), 2) + "\n"; }

}   // namespace layerlab::scenario
