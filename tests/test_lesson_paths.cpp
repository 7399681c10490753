// Lessons judge what the learner did, not how it was spelled: each file in
// tests/data/lessons/paths/ replays a plausible path through a lesson (from
// the lesson's start state, through cli::Machine) and says whether the lesson
// is then complete and, when not, exactly which goals are still unmet. Wrong
// paths reach a state that looks similar (a container on port 3000, a tag
// myapp:1.0, a rebuilt image) but miss the concept; every lesson has at least
// one, next to its reference solution (test_lessons.cpp). Right paths
// (lesson 8's `COPY package*.json ./` / `COPY . .`) complete.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/cli/machine.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/player.hpp"

using namespace layerlab;
using namespace layerlab::scenario;

namespace {

const LessonCatalog& lessons() {
    static const LessonCatalog c = loadLessonCatalog(std::string(LAYERLAB_SOURCE_DIR) + "/lessons");
    return c;
}

// The lesson's goals after `commands`, replayed from its start state.
std::vector<GoalResult> goalsAfter(const Scenario& lesson, const std::vector<std::string>& commands,
                                   engine::State* end = nullptr) {
    PlayOptions options;
    options.lang = "en";
    std::vector<std::string> errors;
    engine::State start = startState(lesson, options, errors);
    REQUIRE(errors.empty());
    cli::Machine m(start);
    for (const auto& c : commands) m.execute(c);
    if (end) *end = m.state();
    return evaluateGoals(lesson.goals, m.state(), machineProbe());
}

}   // namespace

TEST_CASE("lesson paths: wrong paths leave the lesson unfinished, right ones complete it") {
    REQUIRE(lessons().errors.empty());
    const std::filesystem::path dir = std::filesystem::path(LAYERLAB_SOURCE_DIR) / "tests/data/lessons/paths";
    std::set<std::string> withWrongPath;
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        std::ifstream in(entry.path());
        const nlohmann::json j = nlohmann::json::parse(in);
        const Scenario* lesson = findLesson(lessons(), j.at("lesson").get<std::string>());
        REQUIRE(lesson != nullptr);
        const auto results = goalsAfter(*lesson, j.at("commands").get<std::vector<std::string>>());
        std::vector<int> unmet;
        std::string why;
        for (size_t i = 0; i < results.size(); ++i)
            if (!results[i].met) {
                unmet.push_back(static_cast<int>(i));
                why += "goal " + std::to_string(i) + ": " + results[i].missing.en + "\n";
            }
        INFO(j.at("about").get<std::string>() << "\n" << why);
        if (j.at("complete").get<bool>()) {
            CHECK(unmet.empty());
        } else {
            withWrongPath.insert(lesson->id);
            CHECK(unmet == j.at("unmet").get<std::vector<int>>());
        }
    }
    CHECK(files >= 11);
    for (const auto& l : lessons().lessons) CHECK_MESSAGE(withWrongPath.count(l.id) == 1, l.id << " has no wrong path");
}

