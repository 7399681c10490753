// The browser's entry point. The window's options come from the page
// (web/layerlab-page.js turns index.html#lesson=7 and the browser's language
// into --lesson 7 --lang ko). Progress lives in IndexedDB: the data folder
// (~/.local/share/layerlab, where the desktop keeps progress.json) is an
// IDBFS mount, read back before the window opens, so layerlab_start()
// runs when IndexedDB has answered; render::runApp then opens the window on
// the page's canvas and returns, and the browser draws each frame.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "render/app.hpp"
#include "web/session_store.hpp"

// Copy: ImGui's copied text goes to the system clipboard (Emscripten's GLFW
// has none). Paste comes from the page's paste event (layerlab_type), so
// ImGui's own paste finds nothing and text is never pasted twice.
EM_JS(void, copyToBrowserClipboard, (const char* text), {
    if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(function(){});
});

// The data folder on IndexedDB; layerlab_start runs once it has been read
// back (asynchronously), restoring the autosave unless a link says otherwise.
EM_JS(void, mountDataDirThenStart, (const char* path), {
    const dir = UTF8ToString(path);
    FS.mkdirTree(dir);
    FS.mount(IDBFS, {}, dir);
    FS.syncfs(
        true, function(err) {
            if (err) console.warn("layerlab: IndexedDB unavailable, progress is not kept:", err);
            Module.ccall("layerlab_start", null, ["number"], [Module.layerlabRestore ? 1 : 0]);
        });
});

namespace {

std::vector<std::string> g_args;

void useBrowserClipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { copyToBrowserClipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return nullptr; };
}

}   // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void layerlab_start(int restoreAutosave) {
    if (layerlab::render::runApp(g_args) != 0) return;
    useBrowserClipboard();
    if (restoreAutosave) layerlab::web::restoreAutosave();
}

int main(int argc, char** argv) {
    g_args.assign(argv + 1, argv + argc);
    mountDataDirThenStart(layerlab::web::kDataDir);
    return 0;
}
