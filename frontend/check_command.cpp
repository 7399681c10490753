// `layerlab check PATH...`: validates lesson and scenario files against the
// format and replays them (a lesson's reference solution, a scenario's
// steps). A folder with an index.json is a lesson folder: the index and every
// lesson it lists are checked; another folder means each *.json in it.
// Prints "ok FILE" per good file; each problem goes to stderr as
// "FILE: POINTER: reason". Exit 0 when all is well, 1 otherwise, 2 on usage.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "frontend/headless.hpp"
#include "frontend/scenario_commands.hpp"
#include "sim/scenario/checker.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/loader.hpp"

namespace layerlab::frontend {

namespace {

int reportOne(const scenario::Scenario& sc, const std::string& file, Io& io) {
    scenario::CheckOutcome c = scenario::checkScenario(sc);
    for (const auto& e : c.errors) io.err << file << ": " << e << "\n";
    if (!c.errors.empty()) return 1;
    io.out << "ok   " << file << " (" << (sc.lesson ? "lesson" : "scenario") << ", " << sc.goals.size() << " goal"
           << (sc.goals.size() == 1 ? "" : "s") << ", " << (sc.lesson ? sc.solution.size() : sc.steps.size())
           << (sc.lesson ? " solution steps replayed)" : " steps replayed)") << "\n";
    return 0;
}

int checkFile(const std::string& file, Io& io) {
    scenario::LoadResult r = scenario::loadScenarioFile(file);
    if (!r.ok()) {
        for (const auto& e : r.errors) io.err << file << ": " << e << "\n";
        return 1;
    }
    return reportOne(*r.scenario, file, io);
}

}   // namespace

int runCheck(const std::vector<std::string>& args, Io& io) {
    if (args.empty() ||
        std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; })) {
        (args.empty() ? io.err : io.out)
            << "Usage: layerlab check PATH...\n"
               "Validates lesson and scenario files and replays them (lessons: the reference solution).\n";
        return args.empty() ? 2 : 0;
    }
    int status = 0;
    for (const auto& path : args) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            status |= checkFile(path, io);
            continue;
        }
        std::string dir = path;
        while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
        if (std::filesystem::exists(dir + "/index.json", ec)) {
            scenario::LessonCatalog cat = scenario::loadLessonCatalog(dir);
            for (const auto& e : cat.errors) io.err << e << "\n";
            if (!cat.errors.empty()) {
                status = 1;
                continue;
            }
            for (const auto& lesson : cat.lessons) status |= reportOne(lesson, dir + "/" + lesson.id + ".json", io);
            continue;
        }
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty()) {
            io.err << dir << ": no .json files\n";
            status = 1;
        }
        for (const auto& f : files) status |= checkFile(f, io);
    }
    return status;
}

}   // namespace layerlab::frontend
