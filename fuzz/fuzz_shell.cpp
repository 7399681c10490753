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

namespace {

using namespace layerlab;

class MemFiles : public shell::Files {
public:
    explicit MemFiles(fs::FileTree t) : m_tree(std::move(t)) {}
    const fs::FileTree& view() const override { return m_tree; }
    std::string put(const std::string& path, fs::FileEntry e) override {
        return apply(m_tree.tryWithEntry(path, std::move(e)));
    }
    std::string mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) override {
        return apply(m_tree.tryWithDirectory(path, mode, parents, mtimeMs));
    }
    std::string remove(const std::string& path) override { return apply(m_tree.tryWithout(path)); }
    std::string graft(const std::string& path, const fs::FileTree& sub) override {
        return apply(m_tree.tryWithSubtree(path, sub));
    }

private:
    std::string apply(fs::EditResult r) {
        if (!r.ok()) return r.error;
        m_tree = r.tree;
        return "";
    }
    fs::FileTree m_tree;
};

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
