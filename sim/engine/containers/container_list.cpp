// container_list: `docker ps` / `docker container ls` (see container_api.hpp),
// following docker/cli's formatter/container.go and the daemon's list filters.
#include <algorithm>
#include <map>
#include <regex>

#include "sim/dockerfile/go_quote.hpp"
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/ports.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::engine {
namespace {

using namespace containers;

// The daemon's Command: Path, then each arg ('quoted' when it holds a space).
std::string commandOf(const Container& c) {
    if (c.path.empty()) return "";
    std::string s = c.path[0];
    for (size_t i = 1; i < c.path.size(); ++i)
        s += " " + (c.path[i].find(' ') != std::string::npos ? "'" + c.path[i] + "'" : c.path[i]);
    return s;
}

// Go's time.Time.String() in UTC: "2026-01-05 09:00:00 +0000 UTC".
std::string goTimeString(int64_t ms) {
    std::string r = format::rfc3339(ms);   // 2026-01-05T09:00:00Z
    return r.substr(0, 10) + " " + r.substr(11, 8) + " +0000 UTC";
}

// IMAGE: what the user typed, unless that name now means another image (then the short ID).
std::string imageColumn(const State& state, const Container& c, bool noTrunc) {
    ResolvedImage r = resolveImageRef(state, c.imageRef);
    if (r.image && r.image->id == c.imageId) return c.imageRef;
    return noTrunc ? c.imageId : format::shortId(c.imageId);
}

struct Row {
    std::map<std::string, std::string> fields;
};

const std::vector<std::pair<std::string, std::string>>& headers() {
    static const std::vector<std::pair<std::string, std::string>> h = {
        {"ID", "CONTAINER ID"},    {"Image", "IMAGE"},
        {"Command", "COMMAND"},    {"CreatedAt", "CREATED AT"},
        {"RunningFor", "CREATED"}, {"Ports", "PORTS"},
        {"Status", "STATUS"},      {"Size", "SIZE"},
        {"Names", "NAMES"},        {"Labels", "LABELS"},
        {"Mounts", "MOUNTS"},      {"Networks", "NETWORKS"},
        {"State", "STATE"},        {"LocalVolumes", "LOCAL VOLUMES"}};
    return h;
}

// Expands {{.Field}} placeholders. error: Go's template error for an unknown field.
std::string expand(const std::string& tmpl, const std::map<std::string, std::string>& fields, std::string& error) {
    std::string out;
    size_t i = 0;
    while (i < tmpl.size()) {
        size_t open = tmpl.find("{{", i);
        if (open == std::string::npos) {
            out += tmpl.substr(i);
            break;
        }
        out += tmpl.substr(i, open - i);
        size_t close = tmpl.find("}}", open);
        if (close == std::string::npos) {
            error = "template: :1: unclosed action";
            return "";
        }
        std::string action = tmpl.substr(open + 2, close - open - 2);
        size_t b = action.find_first_not_of(' '), e = action.find_last_not_of(' ');
        action = b == std::string::npos ? "" : action.substr(b, e - b + 1);
        if (action.size() < 2 || action[0] != '.' || !fields.count(action.substr(1))) {
            error = "template: :1:" + std::to_string(open + 2) + ": executing \"\" at <" + action +
                    ">: can't evaluate field " + (action.size() > 1 ? action.substr(1) : action) +
                    " in type *formatter.ContainerContext";
            return "";
        }
        out += fields.at(action.substr(1));
        i = close + 2;
    }
    return out;
}

bool isAncestor(const State& state, const Image& ancestor, const Container& c) {
    if (c.imageId == ancestor.id) return true;
    auto it = state.images.find(c.imageId);
    if (it == state.images.end()) return false;
    const auto& mine = it->second.layers;
    const auto& theirs = ancestor.layers;
    return !theirs.empty() && mine.size() > theirs.size() && std::equal(theirs.begin(), theirs.end(), mine.begin());
}

}   // namespace

ContainerOutcome listContainers(const State& stateIn, const PsOptions& o) {
    ContainerOutcome out;
    State state = stateIn;   // a view with programs that ended by now marked Exited
    settleContainers(state);

    // Filters: same key OR, different keys AND.
    std::map<std::string, std::vector<std::string>> filters;
    for (const std::string& f : o.filters) {
        size_t eq = f.find('=');
        if (eq == std::string::npos) {
            out.err = "bad format of filter (expected name=value)\n";
            out.exitCode = 1;
            return out;
        }
        std::string key = f.substr(0, eq);
        static const std::vector<std::string> known = {"status",  "name",   "id",     "ancestor",  "exited",
                                                       "label",   "before", "since",  "volume",    "network",
                                                       "publish", "expose", "health", "isolation", "is-task"};
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            out.err = "Error response from daemon: invalid filter '" + key + "'\n";
            out.exitCode = 1;
            return out;
        }
        if (key == "status") {
            static const std::vector<std::string> statuses = {"created", "restarting", "running", "removing",
                                                              "paused",  "exited",     "dead"};
            if (std::find(statuses.begin(), statuses.end(), f.substr(eq + 1)) == statuses.end()) {
                out.err = "Error response from daemon: invalid filter 'status=" + f.substr(eq + 1) + "'\n";
                out.exitCode = 1;
                return out;
            }
        }
        filters[key].push_back(f.substr(eq + 1));
    }
    const bool all = o.all || o.latest || o.last >= 0 || filters.count("status") || filters.count("exited");
    std::vector<const Container*> rows;
    for (auto it = state.containers.rbegin(); it != state.containers.rend(); ++it) rows.push_back(&*it);
    if (o.latest) rows.resize(std::min<size_t>(rows.size(), 1));
    else if (o.last >= 0) rows.resize(std::min<size_t>(rows.size(), static_cast<size_t>(o.last)));
    auto keep = [&](const Container& c) {
        if (!all && !isUp(c)) return false;
        for (const auto& [key, values] : filters) {
            bool any = false;
            for (const std::string& v : values) {
                if (key == "status") any = any || stateName(c) == v;
                else if (key == "id") any = any || c.id.rfind(v, 0) == 0;
                else if (key == "name") {
                    try {
                        any = any || std::regex_search("/" + c.name, std::regex(v));
                    } catch (const std::regex_error&) {
                        any = any || c.name.find(v) != std::string::npos;
                    }
                } else if (key == "exited")
                    any = any || (c.status == Container::Status::Exited && c.startedMs != 0 &&
                                  std::to_string(c.exitCode) == v);
                else if (key == "ancestor") {
                    ResolvedImage r = resolveImageRef(state, v);
                    any = any || (r.image && isAncestor(state, *r.image, c));
                } else if (key == "publish" || key == "expose") {
                    std::string want = v.find('/') == std::string::npos ? v + "/tcp" : v;
                    if (key == "expose")
                        any = any ||
                              std::find(c.exposedPorts.begin(), c.exposedPorts.end(), want) != c.exposedPorts.end();
                    for (const PortBinding& b : c.activePorts)
                        any = any || (key == "publish" && std::to_string(b.hostPort) + "/" + b.proto == want);
                } else if (key == "network") any = any || v == "bridge";
            }
            if (!any) return false;
        }
        return true;
    };
    std::vector<const Container*> shown;
    for (const Container* c : rows)
        if (keep(*c)) shown.push_back(c);

    if (o.quiet && o.format.empty()) {
        for (const Container* c : shown) out.out += (o.noTrunc ? c->id : c->id.substr(0, 12)) + "\n";
        return out;
    }
    std::string fmt = o.format;
    if (fmt.empty() || fmt == "table") {
        fmt = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
        if (o.size) fmt += "\t{{.Size}}";
    }
    const bool table = fmt.rfind("table", 0) == 0;
    if (table) fmt = fmt.substr(5);
    // docker/cli preFormat: trim spaces, then \t and \n escapes become real ones.
    size_t b = fmt.find_first_not_of(' '), e = fmt.find_last_not_of(' ');
    fmt = b == std::string::npos ? "" : fmt.substr(b, e - b + 1);
    for (size_t pos; (pos = fmt.find("\\t")) != std::string::npos;) fmt.replace(pos, 2, "\t");
    for (size_t pos; (pos = fmt.find("\\n")) != std::string::npos;) fmt.replace(pos, 2, "\n");

    std::vector<std::string> lines;
    for (const Container* c : shown) {
        std::map<std::string, std::string> f;
        f["ID"] = o.noTrunc ? c->id : c->id.substr(0, 12);
        f["Image"] = imageColumn(state, *c, o.noTrunc);
        std::string cmd = commandOf(*c);
        f["Command"] = dockerfile::goQuote(o.noTrunc ? cmd : format::ellipsis(cmd, 20));
        f["CreatedAt"] = goTimeString(c->createdMs);
        f["RunningFor"] = format::createdSince(c->createdMs, state.clock.nowMs);
        f["Ports"] = displayPorts(*c);
        f["Status"] = statusText(*c, state.clock.nowMs);
        f["Size"] = format::humanSizeWithPrecision(static_cast<double>(writableSize(*c)), 3) + " (virtual " +
                    format::humanSizeWithPrecision(static_cast<double>(virtualSize(state, *c)), 3) + ")";
        f["Names"] = c->name;
        f["Labels"] = "";
        f["Mounts"] = "";
        f["Networks"] = "bridge";
        f["State"] = stateName(*c);
        f["LocalVolumes"] = "0";
        std::string error;
        std::string line = expand(fmt, f, error);
        if (!error.empty()) {
            out.err = error + "\n";
            out.exitCode = 1;
            out.out.clear();
            return out;
        }
        lines.push_back(line);
    }
    if (!table) {
        for (const std::string& l : lines) out.out += l + "\n";
        return out;
    }
    std::map<std::string, std::string> headerFields;
    for (const auto& [k, v] : headers()) headerFields[k] = v;
    std::string error;
    std::string header = expand(fmt, headerFields, error);
    if (!error.empty()) {
        out.err = error + "\n";
        out.exitCode = 1;
        return out;
    }
    format::Table t;
    auto split = [](const std::string& s) {
        std::vector<std::string> cells;
        size_t start = 0;
        for (;;) {
            size_t tab = s.find('\t', start);
            cells.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        return cells;
    };
    t.addRow(split(header));
    for (const std::string& l : lines) t.addRow(split(l));
    out.out = t.render();
    return out;
}

}   // namespace layerlab::engine
