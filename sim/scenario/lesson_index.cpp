#include "layerlab_paths.hpp"
#include "sim/scenario/lesson_index.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/scenario/loader.hpp"

namespace layerlab::scenario {

std::string findLessonsDir() {
    if (const char* env = std::getenv("LAYERLAB_LESSONS_DIR"); env && *env) return env;
#ifdef LAYERLAB_SOURCE_DIR
    std::error_code ec;
    std::string source = std::string(LAYERLAB_SOURCE_DIR) + "/lessons";
    if (std::filesystem::exists(source + "/index.json", ec)) return source;
#endif
    return "lessons";
}

LessonCatalog loadLessonCatalog(const std::string& dir) {
    LessonCatalog cat;
    cat.dir = dir;
    const std::string indexPath = dir + "/index.json";
    std::ifstream in(indexPath, std::ios::binary);
    if (!in) {
        cat.errors.push_back("cannot read " + indexPath);
        return cat;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    nlohmann::json index = nlohmann::json::parse(buf.str(), nullptr, false);
    auto fail = [&](const std::string& where, const std::string& msg) {
        cat.errors.push_back(indexPath + ": " + where + ": " + msg);
    };
    if (index.is_discarded()) {
        cat.errors.push_back(indexPath + ": invalid JSON");
        return cat;
    }
    if (!index.is_object()) {
        fail("/", "expected an object");
        return cat;
    }
    if (!index.contains("version") || !index["version"].is_number_integer()) fail("/version", "expected an integer");
    else if (index["version"].get<long long>() != 1) fail("/version", "expected 1");
    if (!index.contains("lessons") || !index["lessons"].is_array()) {
        fail("/lessons", "expected an array");
        return cat;
    }
    for (const auto& [key, v] : index.items())
        if (key != "version" && key != "lessons" && key != "$comment")
            fail("/" + key, "unknown property (expected one of: version, lessons)");

    std::set<std::string> listed, ids;
    std::vector<Scenario> lessons;
    const auto& list = index["lessons"];
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string where = "/lessons/" + std::to_string(i);
        if (!list[i].is_string()) {
            fail(where, "expected a string");
            continue;
        }
        const std::string name = list[i].get<std::string>();
        if (!listed.insert(name).second) {
            fail(where, "\"" + name + "\" is listed twice");
            continue;
        }
        const std::string path = dir + "/" + name + ".json";
        LoadResult r = loadScenarioFile(path);
        for (const auto& e : r.errors) cat.errors.push_back(path + ": " + e);
        if (!r.scenario) continue;
        if (!r.scenario->lesson) cat.errors.push_back(path + ": /kind: expected \"lesson\"");
        if (r.scenario->id != name)
            cat.errors.push_back(path + ": /id: \"" + r.scenario->id + "\" differs from the file name \"" + name +
                                 "\"");
        if (!ids.insert(r.scenario->id).second)
            cat.errors.push_back(path + ": /id: \"" + r.scenario->id + "\" is used twice");
        lessons.push_back(std::move(*r.scenario));
    }
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        std::string stem = entry.path().stem().string();
        if (stem == "index" || listed.count(stem)) continue;
        cat.errors.push_back(dir + "/" + entry.path().filename().string() + ": not listed in " + indexPath);
    }
    if (cat.errors.empty()) cat.lessons = std::move(lessons);
    return cat;
}

const Scenario* findLesson(const LessonCatalog& catalog, const std::string& idOrNumber) {
    for (const auto& l : catalog.lessons)
        if (l.id == idOrNumber) return &l;
    bool digits =
        !idOrNumber.empty() && idOrNumber.size() < 4 && idOrNumber.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
        size_t n = std::stoul(idOrNumber);
        if (n >= 1 && n <= catalog.lessons.size()) return &catalog.lessons[n - 1];
    }
    // "3" also finds "03-..." by its numeric prefix.
    for (const auto& l : catalog.lessons)
        if (l.id.rfind(idOrNumber + "-", 0) == 0) return &l;
    return nullptr;
}

}   // namespace layerlab::scenario
