// lesson_session: a learner's progress through the lessons, kept between runs.
//
// Stored as JSON in the user's data folder: $XDG_DATA_HOME/layerlab/
// progress.json, else ~/.local/share/layerlab/progress.json. Per lesson: done
// or not, hints shown, predictions asked and answered right, and the state of
// an unfinished lesson so `layerlab shell --lesson ID` resumes where the
// learner stopped. Writes are atomic (sim/fs/atomic_write: temporary file, fsync,
// rename), so a crash never leaves half a file; an unreadable file is reported and
// replaced by a fresh record, never crashed on.
#pragma once
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace layerlab::scenario {

struct LessonProgress {
    bool completed = false;
    int hintsShown = 0;
    int predictionsAsked = 0;
    int predictionsRight = 0;
    std::optional<nlohmann::json> savedState;   // stateToJson of an unfinished lesson
    int buildsDone = 0;   // how many `docker build`s the saved session ran (predictions key on it)
    int predictionsDone = 0;   // how many of the lesson's predictions the saved session asked
};

class ProgressStore {
public:
    explicit ProgressStore(std::string path) : m_path(std::move(path)) {}

    // "" when neither XDG_DATA_HOME nor HOME is set.
    static std::string defaultPath();

    // A missing file is an empty record (returns true). A broken one returns
    // false with `error` set and leaves the record empty.
    bool load(std::string& error);
    bool save(std::string& error) const;

    LessonProgress& lesson(const std::string& id) { return m_lessons[id]; }
    const std::map<std::string, LessonProgress>& lessons() const { return m_lessons; }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::map<std::string, LessonProgress> m_lessons;
};

}   // namespace layerlab::scenario
