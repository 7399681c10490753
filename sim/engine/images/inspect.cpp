// image_inspect: `docker image inspect` and `docker history`.
//
// inspect prints the daemon's ImageInspect JSON as docker/cli does (an array,
// 4-space indent, Go's HTML-safe string escaping) with the fields of API 1.50
// (Docker 28.2+): Config is the OCI image config, only non-empty fields.
// history follows moby's daemon/images/image_history.go: newest first, one
// row per history entry, the image's ID on the top row and "<missing>" below
// unless a local parent image (legacy builder) owns the row.
#include <nlohmann/json.hpp>
#include <set>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/row_format.hpp"
#include "sim/fs/sha256.hpp"
#include "sim/json_text.hpp"

namespace layerlab::engine {

namespace {

using OJson = nlohmann::ordered_json;

OJson configJson(const ImageConfig& c) {
    OJson j = OJson::object();
    if (!c.user.empty()) j["User"] = c.user;
    if (!c.exposedPorts.empty()) {
        OJson ports = OJson::object();
        for (const auto& p : c.exposedPorts) ports[p] = OJson::object();
        j["ExposedPorts"] = ports;
    }
    if (!c.env.empty()) j["Env"] = c.env;
    if (c.entrypoint && !c.entrypoint->empty()) j["Entrypoint"] = *c.entrypoint;
    if (c.cmd && !c.cmd->empty()) j["Cmd"] = *c.cmd;
    if (!c.volumes.empty()) {
        OJson vols = OJson::object();
        for (const auto& v : c.volumes) vols[v] = OJson::object();
        j["Volumes"] = vols;
    }
    if (!c.workingDir.empty()) j["WorkingDir"] = c.workingDir;
    if (!c.labels.empty()) {
        OJson labels = OJson::object();
        for (const auto& [k, v] : c.labels) labels[k] = v;
        j["Labels"] = labels;
    }
    if (!c.stopSignal.empty()) j["StopSignal"] = c.stopSignal;
    if (!c.onBuild.empty()) j["OnBuild"] = c.onBuild;
    if (!c.shell.empty()) j["Shell"] = c.shell;
    return j;
}

std::string overlayDir(const Digest& chain) { return "/var/lib/docker/overlay2/" + fs::sha256Hex("overlay2 " + chain); }

OJson inspectJson(const State& state, const Image& img) {
    OJson j;
    j["Id"] = img.id;
    j["RepoTags"] = tagsOf(state, img.id);
    j["RepoDigests"] = img.repoDigests;
    j["Parent"] = img.parent;
    j["Comment"] = img.comment;
    j["Created"] = format::rfc3339Nano(img.createdMs);
    j["DockerVersion"] = "";
    j["Author"] = img.author;
    j["Config"] = configJson(img.config);
    j["Architecture"] = img.architecture;
    j["Os"] = img.os;
    j["Size"] = imageSize(state, img);
    // The overlay2 directories: the top layer is "upper", the rest "lower".
    OJson data = OJson::object();
    const auto chains = chainIds(img);
    if (!chains.empty()) {
        std::string lower;
        for (size_t i = chains.size() - 1; i-- > 0;)
            lower += (lower.empty() ? "" : ":") + overlayDir(chains[i]) + "/diff";
        if (!lower.empty()) data["LowerDir"] = lower;
        data["MergedDir"] = overlayDir(chains.back()) + "/merged";
        data["UpperDir"] = overlayDir(chains.back()) + "/diff";
        data["WorkDir"] = overlayDir(chains.back()) + "/work";
    }
    j["GraphDriver"] = {{"Data", data}, {"Name", "overlay2"}};
    j["RootFS"] = {{"Type", "layers"}, {"Layers", img.layers}};
    j["Metadata"] = {{"LastTagTime", img.lastTagMs ? format::rfc3339Nano(img.lastTagMs) : "0001-01-01T00:00:00Z"}};
    return j;
}

// Go's escaping of <, > and & (json.Marshal is HTML-safe); they only occur
// inside strings in JSON text.
std::string htmlSafe(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else out += c;
    }
    return out;
}

// Go's fmt %v of a decoded value: strings raw, arrays "[a b]", objects as
// "map[k:v]" (struct-valued fields print alike in this simplification).
std::string goValue(const OJson& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "<no value>";
    if (v.is_array()) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + goValue(v[i]);
        return s + "]";
    }
    if (v.is_object()) {
        if (v.empty()) return "map[]";
        std::string s = "map[";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            s += (first ? "" : " ") + it.key() + ":" +
                 (it.value().is_object() && it.value().empty() ? "{}" : goValue(it.value()));
            first = false;
        }
        return s + "]";
    }
    return jsonText(v);
}

