// "Containers": what `docker ps -a` lists (name, image, status, ports), with
// running containers marked in green and a text status, so colour is never
// the only signal.
#include <imgui.h>

#include <string>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/ports.hpp"

namespace layerlab::render::panels::containers {

void draw(View& view, bool heading) {
    const engine::State& state = view.state();
    if (heading) ui::heading(view.fonts.heading(), view.tr("ui.panel.containers"));
    if (state.containers.empty()) {
        ui::dimWrapped(view.tr("ui.containers.empty"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##containers", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(view.tr("ui.containers.name"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(view.tr("ui.containers.image"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(view.tr("ui.containers.status"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn(view.tr("ui.containers.ports"), ImGuiTableColumnFlags_WidthStretch, 3.4f);
    ImGui::TableHeadersRow();
    // Newest first, as docker ps lists them.
    for (auto it = state.containers.rbegin(); it != state.containers.rend(); ++it) {
        const engine::Container& c = *it;
        const bool up = engine::containers::isUp(c);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const float radius = ImGui::GetFontSize() * 0.28f;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + radius, pos.y + ImGui::GetTextLineHeight() * 0.5f),
                                                    radius,
                                                    ImGui::GetColorU32(up ? view.palette.ok : view.palette.configOnly));
        ImGui::SetCursorScreenPos(ImVec2(pos.x + radius * 2.0f + 6.0f, pos.y));
        ImGui::TextUnformatted(c.name.c_str());
        if (ImGui::IsItemHovered()) ui::tooltip(c.id.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.imageRef.c_str());
        ImGui::TableNextColumn();
        const std::string status = engine::containers::statusText(c, state.clock.nowMs);
        if (up) ImGui::TextColored(view.palette.ok, "%s", status.c_str());
        else ImGui::TextDisabled("%s", status.c_str());
        ImGui::TableNextColumn();
        const std::string ports = engine::containers::displayPorts(c);
        ImGui::PushFont(view.fonts.mono());
        ImGui::TextUnformatted(ports.c_str());
        ImGui::PopFont();
    }
    ImGui::EndTable();
}

}   // namespace layerlab::render::panels::containers
