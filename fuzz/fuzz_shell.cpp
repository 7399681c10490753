// libFuzzer target for LayerLab's sh model: the parser, word expansion
// ($VAR, ${VAR:-x}, $(...), $((...)), globs, quotes, heredocs), the builtins
// and coreutils, over a small in-memory tree, in bash's flavour (the host)
// and dash's (RUN). Loops stop at Config::loopLimit; nothing may crash, hang
// or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"
#include "sim/shell/shell.hpp"
#include "sim/shell/tree_files.hpp"

namespace {

using namespace layerlab;

using MemFiles = shell::TreeFiles;

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 16 * 1024) return 0;
    const std::string_view script = fuzz::bytesOf(data, size);
    for (shell::Flavour flavour : {shell::Flavour::Bash, shell::Flavour::Dash}) {
        MemFiles files(fs::FileTree()
                           .withFile("app/a.txt", "hello\nworld\n")
                           .withFile("app/b.js", "console.log(1)\n")
                           .withDirectory("app/sub"));
        shell::Shell sh(files, {flavour, "", "en"});
        sh.cwd = "/app";
        sh.vars = {{"HOME", "/root"}, {"EMPTY", ""}, {"PATH", "/usr/bin:/bin"}};
        sh.exported = {"HOME", "PATH"};
        sh.fallback = [](shell::Shell&, const std::vector<std::string>&, shell::Io& io) {
            io.err += "not modelled\n";
            return 127;
        };
        (void)sh.run(script);
    }
    return 0;
}
