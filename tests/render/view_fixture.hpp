// Everything a render::View refers to, as the Workspace keeps it, over a
// real Machine and the real string tables and lessons: for tests that call
// what the clicks and keys call, without drawing.
#pragma once
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "render/view.hpp"
#include "render/workspace.hpp"
#include "sim/scenario/lesson_index.hpp"

namespace layerlab::testing {

struct ViewFixture {
    cli::Machine machine;
    render::StringTable strings;
    render::Fonts fonts;
    render::UiState ui;
    render::anim::Highlights highlights;

    ViewFixture() {
        std::string error;
        REQUIRE(strings.load(render::dataDir() + "/assets/lang", &error));
        ui.catalog = std::make_shared<scenario::LessonCatalog>(
            scenario::loadLessonCatalog(std::string(LAYERLAB_SOURCE_DIR) + "/lessons"));
        REQUIRE(ui.catalog->errors.empty());
        ui.session = std::make_shared<scenario::LessonSession>(machine, scenario::SessionConfig{});
    }
    render::View view() { return render::View{machine, strings, fonts, ui, highlights, render::palette(), 0.0}; }
    int lessonIndex(const std::string& number) const {
        const scenario::Scenario* lesson = scenario::findLesson(*ui.catalog, number);
        REQUIRE(lesson != nullptr);
        return static_cast<int>(lesson - ui.catalog->lessons.data());
    }
};

}   // namespace layerlab::testing
