// hub_search: `docker search` over the simulated hub's catalogue.
// Output as docker/cli 28's cli/command/registry/search.go and
// formatter_search.go (NAME DESCRIPTION STARS OFFICIAL; AUTOMATED was dropped
// in CLI 25); the daemon's filters as moby's registry/search.go.
#include <algorithm>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/registry/hub_commands.hpp"
#include "sim/numbers.hpp"

namespace layerlab::engine {
namespace {

struct Entry {
    std::string name;   // "node", "learner/myapp"
    std::string description;
    int stars = 0;
    bool official = false;
};

// The official repositories of the catalogue with Docker Hub's short
// descriptions and star counts as of the catalogue's snapshot (mid-January
// 2025, rounded). Docker Hub also lists thousands of community images for a
// term; the simulated hub holds only these and what learners push.
const std::vector<Entry>& officialEntries() {
    static const std::vector<Entry> e = {
        {"nginx", "Official build of Nginx.", 20600, true},
        {"ubuntu", "Ubuntu is a Debian-based Linux operating system based on free software.", 17600, true},
        {"node", "Node.js is a JavaScript-based platform for server-side and networking applications.", 13700, true},
        {"redis", "Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.", 12900,
         true},
        {"alpine", "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
         11100, true},
        {"python", "Python is an interpreted, interactive, object-oriented, open-source programming language.", 10000,
         true},
        {"debian", "Debian is a Linux distribution that's composed entirely of free and open-source software.", 5100,
         true},
        {"httpd", "The Apache HTTP Server Project", 4800, true},
        {"busybox", "Busybox base image.", 3300, true},
        {"buildpack-deps", "A collection of common build dependencies used for installing various modules, e.g., gems.",
         600, true},
    };
    return e;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

ContainerOutcome fail(const std::string& err) {
    ContainerOutcome o;
    o.err = err + "\n";
    o.exitCode = 1;
    return o;
}

}   // namespace

ContainerOutcome searchHub(const State& state, const SearchOptions& o) {
    // The daemon's checks, in moby's order: filters first, then the limit.
    std::optional<bool> official;
    int minStars = 0;
    for (const auto& f : o.filters) {
        const auto eq = f.find('=');
        if (eq == std::string::npos)
            return fail("Error response from daemon: bad format of filter (expected name=value)");
        const std::string key = lower(f.substr(0, eq)), value = f.substr(eq + 1);
        if (key == "is-official" || key == "is-automated") {
            if (value != "true" && value != "false" && value != "1" && value != "0")
                return fail("Error response from daemon: invalid filter '" + key + "=[" + value + "]'");
            if (key == "is-official") official = value == "true" || value == "1";
            else if (value == "true" || value == "1") return ContainerOutcome{};   // automated builds are gone: none
        } else if (key == "stars") {
            auto n = parseInteger(value, -1000000000, 1000000000);
            if (!n)
                return fail("Error response from daemon: invalid filter 'stars=" + value +
                            "': strconv.Atoi: parsing \"" + value + "\": invalid syntax");
            minStars = std::max(minStars, static_cast<int>(*n));
        } else {
            return fail("Error response from daemon: invalid filter '" + key + "'");
        }
    }
    const int limit = o.limit == 0 ? 25 : o.limit;   // 0: the registry's default
    if (limit < 1 || limit > 100)
        return fail("Error response from daemon: limit " + std::to_string(limit) + " is outside the range of [1, 100]");

    std::vector<Entry> found;
    const std::string term = lower(o.term);
    auto matches = [&](const Entry& e) {
        return lower(e.name).find(term) != std::string::npos || lower(e.description).find(term) != std::string::npos;
    };
    for (const Entry& e : officialEntries())
        if (matches(e)) found.push_back(e);
    for (const auto& [repo, tags] : state.hub.repositories) {
        Entry e{repo, "", 0, false};
        if (matches(e)) found.push_back(e);
    }
    std::vector<Entry> shown;
    for (const Entry& e : found)
        if ((!official || e.official == *official) && e.stars >= minStars) shown.push_back(e);
    std::stable_sort(shown.begin(), shown.end(), [](const Entry& a, const Entry& b) { return a.stars > b.stars; });
    if (static_cast<int>(shown.size()) > limit) shown.resize(static_cast<size_t>(limit));

    ContainerOutcome out;
    auto description = [&](const Entry& e) { return o.noTrunc ? e.description : format::ellipsis(e.description, 45); };
    if (o.format.empty() || o.format == "table") {
        format::Table t;
        t.addRow({"NAME", "DESCRIPTION", "STARS", "OFFICIAL"});
        for (const Entry& e : shown)
            t.addRow({e.name, description(e), std::to_string(e.stars), e.official ? "[OK]" : ""});
        out.out = t.render();
    } else {
        // A plain template: {{.Name}} {{.Description}} {{.StarCount}} {{.IsOfficial}} and literal text.
        std::string tpl = o.format;
        const bool table = tpl.rfind("table ", 0) == 0;
        if (table) tpl = tpl.substr(6);
        auto render = [&](const Entry* e) {
            std::string line;
            for (size_t i = 0; i < tpl.size();) {
                if (tpl.compare(i, 2, "{{") == 0) {
                    const size_t end = tpl.find("}}", i);
                    if (end == std::string::npos) break;
                    std::string field = tpl.substr(i + 2, end - i - 2);
                    field.erase(0, field.find_first_not_of(' '));
                    field.erase(field.find_last_not_of(' ') + 1);
                    std::string v;
                    if (field == ".Name") v = e ? e->name : "NAME";
                    else if (field == ".Description") v = e ? description(*e) : "DESCRIPTION";
                    else if (field == ".StarCount") v = e ? std::to_string(e->stars) : "STARS";
                    else if (field == ".IsOfficial") v = e ? (e->official ? "[OK]" : "") : "OFFICIAL";
                    else if (field == ".IsAutomated") v = e ? "" : "AUTOMATED";
                    else return std::string("\x01") + field;
                    line += v;
                    i = end + 2;
                } else if (tpl.compare(i, 2, "\\t") == 0) {
                    line += '\t';
                    i += 2;
                } else {
                    line += tpl[i++];
                }
            }
            return line;
        };
        std::vector<std::string> lines;
        if (table) lines.push_back(render(nullptr));
        for (const Entry& e : shown) lines.push_back(render(&e));
        for (const auto& l : lines)
            if (!l.empty() && l[0] == '\x01')
                return fail("template: :1: executing \"\" at <" + l.substr(1) + ">: can't evaluate field " +
                            l.substr(l.rfind('.') + 1) + " in type *registry.searchContext");
        if (table) {
            format::Table t;
            for (const auto& l : lines) {
                std::vector<std::string> cells;
                size_t start = 0;
                for (size_t tab; (tab = l.find('\t', start)) != std::string::npos; start = tab + 1)
                    cells.push_back(l.substr(start, tab - start));
                cells.push_back(l.substr(start));
                t.addRow(cells);
            }
            out.out = t.render();
        } else {
            for (const auto& l : lines) out.out += l + "\n";
        }
    }
    out.hints.push_back(
        {"The simulated hub lists its official images and what was pushed in this session; the real "
         "Docker Hub also has thousands of community images for most terms.",
         "시뮬레이션 허브에는 공식 이미지와 이 세션에서 push한 이미지만 있습니다. 실제 Docker "
         "Hub에는 대부분의 검색어에 수천 개의 커뮤니티 이미지도 있습니다."});
    return out;
}

}   // namespace layerlab::engine
