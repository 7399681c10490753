// "Images": what `docker images` lists, plus each image's layer count, so a
// learner sees that an image is a stack of layers and that images built
// FROM the same base share them.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::render::panels::images {
namespace {

namespace format = engine::format;

struct Row {
    std::string repository, tag;
    const engine::Image* image = nullptr;
};

// docker images order: newest first, then by name.
std::vector<Row> rows(const engine::State& state) {
    std::vector<Row> out;
    std::vector<bool> tagged;
    for (const auto& [ref, id] : state.tags) {
        auto image = state.images.find(id);
        if (image == state.images.end()) continue;
        const auto colon = ref.rfind(':');
        const bool hasTag = colon != std::string::npos && ref.find('/', colon) == std::string::npos;
        out.push_back({hasTag ? ref.substr(0, colon) : ref, hasTag ? ref.substr(colon + 1) : "latest", &image->second});
    }
    for (const auto& [id, image] : state.images) {
        const bool isTagged =
            // id by an init-capture: clang 14 (the browser build's) cannot capture a structured binding.
            std::any_of(state.tags.begin(), state.tags.end(),
                        [&, &imageId = id](const auto& t) { return t.second == imageId; });
        if (!isTagged) out.push_back({"<none>", "<none>", &image});
    }
    std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) {
        if (a.image->createdMs != b.image->createdMs) return a.image->createdMs > b.image->createdMs;
        return a.repository + ":" + a.tag < b.repository + ":" + b.tag;
    });
    return out;
}

}   // namespace

void draw(View& view, bool heading) {
    const engine::State& state = view.state();
    if (heading) ui::heading(view.fonts.heading(), view.tr("ui.panel.images"));
    const std::vector<Row> list = rows(state);
    if (list.empty()) {
        ui::dimWrapped(view.tr("ui.images.empty"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##images", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(view.tr("ui.images.repository"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(view.tr("ui.images.tag"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(view.tr("ui.images.id"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn(view.tr("ui.images.layers"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(view.tr("ui.images.size"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    for (const Row& row : list) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (row.repository == "<none>") ImGui::TextDisabled("%s", row.repository.c_str());
        else ImGui::TextUnformatted(row.repository.c_str());
        if (ImGui::IsItemHovered())
            ui::tooltip(
                view.strings
                    .format("ui.images.created", {format::createdSince(row.image->createdMs, state.clock.nowMs)})
                    .c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.tag.c_str());
        ImGui::TableNextColumn();
        ImGui::PushFont(view.fonts.mono());
        ImGui::TextUnformatted(format::shortId(row.image->id).c_str());
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", row.image->layers.size());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format::humanSize(engine::imageSize(state, *row.image)).c_str());
    }
    ImGui::EndTable();
}

}   // namespace layerlab::render::panels::images
