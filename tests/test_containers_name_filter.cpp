// docker ps --filter name=PATTERN: Go's regexp subset (name_filter.hpp), on
// three containers. Every row with a list of names was run against a real
// Docker Engine 20.10 (`docker ps -a --filter name=P --format {{.Names}}`)
// with containers of the same names; the rows say what it printed.
#include <doctest/doctest.h>

#include "containers_fixture.hpp"
#include "sim/engine/containers/name_filter.hpp"

using namespace layerlab;
using namespace layerlab::engine;
using namespace layerlab::test;

namespace {

struct NameRow {
    const char* pattern;
    const char* names;   // docker ps -a --format {{.Names}}, newest first
};

// Created in this order, so ps lists tree2.api first.
const NameRow kRealDocker[] = {
    {"web", "tree2web\n"},
    {"^/tree2web$", "tree2web\n"},
    {"^tree2web", "tree2web\n"},   // the daemon also matches the name without its '/'
    {"tree2[a-z]+_\\d", "tree2db_1\n"},
    {"tree2(web|db)", "tree2db_1\ntree2web\n"},
    {"tree2\\.api", "tree2.api\n"},
    {"tree2.api", "tree2.api\n"},
    {"[", ""},   // invalid: matches nothing, no error
    {"a**", ""},   // invalid nested repetition
    {"*web", ""},   // missing argument to repetition
    {"(web", ""},
    {"web)", ""},
    {"\\e", ""},   // invalid escape
    {"[z-a]", ""},   // invalid range
    {"x{2}{3}", ""},
    {"a{1001}", ""},
    {"(?i)TREE2WEB", "tree2web\n"},
    {"(?i)Tree2WEB$", "tree2web\n"},
    {"TREE2(?i:web)", ""},
    {"T(?i)REE2web", ""},
    {"tree2w{1,2}eb", "tree2web\n"},
    {"tree2web{2}", ""},
    {"^(tree2)+web$", "tree2web\n"},
    {"x|tree2web", "tree2web\n"},
    {"(|x)tree2web", "tree2web\n"},
    {"\\bweb", ""},
    {"[[:alpha:]]+2web", "tree2web\n"},
    {"tree2[[:^digit:]]b", "tree2db_1\n"},
    {"tree2(?:db|api)", "tree2db_1\n"},
    {"(?P<n>tree2web)", "tree2web\n"},
    {"tree2[^w]", "tree2.api\ntree2db_1\n"},
    {"tree2.ap$", ""},
    {"", "tree2.api\ntree2db_1\ntree2web\n"},
    {"\\Atree", "tree2.api\ntree2db_1\ntree2web\n"},
    {"eb\\z", "tree2web\n"},
    {"tree2w\\x65b", "tree2web\n"},
    {"tree2w\\x{65}b", "tree2web\n"},
    {"tree2db_\\d{1,3}$", "tree2db_1\n"},
    {"\\d", "tree2.api\ntree2db_1\ntree2web\n"},
    {"[\\d.]api", "tree2.api\n"},
    {"w?e?b?$", "tree2.api\ntree2db_1\ntree2web\n"},
};

State threeContainers() {
    State s;
    pull(s, "busybox");
    for (const char* name : {"tree2web", "tree2db_1", "tree2.api"}) {
        RunOptions o = runOpts("busybox", {"true"});
        o.name = name;
        REQUIRE(createContainer(s, o).exitCode == 0);
        tick(s);
    }
    return s;
}

ContainerOutcome psName(const State& s, const std::string& pattern) {
    PsOptions ps;
    ps.all = true;
    ps.format = "{{.Names}}";
    ps.filters = {"name=" + pattern};
    return listContainers(s, ps);
}

}   // namespace

TEST_CASE("containers ps --filter name: Go regexp as the real daemon matched it") {
    const State s = threeContainers();
    for (const NameRow& row : kRealDocker) {
        const std::string pattern = row.pattern;
        CAPTURE(pattern);
        ContainerOutcome out = psName(s, row.pattern);
        CHECK(out.out == row.names);
        CHECK(out.err.empty());
        CHECK(out.exitCode == 0);
        CHECK(out.hints.empty());
    }
}

TEST_CASE("containers ps --filter name: what is not modelled says so, once") {
    const State s = threeContainers();
    ContainerOutcome out = psName(s, "\\pLweb");
    CHECK(out.out.empty());
    REQUIRE(out.hints.size() == 1);
    CHECK(out.hints[0].en ==
          "LayerLab models part of Go's regular expressions in name filters (literals, . [ ] ^ $ * + ? {n,m} | and "
          "groups); \\p in \"\\pLweb\" is not modelled, so this filter matched no container here. Real Docker may "
          "list some.");
    CHECK(out.hints[0].ko ==
          "LayerLab은 name 필터에서 Go 정규식의 일부(문자, . [ ] ^ $ * + ? {n,m} | 와 묶음)만 다룹니다. "
          "\"\\pLweb\"의 \\p는 다루지 않으므로 여기서는 맞는 컨테이너가 없습니다. 실제 Docker는 보여 줄 수 있습니다.");
}

TEST_CASE("name_filter: the kinds of answer and the construct named") {
    using Kind = containers::GoRegexpResult::Kind;
    struct Row {
        const char* pattern;
        const char* text;
        Kind kind;
        const char* construct;
    };
    const Row rows[] = {
        {"^/web$", "/web", Kind::Match, ""},
        {"^web$", "/web", Kind::NoMatch, ""},
        {"w.b", "web", Kind::Match, ""},
        {"(", "x", Kind::Invalid, "("},
        {")", "x", Kind::Invalid, ")"},
        {"a**", "a", Kind::Invalid, "*"},
        {"+a", "a", Kind::Invalid, "+"},
        {"[abc", "a", Kind::Invalid, "[abc"},
        {"\\q", "q", Kind::Invalid, "\\q"},
        {"[[:nope:]]", "a", Kind::Invalid, "[:nope:]"},
        {"\\Qa.b\\E", "a.b", Kind::Unsupported, "\\Q"},
        {"\\0", "a", Kind::Unsupported, "\\0"},   // octal escapes
        {"a{101}", "a", Kind::Unsupported, "{101}"},
        {"\\x{e9}", "a", Kind::Unsupported, "\\x{e9}"},
        {"a{2,}b", "aaab", Kind::Match, ""},
        {"a{2,}b", "ab", Kind::NoMatch, ""},
        {"a{,2}", "a{,2}", Kind::Match, ""},   // not a count: literal braces
        {"\\bweb\\b", "my-web-1", Kind::Match, ""},
        {"\\Bweb", "myweb", Kind::Match, ""},
        {"(?i)[^a]", "A", Kind::NoMatch, ""},
        {"(?-i:A)", "a", Kind::NoMatch, ""},
    };
    for (const Row& r : rows) {
        const std::string pattern = r.pattern;
        CAPTURE(pattern);
        auto got = containers::goRegexpMatch(r.pattern, r.text);
        CHECK(got.kind == r.kind);
        CHECK(got.construct == r.construct);
    }
    // A pattern that makes backtracking matchers take exponential time: the
    // NFA simulation answers at once.
    CHECK(containers::goRegexpMatch("(a*)*b", std::string(5000, 'a')).kind == Kind::NoMatch);
    CHECK(containers::goRegexpMatch("(x+x+)+y", std::string(5000, 'x') + "y").kind == Kind::Match);
}
