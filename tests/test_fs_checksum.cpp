// sha256, per-file checksums with Docker's rules, subtree checksums and the hash cache.
#include <doctest/doctest.h>

#include "sim/fs/file_checksum.hpp"
#include "sim/fs/hash_cache.hpp"
#include "sim/fs/sha256.hpp"

using namespace layerlab::fs;

namespace {

FileTree manyFiles(int n) {
    FileTree t;
    for (int i = 0; i < n; ++i)
        t = t.withFile("d" + std::to_string(i % 10) + "/f" + std::to_string(i), std::string(100 + i, 'a' + i % 26));
    return t;
}

}   // namespace

TEST_CASE("fs checksum: sha256 known answers") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Digest("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 h;
    h.update("a");
    h.update("");
    h.update("bc");
    CHECK(h.finishHex() == sha256Hex("abc"));
    h.reset();
    h.update(std::string(1000000, 'a'));
    CHECK(h.finishHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("fs checksum: canonical header is tarsum v1 without mtime") {
    FileEntry f;
    f.content = std::make_shared<const std::string>("hello\n");
    f.mode = 0644;
    f.uid = 1000;
    f.gid = 50;
    f.mtimeMs = 123456;
    CHECK(canonicalHeader(f) == "namemode420uid1000gid50size6typeflag0linknameunamegnamedevmajor0devminor0");
    FileEntry l;
    l.kind = FileEntry::Kind::Symlink;
    l.linkTarget = "a.txt";
    l.mode = 0777;
    CHECK(canonicalHeader(l, "link") ==
          "namelinkmode511uid0gid0size0typeflag2linknamea.txtunamegnamedevmajor0devminor0");
    CHECK(fileChecksum(f) == sha256Digest(canonicalHeader(f) + "hello\n"));
}

TEST_CASE("fs checksum: Docker's rules for what breaks the cache") {
    const FileTree t =
        FileTree().withFile("app/server.js", "console.log(1)\n", 0644, 0, 0, 1000).withFile("app/package.json", "{}\n");
    const std::string file = pathChecksum(t, "app/server.js");
    const std::string dir = contentsChecksum(t);
    REQUIRE(file.size() == 71);
    CHECK(file.rfind("sha256:", 0) == 0);

    SUBCASE("touch keeps every digest") {
        const FileTree u = t.withMtime("app/server.js", 999999);
        CHECK(pathChecksum(u, "app/server.js") == file);
        CHECK(contentsChecksum(u) == dir);
    }
    SUBCASE("chmod, chown and content edits change the file and its ancestors") {
        for (const FileTree& u : {t.withMode("app/server.js", 0755), t.withOwner("app/server.js", 1000, 1000),
                                  t.withFile("app/server.js", "console.log(2)\n")}) {
            CHECK(pathChecksum(u, "app/server.js") != file);
            CHECK(contentsChecksum(u) != dir);
            CHECK(pathChecksum(u, "app/package.json") == pathChecksum(t, "app/package.json"));
        }
    }
    SUBCASE("a rename keeps the file digest and changes the directory's") {
        const FileTree u = t.without("app/server.js").withFile("app/index.js", "console.log(1)\n");
        CHECK(pathChecksum(u, "app/index.js") == file);
        CHECK(contentsChecksum(u) != dir);
    }
    SUBCASE("the same content built in another order has the same digest") {
        const FileTree u =
            FileTree().withFile("app/package.json", "{}\n").withFile("app/server.js", "console.log(1)\n");
        CHECK(contentsChecksum(u) == dir);
    }
    SUBCASE("a directory's own mode counts for the directory, not for its contents") {
        const FileTree u = t.withMode("app", 0700);
        CHECK(pathChecksum(u, "app") != pathChecksum(t, "app"));
        CHECK(contentsChecksum(u, "app") == contentsChecksum(t, "app"));
        CHECK(contentsChecksum(t.withMode("", 0700)) == dir);   // the context folder's own mode is not keyed
    }
    SUBCASE("an empty file and an empty directory differ") {
        CHECK(contentsChecksum(FileTree().withFile("x", "")) != contentsChecksum(FileTree().withDirectory("x")));
    }
    SUBCASE("absent paths") {
        CHECK(pathChecksum(t, "nope") == "");
        CHECK(contentsChecksum(t, "app/server.js") == "");
    }
    SUBCASE("selections: order and missing sources count") {
        const std::string ab = selectionChecksum(t, {"app/package.json", "app/server.js"});
        CHECK(ab == selectionChecksum(t, {"/app/package.json", "app//server.js"}));
        CHECK(ab != selectionChecksum(t, {"app/server.js", "app/package.json"}));
        CHECK(ab != selectionChecksum(t, {"app/package.json", "app/missing.js"}));
        CHECK(selectionChecksum(t.withMtime("app/server.js", 5), {"app/package.json", "app/server.js"}) == ab);
    }
}

TEST_CASE("fs checksum: a one-file edit rehashes only that file") {
    const FileTree t = manyFiles(200);
    HashCache cache;
    const std::string first = contentsChecksum(t, "", &cache);
    CHECK(cache.stats().filesHashed == 200);
    CHECK(contentsChecksum(t, "", &cache) == first);
    CHECK(cache.stats().filesHashed == 200);

    const FileTree edited = t.withFile("d3/f13", "new content");
    cache.resetStats();
    const std::string second = contentsChecksum(edited, "", &cache);
    CHECK(second != first);
    CHECK(cache.stats().filesHashed == 1);
    CHECK(cache.stats().bytesHashed == 11);
    CHECK(cache.stats().hits == 0);   // the other 199 were answered by the shared nodes

    SUBCASE("chmod there and back: the second node is answered by the cache") {
        const FileTree there = t.withMode("d3/f13", 0755);
        const FileTree back = there.withMode("d3/f13", 0644);
        cache.resetStats();
        CHECK(contentsChecksum(there, "", &cache) != first);
        CHECK(contentsChecksum(back, "", &cache) == first);
        CHECK(cache.stats().filesHashed == 1);
        CHECK(cache.stats().hits == 1);
    }
    SUBCASE("same digests with and without a cache") {
        const FileTree fresh = manyFiles(200).withFile("d3/f13", "new content");
        CHECK(contentsChecksum(fresh) == second);
    }
    SUBCASE("prune drops buffers no tree holds") {
        HashCache c;
        {
            const FileTree tmp = FileTree().withFile("only", "gone soon");
            contentsChecksum(tmp, "", &c);
            CHECK(c.size() == 1);
        }
        c.prune();
        CHECK(c.size() == 0);
    }
}
