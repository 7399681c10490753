// The scenario format: the schema-driven validator, the loader's pointer
// errors (data-driven from tests/data/scenario/bad: NAME.json must fail with
// exactly the lines of NAME.expected), the future-version refusal, and the
// embedded schema staying a byte copy of lessons/schema/scenario.schema.json.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/scenario/json_schema.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/schema.hpp"

using namespace layerlab::scenario;
using nlohmann::json;

namespace {
std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}
std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}
}   // namespace

TEST_CASE("scenario schema: the embedded copy is the repo's schema file") {
    const std::string file = readAll(std::string(LAYERLAB_SOURCE_DIR) + "/lessons/schema/scenario.schema.json");
    REQUIRE_FALSE(file.empty());
    CHECK_MESSAGE(std::string(scenarioSchemaText()) == file,
                  "run `python3 sim/scenario/gen_schema_text.py` after editing the schema");
}

TEST_CASE("scenario schema: the loader reads every property the schema declares") {
    // Each name the schema lists must be mapped by loader.cpp (or be a goal
    // field read by readGoal): a property added to the schema without C++
    // support fails here instead of being silently ignored.
    const std::string loader = readAll(std::string(LAYERLAB_SOURCE_DIR) + "/sim/scenario/loader.cpp");
    const std::set<std::string> notRead = {"$schema"};   // an editor hint only
    for (const auto& name : scenarioValidator().declaredProperties()) {
        if (notRead.count(name)) continue;
        INFO("property: " << name);
        CHECK(loader.find("\"" + name + "\"") != std::string::npos);
    }
}

TEST_CASE("scenario schema: validator keywords") {
    SUBCASE("an unsupported keyword in a schema is refused") {
        CHECK_THROWS_AS(SchemaValidator(json::parse(R"({"type": "string", "format": "email"})")),
                        std::invalid_argument);
    }
    SUBCASE("type unions, enum, minimum") {
        SchemaValidator v(json::parse(R"({"type": "object", "properties": {
            "a": {"type": ["string", "integer"]}, "b": {"enum": ["x", "y"]}, "c": {"type": "integer", "minimum": 2}}})"));
        auto errors = v.validate(json::parse(R"({"a": true, "b": "z", "c": 1})"));
        REQUIRE(errors.size() == 3);
        CHECK(errors[0].text() == "/a: expected a string or an integer");
        CHECK(errors[1].text() == "/b: expected one of \"x\", \"y\"");
        CHECK(errors[2].text() == "/c: must be at least 2");
        CHECK(v.validate(json::parse(R"({"a": 3, "b": "y", "c": 2})")).empty());
    }
    SUBCASE("if/then applies only when the condition holds") {
        SchemaValidator v(json::parse(R"({"if": {"required": ["k"], "properties": {"k": {"const": 1}}},
                                          "then": {"required": ["x"]}})"));
        CHECK(v.validate(json::parse(R"({"k": 2})")).empty());
        auto errors = v.validate(json::parse(R"({"k": 1})"));
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].text() == "/: missing required property \"x\"");
    }
    SUBCASE("pointer tokens escape ~ and /") {
        CHECK(appendPointer("/files", "a/b~c") == "/files/a~1b~0c");
        CHECK(appendPointer("/steps", size_t(3)) == "/steps/3");
    }
}

TEST_CASE("scenario loader: malformed files fail with the exact pointer and reason") {
    const std::filesystem::path dir = std::filesystem::path(LAYERLAB_SOURCE_DIR) / "tests/data/scenario/bad";
    int cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        ++cases;
        const auto expectedPath = std::filesystem::path(entry.path()).replace_extension(".expected");
        INFO("file: " << entry.path().filename().string());
        REQUIRE(std::filesystem::exists(expectedPath));
        LoadResult r = loadScenarioFile(entry.path().string());
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.scenario.has_value());   // nothing half-loaded
        CHECK(joined(r.errors) == readAll(expectedPath));
    }
    CHECK(cases >= 20);
}

TEST_CASE("scenario loader: a well-formed scenario maps every field") {
    LoadResult r = parseScenario(R"({
      "version": 1, "id": "demo", "seed": 7, "lang": "ko",
      "title": {"en": "Demo", "ko": "데모"},
      "start": {"context": "empty", "files": {"a.txt": "hi", "b.txt": ["x", "y"],
                "run.sh": {"content": "echo", "mode": "755"}, "bin": {"base64": "AAE="}},
                "remove": ["old"], "setup": ["docker pull node"]},
      "steps": [{"command": "ls", "expect": {"exitCode": 0, "contains": "a.txt"}},
                {"say": {"en": "Hi", "ko": "안녕"}},
                {"write": {"path": "c.txt", "content": ["1"], "mode": "0600"}},
                {"predict": {"answer": [3, 4]}},
                {"check": [{"kind": "fileContains", "path": "c.txt", "text": "1"}]}],
      "goals": [{"kind": "containerPublishes", "hostPort": 3000, "containerPort": 80, "curlText": "Hello"},
                {"kind": "imageConfig", "tag": "myapp", "workingDir": "/app", "cmd": ["node", "server.js"]}]
    })");
    for (const auto& e : r.errors) MESSAGE(e);
    REQUIRE(r.ok());
    const Scenario& s = *r.scenario;
    CHECK(s.id == "demo");
    CHECK(s.seed == 7u);
    CHECK(s.lang == "ko");
    CHECK(s.title.ko == "데모");
    CHECK(s.start.context == StartSpec::Context::Empty);
    CHECK(s.start.files.at("a.txt").content == "hi");
    CHECK(s.start.files.at("b.txt").content == "x\ny\n");
    CHECK(s.start.files.at("run.sh").mode == 0755u);
    CHECK(s.start.files.at("bin").content == std::string("\0\1", 2));
    CHECK(s.start.remove == std::vector<std::string>{"old"});
    CHECK(s.start.setup == std::vector<std::string>{"docker pull node"});
    REQUIRE(s.steps.size() == 5);
    CHECK(s.steps[0].kind == Step::Kind::Command);
    CHECK(s.steps[0].expectExitCode == 0);
    CHECK(s.steps[0].expectContains == "a.txt");
    CHECK(s.steps[1].say.ko == "안녕");
    CHECK(s.steps[2].mode == 0600u);
    CHECK(s.steps[2].content == "1\n");
    CHECK(s.steps[3].answer == std::vector<int>{3, 4});
    CHECK(s.steps[4].check.size() == 1);
    CHECK(s.steps[4].pointer == "/steps/4");
    REQUIRE(s.goals.size() == 2);
    CHECK(s.goals[0].kind == GoalKind::ContainerPublishes);
    CHECK(s.goals[0].hostPort == 3000);
    CHECK(s.goals[0].curlText == "Hello");
    CHECK(s.goals[1].workingDir == std::optional<std::string>("/app"));
}

TEST_CASE("scenario loader: disabled commands match by leading words") {
    std::vector<std::string> disabled = {"docker build", "docker image prune"};
    CHECK(disabledBy("docker build -t x .", disabled) == std::optional<std::string>("docker build"));
    CHECK(disabledBy("  docker   build .", disabled) == std::optional<std::string>("docker build"));
    CHECK_FALSE(disabledBy("docker buildx", disabled).has_value());
    CHECK_FALSE(disabledBy("docker image ls", disabled).has_value());
    CHECK(disabledBy("docker image prune -f", disabled).has_value());
}
