// Parse throughput of the Dockerfile front end over realistic Dockerfiles:
// the BuildKit corpus (shared/conformance), LayerLab's own test Dockerfiles
// and bench/data/dockerfiles. Prints one JSON line per measurement:
//   {"bench":"parse_ast",...}       parseAst (BuildKit parser.Parse), file by file, in-process
//   {"bench":"parse",...}           parseDockerfile (typed instructions, checks, teaching), file by file
//   {"bench":"dump_text",...}       dumpAst (parse --dump's one pass) on the benchmark text, in-process
//   {"bench":"dump_text_memory",...}  what that adds to this process's peak RSS
//   {"bench":"parse_dump_process",...}  `layerlab parse --dump TEXT` as a whole process, start-up included
// In-process figures are CPU time of this thread ("MB/s on one core", even on a
// busy machine). The whole-process figure is the best wall time of several runs
// (the least disturbed by other load); its CPU time and peak RSS come from wait4.
//
// The benchmark text is the corpus joined into one Dockerfile (files that
// parse alone and do not change their neighbours' meaning), repeated to
// 1.8 MB: the size the parse goal of issue 11 is stated for.
#include "layerlab_paths.hpp"
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/dump.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kTextBytes = 1800000;   // the 1.8 MB benchmark text

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Sorted by path, so the benchmark text is the same on every machine.
std::vector<std::string> loadCorpus() {
    std::vector<fs::path> paths;
    const fs::path corpus = fs::path(LAYERLAB_SHARED_DIR) / "conformance" / "buildkit-parser" / "testfiles";
    if (fs::exists(corpus)) {
        for (const auto& e : fs::directory_iterator(corpus)) paths.push_back(e.path() / "Dockerfile");
    }
    for (const fs::path& dir : {fs::path(LAYERLAB_SOURCE_DIR) / "bench" / "data" / "dockerfiles",
                                fs::path(LAYERLAB_SOURCE_DIR) / "tests" / "data" / "dockerfile"}) {
        if (!fs::exists(dir)) continue;
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.path().extension() == ".Dockerfile") paths.push_back(e.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> files;
    for (const fs::path& p : paths) files.push_back(readBytes(p));
    return files;
}

std::size_t instructions(const std::string& text) {
    const auto r = layerlab::dockerfile::parseAst(text);
    return r.root ? r.root->children.size() : 0;
}

// A file joins the text only if the text then has exactly the file's
// instructions more (no open continuation or heredoc, no directive that
// would change how the rest parses); then the whole is repeated to 1.8 MB.
std::string benchmarkText(const std::vector<std::string>& files) {
    std::string joined;
    std::size_t count = 0;
    for (std::string f : files) {
        if (!f.empty() && f.back() != '\n') f.push_back('\n');
        const std::size_t own = instructions(f);
        if (own == 0 || instructions(f + f) != 2 * own || instructions(joined + f) != count + own) continue;
        joined += f;
        count += own;
    }
    std::string text;
    if (joined.empty()) return text;
    while (text.size() < kTextBytes) text += joined;
    return text;
}

double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long peakRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

template <typename Fn>
void run(const char* name, const std::vector<std::string>& files, std::size_t targetBytes, Fn&& parse) {
    std::size_t corpusBytes = 0;
    for (const auto& f : files) corpusBytes += f.size();
    const std::size_t rounds = corpusBytes ? (targetBytes + corpusBytes - 1) / corpusBytes : 0;
    std::size_t sink = 0;
    for (const auto& f : files) sink += parse(f);   // warm-up
    const auto wallStart = std::chrono::steady_clock::now();
    const double cpuStart = threadCpuSeconds();
    for (std::size_t r = 0; r < rounds; ++r) {
        for (const auto& f : files) sink += parse(f);
    }
    const double seconds = threadCpuSeconds() - cpuStart;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const double bytes = static_cast<double>(corpusBytes * rounds);
    std::printf(
        "{\"bench\":\"%s\",\"files\":%zu,\"bytes\":%.0f,\"seconds\":%.4f,\"wall_seconds\":%.4f,\"mb_per_s\":%.1f,\"sink\":%zu}\n",
        name, files.size(), bytes, seconds, wall, bytes / seconds / 1e6, sink);
}

struct ProcessRun {
    bool ok = false;
    double wall = 0;   // seconds, fork to exit
    double cpu = 0;   // user + system seconds of the child
    long maxRssKb = 0;
};

// `layerlab parse --dump FILE > out`, timed from spawn to exit.
ProcessRun runParseProcess(const std::string& file, const std::string& out) {
    ProcessRun r;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const std::string binary = LAYERLAB_BINARY;
    std::string a0 = binary, a1 = "parse", a2 = "--dump", a3 = file;
    char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), nullptr};
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return r;
    int status = 0;
    rusage u{};
    if (wait4(pid, &status, 0, &u) != pid) return r;
    r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.cpu = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
            static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
    r.maxRssKb = u.ru_maxrss;
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return r;
}