// A -f template over the inspect JSON: literal text, {{.A.B}}, {{json .A.B}}.
bool renderInspectTemplate(const std::string& tmpl, const OJson& doc, std::string& out, std::string& error) {
    size_t i = 0;
    while (i < tmpl.size()) {
        const auto open = tmpl.find("{{", i);
        if (open == std::string::npos) {
            out += tmpl.substr(i);
            break;
        }
        out += tmpl.substr(i, open - i);
        const auto close = tmpl.find("}}", open);
        if (close == std::string::npos) {
            error = "template parsing error: template: :1: unclosed action";
            return false;
        }
        std::string action = tmpl.substr(open + 2, close - open - 2);
        while (!action.empty() && action.front() == ' ') action.erase(0, 1);
        while (!action.empty() && action.back() == ' ') action.pop_back();
        bool asJson = false;
        if (action.rfind("json ", 0) == 0) {
            asJson = true;
            action = action.substr(5);
            while (!action.empty() && action.front() == ' ') action.erase(0, 1);
        }
        if (action.empty() || action[0] != '.') {
            error = "LayerLab's --format for inspect understands {{.Path.To.Field}} and {{json .Path}} only";
            return false;
        }
        const OJson* cur = &doc;
        std::string path = action.substr(1);
        static const OJson kNull;
        while (!path.empty()) {
            const auto dot = path.find('.');
            const std::string key = path.substr(0, dot);
            path = dot == std::string::npos ? "" : path.substr(dot + 1);
            if (cur->is_object() && cur->contains(key)) {
                cur = &(*cur)[key];
            } else if (cur->is_object()) {
                // An omitted (empty) field of the typed response prints as Go's zero
                // value; a missing map key prints "<no value>".
                static const OJson kList = OJson::array(), kMap = OJson::object(), kString = "";
                static const std::set<std::string> lists = {"Env", "Cmd", "Entrypoint", "OnBuild", "Shell"};
                static const std::set<std::string> maps = {"ExposedPorts", "Volumes", "Labels"};
                static const std::set<std::string> strings = {"User", "WorkingDir", "StopSignal"};
                const bool inConfig = action.rfind(".Config.", 0) == 0 && path.empty();
                if (inConfig && lists.count(key)) cur = asJson ? &kNull : &kList;
                else if (inConfig && maps.count(key)) cur = asJson ? &kNull : &kMap;
                else if (inConfig && strings.count(key)) cur = &kString;
                else cur = &kNull;
            } else {
                error = "template: :1:" + std::to_string(open + 2) + ": executing \"\" at <" + action +
                        ">: can't evaluate field " + key;
                return false;
            }
        }
        out += asJson ? htmlSafe(cur->dump()) : goValue(*cur);
        i = close + 2;
    }
    return true;
}

}   // namespace

