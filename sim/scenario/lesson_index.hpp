// lesson_index: where the lessons live and in which order they come.
//
// lessons/index.json sets the order: {"version": 1, "lessons": ["01-images-
// and-containers", ...]}, each name being lessons/<name>.json. Adding a
// lesson is a new JSON file plus one line in the index: no C++.
//
// The folder is found as: $LAYERLAB_LESSONS_DIR, else the source tree's
// lessons/ (LAYERLAB_SOURCE_DIR, compiled in), else ./lessons.
#pragma once
#include "layerlab_paths.hpp"
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace layerlab::scenario {

std::string findLessonsDir();

struct LessonCatalog {
    std::string dir;
    std::vector<Scenario> lessons;   // in index order; empty when errors is not empty
    std::vector<std::string> errors;   // "lessons/index.json: /lessons/2: expected a string", "FILE: POINTER: ..."
};

// Loads the index and every lesson it lists. Also an error: a listed file
// that is not a lesson, whose id differs from its file name, a duplicate id,
// or a lesson file in the folder that the index does not list.
LessonCatalog loadLessonCatalog(const std::string& dir);

// By id ("03-dockerfile"), by number ("3"), or nullptr.
const Scenario* findLesson(const LessonCatalog& catalog, const std::string& idOrNumber);

}   // namespace layerlab::scenario
