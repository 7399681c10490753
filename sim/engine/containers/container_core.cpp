// container_core: see the header.
#include "sim/engine/containers/container_core.hpp"

#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/volumes/volumes.hpp"

#include <array>
#include <cstdio>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::engine::containers {

std::string newContainerId(Rng& rng) {
    for (;;) {
        std::string id;
        id.reserve(64);
        for (int i = 0; i < 4; ++i) {
            char buf[17];
            std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng.next()));
            id += buf;
        }
        // stringid.GenerateRandomID: a short ID that parses as a number is
        // redrawn, so it can never be mistaken for one.
        bool allDigits = true;
        for (int i = 0; i < 12; ++i) allDigits = allDigits && id[i] >= '0' && id[i] <= '9';
        if (!allDigits) return id;
    }
}

Lookup findContainer(const State& state, std::string_view ref) {
    Lookup r;
    if (ref.empty()) {
        r.error = "invalid container name or ID: value is empty";
        return r;
    }
    const auto& cs = state.containers;
    for (size_t i = 0; i < cs.size(); ++i)
        if (cs[i].id == ref) return {static_cast<int>(i), ""};
    std::string_view name = ref;
    if (name.front() == '/') name.remove_prefix(1);
    for (size_t i = 0; i < cs.size(); ++i)
        if (cs[i].name == name) return {static_cast<int>(i), ""};
    int found = -1;
    for (size_t i = 0; i < cs.size(); ++i) {
        if (cs[i].id.compare(0, ref.size(), ref) == 0) {
            if (found >= 0) {
                r.error = "multiple IDs found with provided prefix: " + std::string(ref);
                return r;
            }
            found = static_cast<int>(i);
        }
    }
    if (found >= 0) return {found, ""};
    r.error = "No such container: " + std::string(ref);
    return r;
}

bool isUp(const Container& c) {
    return c.status == Container::Status::Running || c.status == Container::Status::Paused ||
           c.status == Container::Status::Restarting;
}

std::string statusText(const Container& c, int64_t nowMs) {
    using S = Container::Status;
    switch (c.status) {
        case S::Running:
            return "Up " + format::humanDuration(nowMs - c.startedMs);
        case S::Paused:
            return "Up " + format::humanDuration(nowMs - c.startedMs) + " (Paused)";
        case S::Restarting:
            return "Restarting (" + std::to_string(c.exitCode) + ") " + format::humanDuration(nowMs - c.finishedMs) +
                   " ago";
        case S::Dead:
            return "Dead";
        case S::Created:
            return "Created";
        case S::Exited:
            // A container whose start failed was never started: Docker still says Created.
            if (c.startedMs == 0) return "Created";
            return "Exited (" + std::to_string(c.exitCode) + ") " + format::humanDuration(nowMs - c.finishedMs) +
                   " ago";
    }
    return "";
}

std::string stateName(Container::Status status) {
    using S = Container::Status;
    switch (status) {
        case S::Created:
            return "created";
        case S::Running:
            return "running";
        case S::Paused:
            return "paused";
        case S::Restarting:
            return "restarting";
        case S::Exited:
            return "exited";
        case S::Dead:
            return "dead";
    }
    return "";
}

std::string stateName(const Container& c) {
    if (c.status == Container::Status::Exited && c.startedMs == 0) return "created";
    return stateName(c.status);
}

fs::FileTree containerRootfs(const State& state, const Container& c, bool asLoaded) {
    fs::FileTree root;
    auto it = state.images.find(c.imageId);
    if (it != state.images.end()) root = imageRootfs(state, it->second);
    for (const std::string& gone : c.deleted) root = root.without(gone);
    return volumes::withMounts(state, c, root.overlaid(asLoaded ? c.loadedWritable : c.writable));
}

uint64_t writableSize(const Container& c) { return c.writable.totalBytes(); }

uint64_t virtualSize(const State& state, const Container& c) {
    auto it = state.images.find(c.imageId);
    uint64_t size = writableSize(c);
    if (it != state.images.end()) size += imageSize(state, it->second);
    return size;
}

// Exits and restarts one container may go through in one settle: a
// restart loop backs off to a minute, so this covers more than a day.
constexpr int kMaxSettleSteps = 2000;

std::vector<Event> settleContainers(State& state) {
    // Virtual time has passed: programs that end by themselves end at their
    // time, and the restart manager starts Restarting containers at theirs,
    // each step at the moment it happens (the clock is set back after).
    std::vector<Event> events;
    const int64_t now = state.clock.nowMs;
    for (size_t i = 0; i < state.containers.size();) {
        bool removed = false;
        for (int steps = 0; steps < kMaxSettleSteps; ++steps) {
            Container& c = state.containers[i];
            ContainerOutcome step;
            if (c.status == Container::Status::Running && c.exitAtMs > 0 && c.exitAtMs <= now) {
                state.clock.nowMs = c.exitAtMs;
                const int code = c.exitAtCode;
                removed = endProcess(state, i, code, step);
            } else if (c.status == Container::Status::Restarting && c.restartAtMs > 0 && c.restartAtMs <= now) {
                state.clock.nowMs = c.restartAtMs;
                c.restartCount += 1;
                StartResult r = startAt(state, i, step);
                if (!r.ok) {
                    // The restart failed (a port taken meanwhile): it stays down.
                    Container& failed = state.containers[i];
                    failed.status = Container::Status::Exited;
                    failed.error = r.error;
                    failed.restartAtMs = 0;
                }
                removed = r.removed;
            } else {
                break;
            }
            events.insert(events.end(), step.events.begin(), step.events.end());
            if (removed) break;
        }
        state.clock.nowMs = now;
        if (!removed) ++i;
    }
    return events;
}

namespace {
struct SignalEntry {
    const char* name;
    int number;
};
constexpr std::array<SignalEntry, 20> kSignals = {{
    {"HUP", 1},   {"INT", 2},   {"QUIT", 3},  {"ILL", 4},   {"TRAP", 5},  {"ABRT", 6},   {"BUS", 7},
    {"FPE", 8},   {"KILL", 9},  {"USR1", 10}, {"SEGV", 11}, {"USR2", 12}, {"PIPE", 13},  {"ALRM", 14},
    {"TERM", 15}, {"CHLD", 17}, {"CONT", 18}, {"STOP", 19}, {"TSTP", 20}, {"WINCH", 28},
}};
}   // namespace

int signalNumber(std::string_view signal) {
    if (signal.empty()) return 0;
    if (signal.front() >= '0' && signal.front() <= '9') {
        int n = 0;
        for (char ch : signal) {
            if (ch < '0' || ch > '9') return 0;
            n = n * 10 + (ch - '0');
            if (n > 64) return 0;
        }
        return n;
    }
    std::string up;
    for (char ch : signal) up += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    if (up.rfind("SIG", 0) == 0) up = up.substr(3);
    for (const auto& s : kSignals)
        if (up == s.name) return s.number;
    return 0;
}

std::string signalName(int number) {
    for (const auto& s : kSignals)
        if (s.number == number) return std::string("SIG") + s.name;
    return "SIG" + std::to_string(number);
}

}   // namespace layerlab::engine::containers
