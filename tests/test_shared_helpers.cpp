// Helpers that live once and serve several modules: the calendar of the
// virtual clock, a path's last element, the language of the learner's
// locale, and Go's strconv.Quote as docker's %q output uses it.
#include <doctest/doctest.h>

#include <map>

#include "sim/dockerfile/go_quote.hpp"
#include "sim/engine/civil_time.hpp"
#include "sim/fs/file_tree.hpp"
#include "sim/locale.hpp"

using namespace layerlab;

TEST_CASE("civil time: dates either side of the epoch and leap days, both ways") {
    struct Case {
        int64_t ms;
        int64_t y;
        unsigned mo, d, h, mi, s, msec, wd;
    };
    const Case cases[] = {
        {0, 1970, 1, 1, 0, 0, 0, 0, 4},
        {951782400000, 2000, 2, 29, 0, 0, 0, 0, 2},   // a leap day in a century leap year
        {1700000000123, 2023, 11, 14, 22, 13, 20, 123, 2},
        {4107542399999, 2100, 2, 28, 23, 59, 59, 999, 0},   // 2100 is not a leap year
        {-1, 1969, 12, 31, 23, 59, 59, 999, 3},
    };
    for (const auto& c : cases) {
        CAPTURE(c.ms);
        engine::CivilTime t = engine::civilFromMs(c.ms);
        CHECK(t.year == c.y);
        CHECK(t.month == c.mo);
        CHECK(t.day == c.d);
        CHECK(t.hour == c.h);
        CHECK(t.minute == c.mi);
        CHECK(t.second == c.s);
        CHECK(t.millisecond == c.msec);
        CHECK(t.weekday == c.wd);
        CHECK(engine::msFromCivil(t.year, t.month, t.day, t.hour, t.minute, t.second) + t.millisecond == c.ms);
    }
}

TEST_CASE("baseName: the last element of a path") {
    CHECK(fs::baseName("usr/local/bin/node") == "node");
    CHECK(fs::baseName("/bin/sh") == "sh");
    CHECK(fs::baseName("node") == "node");
    CHECK(fs::baseName("dir/") == "");
    CHECK(fs::baseName("") == "");
}

TEST_CASE("languageFromLocale: LC_ALL, then LC_MESSAGES, then LANG") {
    auto with = [](std::map<std::string, std::string> env) {
        return languageFromLocale([env](const char* name) -> const char* {
            auto it = env.find(name);
            return it == env.end() ? nullptr : it->second.c_str();
        });
    };
    CHECK(with({}) == "en");
    CHECK(with({{"LANG", "ko_KR.UTF-8"}}) == "ko");
    CHECK(with({{"LANG", "ko_KR.UTF-8"}, {"LC_ALL", "en_US.UTF-8"}}) == "en");
    CHECK(with({{"LANG", "en_US.UTF-8"}, {"LC_MESSAGES", "ko_KR"}}) == "ko");
    CHECK(with({{"LC_ALL", ""}, {"LANG", "ko"}}) == "ko");   // set but empty: the next one decides
    CHECK(with({{"LANG", "k"}}) == "en");
}

TEST_CASE("goQuote: strconv.Quote as docker prints %q") {
    CHECK(dockerfile::goQuote("node server.js") == "\"node server.js\"");
    CHECK(dockerfile::goQuote("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
    CHECK(dockerfile::goQuote("a\tb\nc\x07") == "\"a\\tb\\nc\\a\"");
    CHECK(dockerfile::goQuote("caf\xc3\xa9 \xe2\x80\xa6") == "\"caf\xc3\xa9 \xe2\x80\xa6\"");   // printable UTF-8 stays
    CHECK(dockerfile::goQuote("\xff") == "\"\\xff\"");
}
