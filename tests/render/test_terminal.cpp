// The window's terminal: long lines wrap at the panel's edge; a mouse drag
// selects text that Ctrl+C and Copy put on the clipboard; switching the
// language re-translates LayerLab's own old lines (lesson text, notes,
// teaching hints) and leaves Docker's output as it was; undo keeps the
// history. Drawn by ImGui without a display (headless_window.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless_window.hpp"
#include "view_fixture.hpp"
#include "render/panels/classroom.hpp"
#include "render/panels/panels.hpp"
#include "render/presenter/presenter.hpp"

namespace {

using namespace layerlab;
using testing::HeadlessWindow;

render::AppOptions sandbox(const std::string& lang = "en") {
    render::AppOptions options;
    options.lang = lang;
    return options;
}

// The rows of the last frame whose text contains NEEDLE.
std::vector<nlohmann::json> rowsWith(const HeadlessWindow& window, const std::string& needle) {
    std::vector<nlohmann::json> found;
    const nlohmann::json state = window.state();
    for (const auto& r : state["terminal"]["rows"])
        if (r["text"].get<std::string>().find(needle) != std::string::npos) found.push_back(r);
    return found;
}

}   // namespace

TEST_CASE("terminal: a long line wraps at the panel's edge, never past it") {
    HeadlessWindow window(sandbox());
    std::string words;
    for (int i = 0; i < 40; ++i) words += "word" + std::to_string(i) + " ";
    window.workspace().runLine("echo " + words);
    window.frame();
    window.frame();
    const nlohmann::json rows = window.state()["terminal"]["rows"];
    size_t wrapped = 0;
    float left = 1e9f, right = 0.0f;
    for (const auto& r : rows) {
        if (r["text"].get<std::string>().find("word") == std::string::npos) continue;
        ++wrapped;
        left = std::min(left, r["x"].get<float>());
        right = std::max(right, r["x"].get<float>() + r["w"].get<float>());
    }
    CHECK(wrapped >= 3);   // the echo (prompt + command) and its output, each over several rows
    CHECK(right - left < 1280.0f * 0.32f);   // inside the middle column (render/layout.cpp)
}

TEST_CASE("terminal: drag selects, Ctrl+C and Copy copy the selection") {
    HeadlessWindow window(sandbox());
    window.workspace().runLine("echo alpha");
    window.workspace().runLine("echo bravo");
    window.frame();
    window.frame();
    const auto alpha = rowsWith(window, "alpha");
    const auto bravo = rowsWith(window, "bravo");
    REQUIRE(alpha.size() == 2);   // the command and its output
    REQUIRE(bravo.size() == 2);
    // From the start of the output "alpha" to the end of the command "echo bravo".
    const nlohmann::json& from = alpha[1];
    const nlohmann::json& to = bravo[0];
    REQUIRE(from["text"] == "alpha");
    const float y0 = from["y"].get<float>() + from["h"].get<float>() * 0.4f;
    const float y1 = to["y"].get<float>() + to["h"].get<float>() * 0.4f;
    window.drag(ImVec2(from["x"].get<float>() + 1.0f, y0),
                ImVec2(to["x"].get<float>() + to["w"].get<float>() + 30.0f, y1));
    ImGui::SetClipboardText("");
    window.key(ImGuiKey_C, /*ctrl=*/true);
    const std::string copied = ImGui::GetClipboardText();
    CHECK(copied.rfind("alpha\n", 0) == 0);
    CHECK(copied.size() > std::string("alpha\n").size());
    CHECK(copied.substr(copied.size() - std::string("echo bravo").size()) == "echo bravo");
}

TEST_CASE("terminal: Copy takes the selection, or everything when nothing is selected") {
    testing::ViewFixture w;
    render::View view = w.view();
    view.run("echo alpha");
    view.run("echo bravo");
    REQUIRE(w.ui.terminal.size() == 4);
    CHECK(render::panels::terminal::copyText(view) == render::allText(w.ui.terminal, false));
    // "pha" of the output alpha, then the whole command "$ echo bravo" up to "echo br".
    const std::string& command = w.ui.terminal[2].text;
    w.ui.selection.anchor = {1, 2};
    w.ui.selection.head = {2, command.find("bravo") + 2};
    CHECK(render::panels::terminal::copyText(view) == "pha\n" + command.substr(0, command.find("bravo") + 2));
    // Dragged upwards: the same text.
    std::swap(w.ui.selection.anchor, w.ui.selection.head);
    CHECK(render::panels::terminal::copyText(view) == "pha\n" + command.substr(0, command.find("bravo") + 2));
}

TEST_CASE("terminal: L re-translates LayerLab's old lines; Docker's output stays as Docker wrote it") {
    testing::ViewFixture w;
    w.strings.setLang("en");
    render::View view = w.view();
    REQUIRE(view.startLesson(w.lessonIndex("7")));
    view.run("hint");   // the lesson engine's text
    view.run("docker images");   // Docker's own output
    view.run("docker run -d --name web myapp");
    view.run("docker run -d --name web myapp");   // refused, with a teaching hint
    render::panels::session::undo(view);   // LayerLab's note
    const std::string english = render::allText(w.ui.terminal, false);
    render::presenter::press(view, render::presenter::Key::Language);
    REQUIRE(view.korean());
    const std::string korean = render::allText(w.ui.terminal, true);
    CHECK(english.find("--- lesson: ") != std::string::npos);
    CHECK(korean.find("--- 레슨: ") != std::string::npos);
    CHECK(korean.find("--- lesson: ") == std::string::npos);
    CHECK(english.find("[hint] ") != std::string::npos);
    CHECK(korean.find("[힌트] ") != std::string::npos);
    CHECK(korean.find("(실행 취소: ") != std::string::npos);
    bool sawHintText = false, sawDocker = false;
    for (const render::TerminalLine& line : w.ui.terminal) {
        if (line.kind == render::TerminalLine::Kind::Note && !line.ko.empty()) sawHintText = true;
        // Docker's table: the same words in both languages.
        if (line.kind == render::TerminalLine::Kind::Output && line.text.find("REPOSITORY") != std::string::npos) {
            sawDocker = true;
            CHECK(line.in(true) == line.in(false));
        }
    }
    CHECK(sawHintText);
    CHECK(sawDocker);
}

TEST_CASE("terminal: undo keeps the window's history (Up) and the shell's `history`") {
    testing::ViewFixture w;
    render::View view = w.view();
    w.ui.history = {"echo one > a.txt", "echo two > b.txt"};   // as the input line keeps them
    view.run("echo one > a.txt");
    view.run("echo two > b.txt");
    REQUIRE(render::panels::session::undo(view));
    CHECK(w.ui.history == std::vector<std::string>{"echo one > a.txt", "echo two > b.txt"});
    view.run("history");
    const std::string all = render::allText(w.ui.terminal, false);
    CHECK(all.find("    1  echo one > a.txt\n    2  echo two > b.txt\n    3  history\n") != std::string::npos);
}
