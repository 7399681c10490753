// The import half of state_json: JSON -> State, every error with its pointer.
#include <cstdio>

#include "sim/engine/networks/networks.hpp"
#include "sim/engine/containers/restart_policy.hpp"
#include "sim/scenario/build_record_json.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/state_json.hpp"

namespace layerlab::scenario {

using nlohmann::json;
using namespace layerlab::engine;
using detail::eachItem;
using detail::eachMember;
using detail::eachObject;
using detail::JsonReader;

namespace {

std::optional<Container::Status> statusFromName(const std::string& s) {
    if (s == "created") return Container::Status::Created;
    if (s == "running") return Container::Status::Running;
    if (s == "paused") return Container::Status::Paused;
    if (s == "restarting") return Container::Status::Restarting;
    if (s == "exited") return Container::Status::Exited;
    if (s == "dead") return Container::Status::Dead;
    return std::nullopt;
}

void readTree(JsonReader& in, const char* key, fs::FileTree& out) {
    if (auto v = in.get(key)) out = fileTreeFromJson(*v, in.at(key), in.errors());
}

ImageConfig readConfig(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    ImageConfig c;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return c;
    in.strings("env", c.env);
    in.optStrings("cmd", c.cmd);
    in.optStrings("entrypoint", c.entrypoint);
    in.str("workingDir", c.workingDir);
    in.str("user", c.user);
    eachMember(in, "labels", [&](const std::string& k, const json& v, const std::string& p) {
        if (v.is_string()) c.labels[k] = v.get<std::string>();
        else in.fail(p, "expected a string");
    });
    in.strings("exposedPorts", c.exposedPorts);
    in.strings("volumes", c.volumes);
    in.str("stopSignal", c.stopSignal);
    in.strings("shell", c.shell);
    in.strings("onBuild", c.onBuild);
    return c;
}

Image readImage(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    Image img;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return img;
    in.str("id", img.id);
    if (auto c = in.get("config")) img.config = readConfig(*c, in.at("config"), errors);
    in.strings("layers", img.layers);
    eachObject(in, "history", img.history, [&](JsonReader& hin, HistoryEntry& e) {
        hin.integer("createdMs", e.createdMs);
        hin.str("createdBy", e.createdBy);
        hin.str("comment", e.comment);
        hin.boolean("emptyLayer", e.emptyLayer);
        hin.integer("size", e.size);
    });
    in.integer("createdMs", img.createdMs);
    in.str("architecture", img.architecture);
    in.str("os", img.os);
    in.strings("repoDigests", img.repoDigests);
    in.str("parent", img.parent);
    in.str("author", img.author);
    in.str("comment", img.comment);
    in.integer("lastTagMs", img.lastTagMs);
    return img;
}

Layer readLayer(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    Layer l;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return l;
    in.str("diffId", l.diffId);
    readTree(in, "changes", l.changes);
    in.strings("deleted", l.deleted);
    in.integer("size", l.size);
    in.str("blobDigest", l.blobDigest);
    in.integer("compressedSize", l.compressedSize);
    return l;
}

CacheRecord readCache(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    CacheRecord r;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return r;
    in.str("key", r.key);
    in.str("layer", r.layer);
    in.str("imageId", r.imageId);
    in.str("description", r.description);
    in.integer("durationMs", r.durationMs);
    in.integer("createdMs", r.createdMs);
    in.integer("lastUsedMs", r.lastUsedMs);
    in.str("parentKey", r.parentKey);
    in.str("op", r.op);
    in.str("command", r.command);
    in.strings("inputs", r.inputs);
    in.boolean("legacy", r.legacy);
    return r;
}

LastBuild readLastBuild(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    LastBuild b;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return b;
    in.boolean("ran", b.ran);
    in.boolean("ok", b.ok);
    in.boolean("legacy", b.legacy);
    in.str("imageId", b.imageId);
    in.strings("tags", b.tags);
    in.integer("totalMs", b.totalMs);
    in.integer("savedMs", b.savedMs);
    eachObject(in, "steps", b.steps, [&](JsonReader& sin, BuildStepRecord& s) {
        sin.integer("stage", s.stage);
        sin.integer("step", s.step);
        sin.str("instruction", s.instruction);
        sin.boolean("cached", s.cached);
        sin.str("reason", s.reason);
        sin.str("reasonKo", s.reasonKo);
        sin.integer("durationMs", s.durationMs);
        sin.integer("sourceLine", s.sourceLine);
        sin.str("layerDiffId", s.layerDiffId);
        sin.integer("layerSize", s.layerSize);
    });
    return b;
}

Container readContainer(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    Container c;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return c;
    in.str("id", c.id);
    in.str("name", c.name);
    in.str("imageId", c.imageId);
    in.str("imageRef", c.imageRef);
    in.strings("path", c.path);
    in.strings("env", c.env);
    in.str("workingDir", c.workingDir);
    in.str("user", c.user);
    std::string status = "created";
    in.str("status", status);
    if (auto st = statusFromName(status)) c.status = *st;
    else
        in.fail(in.at("status"),
                "expected one of \"created\", \"running\", \"paused\", \"restarting\", \"exited\", \"dead\"");
    in.integer("exitCode", c.exitCode);
    in.integer("createdMs", c.createdMs);
    in.integer("startedMs", c.startedMs);
    in.integer("finishedMs", c.finishedMs);
    in.boolean("autoRemove", c.autoRemove);
    in.boolean("interactive", c.interactive);
    in.boolean("tty", c.tty);
    auto readPorts = [&](const char* key, std::vector<PortBinding>& out) {
        eachObject(in, key, out, [&](JsonReader& pin, PortBinding& b) {
            pin.str("hostIp", b.hostIp);
            pin.integer("hostPort", b.hostPort);
            pin.integer("containerPort", b.containerPort);
            if (b.hostPort < 0 || b.hostPort > 65535) pin.fail(pin.at("hostPort"), "expected a port from 0 to 65535");
            if (b.containerPort < 0 || b.containerPort > 65535)
                pin.fail(pin.at("containerPort"), "expected a port from 0 to 65535");
            pin.str("proto", b.proto);
        });
    };
    readPorts("ports", c.ports);
    in.strings("exposedPorts", c.exposedPorts);
    readTree(in, "writable", c.writable);
    in.strings("deleted", c.deleted);
    eachObject(in, "logs", c.logs, [&](JsonReader& lin, LogLine& l) {
        lin.integer("atMs", l.atMs);
        lin.boolean("stderr", l.stderrStream);
        lin.str("text", l.text);
    });
    in.integer("restartCount", c.restartCount);
    in.strings("cmd", c.cmd);
    in.strings("entrypoint", c.entrypoint);
    in.str("hostname", c.hostname);
    in.str("error", c.error);
    readTree(in, "loadedWritable", c.loadedWritable);
    in.integer("exitAtMs", c.exitAtMs);
    in.integer("exitAtCode", c.exitAtCode);
    in.boolean("publishAll", c.publishAll);
    readPorts("activePorts", c.activePorts);
    std::string runMode = "created";
    in.str("runMode", runMode);
    if (runMode == "attached") c.runMode = Container::RunMode::Attached;
    else if (runMode == "detached") c.runMode = Container::RunMode::Detached;
    else if (runMode != "created") in.fail(in.at("runMode"), "expected one of \"created\", \"attached\", \"detached\"");
    in.integer("logsRead", c.logsRead);
    eachObject(in, "mounts", c.mounts, [&](JsonReader& min, Mount& m) {
        std::string type = "volume";
        min.str("type", type);
        if (type == "bind") m.type = Mount::Type::Bind;
        else if (type != "volume") min.fail(min.at("type"), "expected one of \"volume\", \"bind\"");
        min.str("source", m.source);
        min.str("destination", m.destination);
        min.boolean("readOnly", m.readOnly);
    });
    // Sessions saved before networks were modelled: the default bridge (the struct's default).
    in.str("networkMode", c.networkMode);
    if (c.networkMode.empty()) in.fail(in.at("networkMode"), "expected a network mode such as \"bridge\"");
    if (in.get("networks")) {
        c.networks.clear();
        eachObject(in, "networks", c.networks, [&](JsonReader& nin, Endpoint& e) {
            nin.str("network", e.network);
            if (e.network.empty()) nin.fail(nin.at("network"), "expected a network name");
            nin.strings("aliases", e.aliases);
            nin.str("ipAddress", e.ipAddress);
            if (!e.ipAddress.empty() && !networks::validAddress(e.ipAddress))
                nin.fail(nin.at("ipAddress"), "expected an IPv4 address such as \"172.18.0.2\"");
        });
    }
    if (auto rp = in.get("restartPolicy")) {
        JsonReader rin(*rp, in.at("restartPolicy"), errors);
        if (rin.isObject()) {
            rin.str("name", c.restartPolicy.name);
            rin.integer("maximumRetryCount", c.restartPolicy.maximumRetryCount);
            if (!engine::containers::validateRestartPolicy(c.restartPolicy).empty())
                rin.fail(rin.at("name"), engine::containers::validateRestartPolicy(c.restartPolicy));
        }
    }
    in.integer("memoryBytes", c.memoryBytes);
    in.integer("memorySwapBytes", c.memorySwapBytes);
    in.integer("nanoCpus", c.nanoCpus);
    in.boolean("manuallyStopped", c.manuallyStopped);
    in.integer("restartAtMs", c.restartAtMs);
    in.integer("restartDelayMs", c.restartDelayMs);
    return c;
}

// The hub's pushed repositories: every tag names a pushed image, every
// pushed image's layers are pushed blobs.
HubState readHub(const json& j, const std::string& p, std::vector<std::string>& errors) {
    HubState hub;
    JsonReader in(j, p, errors);
    if (!in.isObject()) return hub;
    in.str("loginUser", hub.loginUser);
    eachMember(in, "images", [&](const std::string& id, const json& v, const std::string& ip) {
        Image img = readImage(v, ip, errors);
        if (img.id != id) in.fail(appendPointer(ip, "id"), "does not match its key \"" + id + "\"");
        hub.images[id] = std::move(img);
    });
    eachMember(in, "blobs", [&](const std::string& id, const json& v, const std::string& bp) {
        hub.blobs[id] = readLayer(v, bp, errors);
    });
    for (const auto& [id, img] : hub.images)
        for (const auto& d : img.layers)
            if (!hub.blobs.count(d))
                errors.push_back(p + "/images/" + id + ": layer " + d + " is not in " + p + "/blobs");
    eachMember(in, "repositories", [&](const std::string& repo, const json& v, const std::string& rp) {
        if (!v.is_object()) {
            errors.push_back(rp + ": expected an object");
            return;
        }
        for (const auto& [tag, tv] : v.items()) {
            const std::string tp = appendPointer(rp, tag);
            JsonReader tin(tv, tp, errors);
            if (!tin.isObject()) continue;
            PushedTag t;
            tin.str("imageId", t.imageId);
            tin.str("manifestDigest", t.manifestDigest);
            tin.integer("manifestSize", t.manifestSize);
            tin.integer("pushedMs", t.pushedMs);
            if (!hub.images.count(t.imageId))
                tin.fail(tin.at("imageId"), "names an image that is not in " + p + "/images");
            hub.repositories[repo][tag] = t;
        }
    });
    return hub;
}

}   // namespace

fs::FileTree fileTreeFromJson(const json& j, const std::string& pointer, std::vector<std::string>& errors) {
    fs::FileTree tree;
    if (!j.is_object()) {
        errors.push_back((pointer.empty() ? "/" : pointer) + ": expected an object");
        return tree;
    }
    // Keys are sorted, so a directory comes before everything inside it.
    for (const auto& [path, ej] : j.items()) {
        std::string p = appendPointer(pointer, path);
        JsonReader in(ej, p, errors);
        if (!in.isObject()) continue;
        if (path.empty() || fs::normalizePath(path) != path) {
            in.fail(p, "not a normalized relative path");
            continue;
        }
        fs::FileEntry e;
        std::string type = "file";
        in.str("type", type);
        if (type == "dir") {
            e.kind = fs::FileEntry::Kind::Directory;
        } else if (type == "symlink") {
            e.kind = fs::FileEntry::Kind::Symlink;
            in.str("target", e.linkTarget);
        } else if (type == "file") {
            std::string content;
            if (in.get("base64")) {
                std::string b64;
                in.str("base64", b64);
                auto bytes = base64Decode(b64);
                if (!bytes) in.fail(in.at("base64"), "invalid base64");
                else content = std::move(*bytes);
            } else {
                in.str("content", content);
            }
            e.content = std::make_shared<const std::string>(std::move(content));
        } else {
            in.fail(in.at("type"), "expected one of \"file\", \"dir\", \"symlink\"");
            continue;
        }
        std::string mode = e.kind == fs::FileEntry::Kind::Directory ? "0755" : "0644";
        in.str("mode", mode);
        if (auto m = modeFromText(mode)) e.mode = *m;
        else in.fail(in.at("mode"), "expected an octal mode such as \"0644\"");
        in.integer("uid", e.uid);
        in.integer("gid", e.gid);
        in.integer("mtimeMs", e.mtimeMs);
        tree = tree.withEntry(path, e);
    }
    return tree;
}

StateImport stateFromJson(const json& j, const std::string& pointer) {
    StateImport result;
    std::vector<std::string> errors;
    State s;
    JsonReader in(j, pointer, errors);
    if (!in.isObject()) {
        result.errors = std::move(errors);
        return result;
    }
    readTree(in, "host", s.host);
    in.str("cwd", s.cwd);
    eachMember(in, "images", [&](const std::string& id, const json& v, const std::string& p) {
        Image img = readImage(v, p, errors);
        if (img.id != id) in.fail(appendPointer(p, "id"), "does not match its key \"" + id + "\"");
        s.images[id] = std::move(img);
    });
    eachMember(in, "tags", [&](const std::string& tag, const json& v, const std::string& p) {
        if (!v.is_string()) in.fail(p, "expected a string");
        else if (!s.images.count(v.get<std::string>())) in.fail(p, "names an image that is not in /images");
        else s.tags[tag] = v.get<std::string>();
    });
    eachMember(in, "layers", [&](const std::string& id, const json& v, const std::string& p) {
        s.layers[id] = readLayer(v, p, errors);
    });
    eachMember(in, "buildCache", [&](const std::string& key, const json& v, const std::string& p) {
        s.buildCache[key] = readCache(v, p, errors);
    });
    if (auto lb = in.get("lastBuild")) s.lastBuild = readLastBuild(*lb, in.at("lastBuild"), errors);
    if (auto bh = in.get("buildHistory")) s.buildHistory = buildHistoryFromJson(*bh, in.at("buildHistory"), errors);
    eachItem(in, "containers",
             [&](const json& v, const std::string& p) { s.containers.push_back(readContainer(v, p, errors)); });
    eachMember(in, "volumes", [&](const std::string& name, const json& v, const std::string& p) {
        Volume vol;
        vol.name = name;
        JsonReader vin(v, p, errors);
        if (!vin.isObject()) return;
        vin.integer("createdMs", vol.createdMs);
        readTree(vin, "files", vol.files);
        vin.boolean("anonymous", vol.anonymous);
        vin.boolean("populated", vol.populated);
        s.volumes[name] = std::move(vol);
    });
    eachMember(in, "networks", [&](const std::string& name, const json& v, const std::string& p) {
        Network n;
        n.name = name;
        JsonReader nin(v, p, errors);
        if (!nin.isObject()) return;
        if (name.empty() || networks::isPredefined(name)) nin.fail(p, "bridge, host and none are predefined");
        nin.str("id", n.id);
        if (n.id.size() != 64 || n.id.find_first_not_of("0123456789abcdef") != std::string::npos)
            nin.fail(nin.at("id"), "expected 64 lower-case hex digits");
        nin.str("driver", n.driver);
        if (n.driver != "bridge") nin.fail(nin.at("driver"), "expected \"bridge\"");
        nin.integer("createdMs", n.createdMs);
        nin.str("subnet", n.subnet);
        if (!networks::validSubnet(n.subnet)) nin.fail(nin.at("subnet"), "expected a subnet such as \"172.18.0.0/16\"");
        nin.str("gateway", n.gateway);
        if (!networks::validAddress(n.gateway)) nin.fail(nin.at("gateway"), "expected an IPv4 address");
        eachMember(nin, "labels", [&](const std::string& k, const json& lv, const std::string& lp) {
            if (lv.is_string()) n.labels[k] = lv.get<std::string>();
            else nin.fail(lp, "expected a string");
        });
        s.networks[name] = std::move(n);
    });
    for (const Container& c : s.containers)
        for (const Mount& m : c.mounts)
            if (m.type == Mount::Type::Volume && !s.volumes.count(m.source))
                errors.push_back("/volumes: no volume \"" + m.source + "\", which container " + c.name + " mounts");
    if (auto h = in.get("hub")) s.hub = readHub(*h, in.at("hub"), errors);
    if (auto c = in.get("clock")) {
        JsonReader cin(*c, in.at("clock"), errors);
        if (cin.isObject()) cin.integer("nowMs", s.clock.nowMs);
    }
    if (auto r = in.get("rng")) {
        JsonReader rin(*r, in.at("rng"), errors);
        if (rin.isObject()) {
            std::string hex;
            rin.str("state", hex);
            unsigned long long v = 0;
            int used = 0;
            if (hex.size() != 16 || std::sscanf(hex.c_str(), "%16llx%n", &v, &used) != 1 || used != 16)
                rin.fail(rin.at("state"), "expected 16 hex digits");
            else s.rng.state = v;
        }
    }
    in.integer("seed", s.seed);
    in.str("lang", s.lang);
    if (s.lang != "en" && s.lang != "ko") in.fail(in.at("lang"), "expected one of \"en\", \"ko\"");
    result.errors = std::move(errors);
    if (result.errors.empty()) result.state = std::move(s);
    return result;
}

}   // namespace layerlab::scenario
