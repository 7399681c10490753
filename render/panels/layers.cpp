// "Layer stack": the last `docker build` as a stack of boxes, FROM at the
// bottom. Blue boxes marked CACHED were reused from the build cache; orange
// boxes marked REBUILT ran again, with the reason under each (the first
// thing that differed, or "parent layer was rebuilt" for the cascade). A
// failed build shows the step that failed and Docker's error on top.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "render/panels/panels.hpp"
#include "render/widgets.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::render::panels::layers {
namespace {

using engine::BuildStepRecord;
namespace format = engine::format;

enum class BoxKind { Cached, Rebuilt, Failed };

std::string seconds(int64_t ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
    return text;
}

// "FROM docker.io/library/node:latest" -> the local image it names, if pulled.
const engine::Image* baseImage(const engine::State& state, const std::string& instruction) {
    if (instruction.rfind("FROM ", 0) != 0) return nullptr;
    std::string ref = instruction.substr(5);
    ref = ref.substr(0, ref.find(' '));
    for (const char* prefix : {"docker.io/library/", "docker.io/"})
        if (ref.rfind(prefix, 0) == 0) ref = ref.substr(std::string(prefix).size());
    if (ref.find(':') == std::string::npos && ref.find('@') == std::string::npos) ref += ":latest";
    auto tag = state.tags.find(ref);
    if (tag == state.tags.end()) return nullptr;
    auto image = state.images.find(tag->second);
    return image == state.images.end() ? nullptr : &image->second;
}

uint64_t imageSize(const engine::State& state, const engine::Image& image) {
    uint64_t total = 0;
    for (const auto& diffId : image.layers) {
        auto layer = state.layers.find(diffId);
        if (layer != state.layers.end()) total += layer->second.size;
    }
    return total;
}

std::string detailLine(View& view, const BuildStepRecord& step, BoxKind kind) {
    if (kind == BoxKind::Failed) return view.tr("ui.layers.failed_here");
    if (kind == BoxKind::Rebuilt) {
        const std::string& reason = view.pick(step.reason, step.reasonKo);
        return reason.empty() ? view.tr("ui.layers.ran") : reason;
    }
    if (const engine::Image* base = baseImage(view.state(), step.instruction))
        return view.strings.format("ui.layers.base",
                                   {std::to_string(base->layers.size()), format::humanSize(imageSize(view.state(), *base))});
    return view.tr("ui.layers.reused");
}

// One step as a box: a coloured stripe and badge, the instruction, the
// reason under it, size and time on the right. HIGHLIGHT (0..1) brightens
// it just after a build.
void stepBox(View& view, const BuildStepRecord& step, BoxKind kind, float highlight, int id) {
    const Palette& p = view.palette;
    const ImVec4 colour = kind == BoxKind::Cached ? p.cached : kind == BoxKind::Rebuilt ? p.rebuilt : p.failed;
    const char* label = kind == BoxKind::Cached    ? view.tr("ui.layers.cached")
                        : kind == BoxKind::Rebuilt ? view.tr("ui.layers.rebuilt")
                                                   : view.tr("ui.layers.failed");
    const std::string detail = detailLine(view, step, kind);

    const float pad = ImGui::GetStyle().FramePadding.x;
    const float line = ImGui::GetTextLineHeight();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = line * 2.0f + pad * 2.2f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);

    ImGui::PushID(id);
    ImGui::InvisibleButton("##step", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float fillAmount = 0.28f + 0.55f * highlight + (hovered ? 0.1f : 0.0f);
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ui::mix(p.panel, colour, fillAmount)), 5.0f);
    draw->AddRectFilled(min, ImVec2(min.x + 6.0f, max.y), ImGui::GetColorU32(colour), 5.0f,
                        ImDrawFlags_RoundCornersLeft);
    draw->AddRect(min, max, ImGui::GetColorU32(ui::mix(colour, ImVec4(1, 1, 1, 1), highlight * 0.6f)), 5.0f, 0,
                  1.0f + 2.0f * highlight);

    // First row: badge, "[2/5] WORKDIR /app", size and time on the right.
    ImGui::SetCursorScreenPos(ImVec2(min.x + 6.0f + pad, min.y + pad * 0.8f));
    ui::badge(label, colour);
    const float badgeRight = min.x + 6.0f + pad + ui::badgeSize(label).x + pad;

    std::string right;
    if (!step.layerDiffId.empty() || step.layerSize > 0) right = format::humanSize(step.layerSize);
    if (kind == BoxKind::Rebuilt && step.durationMs > 0) right += (right.empty() ? "" : "  ") + seconds(step.durationMs);
    const float rightWidth = right.empty() ? 0.0f : ImGui::CalcTextSize(right.c_str()).x;
    if (!right.empty())
        draw->AddText(ImVec2(max.x - pad - rightWidth, min.y + pad), ImGui::GetColorU32(p.text), right.c_str());

    const std::string title = step.step > 0 ? "[" + std::to_string(step.step) + "] " + step.instruction : step.instruction;
    ImGui::PushFont(view.fonts.mono());
    const ImVec4 clip(badgeRight, min.y, max.x - pad * 2 - rightWidth, max.y);
    draw->AddText(view.fonts.mono(), view.fonts.mono()->FontSize, ImVec2(badgeRight, min.y + pad),
                  ImGui::GetColorU32(p.text), title.c_str(), nullptr, 0.0f, &clip);
    ImGui::PopFont();

    // Second row: why.
    const ImVec4 clip2(badgeRight, min.y, max.x - pad, max.y);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(badgeRight, min.y + pad + line + 2.0f),
                  ImGui::GetColorU32(kind == BoxKind::Cached ? p.textDim : p.text), detail.c_str(), nullptr, 0.0f,
                  &clip2);

    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y + ImGui::GetStyle().ItemSpacing.y * 0.6f));
    ImGui::Dummy(ImVec2(0, 0));

    if (hovered) {
        std::string tip = title + "\n\n" + label + ": " + detail;
        if (step.sourceLine > 0) tip += "\n" + view.strings.format("ui.layers.tip_line", {std::to_string(step.sourceLine)});
        if (!step.layerDiffId.empty())
            tip += "\n" + view.strings.format("ui.layers.tip_layer",
                                              {format::shortId(step.layerDiffId), format::humanSize(step.layerSize)});
        else if (step.instruction.rfind("FROM ", 0) != 0)
            tip += "\n" + std::string(view.tr("ui.layers.tip_config"));
        ui::tooltip(tip.c_str());
    }
}

