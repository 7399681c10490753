// events_command: see the header. moby api/types/time/timestamp.go
// (GetTimestamp), daemon/events/filter.go, docker/cli system/events.go.
#include "sim/engine/events/events_command.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "sim/engine/civil_time.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/containers/container_core.hpp"

namespace layerlab::engine {
namespace {

bool digitsOnly(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// time.ParseDuration: "10m", "1h30m", "1.5s", "-5m"; nullopt when not one.
std::optional<int64_t> goDuration(const std::string& v) {
    if (v.empty() || v == "0") return std::nullopt;
    size_t i = 0;
    bool negative = false;
    if (v[0] == '-' || v[0] == '+') negative = v[0] == '-', i = 1;
    double total = 0;
    bool any = false;
    while (i < v.size()) {
        size_t j = i;
        while (j < v.size() && ((v[j] >= '0' && v[j] <= '9') || v[j] == '.')) ++j;
        if (j == i || v.substr(i, j - i).find_first_of("0123456789") == std::string::npos) return std::nullopt;
        const double n = std::stod(v.substr(i, j - i));
        size_t k = j;
        while (k < v.size() && !((v[k] >= '0' && v[k] <= '9') || v[k] == '.')) ++k;
        const std::string unit = v.substr(j, k - j);
        double ms = 0;
        if (unit == "h") ms = 3600000;
        else if (unit == "m") ms = 60000;
        else if (unit == "s") ms = 1000;
        else if (unit == "ms") ms = 1;
        else if (unit == "us" || unit == "µs") ms = 0.001;
        else if (unit == "ns") ms = 0.000001;
        else return std::nullopt;
        total += n * ms;
        any = true;
        i = k;
    }
    if (!any || total > 9e15) return std::nullopt;
    return static_cast<int64_t>(negative ? -total : total);
}

// "2026-01-05", "2026-01-05T09:00", "2026-01-05T09:00:00", with an optional
// fraction and "Z" (the virtual host's zone is UTC, so local = UTC).
std::optional<int64_t> rfc3339(const std::string& v) {
    auto num = [&](size_t at, size_t len) -> std::optional<unsigned> {
        if (at + len > v.size()) return std::nullopt;
        unsigned n = 0;
        for (size_t i = at; i < at + len; ++i) {
            if (v[i] < '0' || v[i] > '9') return std::nullopt;
            n = n * 10 + static_cast<unsigned>(v[i] - '0');
        }
        return n;
    };
    auto y = num(0, 4), mo = num(5, 2), d = num(8, 2);
    if (!y || !mo || !d || v[4] != '-' || v[7] != '-' || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return std::nullopt;
    unsigned h = 0, mi = 0, s = 0;
    size_t at = 10;
    if (at < v.size() && v[at] == 'T') {
        auto hh = num(11, 2), mm = num(14, 2);
        if (!hh || !mm || v.size() < 16 || v[13] != ':' || *hh > 23 || *mm > 59) return std::nullopt;
        h = *hh, mi = *mm, at = 16;
        if (at < v.size() && v[at] == ':') {
            auto ss = num(17, 2);
            if (!ss || *ss > 59) return std::nullopt;
            s = *ss, at = 19;
        }
        if (at < v.size() && v[at] == '.') {
            ++at;
            while (at < v.size() && v[at] >= '0' && v[at] <= '9') ++at;
        }
    }
    if (at < v.size() && (v[at] == 'Z' || v[at] == 'z')) ++at;
    if (at != v.size()) return std::nullopt;
    return msFromCivil(*y, *mo, *d, h, mi, s);
}

// timetypes.GetTimestamp, as milliseconds on the virtual clock.
std::optional<int64_t> timestamp(const std::string& v, int64_t nowMs) {
    if (auto d = goDuration(v)) return nowMs - *d;
    if (v.find('-') != std::string::npos) return rfc3339(v);
    const auto dot = v.find('.');
    const std::string sec = v.substr(0, dot), frac = dot == std::string::npos ? "" : v.substr(dot + 1);
    if (!digitsOnly(sec) || (dot != std::string::npos && !digitsOnly(frac)) || sec.size() > 12) return std::nullopt;
    int64_t ms = std::stoll(sec) * 1000;
    if (!frac.empty()) ms += std::stoll((frac + "000").substr(0, 3));
    return ms;
}

}   // namespace

ContainerOutcome listEvents(const State& stateIn, const EventsOptions& o) {
    ContainerOutcome out;
    State state = stateIn;   // a view: exits and restarts that happened by now are in the log
    containers::settleContainers(state);
    const int64_t now = state.clock.nowMs;
    std::optional<int64_t> since, until;
    if (!o.since.empty() && !(since = timestamp(o.since, now))) {
        out.err = "failed to parse value as time or duration: \"" + o.since + "\"\n";
        out.exitCode = 1;
        return out;
    }
    if (!o.until.empty() && !(until = timestamp(o.until, now))) {
        out.err = "failed to parse value as time or duration: \"" + o.until + "\"\n";
        out.exitCode = 1;
        return out;
    }
    std::map<std::string, std::vector<std::string>> filters;
    for (const auto& f : o.filters) {
        const auto eq = f.find('=');
        const std::string key = f.substr(0, eq);
        static const std::vector<std::string> keys = {"type",   "event",   "container", "image", "label",
                                                      "volume", "network", "daemon",    "scope", "plugin",
                                                      "node",   "service", "secret",    "config"};
        if (eq == std::string::npos) {
            out.err = "bad format of filter (expected name=value)\n";
            out.exitCode = 1;
            return out;
        }
        // An unknown key is ignored, as the 20.10 daemon did (observed).
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) filters[key].push_back(f.substr(eq + 1));
    }
    auto allowed = [&](const std::string& key, const std::vector<std::string>& values) {
        auto it = filters.find(key);
        if (it == filters.end()) return true;
        for (const auto& want : it->second)
            for (const auto& v : values)
                if (!v.empty() && (v == want || (key == "container" && v.rfind(want, 0) == 0 && want.size() >= 1)))
                    return true;
        return false;
    };
    std::vector<DaemonEvent> log = state.eventLog;
    std::stable_sort(log.begin(), log.end(),
                     [](const DaemonEvent& a, const DaemonEvent& b) { return a.atMs < b.atMs; });
    // moby's loadBufferedEvents: with neither bound the stream starts now
    // (nothing recorded is shown); --until alone shows the buffer from its start.
    const int64_t from = since ? *since : until ? std::numeric_limits<int64_t>::min() : now + 1;
    const int64_t to = until ? *until : now;
    for (const DaemonEvent& e : log) {
        if (e.atMs < from || e.atMs > to) continue;
        auto attr = [&](const char* k) {
            auto it = e.attributes.find(k);
            return it == e.attributes.end() ? std::string() : it->second;
        };
        if (!allowed("type", {e.type}) || !allowed("event", {e.action})) continue;
        if (filters.count("container") && (e.type != "container" || !allowed("container", {e.actorId, attr("name")})))
            continue;
        if (filters.count("image") &&
            !allowed("image", {e.type == "image" ? e.actorId : attr("image"), attr("name"), attr("image")}))
            continue;
        out.out += events::line(e);
    }
    if (!until)
        out.hints.push_back(
            {"A real docker events keeps waiting for new events until you press Ctrl-C (and without --since it shows "
             "only what happens from then on). LayerLab prints what its log holds up to now and returns; with "
             "--until, Docker also stops there. Try: docker events --since 10m --until 0s",
             "실제 docker events는 Ctrl-C를 누를 때까지 새 이벤트를 기다립니다 (--since가 없으면 그때부터 일어나는 "
             "것만 보여 줍니다). LayerLab은 지금까지 기록된 이벤트를 출력하고 바로 돌아옵니다. --until을 주면 "
             "Docker도 거기서 멈춥니다. 예: docker events --since 10m --until 0s"});
    return out;
}

}   // namespace layerlab::engine
