// container_list: `docker ps` / `docker container ls` (see container_api.hpp),
// following docker/cli's formatter/container.go and the daemon's list filters.
#include <algorithm>
#include <map>

#include "sim/dockerfile/go_quote.hpp"
#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/name_filter.hpp"
#include "sim/engine/containers/ports.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/row_format.hpp"
#include "sim/korean.hpp"

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

// The column headers of `docker ps` (formatter.ContainerContext's header names).
const std::map<std::string, std::string>& headers() {
    static const std::map<std::string, std::string> h = {{"ID", "CONTAINER ID"},    {"Image", "IMAGE"},
                                                         {"Command", "COMMAND"},    {"CreatedAt", "CREATED AT"},
                                                         {"RunningFor", "CREATED"}, {"Ports", "PORTS"},
                                                         {"Status", "STATUS"},      {"Size", "SIZE"},
                                                         {"Names", "NAMES"},        {"Labels", "LABELS"},
                                                         {"Mounts", "MOUNTS"},      {"Networks", "NETWORKS"},
                                                         {"State", "STATE"},        {"LocalVolumes", "LOCAL VOLUMES"}};
    return h;
}

bool isAncestor(const State& state, const Image& ancestor, const Container& c) {
    if (c.imageId == ancestor.id) return true;
    auto it = state.images.find(c.imageId);
    if (it == state.images.end()) return false;
    const auto& mine = it->second.layers;
    const auto& theirs = ancestor.layers;
    return !theirs.empty() && mine.size() > theirs.size() && std::equal(theirs.begin(), theirs.end(), mine.begin());
}

using Filters = std::map<std::string, std::vector<std::string>>;

// --filter KEY=VALUE, validated as the daemon does; "" or the error text.
std::string parseFilters(const std::vector<std::string>& raw, Filters& filters) {
    for (const std::string& f : raw) {
        size_t eq = f.find('=');
        if (eq == std::string::npos) return "bad format of filter (expected name=value)\n";
        std::string key = f.substr(0, eq);
        static const std::vector<std::string> known = {"status",  "name",   "id",     "ancestor",  "exited",
                                                       "label",   "before", "since",  "volume",    "network",
                                                       "publish", "expose", "health", "isolation", "is-task"};
        if (std::find(known.begin(), known.end(), key) == known.end())
            return "Error response from daemon: invalid filter '" + key + "'\n";
        if (key == "status") {
            static const std::vector<std::string> statuses = {"created", "restarting", "running", "removing",
                                                              "paused",  "exited",     "dead"};
            if (std::find(statuses.begin(), statuses.end(), f.substr(eq + 1)) == statuses.end())
                return "Error response from daemon: invalid filter 'status=" + f.substr(eq + 1) + "'\n";
        }
        filters[key].push_back(f.substr(eq + 1));
    }
    return "";
}

// name=PATTERN: Go's regexp against the name with its '/' and without it
// (daemon/list.go; so both ^/web and ^web match "web"). See name_filter.hpp.
// A pattern LayerLab does not model matches nothing and leaves a hint, once.
bool nameMatches(const std::string& pattern, const Container& c, std::vector<Hint>& hints) {
    GoRegexpResult r = goRegexpMatch(pattern, "/" + c.name);
    if (r.kind == GoRegexpResult::Kind::NoMatch) r = goRegexpMatch(pattern, c.name);
    if (r.kind == GoRegexpResult::Kind::Unsupported) {
        Hint h{
            "LayerLab models part of Go's regular expressions in name filters (literals, . [ ] ^ $ * + ? {n,m} "
            "| and groups); " +
                r.construct + " in \"" + pattern +
                "\" is not modelled, so this filter matched no container here. Real Docker may list some.",
            "LayerLab은 name 필터에서 Go 정규식의 일부(문자, . [ ] ^ $ * + ? {n,m} | 와 묶음)만 다룹니다. \"" +
                pattern + "\"의 " + ko::with(r.construct, ko::Particle::EunNeun) +
                " 다루지 않으므로 여기서는 맞는 컨테이너가 없습니다. 실제 Docker는 보여 줄 수 있습니다."};
        bool seen = false;
        for (const Hint& old : hints) seen = seen || old.en == h.en;
        if (!seen) hints.push_back(std::move(h));
    }
    return r.kind == GoRegexpResult::Kind::Match;   // an invalid pattern matches nothing (filters.Args.Match)
}

