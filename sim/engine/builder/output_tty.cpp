// BuildKit's tty progress as it stands when the build ends (the last frame
// of buildx's live display), for an 80-column terminal:
//   [+] Building 1.2s (10/10) FINISHED                             docker:default
//    => CACHED [2/5] WORKDIR /app                                            0.0s
//    => => transferring context: 1.07kB                                      0.0s
// Simplified: the live redraw (and its colours) is not animated here; the
// window's timeline shows the progression instead.
#include "sim/engine/builder/internal.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::engine::bk {
namespace {

constexpr int kWidth = 80;

std::string line(const std::string& left, const std::string& right) {
    int room = kWidth - static_cast<int>(right.size()) - 1;
    std::string l = left;
    if (format::displayWidth(l) > room) l = format::ellipsis(l, room);
    int pad = kWidth - format::displayWidth(l) - static_cast<int>(right.size());
    return l + std::string(static_cast<size_t>(std::max(pad, 1)), ' ') + right + "\n";
}

}   // namespace

std::string renderTty(const BuildTrace& t) {
    int64_t total = 0;
    int done = 0;
    for (const auto& v : t.vertices) {
        total += v.durationMs;
        if (v.status != Vertex::Status::Error) ++done;
    }
    std::string head = "[+] Building " + seconds1(total) + "s (" + std::to_string(done) + "/" +
                       std::to_string(t.vertices.size()) + ") FINISHED";
    std::string out = line(head, "docker:default");
    for (const auto& v : t.vertices) {
        std::string status = v.status == Vertex::Status::Cached  ? "CACHED "
                             : v.status == Vertex::Status::Error ? "ERROR "
                                                                 : "";
        out += line(" => " + status + v.name, seconds1(v.durationMs) + "s");
        for (const auto& sub : v.subs) out += line(" => => " + sub.text, seconds1(sub.durationMs) + "s");
    }
    if (t.failed) out += renderErrorTail(t);
    return out;
}

}   // namespace layerlab::engine::bk
