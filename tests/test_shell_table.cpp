// The shell model against real shells: every row of tests/data/shell/*.tsv
// is a command line with the stdout, stderr and exit status that REAL bash
// (the host flavour), dash and busybox sh (the RUN flavours) printed on this
// machine, recorded by tests/data/shell/record.sh in a folder holding the
// fixture below. LayerLab's shell runs the same line over the same files in
// memory and must print the same bytes.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/shell/shell.hpp"
#include "sim/shell/tree_files.hpp"

using namespace layerlab;

namespace {

using MemFiles = shell::TreeFiles;

// The fixture record.sh writes (keep the two in step).
fs::FileTree fixture(const std::string& dir) {
    auto at = [&](const std::string& p) { return dir.empty() ? p : dir + "/" + p; };
    fs::FileTree t;
    if (!dir.empty()) t = t.withDirectory(dir);
    return t.withDirectory(at("sub"))
        .withFile(at("a.txt"), "hello\nworld\n")
        .withFile(at("b.js"), "console.log(1)\n")
        .withFile(at("sub/c.txt"), "c\n")
        .withFile(at("fruits"), "pear\napple\npear\nfig\n")
        .withFile(at("passwd"), "root:x:0\nnode:x:1000\n");
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char n = s[++i];
            out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct Row {
    std::string command, out, err;
    int status = 0;
};

std::vector<Row> readTable(const std::string& name) {
    std::ifstream in(std::filesystem::path(LAYERLAB_SOURCE_DIR) / "tests/data/shell" / name);
    std::vector<Row> rows;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cols;
        size_t start = 0;
        while (true) {
            size_t tab = line.find('\t', start);
            cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        REQUIRE(cols.size() == 4);
        rows.push_back({unescape(cols[0]), unescape(cols[1]), unescape(cols[2]), std::stoi(cols[3])});
    }
    return rows;
}

void checkTable(const std::string& file, shell::Flavour flavour) {
    std::vector<Row> rows = readTable(file);
    REQUIRE(rows.size() >= 10);
    for (const auto& row : rows) {
        CAPTURE(file);
        CAPTURE(row.command);
        const bool host = flavour == shell::Flavour::Bash;
        MemFiles files(fixture(host ? "" : "app"));
        shell::Config config;
        config.flavour = flavour;
        config.mount = host ? "/home/learner/app" : "";
        config.utf8Quotes = host;   // bash ran with LANG=C.UTF-8, dash and busybox without a locale
        shell::Shell sh(files, config);
        sh.cwd = host ? "/home/learner/app" : "/app";
        sh.vars = {{"HOME", host ? "/home/learner" : "/root"}, {"PATH", "/usr/bin:/bin"}};
        sh.exported = {"HOME", "PATH"};
        if (host) {
            sh.vars["LANG"] = "C.UTF-8";
            sh.exported.insert("LANG");
        }
        std::string out, err;
        sh.terminal = [&](std::string_view o, std::string_view e, const shell::Io&) {
            out += o;
            err += e;
        };
        int status = sh.run(row.command);
        CHECK(out == row.out);
        CHECK(err == row.err);
        CHECK(status == row.status);
    }
}

}   // namespace

TEST_CASE("shell table: the host flavour prints what real bash prints") {
    checkTable("bash.tsv", shell::Flavour::Bash);
}
TEST_CASE("shell table: RUN in a Debian image prints what real dash prints") {
    checkTable("dash.tsv", shell::Flavour::Dash);
}
TEST_CASE("shell table: RUN in an Alpine image prints what real busybox sh prints") {
    checkTable("ash.tsv", shell::Flavour::Ash);
}
