// libFuzzer target for .dockerignore: "patterns\0path1\npath2..." parses the
// patterns as Docker's patternmatcher does and matches each path, then
// filters a small context with them. A refused file must say why and match
// nothing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"
#include "sim/fs/dockerignore.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace layerlab;
    if (size > 64 * 1024) return 0;
    const auto parts = fuzz::splitOnNul(fuzz::bytesOf(data, size), 2);
    const fs::DockerIgnore ignore = fs::DockerIgnore::parse(parts[0]);
    std::string_view paths = parts.size() > 1 ? parts[1] : std::string_view("server.js\nnode_modules/x\na/b/c.log");
    fs::FileTree ctx =
        fs::FileTree().withFile("Dockerfile", "FROM node\n").withFile(".dockerignore", std::string(parts[0]));
    for (int n = 0; n < 16 && !paths.empty(); ++n) {
        const std::size_t nl = paths.find('\n');
        const std::string_view path = paths.substr(0, nl);
        paths = nl == std::string_view::npos ? std::string_view() : paths.substr(nl + 1);
        const bool m = ignore.matches(path);
        if (m && !ignore.error().empty()) __builtin_trap();
        const fs::EditResult e = ctx.tryWithFile(path, "x");
        if (e.ok()) ctx = e.tree;
    }
    (void)fs::filterContext(ctx, ignore);
    (void)ignore.lines();
    return 0;
}
