// The browser's autosave: the window's session (Workspace::autosaveJson) in
// the IDBFS-mounted data folder, written when it changed; the page flushes
// the folder to IndexedDB (FS.syncfs) after each write, so closing the tab
// loses at most the last few seconds.
#pragma once
#include <string>

namespace layerlab::web {

inline constexpr const char* kDataDir = "/home/web_user/.local/share/layerlab";

// Writes the autosave if the session changed since the last write; true when it wrote.
bool autosave();
// Opens the autosaved session, when there is one (at start, without a #lesson or #scenario link).
void restoreAutosave();

}   // namespace layerlab::web
