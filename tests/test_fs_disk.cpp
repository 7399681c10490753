// Loading a real folder into a FileTree and writing one back; TreeBuilder.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/fs/disk_io.hpp"
#include "sim/fs/dockerignore.hpp"
#include "sim/fs/file_checksum.hpp"
#include "sim/fs/tree_builder.hpp"

using namespace layerlab::fs;
namespace stdfs = std::filesystem;

namespace {

// A fresh folder per test under the system temp dir, removed at the end.
struct TempDir {
    stdfs::path path;
    TempDir() {
        path = stdfs::temp_directory_path() / ("layerlab-fs-test-" + std::to_string(::getpid()));
        stdfs::remove_all(path);
        stdfs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        stdfs::permissions(path, stdfs::perms::owner_all, stdfs::perm_options::add, ec);
        for (auto& e : stdfs::recursive_directory_iterator(path, ec))
            if (e.is_directory()) stdfs::permissions(e.path(), stdfs::perms::owner_all, stdfs::perm_options::add, ec);
        stdfs::remove_all(path, ec);
    }
};

}   // namespace

TEST_CASE("fs disk: the sample context folder loads with its symlink and ignore file") {
    const LoadResult r = loadTree(std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/fs/sample_context");
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    const FileTree& t = r.tree;
    CHECK(t.list() == std::vector<std::string>{".dockerignore", "Dockerfile", "debug.log", "main.js", "package.json",
                                               "server.js", "src"});
    REQUIRE(t.find("main.js") != nullptr);
    CHECK(t.find("main.js")->kind == FileEntry::Kind::Symlink);
    CHECK(t.find("main.js")->linkTarget == "server.js");
    CHECK(*t.find("src/util.js")->content == "module.exports = {};\n");
    CHECK(t.find("server.js")->uid == ::getuid());
    const FilteredContext f = filterContext(t);
    CHECK_FALSE(f.files.exists("debug.log"));
    CHECK(f.files.exists("main.js"));
}

TEST_CASE("fs disk: missing or wrong folders are reported, not thrown") {
    CHECK(loadTree("/nonexistent/layerlab").error == "/nonexistent/layerlab: No such file or directory");
    const std::string file = std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/fs/go_match.tsv";
    CHECK(loadTree(file).error == file + ": Not a directory");
}

TEST_CASE("fs disk: write then load gives the same tree") {
    TempDir tmp;
    const uint32_t uid = ::geteuid(), gid = ::getegid();
    FileEntry link;
    link.kind = FileEntry::Kind::Symlink;
    link.linkTarget = "../bin/run.sh";
    link.mode = 0777;
    link.uid = uid;
    link.gid = gid;
    link.mtimeMs = 1700000000000;
    FileTree t;
    t = t.withEntry("", [&] {
        FileEntry root;
        root.kind = FileEntry::Kind::Directory;
        root.mode = 0755;
        root.uid = uid;
        root.gid = gid;
        return root;
    }());
    t = t.withFile("bin/run.sh", "#!/bin/sh\necho hi\n", 0755, uid, gid, 1700000000123)
            .withFile("etc/secret", "s", 0600, uid, gid, 1600000000000)
            .withFile("empty", "", 0644, uid, gid, 1500000000000)
            .withEntry("lib/run", link)
            .withOwner("bin", uid, gid)
            .withOwner("etc", uid, gid)
            .withOwner("lib", uid, gid)
            .withMode("etc", 0700)
            .withMtime("bin", 1400000000000)
            .withMtime("etc", 1400000000000)
            .withMtime("lib", 1400000000000);
    const WriteResult w = writeTree(t, tmp.path / "out");
    REQUIRE(w.ok());
    CHECK(w.warnings.empty());
    const LoadResult r = loadTree(tmp.path / "out");
    REQUIRE(r.ok());
    CHECK(contentsChecksum(r.tree) == contentsChecksum(t));
    t.forEach([&](const std::string& path, const FileEntry& e) {
        INFO(path);
        const FileEntry* got = r.tree.find(path);
        REQUIRE(got != nullptr);
        CHECK(got->kind == e.kind);
        CHECK(got->mode == e.mode);
        CHECK(got->mtimeMs == e.mtimeMs);
    });
    SUBCASE("rewriting over an existing folder replaces what is in the way") {
        const FileTree u = t.without("bin").withFile("bin", "now a file", 0644, uid, gid, 1);
        REQUIRE(writeTree(u, tmp.path / "out").ok());
        const LoadResult again = loadTree(tmp.path / "out");
        REQUIRE(again.ok());
        CHECK(again.tree.find("bin")->kind == FileEntry::Kind::File);
        CHECK(*again.tree.find("bin")->content == "now a file");
    }
}

TEST_CASE("fs tree builder: one pass, same tree as edits") {
    TreeBuilder b;
    b.addFile("b/x", "1");
    b.addFile("a.txt", "2", 0600);
    b.addFile("b/y/z", "3");
    FileEntry dir;
    dir.kind = FileEntry::Kind::Directory;
    dir.mode = 0700;
    b.add("b", dir);   // metadata only; children stay
    b.addFile("c", "will become a dir");
    b.addFile("c/d", "4");
    const FileTree built = b.build();
    const FileTree edited = FileTree()
                                .withFile("b/x", "1")
                                .withFile("a.txt", "2", 0600)
                                .withFile("b/y/z", "3")
                                .withMode("b", 0700)
                                .withFile("c/d", "4");
    CHECK(contentsChecksum(built) == contentsChecksum(edited));
    CHECK(built.find("b")->mode == 0700);
    CHECK(built.fileCount() == 4);
    CHECK(built.entryCount() == 7);
}
