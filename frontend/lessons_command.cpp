// `layerlab lessons [--lang en|ko]`: the lessons in order, with the learner's
// progress (done / started) from the user's data folder.
#include <algorithm>
#include <ostream>

#include "frontend/headless.hpp"
#include "frontend/scenario_commands.hpp"
#include "frontend/scenario_args.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/lesson_session.hpp"

namespace layerlab::frontend {

int runLessons(const std::vector<std::string>& args, Io& io) {
    ScenarioArgs a;
    std::string error;
    if (!parseScenarioArgs(args, a, error, false) || !a.paths.empty()) {
        io.err << (error.empty() ? std::string() : "layerlab lessons: " + error + "\n")
               << "Usage: layerlab lessons [--lang en|ko]\n";
        return 2;
    }
    const bool ko = a.lang == "ko";
    scenario::LessonCatalog cat = scenario::loadLessonCatalog(scenario::findLessonsDir());
    for (const auto& e : cat.errors) io.err << e << "\n";
    if (!cat.errors.empty()) return 1;
    scenario::ProgressStore store(scenario::ProgressStore::defaultPath());
    std::string loadError;
    if (!store.load(loadError)) io.err << "layerlab: " << loadError << "\n";

    size_t idWidth = 0;
    for (const auto& l : cat.lessons) idWidth = std::max(idWidth, l.id.size());
    int titleWidth = 0;
    for (const auto& l : cat.lessons)
        titleWidth = std::max(titleWidth, engine::format::displayWidth(l.title.in(a.lang)));
    for (size_t i = 0; i < cat.lessons.size(); ++i) {
        const auto& l = cat.lessons[i];
        std::string num = std::to_string(i + 1);
        std::string mark;
        auto it = store.lessons().find(l.id);
        if (it != store.lessons().end()) {
            if (it->second.completed) mark = ko ? "완료" : "done";
            else if (it->second.savedState) mark = ko ? "진행 중" : "started";
        }
        std::string title = l.title.in(a.lang);
        title.append(static_cast<size_t>(titleWidth - engine::format::displayWidth(title)), ' ');
        std::string id = l.id;
        id.resize(idWidth, ' ');
        std::string line = std::string(num.size() < 2 ? " " : "") + num + "  " + id + "  " + title + "  " + mark;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        io.out << line << "\n";
    }
    io.out << (ko ? "\n시작하기: layerlab shell --lesson 1\n" : "\nStart one with: layerlab shell --lesson 1\n");
    return 0;
}

}   // namespace layerlab::frontend
