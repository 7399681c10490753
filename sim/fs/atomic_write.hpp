// atomic_write: replace a file so that a crash, a kill or a full disk at any
// moment leaves either the old file or the new one, never half of either.
//
// The bytes go to a temporary file next to the target (same folder, so the
// rename stays on one file system), are flushed to the disk with fsync, and
// the temporary file is renamed over the target; the folder is then synced so
// the rename itself survives a power cut. Used for everything LayerLab keeps
// for the learner: lesson progress, the autosaved session, exports, `save`.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace layerlab::fs {

// Returns "" on success, else "cannot write PATH: REASON" (strerror's words).
// Creates missing parent folders. `beforeRename` runs after the temporary file
// is complete and synced, just before the rename: tests use it to kill the
// process mid-save; it may throw or never return.
std::string writeFileAtomically(const std::string& path, std::string_view bytes,
                                const std::function<void()>& beforeRename = {});

}   // namespace layerlab::fs