Outcome inspectImages(const State& state, const ImageInspectOptions& options) {
    Outcome o;
    std::vector<OJson> docs;
    std::string errors;
    for (const auto& ref : options.images) {
        const auto r = resolveImageRef(state, ref);
        if (!r.image) {
            errors += "Error response from daemon: " + r.error + "\n";
            continue;
        }
        docs.push_back(inspectJson(state, *r.image));
    }
    if (options.format.empty()) {
        if (docs.empty()) {
            o.out = "[]\n";
        } else {
            std::string text = "[\n";
            for (size_t i = 0; i < docs.size(); ++i) {
                // Each element indented as json.Indent(prefix "", indent "    ") inside the array.
                std::string body = htmlSafe(jsonText(docs[i], 4));
                std::string shifted = "    ";
                for (char c : body) {
                    shifted += c;
                    if (c == '\n') shifted += "    ";
                }
                text += shifted + (i + 1 < docs.size() ? ",\n" : "\n");
            }
            o.out = text + "]\n";
        }
    } else {
        std::string tmpl = options.format;
        for (size_t p; (p = tmpl.find("\\n")) != std::string::npos;) tmpl.replace(p, 2, "\n");
        for (size_t p; (p = tmpl.find("\\t")) != std::string::npos;) tmpl.replace(p, 2, "\t");
        for (const auto& d : docs) {
            std::string line, error;
            if (!renderInspectTemplate(tmpl, d, line, error)) {
                o.err = error + "\n";
                o.exitCode = 1;
                o.out.clear();
                return o;
            }
            o.out += line + "\n";
        }
    }
    if (!errors.empty()) {
        o.err = errors;
        o.exitCode = 1;
    }
    return o;
}

Outcome imageHistory(const State& state, const HistoryOptions& options) {
    Outcome o;
    const auto r = resolveImageRef(state, options.image);
    if (!r.image) {
        o.err = "Error response from daemon: " + r.error + "\n";
        o.exitCode = 1;
        return o;
    }
    const Image& img = *r.image;
    struct Item {
        std::string id = "<missing>";
        int64_t createdSec;
        std::string createdBy, comment;
        uint64_t size;
    };
    std::vector<Item> items;
    size_t layer = 0;
    for (const auto& h : img.history) {
        uint64_t size = 0;
        if (!h.emptyLayer && layer < img.layers.size()) {
            const auto it = state.layers.find(img.layers[layer++]);
            size = it == state.layers.end() ? h.size : it->second.size;
        }
        items.insert(items.begin(), Item{"<missing>", h.createdMs / 1000, h.createdBy, h.comment, size});
    }
    // Fill in image IDs along the local parent chain.
    const Image* cur = &img;
    for (auto& item : items) {
        item.id = cur->id;
        if (cur->parent.empty()) break;
        const auto p = state.images.find(cur->parent);
        if (p == state.images.end()) break;
        cur = &p->second;
    }
    const bool trunc = !options.noTrunc;
    std::vector<format::Row> rows;
    for (const auto& item : items) {
        format::Row row;
        row["ID"] = trunc ? format::shortId(item.id) : item.id;
        row["CreatedAt"] = format::rfc3339(item.createdSec * 1000);
        row["CreatedSince"] = !options.human ? row["CreatedAt"]
                              : item.createdSec <= 946684800
                                  ? ""
                                  : format::createdSince(item.createdSec * 1000, state.clock.nowMs);
        std::string by = item.createdBy;
        for (char& c : by)
            if (c == '\t') c = ' ';
        row["CreatedBy"] = trunc ? format::ellipsis(by, 45) : by;
        row["Size"] = options.human ? format::humanSize(item.size) : std::to_string(item.size);
        row["Comment"] = item.comment;
        rows.push_back(std::move(row));
    }
    std::string fmt = options.format;
    if (fmt.empty() || fmt == "table") {
        if (options.quiet) {
            for (const auto& row : rows) o.out += row.at("ID") + "\n";
            return o;
        }
        fmt = options.human ? "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
                            : "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    }
    const auto res = format::renderRows(fmt, rows,
                                        {{"ID", "IMAGE"},
                                         {"CreatedSince", "CREATED"},
                                         {"CreatedAt", "CREATED AT"},
                                         {"CreatedBy", "CREATED BY"},
                                         {"Size", "SIZE"},
                                         {"Comment", "COMMENT"}},
                                        "*image.historyContext");
    res.writeTo(o);
    return o;
}

}   // namespace layerlab::engine
