#include "sim/scenario/lesson_session.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/fs/atomic_write.hpp"
#include "sim/json_text.hpp"

namespace layerlab::scenario {

using nlohmann::json;

std::string ProgressStore::defaultPath() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/layerlab/progress.json";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/layerlab/progress.json";
    return "";
}

bool ProgressStore::load(std::string& error) {
    m_lessons.clear();
    std::error_code ec;
    if (m_path.empty() || !std::filesystem::exists(m_path, ec)) return true;
    std::ifstream in(m_path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    json j = json::parse(buf.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("lessons") || !j["lessons"].is_object()) {
        error = m_path + ": not a LayerLab progress file; starting with no progress";
        return false;
    }
    for (const auto& [id, v] : j["lessons"].items()) {
        if (!v.is_object()) continue;
        LessonProgress p;
        if (v.contains("completed") && v["completed"].is_boolean()) p.completed = v["completed"].get<bool>();
        if (v.contains("hintsShown") && v["hintsShown"].is_number_integer()) p.hintsShown = v["hintsShown"].get<int>();
        if (v.contains("predictionsAsked") && v["predictionsAsked"].is_number_integer())
            p.predictionsAsked = v["predictionsAsked"].get<int>();
        if (v.contains("predictionsRight") && v["predictionsRight"].is_number_integer())
            p.predictionsRight = v["predictionsRight"].get<int>();
        if (v.contains("buildsDone") && v["buildsDone"].is_number_integer()) p.buildsDone = v["buildsDone"].get<int>();
        if (v.contains("predictionsDone") && v["predictionsDone"].is_number_integer())
            p.predictionsDone = v["predictionsDone"].get<int>();
        if (v.contains("state") && v["state"].is_object()) p.savedState = v["state"];
        m_lessons[id] = std::move(p);
    }
    return true;
}

bool ProgressStore::save(std::string& error) const {
    if (m_path.empty()) {
        error = "no data folder (set XDG_DATA_HOME or HOME) to keep progress in";
        return false;
    }
    json lessons = json::object();
    for (const auto& [id, p] : m_lessons) {
        json v = {{"completed", p.completed},
                  {"hintsShown", p.hintsShown},
                  {"predictionsAsked", p.predictionsAsked},
                  {"predictionsRight", p.predictionsRight},
                  {"buildsDone", p.buildsDone},
                  {"predictionsDone", p.predictionsDone}};
        if (p.savedState) v["state"] = *p.savedState;
        lessons[id] = v;
    }
    const json doc = {{"version", 1}, {"lessons", lessons}};
    // Atomic (temporary file, fsync, rename): a crash mid-save keeps the last progress.
    error = fs::writeFileAtomically(m_path, jsonText(doc, 2) + "\n");
    if (!error.empty()) return false;
    return true;
}

}   // namespace layerlab::scenario
