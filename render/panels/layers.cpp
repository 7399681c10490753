// "Layer stack": the picture of the last `docker build` (render/stack/draw):
// the build before and the build now side by side, CACHED blue and REBUILT
// orange in words and colour, the first miss with its reason and the cascade
// above it, the containers on their image. Under it the running totals and a
// playback bar (replay, step, pause, speed) for the animation.
#include <imgui.h>

#include <string>
#include <vector>

#include "render/panels/panels.hpp"
#include "render/stack/draw.hpp"
#include "render/widgets.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::render::panels::layers {
namespace {

namespace format = engine::format;

std::string seconds(int64_t ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
    return text;
}

void legend(View& view) {
    const Palette& p = view.palette;
    ui::badge(view.tr("ui.layers.cached"), p.cached);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", view.tr("ui.layers.cached_means"));
    ImGui::SameLine(0, ImGui::GetFontSize());
    ui::badge(view.tr("ui.layers.rebuilt"), p.rebuilt);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", view.tr("ui.layers.rebuilt_means"));
}

// "build 2.5 s · the cache saved 0.0 s (1 cached steps) · written 96 kB (simulated)
// · base image 1.13 GB already here": the build cache and the local
// image store apart, so "saved 0.0 s" never stands next to a reuse it did not make.
std::vector<std::string> buildTotals(View& view, const stack::Totals& t) {
    std::vector<std::string> parts = {view.strings.format(
        "ui.stack.totals",
        {seconds(t.buildMs), seconds(t.savedMs), std::to_string(t.cached), format::humanSize(t.bytesWritten)})};
    if (t.baseLocal > 0)
        parts.push_back(view.strings.format("ui.stack.totals_base_here", {format::humanSize(t.baseLocal)}));
    if (t.basePulled > 0)
        parts.push_back(view.strings.format("ui.stack.totals_base_pulled", {format::humanSize(t.basePulled)}));
    if (t.sameResult > 0) parts.push_back(view.strings.format("ui.stack.totals_same", {std::to_string(t.sameResult)}));
    return parts;
}

// The totals under the title: each part whole on a line ("1.13GB" never
// split), the next part on the same line when it fits.
void totals(View& view) {
    const stack::Totals& t = view.ui.picture.scene.totals;
    std::vector<std::string> parts =
        view.ui.picture.scene.imageOnly
            ? std::vector<std::string>{view.strings.format(
                  "ui.stack.image_totals", {std::to_string(t.cached + t.rebuilt), format::humanSize(t.bytesReused),
                                            format::humanSize(t.bytesWritten)})}
            : buildTotals(view, t);
    // A projector's stage keeps its height for the blocks: the build's own totals only.
    if (view.ui.presenter) parts.resize(1);
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    const float dotW = ImGui::CalcTextSize(" · ").x;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, 0);
            if (ImGui::GetCursorPosX() + dotW + ImGui::CalcTextSize(parts[i].c_str()).x > right) ImGui::NewLine();
            else {
                ImGui::TextDisabled(" · ");
                ImGui::SameLine(0, 0);
            }
        }
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", parts[i].c_str());
        ImGui::PopTextWrapPos();
    }
}

// |< step back, play/pause, step >, replay, speed, and a bar with a tick per step.
void playbackBar(View& view) {
    PictureState& pic = view.ui.picture;
    anim::Playback& pb = pic.playback;
    const auto& marks = pic.timeline.marks;
    if (ImGui::Button(view.tr("ui.stack.replay"))) pb.replay();
    ImGui::SameLine();
    if (ImGui::Button(view.tr("ui.stack.step_back"))) pb.stepBack(marks);
    ImGui::SameLine();
    const bool playing = pb.moving();
    if (ImGui::Button(playing ? view.tr("ui.stack.pause") : view.tr("ui.stack.play"))) {
        if (!playing && pb.time() >= pb.length()) pb.replay();
        else pb.togglePause();
    }
    ImGui::SameLine();
    if (ImGui::Button(view.tr("ui.stack.step"))) pb.stepForward(marks);
    ImGui::SameLine();
    char speed[16];
    std::snprintf(speed, sizeof speed, "%gx", pb.speed());
    if (ImGui::Button(speed))
        pb.setSpeedIndex((pb.speedIndex() + 1) % static_cast<int>(std::size(anim::Playback::kSpeeds)));
    if (ImGui::IsItemHovered()) ui::tooltip(view.tr("ui.stack.speed_tip"));
    ImGui::SameLine();

    // The bar: progress, a tick where each block is done (blue cached, orange built).
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeight();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##timeline", ImVec2(std::max(20.0f, w), h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float mid = a.y + h * 0.5f;
    const double length = std::max(0.001, pb.length());
    dl->AddRectFilled(ImVec2(a.x, mid - 2), ImVec2(a.x + w, mid + 2), ImGui::GetColorU32(view.palette.configOnly),
                      2.0f);
    const auto& blocks = pic.scene.after.blocks;
    for (size_t i = 0; i < blocks.size() && i < pic.timeline.after.size(); ++i) {
        const float x = a.x + w * static_cast<float>(pic.timeline.after[i].done / length);
        const ImVec4 colour = stack::stateColour(view.palette, blocks[i].state);
        dl->AddRectFilled(ImVec2(x - 1.5f, mid - h * 0.3f), ImVec2(x + 1.5f, mid + h * 0.3f),
                          ImGui::GetColorU32(colour));
    }
    const float x = a.x + w * static_cast<float>(pb.time() / length);
    dl->AddCircleFilled(ImVec2(x, mid), h * 0.28f, ImGui::GetColorU32(view.palette.text));
    if (ImGui::IsItemActive()) {
        const float mx = ImGui::GetIO().MousePos.x;
        pb.setTime(length * std::clamp((mx - a.x) / std::max(1.0f, w), 0.0f, 1.0f));
        if (!pb.paused()) pb.togglePause();
    }
}

