// The window's session as a scenario (the browser's "Download session" and
// its autosave in IndexedDB) is the lesson engine's own recording
// (LessonSession::toScenario), and opening it gives the same machine again.
// Also the browser's idle pacing (FramePacer::frameDue).
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "render/frame_pacing.hpp"
#include "render/workspace.hpp"
#include "sim/scenario/state_json.hpp"

namespace {

using namespace layerlab;

// A Workspace as the browser starts it (no --run, no screenshot: progress
// kept), its data folder a fresh temporary one, with an ImGui context for
// the theme.
struct BrowserWindow {
    std::filesystem::path home;
    ImGuiContext* context = nullptr;
    explicit BrowserWindow(const std::string& name)
        : home(std::filesystem::temp_directory_path() / ("layerlab-window-session-" + name)) {
        std::filesystem::remove_all(home);
        ::setenv("XDG_DATA_HOME", home.c_str(), 1);
        context = ImGui::CreateContext();
    }
    ~BrowserWindow() {
        ImGui::DestroyContext(context);
        ::unsetenv("XDG_DATA_HOME");
        std::filesystem::remove_all(home);
    }
    // On the heap: the lesson engine keeps a pointer to the workspace's Machine.
    std::unique_ptr<render::Workspace> open(const std::string& lesson = "") {
        render::AppOptions options;
        options.lang = "en";
        options.lesson = lesson;
        auto workspace = std::make_unique<render::Workspace>(options);
        std::string error;
        CHECK(workspace->start(error));
        CHECK(error == "");
        return workspace;
    }
};

std::string tags(const render::Workspace& workspace) {
    return nlohmann::json::parse(workspace.stateJson())["tags"].dump();
}

}   // namespace

TEST_CASE("window session: the download is the lesson engine's recording, commands and file writes") {
    BrowserWindow browser("sandbox");
    auto first = browser.open();
    first->runLine("echo \"// changed\" >> server.js");
    first->runLine("docker build -t myapp .");
    const nlohmann::json session = nlohmann::json::parse(first->sessionJson());
    CHECK(session["id"] == "browser-session");
    REQUIRE(session["steps"].size() == 2);
    CHECK(session["steps"][0]["command"] == "echo \"// changed\" >> server.js");
    CHECK(session["steps"][1]["command"] == "docker build -t myapp .");
    CHECK(nlohmann::json::parse(first->autosaveJson())["lesson"] == "");

    // A scenario with a write step opened in another window: its session
    // starts at the scenario's start and records the write as an editor's save.
    nlohmann::json withWrite = session;
    withWrite["steps"] = nlohmann::json::array(
        {{{"write", {{"path", "notes.txt"}, {"content", "hello\n"}}}}, {{"command", "docker build -t myapp ."}}});
    withWrite.erase("finalState");
    auto second = browser.open();
    std::string error;
    REQUIRE(second->openScenarioText(withWrite.dump(), error));
    CHECK(error == "");
    const nlohmann::json reopened = nlohmann::json::parse(second->sessionJson());
    CHECK(reopened["start"] == session["start"]);
    REQUIRE(reopened["steps"].size() == 2);
    CHECK(reopened["steps"][0]["write"]["path"] == "notes.txt");
    CHECK(reopened["steps"][0]["write"]["content"] == "hello\n");
    CHECK(reopened["steps"][1]["command"] == "docker build -t myapp .");
}

TEST_CASE("window session: an autosave reopens to the same machine, sandbox or lesson") {
    BrowserWindow browser("autosave");
    auto sandbox = browser.open();
    sandbox->runLine("echo \"// changed\" >> server.js");
    sandbox->runLine("docker build -t myapp .");
    auto sandboxAgain = browser.open();
    std::string error;
    REQUIRE(sandboxAgain->openScenarioText(sandbox->autosaveJson(), error));
    CHECK(tags(*sandboxAgain) == tags(*sandbox));
    CHECK(nlohmann::json::parse(sandboxAgain->sessionJson())["steps"] ==
          nlohmann::json::parse(sandbox->sessionJson())["steps"]);

    // A lesson: its progress record (kept next to the autosave) resumes it,
    // and the recorded commands are not run a second time on top of it.
    auto lesson = browser.open("7");
    lesson->runLine("echo \"// changed\" >> server.js");
    lesson->runLine("docker build -t myapp .");
    lesson->runLine("predict 3 4");
    lesson->runLine("docker build -t myapp .");
    const nlohmann::json autosave = nlohmann::json::parse(lesson->autosaveJson());
    CHECK(autosave["lesson"] == "07-cache-invalidation");
    auto lessonAgain = browser.open();
    REQUIRE(lessonAgain->openScenarioText(autosave.dump(), error));
    const nlohmann::json state = nlohmann::json::parse(lessonAgain->stateJson());
    CHECK(state["lesson"] == "07-cache-invalidation");
    CHECK(tags(*lessonAgain) == tags(*lesson));
    CHECK(state["lastBuild"] == nlohmann::json::parse(lesson->stateJson())["lastBuild"]);
    // The recording came back with it (the next download, undo).
    CHECK(nlohmann::json::parse(lessonAgain->sessionJson())["steps"] == autosave["session"]["steps"]);
}

TEST_CASE("browser pacing: an idle page draws three frames after a wake, then none until the next") {
    render::FramePacer pacer;
    int drawn = 0;
    for (int i = 0; i < 10; ++i) drawn += pacer.frameDue(false, i == 0, false) ? 1 : 0;
    CHECK(drawn == 3);
    CHECK_FALSE(pacer.frameDue(false, false, false));
    CHECK(pacer.frameDue(true, false, false));   // an animation draws every frame
    CHECK(pacer.frameDue(false, false, true));   // so does a scripted run
    CHECK(pacer.frameDue(false, true, false));
}
