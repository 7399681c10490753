// Parse throughput of the Dockerfile front end over realistic Dockerfiles:
// the BuildKit corpus (shared/conformance), LayerLab's own test Dockerfiles
// and bench/data/dockerfiles, parsed again and again until a few MB have gone
// through. Prints one JSON line per entry point:
//   {"bench":"parse","bytes":...,"seconds":...,"mb_per_s":...}        parseDockerfile (everything)
//   {"bench":"parse_ast","bytes":...,"seconds":...,"mb_per_s":...}    parseAst (BuildKit parser.Parse)
#include "layerlab_paths.hpp"
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"

namespace fs = std::filesystem;

namespace {

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> loadCorpus() {
    std::vector<std::string> files;
    const fs::path corpus = fs::path(LAYERLAB_SHARED_DIR) / "conformance" / "buildkit-parser" / "testfiles";
    if (fs::exists(corpus)) {
        for (const auto& e : fs::directory_iterator(corpus)) files.push_back(readBytes(e.path() / "Dockerfile"));
    }
    for (const fs::path dir : {fs::path(LAYERLAB_SOURCE_DIR) / "bench" / "data" / "dockerfiles",
                               fs::path(LAYERLAB_SOURCE_DIR) / "tests" / "data" / "dockerfile"}) {
        if (!fs::exists(dir)) continue;
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.path().extension() == ".Dockerfile") files.push_back(readBytes(e.path()));
        }
    }
    return files;
}

template <typename Fn>
void run(const char* name, const std::vector<std::string>& files, Fn&& parse) {
    std::size_t corpusBytes = 0;
    for (const auto& f : files) corpusBytes += f.size();
    const std::size_t target = 8u << 20;   // 8 MB
    const std::size_t rounds = corpusBytes ? (target + corpusBytes - 1) / corpusBytes : 0;
    std::size_t sink = 0;
    for (const auto& f : files) sink += parse(f);   // warm-up
    // CPU time of this thread: "MB/s on one core", even on a busy machine.
    const auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    };
    const auto wallStart = std::chrono::steady_clock::now();
    const double cpuStart = cpuNow();
    for (std::size_t r = 0; r < rounds; ++r) {
        for (const auto& f : files) sink += parse(f);
    }
    const double seconds = cpuNow() - cpuStart;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const double bytes = static_cast<double>(corpusBytes * rounds);
    std::printf(
        "{\"bench\":\"%s\",\"files\":%zu,\"bytes\":%.0f,\"seconds\":%.4f,\"wall_seconds\":%.4f,\"mb_per_s\":%.1f,\"sink\":%zu}\n",
        name, files.size(), bytes, seconds, wall, bytes / seconds / 1e6, sink);
}

}   // namespace

int main() {
    const std::vector<std::string> files = loadCorpus();
    if (files.empty()) {
        std::fprintf(stderr, "bench_parse: no Dockerfiles found\n");
        return 1;
    }
    run("parse_ast", files, [](const std::string& f) {
        const auto r = layerlab::dockerfile::parseAst(f);
        return r.root ? r.root->children.size() : 0;
    });
    run("parse", files, [](const std::string& f) {
        const auto r = layerlab::dockerfile::parseDockerfile(f);
        return r.warnings.size() + (r.dockerfile ? r.dockerfile->stages.size() : 0);
    });
    return 0;
}