TEST_CASE("lesson paths: what the unmet goals tell the learner") {
    SUBCASE("lesson 9: the tag names the wrong image") {
        const auto r = goalsAfter(*findLesson(lessons(), "9"), {"docker tag python myapp:1.0"});
        REQUIRE_FALSE(r[0].met);
        CHECK(r[0].description.en == "myapp:1.0 names the same image as myapp:latest");
        CHECK(r[0].description.ko == "myapp:1.0과 myapp:latest가 같은 이미지를 가리킨다");
        CHECK(r[0].missing.en.find("docker tag SOURCE TARGET: the source comes first.") != std::string::npos);
        CHECK(r[0].missing.en.find("(also tagged python:latest)") != std::string::npos);
    }
    SUBCASE("lesson 10: web publishes nothing") {
        const auto r = goalsAfter(*findLesson(lessons(), "10"),
                                  {"docker run -d --name web myapp", "docker run -d -p 3000:80 myapp"});
        REQUIRE_FALSE(r[1].met);
        CHECK(r[1].missing.en.rfind("Port 3000 is published by ", 0) == 0);
        CHECK(r[1].missing.en.find(", not by web.") != std::string::npos);
        CHECK(r[1].missing.ko.find("포트 3000을 게시한 컨테이너는 ") == 0);
    }
    SUBCASE("lesson 11: attached where detached was asked, and the other way round") {
        const auto r = goalsAfter(*findLesson(lessons(), "11"),
                                  {"docker run --name bg -p 3000:80 myapp", "^C", "^C", "^C",
                                   "docker run -d --name once node sh -c \"echo hello from an attached container\""});
        CHECK(r[0].missing.en ==
              "bg was started attached, without -d. Remove it (docker rm -f bg) and run it again with -d.");
        CHECK(r[0].missing.ko ==
              "bg는 -d 없이 연결 모드로 시작되었습니다. 지우고(docker rm -f bg) -d를 붙여 다시 실행하세요.");
        CHECK(r[2].missing.en ==
              "A detached container prints nothing on your terminal: read what it printed with docker logs bg.");
        CHECK(
            r[3].missing.en ==
            "once was started detached (-d). Remove it (docker rm once) and run it again without -d, to watch its output.");
    }
    SUBCASE("lesson 7: touch is not an edit") {
        engine::State end;
        const auto r = goalsAfter(*findLesson(lessons(), "7"), {"touch server.js", "docker build -t myapp ."}, &end);
        CHECK(r[0].description.en ==
              "In the last build, the step that copies server.js ran again because of \"server.js\"");
        CHECK(r[0].description.ko ==
              "마지막 빌드에서 server.js를 복사하는 단계가 다시 실행되었다 (이유: \"server.js\")");
        CHECK(r[0].missing.en == "In the last build, [3] COPY . /app came from the cache.");
        CHECK(r[0].missing.ko == "마지막 빌드에서 [3] COPY . /app은 캐시에서 재사용되었습니다.");
    }
}

TEST_CASE("lesson paths: recovery hints for the mistakes learners really make") {
    auto hintsAfter = [](cli::Machine& m, const std::string& line) {
        m.execute(line);
        std::string all;
        for (const auto& h : m.hints()) all += h.en + "\n" + h.ko + "\n";
        return all;
    };
    SUBCASE("docker build without the build context") {
        cli::Machine m;
        const std::string h = hintsAfter(m, "docker build -t myapp");
        CHECK(
            h.find(
                "docker build needs a build context: the folder whose files the Dockerfile's COPY can use, usually `.` "
                "(the current folder, ~/app). Write: docker build -t myapp .") != std::string::npos);
        CHECK(h.find("이렇게 쓰세요: docker build -t myapp .") != std::string::npos);
    }
    SUBCASE("sed -i before an editor exists: the heredoc") {
        cli::Machine m;
        const std::string h = hintsAfter(m, "sed -i s/Hello/Hi/ server.js");
        CHECK(
            h.find(
                "This shell has no sed. To change a file, write it again with a heredoc: cat > server.js <<'EOF', the new "
                "lines, then EOF") != std::string::npos);
        CHECK(h.find("이 셸에는 sed가 없습니다. 파일을 바꾸려면 heredoc으로 다시 쓰세요") != std::string::npos);
    }
    SUBCASE("docker restart after a rebuild keeps the old image") {
        engine::State end;
        goalsAfter(*findLesson(lessons(), "5"), {"echo '// v2' >> server.js", "docker build -t myapp ."}, &end);
        cli::Machine m(end);
        const std::string h = hintsAfter(m, "docker restart web");
        CHECK(h.find("web still runs the image it was created from (") != std::string::npos);
        CHECK(h.find("A container keeps its image: to run the new one, remove this container (docker rm -f web) and "
                     "docker run it again.") != std::string::npos);
        CHECK(h.find("web은 만들어질 때의 이미지(") != std::string::npos);
    }
    SUBCASE("shell and lesson commands typed into node's REPL") {
        cli::Machine m;
        m.execute("docker run -it node");
        REQUIRE(m.attached());
        const std::string h = hintsAfter(m, "docker ps");
        CHECK(
            h.find("You are inside node's REPL, the program running in the container, not in the shell: `docker` means "
                   "nothing to it. Leave with .exit or Ctrl-D (the container then exits); shell and lesson commands "
                   "work again after that.") != std::string::npos);
        CHECK(hintsAfter(m, "hint").find("`hint`를 모릅니다. .exit 또는 Ctrl-D로 나오세요") != std::string::npos);
        m.execute(".exit");
        CHECK_FALSE(m.attached());
    }
}
