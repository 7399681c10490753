// State export/import: canonical JSON, byte-identical round trip, every field
// kept, binary files as base64, and pointer errors on bad input.
#include <doctest/doctest.h>

#include "sim/scenario/state_json.hpp"

using namespace layerlab;
using namespace layerlab::scenario;
using nlohmann::json;

namespace {

engine::State sampleState() {
    engine::State s;
    s.host = s.host.withFile("server.js", "console.log('héllo 한글')\n", 0644, 1000, 1000, 1767603600123)
                 .withFile("bin/tool", std::string("\x00\xff\x10 binary", 10), 0755)
                 .withDirectory("empty", 0700)
                 .withFile("Dockerfile", "FROM node\n");
    fs::FileEntry link;
    link.kind = fs::FileEntry::Kind::Symlink;
    link.linkTarget = "server.js";
    link.mode = 0777;
    s.host = s.host.withEntry("current.js", link);
    s.cwd = "bin";

    engine::Layer layer;
    layer.diffId = "sha256:" + std::string(64, 'a');
    layer.changes = fs::FileTree().withFile("app/server.js", "x");
    layer.deleted = {"app/old.js"};
    layer.size = 1;
    layer.blobDigest = "sha256:" + std::string(64, 'b');
    layer.compressedSize = 3;
    s.layers[layer.diffId] = layer;

    engine::Image img;
    img.id = "sha256:" + std::string(64, 'c');
    img.config.env = {"PATH=/usr/bin", "NODE_VERSION=22"};
    img.config.cmd = std::vector<std::string>{"node", "server.js"};
    img.config.workingDir = "/app";
    img.config.labels = {{"maintainer", "me"}};
    img.config.exposedPorts = {"80/tcp"};
    img.layers = {layer.diffId};
    img.history = {{1767603600000, "COPY . /app # buildkit", "buildkit.dockerfile.v0", false, 1},
                   {1767603600000, "CMD [\"node\" \"server.js\"]", "buildkit.dockerfile.v0", true, 0}};
    img.createdMs = 1767603600000;
    img.repoDigests = {"node@sha256:" + std::string(64, 'd')};
    img.lastTagMs = 1767603600500;
    s.images[img.id] = img;
    s.tags["myapp:latest"] = img.id;

    engine::CacheRecord rec;
    rec.key = std::string(64, 'e');
    rec.layer = layer.diffId;
    rec.description = "[3/4] COPY . /app";
    rec.durationMs = 120;
    rec.op = "COPY";
    rec.inputs = {"workdir:/app"};
    s.buildCache[rec.key] = rec;

    s.lastBuild.ran = true;
    s.lastBuild.ok = true;
    s.lastBuild.imageId = img.id;
    s.lastBuild.tags = {"myapp:latest"};
    s.lastBuild.steps.push_back(
        {0, 3, "COPY . /app", false, "server.js changed", "server.js 가 바뀜", 120, 5, layer.diffId, 1});

    engine::Container c;
    c.id = std::string(64, 'f');
    c.name = "web";
    c.imageId = img.id;
    c.imageRef = "myapp";
    c.path = {"node", "server.js"};
    c.status = engine::Container::Status::Running;
    c.exitCode = 0;
    c.autoRemove = true;
    c.ports = {{"0.0.0.0", 3000, 80, "tcp"}};
    c.exposedPorts = {"80/tcp"};
    c.writable = fs::FileTree().withFile("tmp/x", "y");
    c.logs = {{1767603601000, false, "Server listening on port 80"}, {1767603602000, true, "warn"}};
    c.cmd = {"node", "server.js"};
    c.hostname = "ffffffffffff";
    c.loadedWritable = c.writable;
    c.exitAtMs = 1767603900000;
    c.exitAtCode = 3;
    c.publishAll = true;
    c.runMode = engine::Container::RunMode::Detached;
    c.logsRead = 2;
    c.activePorts = {{"0.0.0.0", 3000, 80, "tcp"}, {"0.0.0.0", 32768, 443, "tcp"}};
    engine::Mount data;
    data.source = "data";
    data.destination = "/data";
    engine::Mount bind;
    bind.type = engine::Mount::Type::Bind;
    bind.source = "bin";
    bind.destination = "/app";
    bind.readOnly = true;
    c.mounts = {data, bind};
    s.containers.push_back(c);

    engine::Volume vol;
    vol.name = "data";
    vol.createdMs = 1767603600700;
    vol.files = fs::FileTree().withFile("f", "keep\n");
    vol.populated = true;
    s.volumes["data"] = vol;

    s.clock.nowMs = 1767603700000;
    s.rng.state = 0xFEDCBA9876543210ull;   // above 2^63: must survive as text
    s.seed = 42;
    s.lang = "ko";
    return s;
}

}   // namespace

