// FileTree: paths, lookups, structural sharing and edits that fail like a shell.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "sim/fs/file_tree.hpp"

using namespace layerlab::fs;

namespace {

FileTree sampleTree() {
    FileEntry link;
    link.kind = FileEntry::Kind::Symlink;
    link.linkTarget = "a.txt";
    link.mode = 0777;
    return FileTree()
        .withFile("a.txt", "A\n")
        .withDirectory("src")
        .withFile("src/main.c", "int main(){}\n", 0600, 1000, 1000, 5)
        .withEntry("link", link);
}

std::vector<std::string> paths(const FileTree& t, std::string_view dir = "") {
    std::vector<std::string> out;
    t.forEach([&](const std::string& p, const FileEntry&) { out.push_back(p); }, dir);
    return out;
}

}   // namespace

TEST_CASE("fs tree: normalizePath") {
    CHECK(normalizePath("/app//./x/") == "app/x");
    CHECK(normalizePath("") == "");
    CHECK(normalizePath("/") == "");
    CHECK(normalizePath("./") == "");
    CHECK(normalizePath("a/../b") == "b");
    CHECK(normalizePath("../../etc/passwd") == "etc/passwd");
    CHECK(normalizePath("a/b/..") == "a");
    CHECK(normalizePath("...") == "...");
}

TEST_CASE("fs tree: lookup, listing and iteration") {
    const FileTree t = sampleTree();
    REQUIRE(t.find("src/main.c") != nullptr);
    CHECK(*t.find("/src//main.c")->content == "int main(){}\n");
    CHECK(t.find("src/main.c")->mode == 0600);
    CHECK(t.find("src/main.c")->uid == 1000);
    CHECK(t.find("src/main.c")->mtimeMs == 5);
    CHECK(t.find("")->isDir());
    CHECK(t.isDirectory("src"));
    CHECK_FALSE(t.isDirectory("a.txt"));
    CHECK(t.find("link")->kind == FileEntry::Kind::Symlink);
    CHECK(t.find("link/x") == nullptr);   // symlinks are not followed
    CHECK(t.find("nope") == nullptr);
    CHECK(t.list() == std::vector<std::string>{"a.txt", "link", "src"});
    CHECK(t.list("a.txt").empty());
    CHECK(paths(t) == std::vector<std::string>{"a.txt", "link", "src", "src/main.c"});
    CHECK(paths(t, "src") == std::vector<std::string>{"src/main.c"});
    CHECK(t.fileCount() == 3);
    CHECK(t.entryCount() == 4);
    CHECK(t.totalBytes() == 2 + 13);

    SUBCASE("component order: a directory's children come right after it") {
        const FileTree u = FileTree().withFile("a.txt", "").withFile("a/x", "");
        CHECK(paths(u) == std::vector<std::string>{"a", "a/x", "a.txt"});
    }
    SUBCASE("missing parents are created as 0755 directories") {
        const FileTree u = FileTree().withFile("x/y/z", "1", 0644, 0, 0, 42);
        REQUIRE(u.find("x/y") != nullptr);
        CHECK(u.find("x/y")->isDir());
        CHECK(u.find("x/y")->mode == 0755);
    }
}

TEST_CASE("fs tree: snapshots are immutable and shared") {
    const FileTree before = sampleTree();
    const FileTree after = before.withFile("src/main.c", "changed");
    CHECK(*before.find("src/main.c")->content == "int main(){}\n");
    CHECK(*after.find("src/main.c")->content == "changed");
    // Untouched entries are the same objects, not copies.
    CHECK(before.find("a.txt") == after.find("a.txt"));
    CHECK(before.find("a.txt")->content == after.find("a.txt")->content);
    CHECK(before.find("src") != after.find("src"));
    CHECK_FALSE(before.sameAs(after));
    const FileTree copy = before;
    CHECK(copy.sameAs(before));

    SUBCASE("chmod, chown, touch change only metadata") {
        const FileTree m = before.withMode("a.txt", 0755).withOwner("a.txt", 1, 2).withMtime("a.txt", 99);
        CHECK(m.find("a.txt")->mode == 0755);
        CHECK(m.find("a.txt")->uid == 1);
        CHECK(m.find("a.txt")->gid == 2);
        CHECK(m.find("a.txt")->mtimeMs == 99);
        CHECK(m.find("a.txt")->content == before.find("a.txt")->content);
        CHECK(m.withMode("a.txt", 0100644).find("a.txt")->mode == 0644);   // type bits dropped
    }
    SUBCASE("directory metadata edits keep the children") {
        const FileTree m = before.withMode("src", 0700);
        CHECK(m.find("src")->mode == 0700);
        CHECK(m.find("src/main.c") == before.find("src/main.c"));
        FileEntry dir;
        dir.kind = FileEntry::Kind::Directory;
        dir.mode = 0711;
        const FileTree e = before.withEntry("src", dir);
        CHECK(e.find("src")->mode == 0711);
        CHECK(e.exists("src/main.c"));
    }
    SUBCASE("delete a file and a whole directory") {
        CHECK_FALSE(before.without("a.txt").exists("a.txt"));
        const FileTree noSrc = before.without("src");
        CHECK_FALSE(noSrc.exists("src/main.c"));
        CHECK(noSrc.fileCount() == 2);
        CHECK(before.without("").fileCount() == 0);
        CHECK(before.without("").find("")->isDir());
    }
    SUBCASE("withEntry replaces a directory by a file, as a layer may") {
        FileEntry f;
        f.content = std::make_shared<const std::string>("now a file");
        const FileTree r = before.withEntry("src", f);
        CHECK(r.find("src")->kind == FileEntry::Kind::File);
        CHECK(r.fileCount() == 3);
    }
}

