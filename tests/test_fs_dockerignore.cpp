// Go filepath.Match, .dockerignore reading and matching, and the filtered build context.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "sim/fs/dockerignore.hpp"
#include "sim/fs/file_checksum.hpp"
#include "sim/fs/go_match.hpp"

using namespace layerlab::fs;

namespace {

std::vector<std::vector<std::string>> readTable(const std::string& name) {
    std::ifstream in(std::string(LAYERLAB_SOURCE_DIR) + "/tests/data/fs/" + name);
    REQUIRE_MESSAGE(in.good(), "missing tests/data/fs/" << name);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::istringstream fields(line);
        std::string cell;
        while (std::getline(fields, cell, '\t')) cells.push_back(cell);
        if (line.back() == '\t') cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

FileTree courseContext() {
    return FileTree()
        .withFile("Dockerfile", "FROM node\nWORKDIR /app\nCOPY . /app\n")
        .withFile(".dockerignore", "node_modules\n*.log\n")
        .withFile("package.json", "{}\n")
        .withFile("server.js", "app.listen(80)\n")
        .withFile("debug.log", "noise\n")
        .withFile("node_modules/express/index.js", "module.exports = 1\n")
        .withFile("node_modules/express/package.json", "{}\n")
        .withFile("src/lib/util.js", "x\n");
}

}   // namespace

TEST_CASE("fs go_match: filepath.Match table") {
    int n = 0;
    for (const auto& row : readTable("go_match.tsv")) {
        REQUIRE(row.size() == 3);
        INFO("Match(`" << row[0] << "`, `" << row[1] << "`)");
        const std::optional<bool> got = goMatch(row[0], row[1]);
        const std::string text = !got ? "bad" : *got ? "true" : "false";
        CHECK(text == row[2]);
        ++n;
    }
    CHECK(n >= 60);
}

TEST_CASE("fs go_match: glob over a tree") {
    const FileTree t = courseContext();
    CHECK(*globTree(t, "*.js") == std::vector<std::string>{"server.js"});
    CHECK(*globTree(t, "/package.json") == std::vector<std::string>{"package.json"});
    CHECK(*globTree(t, "node_modules/*/index.js") == std::vector<std::string>{"node_modules/express/index.js"});
    CHECK(*globTree(t, "*/*/*.js") == std::vector<std::string>{"node_modules/express/index.js", "src/lib/util.js"});
    CHECK(globTree(t, "nope*")->empty());
    CHECK(globTree(t, "missing.txt")->empty());
    CHECK_FALSE(globTree(t, "[").has_value());
}

TEST_CASE("fs dockerignore: matching table (patternmatcher semantics)") {
    int n = 0;
    for (const auto& row : readTable("dockerignore_match.tsv")) {
        REQUIRE(row.size() >= 2);
        const std::vector<std::string> patterns(row.begin() + 2, row.end());
        const DockerIgnore ignore = DockerIgnore::parse(join(patterns));
        INFO("path '" << row[1] << "' patterns '" << join(patterns) << "'");
        const std::string got = !ignore.error().empty() ? ignore.error() : ignore.matches(row[1]) ? "ignored" : "sent";
        CHECK(got == row[0]);
        ++n;
    }
    CHECK(n >= 70);
}

TEST_CASE("fs dockerignore: reading the file") {
    SUBCASE("comments only at column 0, trimming, '/' and './' cleaned, BOM and CRLF") {
        const DockerIgnore ig = DockerIgnore::parse(
            "\xEF\xBB\xBFtest1\r\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n"
            "! /inverted/abs/path\n  # indented\n./x/../y/\n");
        CHECK(ig.error() == "");
        CHECK(ig.lines() == std::vector<std::string>{"test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path",
                                                     "# indented", "y"});
        CHECK(ig.patterns()[4].exclusion);
        CHECK(ig.patterns()[4].line == 7);
        CHECK(ig.hasExclusions());
    }
    SUBCASE("errors name the line, and then nothing is ignored") {
        const DockerIgnore bad = DockerIgnore::parse("node_modules\n\n*.[log\n");
        CHECK(bad.error() == "syntax error in pattern");
        CHECK(bad.errorLine() == 3);
        CHECK_FALSE(bad.matches("node_modules"));
        const DockerIgnore bang = DockerIgnore::parse("a\n!\n");
        CHECK(bang.error() == "illegal exclusion pattern: \"!\"");
        CHECK(bang.errorLine() == 2);
    }
    SUBCASE("an empty file ignores nothing") {
        CHECK(DockerIgnore::parse("").empty());
        CHECK(DockerIgnore::parse("\n# only a comment\n").empty());
    }
}

TEST_CASE("fs dockerignore: the build context it leaves") {
    const FileTree ctx = courseContext();
    const FilteredContext f = filterContext(ctx);
    CHECK_FALSE(f.files.exists("debug.log"));
    CHECK_FALSE(f.files.exists("node_modules"));
    CHECK(f.files.exists("server.js"));
    CHECK(f.files.exists("Dockerfile"));
    CHECK(f.files.exists(".dockerignore"));
    REQUIRE(f.ignored.size() == 2);
    CHECK(f.ignored[0].path == "debug.log");
    CHECK_FALSE(f.ignored[0].directory);
    CHECK(f.ignored[1].path == "node_modules");
    CHECK(f.ignored[1].directory);
    CHECK(f.ignored[1].files == 2);
    CHECK_FALSE(f.dockerfileIgnored);
    // Subtrees with nothing ignored are the same nodes: their checksums stay cached.
    CHECK(f.files.find("src/lib/util.js") == ctx.find("src/lib/util.js"));

    SUBCASE("editing an ignored file keeps the COPY . checksum") {
        const FileTree edited = ctx.withFile("debug.log", "more noise\n").withFile("node_modules/x.js", "1");
        CHECK(contentsChecksum(filterContext(edited).files) == contentsChecksum(f.files));
        CHECK(contentsChecksum(filterContext(ctx.withFile("server.js", "2")).files) != contentsChecksum(f.files));
    }
    SUBCASE("an ignored Dockerfile is read by the builder but not copied") {
        const FileTree c = ctx.withFile(".dockerignore", "node_modules\n*.log\nDockerfile\n.dockerignore\n");
        const FilteredContext g = filterContext(c);
        CHECK(g.dockerfileIgnored);
        CHECK(g.dockerignoreIgnored);
        CHECK_FALSE(g.files.exists("Dockerfile"));
        CHECK_FALSE(g.files.exists(".dockerignore"));
        // A CMD-only edit of that Dockerfile leaves COPY . cached.
        const FileTree cmdEdit = c.withAppended("Dockerfile", "CMD [\"node\", \"server.js\"]\n");
        CHECK(contentsChecksum(filterContext(cmdEdit).files) == contentsChecksum(g.files));
    }
    SUBCASE("exceptions bring files back out of an ignored directory") {
        const FileTree c = ctx.withFile(".dockerignore", "node_modules\n!node_modules/express/package.json\n");
        const FilteredContext g = filterContext(c);
        CHECK(g.files.exists("node_modules/express/package.json"));
        CHECK_FALSE(g.files.exists("node_modules/express/index.js"));
        CHECK(g.files.exists("debug.log"));
        REQUIRE(g.ignored.size() == 1);
        CHECK(g.ignored[0].path == "node_modules/express/index.js");
    }
    SUBCASE("a directory whose files are all ignored stays, empty, unless it is ignored itself") {
        const FileTree c = ctx.withFile(".dockerignore", "src/**\n");
        const FilteredContext g = filterContext(c);
        CHECK(g.files.isDirectory("src"));
        CHECK(g.files.list("src").empty());
    }
    SUBCASE("<Dockerfile>.dockerignore takes precedence") {
        const FileTree c = ctx.withFile("Dockerfile.dockerignore", "server.js\n");
        const FilteredContext g = filterContext(c);
        CHECK_FALSE(g.files.exists("server.js"));
        CHECK(g.files.exists("debug.log"));
    }
    SUBCASE("a broken .dockerignore filters nothing and says why") {
        const DockerIgnore bad = DockerIgnore::parse("[\n");
        const FilteredContext g = filterContext(ctx, bad);
        CHECK(g.files.sameAs(ctx));
        CHECK(bad.error() == "syntax error in pattern");
    }
    SUBCASE("ignoring everything leaves an empty context") {
        const FilteredContext g = filterContext(ctx, DockerIgnore::parse("*\n"));
        CHECK(g.files.fileCount() == 0);
        CHECK(g.dockerfileIgnored);
    }
}

TEST_CASE("fs dockerignore: the filter cache gives the same answer and reuses nodes") {
    const FileTree ctx = courseContext();
    ContextFilterCache cache;
    const FilteredContext first = filterContext(ctx, "Dockerfile", &cache);
    CHECK(cache.size() > 0);
    const FilteredContext again = filterContext(ctx, "Dockerfile", &cache);
    CHECK(again.files.sameAs(first.files));   // nothing changed: the very same filtered tree
    CHECK(again.ignored.size() == first.ignored.size());

    const FileTree edited = ctx.withFile("src/lib/util.js", "y\n").withFile("debug.log", "more\n");
    const FilteredContext cached = filterContext(edited, "Dockerfile", &cache);
    const FilteredContext fresh = filterContext(edited);
    CHECK(contentsChecksum(cached.files) == contentsChecksum(fresh.files));
    REQUIRE(cached.ignored.size() == fresh.ignored.size());
    for (size_t i = 0; i < fresh.ignored.size(); ++i) CHECK(cached.ignored[i].path == fresh.ignored[i].path);
    CHECK(*cached.files.find("src/lib/util.js")->content == "y\n");

    SUBCASE("a new .dockerignore starts over") {
        const FileTree other = edited.withFile(".dockerignore", "src\n");
        const FilteredContext g = filterContext(other, "Dockerfile", &cache);
        CHECK_FALSE(g.files.exists("src"));
        CHECK(g.files.exists("node_modules/express/index.js"));
        CHECK(g.files.exists("debug.log"));
    }
}
