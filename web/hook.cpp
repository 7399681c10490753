// The page's hook into the running window (window.layerlab in
// web/layerlab-page.js): a command line goes through Workspace::runLine, the
// terminal's own path to Machine::execute, so a script, a test and a learner
// typing all reach the same engine command. Returned strings stay valid
// until the next call of the same function (the page copies them at once).
// A call that changes what the window shows wakes the idle page (requestFrames).
#include <emscripten/emscripten.h>

#include <string>

#include <imgui.h>

#include "render/app.hpp"
#include "render/workspace.hpp"
#include "web/session_store.hpp"

namespace {

const char* keep(std::string& slot, std::string text) {
    slot = std::move(text);
    return slot.c_str();
}

}   // namespace

extern "C" {

// What the terminal shows for LINE; "" when no window is open yet.
EMSCRIPTEN_KEEPALIVE const char* layerlab_run(const char* line) {
    static std::string out;
    auto* workspace = layerlab::render::runningWorkspace();
    layerlab::render::requestFrames();
    return keep(out, workspace && line ? workspace->runLine(line) : std::string());
}

// Workspace::stateJson(): tags and image IDs, the last build's steps, the picture's blocks.
EMSCRIPTEN_KEEPALIVE const char* layerlab_state() {
    static std::string out;
    auto* workspace = layerlab::render::runningWorkspace();
    return keep(out, workspace ? workspace->stateJson() : std::string("{}"));
}

EMSCRIPTEN_KEEPALIVE int layerlab_frames() { return layerlab::render::drawnFrames(); }

// Draws the next frames even when nothing moves (a test timing the frames).
EMSCRIPTEN_KEEPALIVE void layerlab_wake() { layerlab::render::requestFrames(); }

// Opens a scenario or lesson file's text (the file picker, a #scenario= link):
// "" when it opened, else why not.
EMSCRIPTEN_KEEPALIVE const char* layerlab_open(const char* text) {
    static std::string out;
    auto* workspace = layerlab::render::runningWorkspace();
    std::string error = workspace ? std::string() : std::string("the window is not open yet");
    layerlab::render::requestFrames();
    if (workspace && !workspace->openScenarioText(text ? text : "", error) && error.empty()) error = "not a scenario";
    return keep(out, error);
}

// The session as a scenario file, for the page's "download" button.
EMSCRIPTEN_KEEPALIVE const char* layerlab_session() {
    static std::string out;
    auto* workspace = layerlab::render::runningWorkspace();
    return keep(out, workspace ? workspace->sessionJson() : std::string());
}

// 1 when the autosave was rewritten (the page then flushes it to IndexedDB).
EMSCRIPTEN_KEEPALIVE int layerlab_autosave() { return layerlab::web::autosave() ? 1 : 0; }

// Text from the browser that is not a key press: a finished IME composition
// (Korean), a paste. It goes to ImGui as typed characters, into whichever
// text field has the focus (the terminal's input, the Dockerfile editor).
EMSCRIPTEN_KEEPALIVE void layerlab_type(const char* utf8) {
    auto* workspace = layerlab::render::runningWorkspace();
    if (!workspace || !utf8) return;
    layerlab::render::requestFrames();
    workspace->addGlyphs(utf8);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

}   // extern "C"
