// container_manage: see the header.
#include "sim/engine/containers/container_manage.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "sim/engine/civil_time.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/containers/names_generator.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::engine {
namespace {

using namespace containers;

const std::string kDaemon = "Error response from daemon: ";

ContainerOutcome failed(const std::string& err) {
    ContainerOutcome o;
    o.err = err;
    o.exitCode = 1;
    return o;
}

// The simulated host's memory (what stats shows as LIMIT without -m).
constexpr uint64_t kHostMemoryBytes = 8232370176ull;   // 7.667GiB

// A stable host PID for the container's process (no kernel here).
int hostPid(const Container& c) {
    unsigned v = 0;
    for (size_t i = 0; i < 6 && i < c.id.size(); ++i) {
        char ch = c.id[i];
        v = v * 16 + static_cast<unsigned>(ch >= 'a' ? ch - 'a' + 10 : ch - '0');
    }
    return 2000 + static_cast<int>(v % 28000);
}

// Go's text/tabwriter with minwidth 20, padding 3 (docker top's table).
std::string topTable(const std::vector<std::vector<std::string>>& rows) {
    std::vector<size_t> width;
    for (const auto& r : rows)
        for (size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(20);
            width[i] = std::max(width[i], r[i].size() + 3);
        }
    std::string out;
    for (const auto& r : rows) {
        for (size_t i = 0; i < r.size(); ++i) {
            out += r[i];
            if (i + 1 < r.size()) out += std::string(width[i] - r[i].size(), ' ');
        }
        out += "\n";
    }
    return out;
}

// Memory the simulated program uses: a plausible figure per program kind.
uint64_t memoryOf(const State& state, const Container& c) {
    if (!isUp(c)) return 0;
    const std::string name = programOf(state, c).name;
    if (name == "node") return 9961472;   // 9.5MiB
    if (name == "python") return 7340032;   // 7MiB
    if (name == "nginx") return 3145728;   // 3MiB
    if (name == "httpd") return 5242880;   // 5MiB
    return 524288;   // a shell or a one-line program: 512KiB
}

// units.BytesSize: binary units, "%.4g" ("460KiB", "7.667GiB").
std::string bytesSize(uint64_t bytes) {
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = static_cast<double>(bytes);
    size_t i = 0;
    while (v >= 1024.0 && i + 1 < std::size(units)) {
        v /= 1024.0;
        ++i;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g%s", v, units[i]);
    return buf;
}

}   // namespace

ContainerOutcome renameContainer(State& state, const std::string& ref, const std::string& newName) {
    const std::string tail = "Error: failed to rename container named " + ref + "\n";
    if (ref.empty() || newName.empty()) return failed("Error: Neither old nor new names may be empty\n");
    Lookup l = findContainer(state, ref);
    if (l.index < 0) return failed(kDaemon + l.error + "\n" + tail);
    std::string name = newName;
    if (!name.empty() && name.front() == '/') name.erase(0, 1);
    if (std::string bad = validateContainerName(newName); !bad.empty()) return failed(kDaemon + bad + "\n" + tail);
    Container& c = state.containers[static_cast<size_t>(l.index)];
    if (c.name == name) return failed(kDaemon + "Renaming a container with the same name as its current name\n" + tail);
    for (const Container& other : state.containers)
        if (other.name == name)
            return failed(kDaemon + "Error when allocating new name: Conflict. The container name \"/" + name +
                          "\" is already in use by container \"" + other.id +
                          "\". You have to remove (or rename) that container to be able to reuse that name.\n" + tail);
    c.name = name;
    return {};
}

ContainerOutcome containerPorts(const State& state, const std::string& ref, const std::string& privatePort) {
    Lookup l = findContainer(state, ref);
    if (l.index < 0) return failed(kDaemon + l.error + "\n");
    const Container& c = state.containers[static_cast<size_t>(l.index)];
    std::string wantPort = privatePort, wantProto = "tcp";
    if (size_t slash = privatePort.find('/'); slash != std::string::npos) {
        wantPort = privatePort.substr(0, slash);
        wantProto = privatePort.substr(slash + 1);
    }
    ContainerOutcome out;
    for (const PortBinding& p : c.activePorts) {
        if (!privatePort.empty() && (std::to_string(p.containerPort) != wantPort || p.proto != wantProto)) continue;
        const std::string ip = p.hostIp.empty() ? "0.0.0.0" : p.hostIp;
        if (privatePort.empty()) out.out += std::to_string(p.containerPort) + "/" + p.proto + " -> ";
        out.out += ip + ":" + std::to_string(p.hostPort) + "\n";
    }
    if (!privatePort.empty() && out.out.empty())
        return failed("Error: No public port '" + privatePort + "' published for " + ref + "\n");
    return out;
}

ContainerOutcome containerTop(const State& state, const std::string& ref) {
    Lookup l = findContainer(state, ref);
    if (l.index < 0) return failed(kDaemon + l.error + "\n");
    const Container& c = state.containers[static_cast<size_t>(l.index)];
    if (!isUp(c)) return failed(kDaemon + "Container " + c.id + " is not running\n");
    const CivilTime t = civilFromMs(c.startedMs);
    char stime[8];
    std::snprintf(stime, sizeof stime, "%02u:%02u", t.hour, t.minute);
    std::string cmd;
    for (size_t i = 0; i < c.path.size(); ++i) cmd += (i ? " " : "") + c.path[i];
    const int pid = hostPid(c);
    std::vector<std::vector<std::string>> rows = {
        {"UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"},
        {c.user.empty() || c.user == "0" ? "root" : c.user, std::to_string(pid), std::to_string(pid - 23), "0", stime,
         c.tty ? "pts/0" : "?", "00:00:00", cmd}};
    ContainerOutcome out;
    out.out = topTable(rows);
    out.hints.push_back(
        {"docker top lists the container's processes as the host sees them (host PIDs). Inside the "
         "container the same process is PID 1: the CMD. LayerLab models that one process.",
         "docker top은 컨테이너의 프로세스를 호스트에서 보이는 대로(호스트 PID) 보여 줍니다. 컨테이너 "
         "안에서는 같은 프로세스가 PID 1, 즉 CMD입니다. LayerLab은 그 프로세스 하나를 모델링합니다."});
    return out;
}

ContainerOutcome waitContainers(State& state, const std::vector<std::string>& refs) {
    ContainerOutcome out;
    for (const std::string& ref : refs) {
        for (const Event& e : settleContainers(state)) out.events.push_back(e);
        Lookup l = findContainer(state, ref);
        if (l.index < 0) {
            out.err += kDaemon + l.error + "\n";
            out.exitCode = 1;
            continue;
        }
        Container& c = state.containers[static_cast<size_t>(l.index)];
        if (c.status == Container::Status::Running && c.exitAtMs > 0) {
            // the program ends by itself: waiting moves the clock to that moment
            state.clock.nowMs = std::max(state.clock.nowMs, c.exitAtMs);
            const int code = c.exitAtCode;
            for (const Event& e : settleContainers(state)) out.events.push_back(e);
            out.out += std::to_string(code) + "\n";
            continue;
        }
        if (isUp(c)) {
            out.err += "layerlab: docker wait " + ref +
                       ": this container runs until it is stopped, so a real `docker wait` would block here until "
                       "then (Ctrl-C gives up). LayerLab does not block the terminal: stop it (docker stop " +
                       ref + ") and wait again.\n";
            out.exitCode = 1;
            continue;
        }
        out.out += std::to_string(c.exitCode) + "\n";
    }
    return out;
}

ContainerOutcome containerStats(const State& state, const StatsOptions& o) {
    std::vector<const Container*> shown;
    ContainerOutcome out;
    if (o.containers.empty()) {
        for (const Container& c : state.containers)
            if (o.all || isUp(c)) shown.push_back(&c);
    } else {
        for (const std::string& ref : o.containers) {
            Lookup l = findContainer(state, ref);
            if (l.index < 0) {
                out.err += kDaemon + l.error + "\n";
                out.exitCode = 1;
                continue;
            }
            shown.push_back(&state.containers[static_cast<size_t>(l.index)]);
        }
        if (out.exitCode != 0) return out;
    }
    std::vector<std::vector<std::string>> rows = {
        {"CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"}};
    for (const Container* c : shown) {
        const bool up = isUp(*c);
        const uint64_t mem = memoryOf(state, *c);
        char perc[16];
        std::snprintf(perc, sizeof perc, "%.2f%%", up ? 100.0 * static_cast<double>(mem) / kHostMemoryBytes : 0.0);
        rows.push_back({o.noTrunc ? c->id : c->id.substr(0, 12), c->name, "0.00%",
                        up ? bytesSize(mem) + " / " + bytesSize(kHostMemoryBytes) : "0B / 0B", perc, "0B / 0B",
                        "0B / 0B", up ? "1" : "0"});
    }
    // tabwriter with minwidth 10, padding 3 (the CLI's table formatter)
    std::vector<size_t> width(rows[0].size(), 10);
    for (const auto& r : rows)
        for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size() + 3);
    for (const auto& r : rows) {
        for (size_t i = 0; i < r.size(); ++i) {
            out.out += r[i];
            if (i + 1 < r.size()) out.out += std::string(width[i] - r[i].size(), ' ');
        }
        out.out += "\n";
    }
    out.hints.push_back({"docker stats shows LayerLab's model numbers: no real CPU or memory is measured here.",
                         "docker stats는 LayerLab 모델의 숫자를 보여 줍니다. 여기서 실제 CPU나 메모리를 재지는 "
                         "않습니다."});
    return out;
}

}   // namespace layerlab::engine