TEST_CASE("state json: export -> import -> export is byte-identical") {
    const engine::State s = sampleState();
    const std::string first = stateToText(s);
    StateImport back = stateFromJson(json::parse(first));
    REQUIRE(back.errors.empty());
    REQUIRE(back.state.has_value());
    CHECK(stateToText(*back.state) == first);

    SUBCASE("the values survive") {
        const engine::State& t = *back.state;
        CHECK(t.rng.state == 0xFEDCBA9876543210ull);
        CHECK(t.cwd == "bin");
        CHECK(t.lang == "ko");
        const fs::FileEntry* bin = t.host.find("bin/tool");
        REQUIRE(bin);
        CHECK(*bin->content == std::string("\x00\xff\x10 binary", 10));
        CHECK(bin->mode == 0755u);
        const fs::FileEntry* server = t.host.find("server.js");
        REQUIRE(server);
        CHECK(server->uid == 1000u);
        CHECK(server->mtimeMs == 1767603600123);
        CHECK(t.host.find("empty")->mode == 0700u);
        CHECK(t.host.find("current.js")->kind == fs::FileEntry::Kind::Symlink);
        CHECK(t.containers.at(0).ports.at(0).hostPort == 3000);
        CHECK(t.containers.at(0).activePorts.at(1).hostPort == 32768);
        CHECK(t.containers.at(0).publishAll);
        CHECK(t.containers.at(0).runMode == engine::Container::RunMode::Detached);
        CHECK(t.containers.at(0).logsRead == 2);
        CHECK(t.containers.at(0).exitAtCode == 3);
        CHECK(t.images.begin()->second.lastTagMs == 1767603600500);
        CHECK(t.containers.at(0).status == engine::Container::Status::Running);
        CHECK(t.containers.at(0).logs.at(1).stderrStream);
        CHECK(t.images.begin()->second.history.at(1).emptyLayer);
        CHECK(t.lastBuild.steps.at(0).reasonKo == "server.js 가 바뀜");
    }
    SUBCASE("binary content is base64, text is text") {
        json j = json::parse(first);
        CHECK(j["host"]["bin/tool"]["base64"] == base64Encode(std::string("\x00\xff\x10 binary", 10)));
        CHECK(j["host"]["server.js"]["content"] == "console.log('héllo 한글')\n");
        CHECK(j["host"]["server.js"]["mode"] == "0644");
        CHECK(j["rng"]["state"] == "fedcba9876543210");
    }
}

TEST_CASE("state json: the default State round-trips too") {
    engine::State s;
    const std::string text = stateToText(s);
    auto back = stateFromJson(json::parse(text));
    REQUIRE(back.state);
    CHECK(stateToText(*back.state) == text);
}

TEST_CASE("state json: bad input is reported with pointers and nothing is imported") {
    auto bad = [](const char* text) { return stateFromJson(json::parse(text), "/start/state"); };
    SUBCASE("wrong types") {
        auto r = bad(R"({"containers": [{"status": "sleeping", "ports": [{"hostPort": "80"}]}], "seed": "x"})");
        CHECK_FALSE(r.state.has_value());
        REQUIRE(r.errors.size() == 3);
        CHECK(
            r.errors[0] ==
            "/start/state/containers/0/status: expected one of \"created\", \"running\", \"paused\", \"restarting\", \"exited\", \"dead\"");
        CHECK(r.errors[1] == "/start/state/containers/0/ports/0/hostPort: expected an integer");
        CHECK(r.errors[2] == "/start/state/seed: expected an integer");
    }
    SUBCASE("files") {
        auto r = bad(R"({"host": {"a": {"type": "file", "base64": "!!"}, "b": {"mode": "9"}, "../c": {}}})");
        REQUIRE(r.errors.size() == 3);
        CHECK(r.errors[0] == "/start/state/host/..~1c: not a normalized relative path");
        CHECK(r.errors[1] == "/start/state/host/a/base64: invalid base64");
        CHECK(r.errors[2] == "/start/state/host/b/mode: expected an octal mode such as \"0644\"");
    }
    SUBCASE("rng and lang") {
        auto r = bad(R"({"rng": {"state": "12"}, "lang": "fr"})");
        REQUIRE(r.errors.size() == 2);
        CHECK(r.errors[0] == "/start/state/rng/state: expected 16 hex digits");
        CHECK(r.errors[1] == "/start/state/lang: expected one of \"en\", \"ko\"");
    }
    SUBCASE("not an object") {
        auto r = stateFromJson(json::parse("[]"));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0] == "/: expected an object");
    }
}

TEST_CASE("state json: helpers") {
    CHECK(base64Encode("") == "");
    CHECK(base64Encode("f") == "Zg==");
    CHECK(base64Encode("fo") == "Zm8=");
    CHECK(base64Encode("foo") == "Zm9v");
    CHECK(base64Decode("Zm8=") == std::optional<std::string>("fo"));
    CHECK_FALSE(base64Decode("Zm8").has_value());
    CHECK_FALSE(base64Decode("Z=m8").has_value());
    CHECK(isValidUtf8("한글 ok"));
    CHECK_FALSE(isValidUtf8(std::string("\xc3\x28", 2)));
    CHECK_FALSE(isValidUtf8(std::string("\xed\xa0\x80", 3)));   // a UTF-16 surrogate
    CHECK(modeToText(0755) == "0755");
    CHECK(modeFromText("644") == 0644u);
    CHECK_FALSE(modeFromText("8").has_value());
}

// A tripwire: state_json.cpp writes each field by name. When a struct grows,
// its size changes here; add the new field to state_json(.cpp, _import.cpp)
// and its round-trip test, then update the number.
TEST_CASE("state json: every State field is exported (update state_json when these sizes change)") {
    // (State::eventLog is the one field left out on purpose: a daemon's event
    // buffer does not survive a restart, see event_log.hpp.)
    CHECK_MESSAGE(sizeof(engine::State) == 768, "engine::State changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Container) == 744, "engine::Container changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Network) == 216, "engine::Network changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Endpoint) == 88, "engine::Endpoint changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Volume) == 64, "engine::Volume changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Mount) == 80, "engine::Mount changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Image) == 608, "engine::Image changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::ImageConfig) == 328, "engine::ImageConfig changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::Layer) == 120, "engine::Layer changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::CacheRecord) == 280, "engine::CacheRecord changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::BuildStepRecord) == 168,
                  "engine::BuildStepRecord changed: export/import the new field");
    CHECK_MESSAGE(sizeof(engine::LastBuild) == 104, "engine::LastBuild changed: export/import the new field");
}
