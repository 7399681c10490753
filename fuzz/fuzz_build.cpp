// libFuzzer target for a whole build: a Dockerfile and a small generated
// context through the builder, as `docker build -t fuzz .` in the host shell.
// Input: "Dockerfile\0.dockerignore\0file1\0file2..." (at most 8 files, named
// f1, f2, ... and sub/f1 ...); the first byte's low bit picks the legacy
// builder (DOCKER_BUILDKIT=0). A successful build is built again (all from
// the cache) and must report every step CACHED, as Docker does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"
#include "sim/cli/machine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace layerlab;
    if (size > 64 * 1024) return 0;   // the Dockerfile limit is the parser's business (fuzz_parser)
    const auto parts = fuzz::splitOnNul(fuzz::bytesOf(data, size), 10);
    engine::State s = cli::Machine::defaultState(1, "en");
    fs::FileTree ctx;
    ctx = ctx.withFile("Dockerfile", std::string(parts[0]));
    if (parts.size() > 1) ctx = ctx.withFile(".dockerignore", std::string(parts[1]));
    for (std::size_t i = 2; i < parts.size(); ++i) {
        const std::string name = (i % 2 ? "sub/f" : "f") + std::to_string(i - 1);
        ctx = ctx.withFile(name, std::string(parts[i]), i % 3 ? 0644 : 0755);
    }
    s.host = ctx;
    cli::Machine m(std::move(s));
    const bool legacy = size > 0 && (data[0] & 1);
    const std::string build = std::string(legacy ? "DOCKER_BUILDKIT=0 " : "") + "docker build -t fuzz .";
    const Outcome first = m.execute(build);
    if (first.exitCode == 0) {
        (void)m.execute(build);
        (void)m.execute("docker history fuzz");
        (void)m.execute("docker image inspect fuzz");
    }
    return 0;
}