void drawEmpty(View& view) {
    ImGui::Spacing();
    ui::dimWrapped(view.tr("ui.layers.empty"));
    ImGui::Spacing();
    if (ImGui::Button(view.tr("ui.dockerfile.build"))) {
        if (view.ui.dockerfile == view.ui.dockerfileOnDisk || view.saveDockerfile().ok()) view.run(kBuildCommand);
    }
}

}   // namespace

void draw(View& view) {
    PictureState& pic = view.ui.picture;
    // On a projector's stage the picture is plainly the stack: its height goes to the blocks.
    if (!view.ui.presenter) ui::heading(view.fonts.heading(), view.tr("ui.panel.layers"));
    if (!pic.scene.after.present) {
        // The colours' meaning before there is a picture; afterwards every block says it in words.
        legend(view);
        drawEmpty(view);
        return;
    }
    if (pic.scene.after.failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.failed);
        ImGui::TextWrapped("%s", view.tr("ui.layers.build_failed"));
        ImGui::PopStyleColor();
    } else if (!(view.ui.presenter && (view.ui.predict.asking || view.ui.predict.reveal))) {
        // (On a projector a prediction's strip needs the totals' line: its score says what ran.)
        totals(view);
    }
    // What the last `docker rm` / `docker rmi` did, in words (the picture shows it leave).
    if (!pic.departureNote.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.failed);
        ImGui::TextWrapped("%s", view.tr(pic.departureNote.c_str()));
        ImGui::PopStyleColor();
    }

    // The playback bar first, under the totals, so it stays in one place
    // whatever the height of the stack; the picture fills what is left.
    // Presenter mode has its keys instead (R replays), and the height.
    if (!view.ui.presenter) {
        playbackBar(view);
        ImGui::Spacing();
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, std::max(60.0f, avail.y));
    const float needed = stack::pictureMinHeight(view, size.x);
    if (needed <= size.y) {
        ImGui::PushClipRect(min, ImVec2(min.x + size.x, min.y + size.y), true);
        stack::drawPicture(view, min, size);
        ImGui::PopClipRect();
        return;
    }
    // Taller than the panel (a 40-step build): the picture scrolls, and a new
    // build scrolls to its first miss, the block that explains the rest.
    const float scrollbar = ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginChild("##picture", size, false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
    const ImVec2 inner = ImGui::GetCursorScreenPos();
    const float width = size.x - scrollbar - ImGui::GetStyle().ItemSpacing.x;
    const float height = stack::pictureMinHeight(view, width);
    stack::drawPicture(view, inner, ImVec2(width, height));
    ImGui::Dummy(ImVec2(width, height));
    if (pic.scrollToFirstMiss) {
        // With no miss (all cached, an image, a pull): the top, where the newest
        // step, the containers and a pull's first layer are. Scrolling to the
        // base hid every step of a cached build in a short window (presenter
        // at 1280x657 in Korean, where the blocks wrap taller).
        // When the first miss already shows with the picture at its top, the top
        // it stays: the cascade above the miss and the titles are whole, and
        // only the base, below, is cut (centring the miss cut both ends).
        const float target = pic.firstMissOffset >= 0.0f ? pic.firstMissOffset : 0.0f;
        const bool showsAtTop = target + ImGui::GetTextLineHeightWithSpacing() * 1.5f <= size.y;
        ImGui::SetScrollY(showsAtTop ? 0.0f : std::max(0.0f, target - size.y * 0.5f));
        pic.scrollToFirstMiss = false;
    }
    if (pic.scrollToContainers) {
        ImGui::SetScrollY(0.0f);
        pic.scrollToContainers = false;
    }
    ImGui::EndChild();
}

}   // namespace layerlab::render::panels::layers