// One filter value against a container.
bool filterMatches(const State& state, const std::string& key, const std::string& v, const Container& c,
                   std::vector<Hint>& hints) {
    if (key == "status") return stateName(c) == v;
    if (key == "id") return c.id.rfind(v, 0) == 0;
    if (key == "name") return nameMatches(v, c, hints);
    if (key == "exited")
        return c.status == Container::Status::Exited && c.startedMs != 0 && std::to_string(c.exitCode) == v;
    if (key == "ancestor") {
        ResolvedImage r = resolveImageRef(state, v);
        return r.image && isAncestor(state, *r.image, c);
    }
    if (key == "publish" || key == "expose") {
        std::string want = v.find('/') == std::string::npos ? v + "/tcp" : v;
        if (key == "expose")
            return std::find(c.exposedPorts.begin(), c.exposedPorts.end(), want) != c.exposedPorts.end();
        for (const PortBinding& b : c.activePorts)
            if (std::to_string(b.hostPort) + "/" + b.proto == want) return true;
        return false;
    }
    return key == "network" && v == "bridge";
}

// Filters: same key OR, different keys AND.
bool keepRow(const State& state, const Filters& filters, bool all, const Container& c, std::vector<Hint>& hints) {
    if (!all && !isUp(c)) return false;
    for (const auto& [key, values] : filters) {
        bool any = false;
        for (const std::string& v : values) any = filterMatches(state, key, v, c, hints) || any;
        if (!any) return false;
    }
    return true;
}

// The template's fields for one container (formatter.ContainerContext).
std::map<std::string, std::string> rowFields(const State& state, const Container& c, bool noTrunc) {
    std::map<std::string, std::string> f;
    f["ID"] = noTrunc ? c.id : c.id.substr(0, 12);
    f["Image"] = imageColumn(state, c, noTrunc);
    std::string cmd = commandOf(c);
    f["Command"] = dockerfile::goQuote(noTrunc ? cmd : format::ellipsis(cmd, 20));
    f["CreatedAt"] = goTimeString(c.createdMs);
    f["RunningFor"] = format::createdSince(c.createdMs, state.clock.nowMs);
    f["Ports"] = displayPorts(c);
    f["Status"] = statusText(c, state.clock.nowMs);
    f["Size"] = format::humanSizeWithPrecision(static_cast<double>(writableSize(c)), 3) + " (virtual " +
                format::humanSizeWithPrecision(static_cast<double>(virtualSize(state, c)), 3) + ")";
    f["Names"] = c.name;
    f["Labels"] = "";
    f["Mounts"] = "";
    f["Networks"] = "bridge";
    f["State"] = stateName(c);
    f["LocalVolumes"] = "0";
    return f;
}

}   // namespace

ContainerOutcome listContainers(const State& stateIn, const PsOptions& o) {
    ContainerOutcome out;
    State state = stateIn;   // a view with programs that ended by now marked Exited
    settleContainers(state);

    Filters filters;
    if (std::string error = parseFilters(o.filters, filters); !error.empty()) {
        out.err = error;
        out.exitCode = 1;
        return out;
    }
    const bool all = o.all || o.latest || o.last >= 0 || filters.count("status") || filters.count("exited");
    std::vector<const Container*> rows;
    for (auto it = state.containers.rbegin(); it != state.containers.rend(); ++it) rows.push_back(&*it);
    if (o.latest) rows.resize(std::min<size_t>(rows.size(), 1));
    else if (o.last >= 0) rows.resize(std::min<size_t>(rows.size(), static_cast<size_t>(o.last)));
    std::vector<const Container*> shown;
    for (const Container* c : rows)
        if (keepRow(state, filters, all, *c, out.hints)) shown.push_back(c);

    if (o.quiet && o.format.empty()) {
        for (const Container* c : shown) out.out += (o.noTrunc ? c->id : c->id.substr(0, 12)) + "\n";
        return out;
    }
    std::string fmt = o.format;
    if (fmt.empty() || fmt == "table") {
        fmt = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
        if (o.size) fmt += "\t{{.Size}}";
    }
    std::vector<format::Row> rowsShown;
    for (const Container* c : shown) rowsShown.push_back(rowFields(state, *c, o.noTrunc));
    const format::FormatResult res = format::renderRows(fmt, rowsShown, headers(), "*formatter.ContainerContext");
    res.writeTo(out);
    return out;
}

}   // namespace layerlab::engine
