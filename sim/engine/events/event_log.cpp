// event_log: see the header. Wording follows moby's daemon/events.go
// (LogContainerEventWithAttributes, LogImageEvent) and docker/cli's
// cli/command/system/events.go (prettyPrintEvent).
#include "sim/engine/events/event_log.hpp"

#include <cstdio>

#include "sim/engine/civil_time.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::engine::events {

void record(State& state, int64_t atMs, std::string type, std::string action, std::string actorId,
            std::map<std::string, std::string> attributes) {
    DaemonEvent e;
    e.atMs = atMs;
    e.type = std::move(type);
    e.action = std::move(action);
    e.actorId = std::move(actorId);
    e.attributes = std::move(attributes);
    state.eventLog.push_back(std::move(e));
    if (state.eventLog.size() > kEventsKept)
        state.eventLog.erase(state.eventLog.begin(),
                             state.eventLog.begin() + static_cast<long>(state.eventLog.size() - kEventsKept));
}

void container(State& state, const Container& c, const std::string& action, std::map<std::string, std::string> extra,
               int64_t atMs) {
    // A container's labels are its image's (no --label here), then moby sets image and name.
    std::map<std::string, std::string> attrs;
    auto img = state.images.find(c.imageId);
    if (img != state.images.end()) attrs = img->second.config.labels;
    attrs["image"] = c.imageRef;
    attrs["name"] = c.name;
    for (auto& [k, v] : extra) attrs[k] = v;
    record(state, atMs >= 0 ? atMs : state.clock.nowMs, "container", action, c.id, std::move(attrs));
}

void image(State& state, const std::string& actorId, const std::string& name, const std::string& action) {
    std::map<std::string, std::string> attrs;
    ResolvedImage r = resolveImageRef(state, actorId);
    if (r.image) attrs = r.image->config.labels;   // gone after a delete: no labels, as in moby
    if (!name.empty()) attrs["name"] = name;
    record(state, state.clock.nowMs, "image", action, actorId, std::move(attrs));
}

std::string line(const DaemonEvent& e) {
    // jsonmessage.RFC3339NanoFixed: nine fraction digits, always.
    const CivilTime t = civilFromMs(e.atMs);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04lld-%02u-%02uT%02u:%02u:%02u.%03u000000Z", static_cast<long long>(t.year),
                  t.month, t.day, t.hour, t.minute, t.second, t.millisecond);
    std::string out = std::string(stamp) + " " + e.type + " " + e.action + " " + e.actorId;
    if (!e.attributes.empty()) {
        out += " (";
        bool first = true;
        for (const auto& [k, v] : e.attributes) {
            out += (first ? "" : ", ") + k + "=" + v;
            first = false;
        }
        out += ")";
    }
    return out + "\n";
}

}   // namespace layerlab::engine::events