void legend(View& view) {
    ui::badge(view.tr("ui.layers.cached"), view.palette.cached);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", view.tr("ui.layers.cached_means"));
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
    ui::badge(view.tr("ui.layers.rebuilt"), view.palette.rebuilt);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", view.tr("ui.layers.rebuilt_means"));
}

// Top to bottom: the last step first, FROM last, with a stage heading
// whenever the stage changes (multi-stage builds).
void drawStack(View& view, const std::vector<BuildStepRecord>& steps, const BuildStepRecord* failed) {
    ImGui::BeginChild("##stack", ImVec2(0, 0), false);
    int stage = failed ? failed->stage : (steps.empty() ? 0 : steps.back().stage);
    bool multiStage = false;
    for (const auto& s : steps) multiStage = multiStage || s.stage != steps.front().stage;
    if (failed) {
        stepBox(view, *failed, BoxKind::Failed, 0.0f, 10000);
    }
    for (int i = static_cast<int>(steps.size()) - 1; i >= 0; --i) {
        const BuildStepRecord& step = steps[static_cast<size_t>(i)];
        if (multiStage && (step.stage != stage || i == static_cast<int>(steps.size()) - 1)) {
            stage = step.stage;
            ImGui::TextDisabled("%s", view.strings.format("ui.layers.stage", {std::to_string(step.stage)}).c_str());
        }
        stepBox(view, step, step.cached ? BoxKind::Cached : BoxKind::Rebuilt, view.highlights.strength(i, view.now), i);
    }
    ImGui::EndChild();
}

void drawEmpty(View& view) {
    ImGui::Spacing();
    ui::dimWrapped(view.tr("ui.layers.empty"));
    ImGui::Spacing();
    if (ImGui::Button(view.tr("ui.dockerfile.build"))) {
        if (view.ui.dockerfile == view.ui.dockerfileOnDisk || view.saveDockerfile().ok()) view.run(kBuildCommand);
    }
}

}  // namespace

void draw(View& view) {
    const engine::LastBuild& last = view.state().lastBuild;
    const FailedBuild& failed = view.ui.failedBuild;
    ui::heading(view.fonts.heading(), view.tr("ui.panel.layers"));
    legend(view);
    ImGui::Spacing();

    if (failed.present) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.failed);
        ImGui::TextWrapped("%s", view.tr("ui.layers.build_failed"));
        ImGui::PopStyleColor();
        ImGui::PushFont(view.fonts.mono());
        ImGui::TextWrapped("%s", failed.error.c_str());
        ImGui::PopFont();
        if (failed.failedStep.step > 0 || !failed.steps.empty())
            drawStack(view, failed.steps, failed.failedStep.instruction.empty() ? nullptr : &failed.failedStep);
        return;
    }
    if (!last.ran) {
        drawEmpty(view);
        return;
    }

    int cached = 0, rebuilt = 0;
    for (const auto& s : last.steps) (s.cached ? cached : rebuilt)++;
    std::string tags;
    for (const auto& t : last.tags) tags += (tags.empty() ? "" : ", ") + t;
    ImGui::TextUnformatted(view.strings
                               .format("ui.layers.summary", {tags.empty() ? "<none>" : tags, format::shortId(last.imageId),
                                                             std::to_string(cached), std::to_string(rebuilt)})
                               .c_str());
    ImGui::TextDisabled("%s", view.strings.format("ui.layers.timing", {seconds(last.totalMs), seconds(last.savedMs)}).c_str());
    ImGui::Spacing();
    drawStack(view, last.steps, nullptr);
}

}  // namespace layerlab::render::panels::layers