// Best of `runs` (wall), with that run's CPU time; peak RSS is the largest seen.
ProcessRun bestOf(int runs, const std::string& file, const std::string& out) {
    ProcessRun best;
    long rss = 0;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun r = runParseProcess(file, out);
        if (!r.ok) return r;
        rss = std::max(rss, r.maxRssKb);
        if (!best.ok || r.wall < best.wall) best = r;
    }
    best.maxRssKb = rss;
    return best;
}

bool writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary);
    f << bytes;
    return static_cast<bool>(f);
}

// The whole process on the benchmark text, next to the same process on a
// one-line Dockerfile (start-up alone, and the RSS any run has).
int measureProcess(const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / ("bench_parse." + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string textFile = (dir / "bench.Dockerfile").string();
    const std::string tinyFile = (dir / "tiny.Dockerfile").string();
    const std::string outFile = (dir / "dump.txt").string();
    int rc = 0;
    if (!writeFile(textFile, text) || !writeFile(tinyFile, "FROM scratch\n")) rc = 1;
    // (bench_rss_bytes: this process's own peak, a floor under both RSS figures.)
    if (rc == 0) {
        const ProcessRun tiny = bestOf(10, tinyFile, "/dev/null");
        const ProcessRun big = bestOf(10, textFile, "/dev/null");
        if (!tiny.ok || !big.ok) rc = 1;
        const double bytes = static_cast<double>(text.size());
        const double growth = static_cast<double>(big.maxRssKb - tiny.maxRssKb) * 1024.0;
        std::printf(
            "{\"bench\":\"parse_dump_process\",\"bytes\":%.0f,\"runs\":10,\"wall_seconds\":%.4f,\"cpu_seconds\":%.4f,"
            "\"mb_per_s\":%.1f,\"mb_per_s_cpu\":%.1f,\"startup_wall_seconds\":%.4f,\"startup_cpu_seconds\":%.4f,\"peak_rss_bytes\":%.0f,\"startup_rss_bytes\":%.0f,"
            "\"rss_growth_over_input\":%.2f,\"bench_rss_bytes\":%.0f}\n",
            bytes, big.wall, big.cpu, bytes / big.wall / 1e6, bytes / big.cpu / 1e6, tiny.wall, tiny.cpu,
            static_cast<double>(big.maxRssKb) * 1024.0, static_cast<double>(tiny.maxRssKb) * 1024.0, growth / bytes,
            static_cast<double>(peakRssKb()) * 1024.0);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return rc;
}

// `layerlab parse --dump` must print exactly what dump() makes in-process.
bool processOutputMatches(const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / ("bench_parse." + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string textFile = (dir / "bench.Dockerfile").string();
    const std::string outFile = (dir / "dump.txt").string();
    const auto ast = layerlab::dockerfile::parseAst(text);
    const bool same = writeFile(textFile, text) && runParseProcess(textFile, outFile).ok && ast.root &&
                      readBytes(outFile) == layerlab::dockerfile::dump(*ast.root) + "\n";
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!same) std::fprintf(stderr, "bench_parse: %s parse --dump differs from dump() (or failed)\n", LAYERLAB_BINARY);
    return same;
}

}   // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> files = loadCorpus();
    const std::string text = benchmarkText(files);
    if (files.empty() || text.empty()) {
        std::fprintf(stderr, "bench_parse: no Dockerfiles found\n");
        return 1;
    }
    // `bench_parse --write-text FILE`: the benchmark text itself, to profile
    // `layerlab parse --dump FILE` or to run another parser on it.
    if (argc == 3 && std::string(argv[1]) == "--write-text") return writeFile(argv[2], text) ? 0 : 1;
    // The whole process first, while this process is small: a spawned child's
    // peak RSS (ru_maxrss) starts from its parent's at the time of the spawn.
    int rc = measureProcess(text);
    // In-process: what dumpAst (parse --dump's one pass) adds to this
    // process's peak RSS on the text: the dump string and one node.
    const long rssBefore = peakRssKb();
    {
        std::string out;
        (void)layerlab::dockerfile::dumpAst(text, out);
        const double growth = static_cast<double>(peakRssKb() - rssBefore) * 1024.0;
        std::printf(
            "{\"bench\":\"dump_text_memory\",\"bytes\":%zu,\"peak_rss_growth_bytes\":%.0f,\"over_input\":%.2f}\n",
            text.size(), growth, growth / static_cast<double>(text.size()));
    }
    if (!processOutputMatches(text)) rc = 1;
    const std::size_t target = 8u << 20;   // 8 MB through each in-process entry point
    run("parse_ast", files, target, [](const std::string& f) {
        const auto r = layerlab::dockerfile::parseAst(f);
        return r.root ? r.root->children.size() : 0;
    });
    run("parse", files, target, [](const std::string& f) {
        const auto r = layerlab::dockerfile::parseDockerfile(f);
        return r.warnings.size() + (r.dockerfile ? r.dockerfile->stages.size() : 0);
    });
    run("dump_text", {text}, target, [](const std::string& f) {
        std::string out;
        return layerlab::dockerfile::dumpAst(f, out) ? 0 : out.size();
    });
    return rc;
}
