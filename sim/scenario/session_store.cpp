#include "sim/scenario/session_store.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/fs/atomic_write.hpp"
#include "sim/scenario/lesson_session.hpp"
#include "sim/scenario/state_json.hpp"
#include "sim/json_text.hpp"

namespace layerlab::scenario {

using nlohmann::json;

std::string SessionStore::defaultPath(const std::string& name) {
    const std::string progress = ProgressStore::defaultPath();   // the same folder as the lesson progress
    if (progress.empty()) return "";
    return std::filesystem::path(progress).parent_path().string() + "/session-" + name + ".json";
}

std::string SessionStore::save(const engine::State& state, const std::vector<std::string>& commands,
                               const std::function<void()>& beforeRename) const {
    if (m_path.empty()) return "no data folder (set XDG_DATA_HOME or HOME) to keep the session in";
    const json doc = {{"version", 1}, {"layerlabSession", true}, {"commands", commands}, {"state", stateToJson(state)}};
    return fs::writeFileAtomically(m_path, jsonText(doc) + "\n", beforeRename);
}

std::optional<SavedSession> SessionStore::load(std::string& error) const {
    std::error_code ec;
    if (m_path.empty() || !std::filesystem::exists(m_path, ec)) return std::nullopt;
    std::ifstream in(m_path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    const json doc = json::parse(buf.str(), nullptr, false);
    auto broken = [&](const std::string& why) {
        error = m_path + ": not a LayerLab session (" + why + ")";
        return std::nullopt;
    };
    if (doc.is_discarded()) return broken("invalid JSON");
    if (!doc.is_object() || !doc.contains("layerlabSession") || !doc.contains("state")) return broken("no state");
    SavedSession s;
    if (doc.contains("commands") && doc["commands"].is_array())
        for (const json& c : doc["commands"])
            if (c.is_string()) s.commands.push_back(c.get<std::string>());
    StateImport imported = stateFromJson(doc["state"], "/state");
    if (!imported.state) return broken(imported.errors.empty() ? "bad state" : imported.errors.front());
    s.state = std::move(*imported.state);
    s.savedAtMs = s.state.clock.nowMs;
    return s;
}

void SessionStore::clear() const {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove(m_path, ec);
}

}   // namespace layerlab::scenario
