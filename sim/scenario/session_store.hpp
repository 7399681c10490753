// session_store: the learner's unsaved session, kept after every command so
// that closing the window, a crash or a killed terminal loses nothing.
//
// One file per kind of session in the same data folder as the lesson
// progress ($XDG_DATA_HOME/layerlab/, else ~/.local/share/layerlab/):
// session-shell.json for `layerlab shell`, session-window.json for the
// window. It holds the State (state_json's export) and the commands that
// produced it, written atomically (sim/fs/atomic_write) after each command.
// A clean exit (`exit`, Ctrl-D, closing the window normally) removes it, so a
// file that is still there at the next start means the last session ended
// uncleanly: the front end offers to restore it. (Lessons keep their own
// unfinished state in the progress file, ProgressStore, saved the same way.)
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/state.hpp"

namespace layerlab::scenario {

struct SavedSession {
    engine::State state;
    std::vector<std::string> commands;   // the command log up to the save
    int64_t savedAtMs = 0;   // the State's virtual clock at the save
};

class SessionStore {
public:
    explicit SessionStore(std::string path) : m_path(std::move(path)) {}

    // "<data folder>/session-NAME.json" ("" when neither XDG_DATA_HOME nor HOME is set).
    static std::string defaultPath(const std::string& name);

    // "" on success, else the reason ("cannot write PATH: No space left on device").
    // `beforeRename` is atomic_write's test hook.
    std::string save(const engine::State& state, const std::vector<std::string>& commands,
                     const std::function<void()>& beforeRename = {}) const;

    // The session an unclean exit left behind; nullopt when there is none.
    // A broken file sets `error` ("PATH: not a LayerLab session (...)").
    std::optional<SavedSession> load(std::string& error) const;

    // A clean end: nothing to restore next time.
    void clear() const;

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

}   // namespace layerlab::scenario