TEST_CASE("fs tree: shell-style writes") {
    const FileTree t = sampleTree();
    SUBCASE("> keeps mode and owner of an existing file") {
        const EditResult r = t.tryWrite("src/main.c", "x", 7);
        REQUIRE(r.ok());
        CHECK(r.tree.find("src/main.c")->mode == 0600);
        CHECK(r.tree.find("src/main.c")->uid == 1000);
        CHECK(r.tree.find("src/main.c")->mtimeMs == 7);
        CHECK(*r.tree.find("src/main.c")->content == "x");
        CHECK(t.tryWrite("new.txt", "n").tree.find("new.txt")->mode == 0644);
    }
    SUBCASE(">> appends, or creates") {
        CHECK(*t.withAppended("a.txt", "B\n").find("a.txt")->content == "A\nB\n");
        CHECK(*t.withAppended("b.txt", "B\n").find("b.txt")->content == "B\n");
    }
    SUBCASE("touch creates an empty file or moves only the mtime") {
        const FileTree c = t.tryTouch("empty", 3).tree;
        CHECK(c.find("empty")->size() == 0);
        CHECK(c.find("empty")->mtimeMs == 3);
        const FileTree m = t.tryTouch("a.txt", 3).tree;
        CHECK(m.find("a.txt")->mtimeMs == 3);
        CHECK(m.find("a.txt")->content == t.find("a.txt")->content);
    }
}

TEST_CASE("fs tree: subtrees, grafts and overlays share nodes") {
    const FileTree t = sampleTree();
    const FileTree src = t.subtree("src");
    CHECK(src.list() == std::vector<std::string>{"main.c"});
    CHECK(src.find("main.c") == t.find("src/main.c"));
    CHECK(t.subtree("a.txt").fileCount() == 0);

    const FileTree image = FileTree().withFile("etc/os-release", "debian").withFile("app/old", "o");
    const FileTree grafted = image.withSubtree("/app", t);
    CHECK(grafted.find("app/src/main.c") == t.find("src/main.c"));
    CHECK_FALSE(grafted.exists("app/old"));
    CHECK(grafted.exists("etc/os-release"));
    CHECK(image.tryWithSubtree("etc/os-release/x", t).error == "Not a directory");

    const FileTree merged = image.overlaid(FileTree().withFile("app/new", "n").withFile("etc/os-release", "alpine"));
    CHECK(merged.exists("app/old"));
    CHECK(merged.exists("app/new"));
    CHECK(*merged.find("etc/os-release")->content == "alpine");
}

TEST_CASE("fs tree: impossible edits report the shell's error and change nothing") {
    std::ifstream in(std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/fs/edit_errors.tsv");
    REQUIRE(in.good());
    const FileTree base = sampleTree();
    std::string line;
    int cases = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string op, path, expected;
        std::getline(fields, op, '\t');
        std::getline(fields, path, '\t');
        std::getline(fields, expected, '\t');
        EditResult r;
        if (op == "withFile") r = base.tryWithFile(path, "x");
        else if (op == "write") r = base.tryWrite(path, "x");
        else if (op == "append") r = base.tryAppend(path, "x");
        else if (op == "touch") r = base.tryTouch(path, 1);
        else if (op == "mkdir") r = base.tryWithDirectory(path, 0755, false);
        else if (op == "mkdir -p") r = base.tryWithDirectory(path, 0755, true);
        else if (op == "rm") r = base.tryWithout(path);
        else if (op == "chmod") r = base.tryWithMode(path, 0700);
        else if (op == "chown") r = base.tryWithOwner(path, 1, 1);
        else if (op == "mtime") r = base.tryWithMtime(path, 1);
        else FAIL("unknown op in edit_errors.tsv: " << op);
        INFO(op << " '" << path << "'");
        CHECK((r.ok() ? std::string("ok") : r.error) == expected);
        if (!r.ok()) CHECK(r.tree.sameAs(base));
        ++cases;
    }
    CHECK(cases >= 25);
}
