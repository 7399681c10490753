// BuildKit's plain progress (`--progress=plain`, buildx's progressui
// printer): one block per vertex, "#N name", its status lines, its logs with
// the seconds since it started, then "#N CACHED" / "#N DONE 0.4s" /
// "#N ERROR: ...", and a blank line. A failure ends with the error block
// (the failed step's last log lines, the Dockerfile excerpt marked ">>>",
// and "ERROR: failed to build: ...").
#include <cstdio>

#include "sim/limits.hpp"
#include "sim/engine/builder/internal.hpp"

namespace layerlab::engine::bk {
namespace {

std::string seconds3(int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(ms) / 1000.0);
    return buf;
}

// errdefs.Source.Print: the lines around the failing instruction.
std::string excerpt(const BuildTrace& t) {
    if (t.errorLine <= 0) return "";
    std::vector<std::string> lines;
    size_t start = 0;
    const std::string& d = t.dockerfileText;
    while (true) {
        size_t nl = d.find('\n', start);
        lines.push_back(d.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    for (auto& l : lines)
        if (!l.empty() && l.back() == '\r') l.pop_back();
    int n = static_cast<int>(lines.size());
    int first = t.errorLine, last = std::max(t.errorEndLine, t.errorLine);
    if (first > n || first < 1) return "";
    if (last > n) last = n;
    int pad = first == last ? 4 : 2, p = 0;
    int prepadStart = first;
    while (p < pad) {
        if (first > 1) {
            --first;
            ++p;
        }
        if (last != n) {
            ++last;
            ++p;
        }
        ++p;
    }
    std::string out = t.dockerfileName + ":" + std::to_string(prepadStart) + "\n--------------------\n";
    for (int i = first; i <= last; ++i) {
        bool marked = i >= t.errorLine && i <= std::max(t.errorEndLine, t.errorLine);
        char num[16];
        std::snprintf(num, sizeof num, " %3d | ", i);
        // Docker prints the whole line; a line of a megabyte would bury the error under it.
        std::string text = lines[i - 1];
        if (text.size() > limits::kErrorExcerptLineBytes) {
            const size_t more = text.size() - limits::kErrorExcerptLineBytes;
            text = text.substr(0, limits::kErrorExcerptLineBytes) + " [LayerLab: " + std::to_string(more) +
                   " more bytes not shown]";
        }
        out += std::string(num) + (marked ? ">>>" : "   ") + " " + text + "\n";
    }
    return out + "--------------------\n";
}

}   // namespace

std::string seconds1(int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(ms) / 1000.0);
    return buf;
}

std::string renderErrorTail(const BuildTrace& t) {
    std::string out;
    if (t.failedVertex >= 0) {
        const Vertex& v = t.vertices[t.failedVertex];
        out += "------\n > " + v.name + ":\n";
        size_t from = v.logs.size() > 10 ? v.logs.size() - 10 : 0;
        for (size_t i = from; i < v.logs.size(); ++i) out += seconds3(v.logs[i].atMs) + " " + v.logs[i].text + "\n";
        out += "------\n";
    }
    out += excerpt(t);
    return out + "ERROR: failed to build: " + t.error + "\n";
}

std::string renderPlain(const BuildTrace& t) {
    std::string out = "#0 building with \"default\" instance using docker driver\n\n";
    for (size_t i = 0; i < t.vertices.size(); ++i) {
        const Vertex& v = t.vertices[i];
        std::string n = "#" + std::to_string(i + 1) + " ";
        out += n + v.name + "\n";
        for (const auto& sub : v.subs)
            out += n + sub.text + (sub.durationMs >= 50 ? " " + seconds1(sub.durationMs) + "s" : "") + " done\n";
        for (const auto& l : v.logs) out += n + seconds3(l.atMs) + " " + l.text + "\n";
        switch (v.status) {
            case Vertex::Status::Cached:
                out += n + "CACHED\n";
                break;
            case Vertex::Status::Done:
                out += n + "DONE " + seconds1(v.durationMs) + "s\n";
                break;
            case Vertex::Status::Error:
                out += n + "ERROR: " + v.error + "\n";
                break;
        }
        out += "\n";
    }
    if (t.failed) out += renderErrorTail(t);
    return out;
}

}   // namespace layerlab::engine::bk
