// Tests for sim/engine/digest and sim/engine/image_store: content addresses
// (touch keeps a diff ID, chmod changes it; a CMD-only change makes a new
// image ID over the same layers), tags that move and leave <none> behind,
// reference resolution as the daemon's GetImage, and whiteouts in rootfs.
#include <doctest/doctest.h>

#include "sim/engine/digest.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/store.hpp"

using namespace layerlab;
using namespace layerlab::engine;

namespace {

Layer layerOf(std::initializer_list<std::pair<const char*, const char*>> files) {
    Layer l;
    for (const auto& [path, content] : files) l.changes = l.changes.withFile(path, content);
    l.size = 100;
    return l;
}

Image imageOver(const std::vector<Digest>& layers, std::vector<std::string> cmd) {
    Image img;
    img.layers = layers;
    img.config.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"};
    img.config.cmd = std::move(cmd);
    img.createdMs = 1767603600000;
    for (size_t i = 0; i < layers.size(); ++i)
        img.history.push_back({img.createdMs, "COPY . /app # buildkit", "buildkit.dockerfile.v0", false, 100});
    img.history.push_back({img.createdMs, "CMD [\"node\" \"server.js\"]", "buildkit.dockerfile.v0", true, 0});
    return img;
}

}   // namespace

TEST_CASE("images store: diff IDs come from content, never mtime") {
    const Layer a = layerOf({{"app/server.js", "console.log('hi')\n"}});
    const Digest id = computeDiffId(a);
    CHECK(id.rfind("sha256:", 0) == 0);
    CHECK(id.size() == 71);
    SUBCASE("same content, same diff ID") {
        CHECK(computeDiffId(layerOf({{"app/server.js", "console.log('hi')\n"}})) == id);
    }
    SUBCASE("touch keeps it") {
        Layer t = a;
        t.changes = t.changes.withMtime("app/server.js", 999999);
        CHECK(computeDiffId(t) == id);
    }
    SUBCASE("chmod changes it") {
        Layer c = a;
        c.changes = c.changes.withMode("app/server.js", 0755);
        CHECK(computeDiffId(c) != id);
    }
    SUBCASE("an edit changes it") { CHECK(computeDiffId(layerOf({{"app/server.js", "console.log('bye')\n"}})) != id); }
    SUBCASE("a whiteout changes it") {
        Layer w = a;
        w.deleted = {"/app/old.js"};
        CHECK(computeDiffId(w) != id);
    }
    SUBCASE("an empty layer has Docker's empty-tar diff ID") {
        CHECK(computeDiffId(Layer{}) == "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
    }
}

TEST_CASE("images store: image IDs from the canonical config JSON") {
    State s;
    const Digest l1 = addLayer(s, layerOf({{"app/server.js", "x"}}));
    const Image first = imageOver({l1}, {"node", "server.js"});
    const Digest id = addImage(s, first);
    CHECK(id == computeImageId(first));
    SUBCASE("the JSON is sorted and compact") {
        const std::string json = canonicalConfigJson(first);
        CHECK(json.rfind("{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"node\",\"server.js\"],\"Env\":", 0) == 0);
        CHECK(json.find("\"rootfs\":{\"diff_ids\":[\"" + l1 + "\"],\"type\":\"layers\"}") != std::string::npos);
        CHECK(json.find("\": ") == std::string::npos);
        CHECK(json.find(", ") == std::string::npos);
    }
    SUBCASE("an identical rebuild gives the same ID") {
        CHECK(addImage(s, imageOver({l1}, {"node", "server.js"})) == id);
    }
    SUBCASE("a CMD-only change keeps the layers and changes the ID") {
        const Digest other = addImage(s, imageOver({l1}, {"node", "app.js"}));
        CHECK(other != id);
        CHECK(s.images.at(other).layers == s.images.at(id).layers);
    }
    SUBCASE("a moved tag leaves a dangling <none> image") {
        tagImage(s, id, "myapp:latest");
        const Digest other = addImage(s, imageOver({l1}, {"node", "app.js"}));
        const auto events = tagImage(s, other, "myapp:latest");
        REQUIRE(events.size() == 2);
        CHECK(std::get<ImageUntagged>(events[0]).imageId == id);
        CHECK(std::get<ImageTagged>(events[1]).imageId == other);
        CHECK(isUntagged(s, s.images.at(id)));
        ImagesOptions dangling;
        dangling.filters = {"dangling=true"};
        const auto listed = listImages(s, dangling);
        CHECK(listed.out ==
              "REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE\n"
              "<none>       <none>    " +
                  format::shortId(id) + "   Less than a second ago   100B\n");
        CHECK(tagImage(s, other, "myapp:latest").empty());   // already there: nothing happens
    }
}

TEST_CASE("images store: resolving what a user types, as GetImage") {
    State s;
    const Digest l1 = addLayer(s, layerOf({{"a", "1"}}));
    const Digest id = addImage(s, imageOver({l1}, {"sh"}));
    tagImage(s, id, "myapp:1.0");
    const std::string hex = format::hexOf(id);
    struct Case {
        std::string input;
        bool found;
        bool byId;
        std::string error;
    };
    const Case cases[] = {
        {"myapp:1.0", true, false, ""},
        {"docker.io/library/myapp:1.0", true, false, ""},
        {"myapp", false, false, "No such image: myapp:latest"},
        {hex, true, true, ""},
        {"sha256:" + hex, true, true, ""},
        {hex.substr(0, 12), true, true, ""},
        {hex.substr(0, 3), true, true, ""},
        {"sha256:" + hex.substr(0, 5), true, true, ""},
        {std::string(64, 'f'), false, true, "No such image: sha256:" + std::string(64, 'f')},
        {"Myapp", false, false, "invalid reference format: repository name (library/Myapp) must be lowercase"},
        {"nope:2", false, false, "No such image: nope:2"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        const auto r = resolveImageRef(s, c.input);
        CHECK((r.image != nullptr) == c.found);
        if (c.found) CHECK(r.byId == c.byId);
        CHECK(r.error == c.error);
    }
    SUBCASE("an ambiguous prefix finds nothing") {
        // Add images until two IDs share a first hex digit.
        std::map<char, int> firsts;
        char shared = 0;
        for (int i = 0; !shared && i < 40; ++i) {
            const Digest other = addImage(s, imageOver({l1}, {"sh", std::to_string(i)}));
            if (++firsts[format::hexOf(other)[0]] == 2) shared = format::hexOf(other)[0];
        }
        firsts[hex[0]]++;
        REQUIRE(shared != 0);
        const auto r = resolveImageRef(s, std::string(1, shared));
        CHECK(r.image == nullptr);
        CHECK(r.error == "No such image: " + std::string(1, shared) + ":latest");
    }
}

TEST_CASE("images store: rootfs applies layers bottom to top with whiteouts") {
    State s;
    Layer base = layerOf({{"etc/os-release", "ID=alpine\n"}, {"app/old.js", "old"}, {"app/keep.js", "keep"}});
    const Digest b = addLayer(s, base);
    Layer top = layerOf({{"app/new.js", "new"}, {"etc/os-release", "ID=changed\n"}});
    top.deleted = {"app/old.js"};
    const Digest t = addLayer(s, top);
    Image img = imageOver({b, t}, {"sh"});
    const auto tree = imageRootfs(s, img);
    CHECK_FALSE(tree.exists("app/old.js"));
    CHECK(tree.exists("app/keep.js"));
    CHECK(tree.exists("app/new.js"));
    REQUIRE(tree.find("etc/os-release"));
    CHECK(*tree.find("etc/os-release")->content == "ID=changed\n");
    CHECK(imageSize(s, img) == 200);
    SUBCASE("chain IDs follow Docker's definition") {
        const auto chains = chainIds(img);
        REQUIRE(chains.size() == 2);
        CHECK(chains[0] == b);
        CHECK(chains[1] == fs::sha256Digest(b + " " + t));
    }
}

TEST_CASE("images store: rmi keeps layers the build cache holds (BuildKit cache survives rmi)") {
    State s;
    const Digest l1 = addLayer(s, layerOf({{"a", "1"}}));
    const Digest l2 = addLayer(s, layerOf({{"b", "2"}}));
    const Digest id = addImage(s, imageOver({l1, l2}, {"sh"}));
    tagImage(s, id, "app:latest");
    CacheRecord rec;
    rec.key = "k";
    rec.layer = l2;
    s.buildCache["k"] = rec;
    RemoveImagesOptions rm;
    rm.images = {"app"};
    const auto o = removeImages(s, rm);
    CHECK(o.out == "Untagged: app:latest\nDeleted: " + id + "\n");
    CHECK(s.layers.count(l2) == 1);   // the cache still needs it
    CHECK(s.layers.count(l1) == 1);   // and the layer under it
    CHECK(s.buildCache.size() == 1);
    SUBCASE("without a cache record every layer goes, reported top first") {
        State t;
        const Digest a = addLayer(t, layerOf({{"a", "1"}}));
        const Digest b = addLayer(t, layerOf({{"b", "2"}}));
        const Digest img = addImage(t, imageOver({a, b}, {"sh"}));
        rm.images = {format::shortId(img)};
        const auto out = removeImages(t, rm);
        const auto chains = chainIds(t.images.count(img) ? t.images.at(img) : imageOver({a, b}, {"sh"}));
        CHECK(out.out == "Deleted: " + img + "\nDeleted: " + chains[1] + "\nDeleted: " + chains[0] + "\n");
        CHECK(t.layers.empty());
        CHECK(t.images.empty());
    }
}

TEST_CASE("images store: legacy builder chains (parents, -a, history IDs, rmi prunes parents)") {
    // base <- step (intermediate, untagged) <- app:latest, as DOCKER_BUILDKIT=0 leaves them.
    State s;
    const Digest l1 = addLayer(s, layerOf({{"a", "1"}}));
    Image base = imageOver({l1}, {"sh"});
    const Digest baseId = addImage(s, base);
    tagImage(s, baseId, "base:1");
    Image step = base;
    step.history.push_back({base.createdMs + 1000, "/bin/sh -c #(nop) WORKDIR /app", "", true, 0});
    step.createdMs += 1000;
    step.parent = baseId;
    const Digest stepId = addImage(s, step);
    Image app = step;
    app.history.push_back({base.createdMs + 2000, "/bin/sh -c #(nop)  CMD [\"node\"]", "", true, 0});
    app.config.cmd = std::vector<std::string>{"node"};
    app.createdMs += 2000;
    app.parent = stepId;
    const Digest appId = addImage(s, app);
    tagImage(s, appId, "app:latest");

    ImagesOptions plain;
    CHECK(listImages(s, plain).out.find("<none>") == std::string::npos);
    ImagesOptions all;
    all.all = true;
    CHECK(listImages(s, all).out.find("<none>       <none>    " + format::shortId(stepId)) != std::string::npos);

    HistoryOptions h;
    h.image = "app";
    h.quiet = true;
    CHECK(imageHistory(s, h).out ==
          format::shortId(appId) + "\n" + format::shortId(stepId) + "\n" + format::shortId(baseId) + "\n<missing>\n");

    RemoveImagesOptions byBase;
    byBase.images = {format::shortId(stepId)};
    const auto blocked = removeImages(s, byBase);
    CHECK(blocked.err == "Error response from daemon: conflict: unable to delete " + format::shortId(stepId) +
                             " (cannot be forced) - image has dependent child images\n");

    RemoveImagesOptions rm;
    rm.images = {"app"};
    const auto o = removeImages(s, rm);
    CHECK(o.out == "Untagged: app:latest\nDeleted: " + appId + "\nDeleted: " + stepId + "\n");
    CHECK(s.images.count(baseId) == 1);   // tagged: the parent pruning stops there
    CHECK(s.layers.count(l1) == 1);
}

TEST_CASE("images store: malformed input never crashes and changes nothing") {
    State s;
    const Digest l1 = addLayer(s, layerOf({{"a", "1"}}));
    tagImage(s, addImage(s, imageOver({l1}, {"sh"})), "app:latest");
    const State before = s;
    const std::string nasty[] = {"",
                                 ":",
                                 "@",
                                 "a@",
                                 "/",
                                 "a//b",
                                 "a:b:c",
                                 "sha256:",
                                 "sha256:zz",
                                 "localhost:/x",
                                 "[::1]:5000/x",
                                 "\xff\xfe",
                                 "노드",
                                 std::string(300, 'a'),
                                 "a:" + std::string(200, 't'),
                                 "-",
                                 "--",
                                 "{{",
                                 "app:",
                                 "APP",
                                 "app@sha256:" + std::string(64, 'g')};
    for (const auto& n : nasty) {
        CAPTURE(n);
        CHECK_FALSE(resolveImageRef(s, n).error.empty());
        PullOptions p;
        p.reference = n;
        CHECK(pullImage(s, p).exitCode == 1);
        TagOptions t;
        t.source = "app";
        t.target = n;
        CHECK(tagImageCommand(s, t).exitCode == 1);
        RemoveImagesOptions r;
        r.images = {n};
        CHECK(removeImages(s, r).exitCode == 1);
        HistoryOptions h;
        h.image = n;
        CHECK(imageHistory(s, h).exitCode == 1);
        ImagesOptions f;
        f.format = n;
        listImages(s, f);   // any text is a template; must not crash
        ImageInspectOptions i;
        i.images = {"app"};
        i.format = n;
        inspectImages(s, i);
        CHECK(s.tags == before.tags);
        CHECK(s.images.size() == before.images.size());
    }
}
