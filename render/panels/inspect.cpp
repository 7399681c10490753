// "Inspect": the block the learner clicked in the layer stack. Its
// instruction and Dockerfile line (highlighted in the editor), digest, size
// and duration; the verdict (reused, missed by its own change, or only
// because a lower step was rebuilt); the cache-key inputs now and in the
// build before, from the builder's cache records; and the files of the
// layer, dive-style. Everything is read from State and the scene.
#include <imgui.h>

#include <cmath>
#include <set>
#include <string>

#include "render/panels/panels.hpp"
#include "render/stack/draw.hpp"
#include "render/widgets.hpp"
#include "sim/engine/builder/build_record.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::render::panels::inspect {
namespace {

namespace format = engine::format;
using stack::Block;
using stack::BlockState;

// A labelled rule between the inspector's parts (this Dear ImGui has no SeparatorText).
void section(const char* text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text);
    ImGui::Separator();
}

const engine::CacheRecord* recordOf(const engine::State& state, const stack::BuildInput& build, int step) {
    auto key = build.keyByStep.find(step);
    if (key == build.keyByStep.end()) return nullptr;
    auto record = state.buildCache.find(key->second);
    return record == state.buildCache.end() ? nullptr : &record->second;
}

// One row of an inputs table: the name, the value before, the value now (in
// the colour of a step that ran when they differ, with TIP on hover).
void row(const char* name, const std::string& before, const std::string& now, bool same, const Palette& p,
         const char* tip = nullptr) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(before.c_str());
    ImGui::TableNextColumn();
    if (!same) ImGui::PushStyleColor(ImGuiCol_Text, p.rebuilt);
    ImGui::TextUnformatted(now.c_str());
    if (!same) ImGui::PopStyleColor();
    if (!same && tip && ImGui::IsItemHovered()) ui::tooltip(tip);
}

// The inputs table (name, before, now); false when ImGui has nothing to draw
// (then there is no EndTable to call).
bool beginInputsTable(View& view, float nameWeight) {
    if (!ImGui::BeginTable("##inputs", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH))
        return false;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, nameWeight);
    ImGui::TableSetupColumn(view.tr("ui.stack.before"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(view.tr("ui.stack.now"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    return true;
}

// The cache key's inputs before vs now: instruction, parent, env/args/workdir.
void cacheInputs(View& view, const Block& b) {
    const PictureState& pic = view.ui.picture;
    const engine::CacheRecord* now = recordOf(view.state(), pic.now, b.step);
    const engine::CacheRecord* before = recordOf(view.state(), pic.before, b.step);
    if (!now && !before) return;
    section(view.tr("ui.inspect.inputs"));
    if (!beginInputsTable(view, 1.0f)) return;
    const std::string none = "-";
    auto compared = [&](const char* name, const std::string& was, const std::string& is) {
        row(name, was, is, was == is, view.palette);
    };
    compared(view.tr("ui.inspect.instruction"), before ? before->command : none, now ? now->command : none);
    compared(view.tr("ui.inspect.parent"), before ? format::shortId(before->parentKey) : none,
             now ? format::shortId(now->parentKey) : none);
    std::set<std::string> names;
    // "env:A=1" and "arg:V=2" are named up to '='; "workdir:/app", "user:node" up to ':'.
    auto nameOf = [](const std::string& input) {
        const bool keyed = input.rfind("env:", 0) == 0 || input.rfind("arg:", 0) == 0;
        return input.substr(0, input.find(keyed ? '=' : ':'));
    };
    if (before)
        for (const auto& in : before->inputs) names.insert(nameOf(in));
    if (now)
        for (const auto& in : now->inputs) names.insert(nameOf(in));
    for (const auto& name : names) {
        auto value = [&](const engine::CacheRecord* r) {
            if (!r) return none;
            for (const auto& in : r->inputs)
                if (nameOf(in) == name) return in.size() > name.size() ? in.substr(name.size() + 1) : std::string();
            return none;
        };
        compared(name.c_str(), value(before), value(now));
    }
    ImGui::EndTable();
}

// The three-column table (kind, path, size) both file lists use; false when
// ImGui has nothing to draw (then there is no EndTable to call).
bool beginFilesTable(View& view) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##files", 3, flags,
                           ImVec2(0, std::max(ImGui::GetTextLineHeight() * 4, ImGui::GetContentRegionAvail().y))))
        return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.2f);
    ImGui::TableSetupColumn(view.tr("ui.inspect.path"), ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn(view.tr("ui.inspect.size"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    return true;
}

// The layer's files: added (A) or changed (M) against the layers below,
// removed (D), and "wasted" when a layer above deletes or replaces them.
void files(View& view, const Block& b, const engine::Digest& imageId) {
    const engine::State& state = view.state();
    auto layer = state.layers.find(b.digest);
    if (layer == state.layers.end()) return;
    std::vector<const engine::Layer*> below, above;
    if (auto image = state.images.find(imageId); image != state.images.end()) {
        bool seen = false;
        for (const auto& id : image->second.layers) {
            if (id == b.digest) {
                seen = true;
                continue;
            }
            auto other = state.layers.find(id);
            if (other == state.layers.end()) continue;
            (seen ? above : below).push_back(&other->second);
        }
    }
    section(view.strings.format("ui.inspect.files", {format::humanSize(layer->second.size)}).c_str());
    if (!beginFilesTable(view)) return;
    uint64_t wasted = 0;
    int shown = 0;
    constexpr int kMaxRows = 300;
    ImGui::PushFont(view.fonts.mono());
    layer->second.changes.forEach([&](const std::string& path, const fs::FileEntry& entry) {
        if (entry.isDir()) return;
        bool existed = false, overwritten = false;
        for (const auto* l : below) existed = existed || l->changes.find(path) != nullptr;
        for (const auto* l : above) {
            overwritten = overwritten || l->changes.find(path) != nullptr;
            for (const auto& d : l->deleted) overwritten = overwritten || d == path || path.rfind(d + "/", 0) == 0;
        }
        if (overwritten) wasted += entry.size();
        if (++shown > kMaxRows) return;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(existed ? view.palette.rebuilt : view.palette.ok, "%s", existed ? "M" : "A");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(("/" + path).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s%s", format::humanSize(entry.size()).c_str(), overwritten ? " *" : "");
    });
    for (const auto& path : layer->second.deleted) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(view.palette.failed, "D");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(("/" + path).c_str());
        ImGui::TableNextColumn();
    }
    ImGui::PopFont();
    ImGui::EndTable();
    if (shown > kMaxRows)
        ImGui::TextDisabled("%s",
                            view.strings.format("ui.inspect.more_files", {std::to_string(shown - kMaxRows)}).c_str());
    if (wasted > 0)
        ImGui::TextDisabled("%s", view.strings.format("ui.inspect.wasted", {format::humanSize(wasted)}).c_str());
}

// The builder's rows: instruction, parent, each COPY file with its checksum,
// args, env, workdir, user, base image; before and now side by side.
void recordInputs(View& view, const engine::BuildRecord& record, size_t index, bool titled = true) {
    const std::vector<engine::KeyInputRow> rows = engine::keyInputRows(view.state(), record, index);
    if (rows.empty()) return;
    if (titled) section(view.tr("ui.inspect.inputs"));
    if (!beginInputsTable(view, 1.2f)) return;
    for (const auto& r : rows) {
        view.fonts.addText(r.label + r.before + r.now);
        row(r.label.c_str(), r.before.empty() ? "-" : r.before, r.now.empty() ? "-" : r.now, r.same, view.palette,
            view.tr("ui.inspect.differs"));
    }
    ImGui::EndTable();
}

// Dive-style: what the layer added (A), changed (M) and removed (D), with sizes and wasted bytes.
void recordFiles(View& view, const engine::BuildRecord& record, size_t index, uint64_t layerSize, bool titled = true) {
    const engine::LayerContents contents = engine::stepLayerContents(view.state(), record, index);
    if (!contents.known) return;
    if (titled) section(view.strings.format("ui.inspect.files", {format::humanSize(layerSize)}).c_str());
    if (contents.wastedBytes > 0)
        ImGui::TextDisabled(
            "%s", view.strings.format("ui.inspect.wasted", {format::humanSize(contents.wastedBytes)}).c_str());
    if (!beginFilesTable(view)) return;
    ImGui::PushFont(view.fonts.mono());
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(contents.files.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& f = contents.files[static_cast<size_t>(i)];
            using K = engine::LayerFileChange::Kind;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const ImVec4 colour = f.kind == K::Added     ? view.palette.ok
                                  : f.kind == K::Changed ? view.palette.rebuilt
                                                         : view.palette.failed;
            ImGui::TextColored(colour, "%s", f.kind == K::Added ? "A" : f.kind == K::Changed ? "M" : "D");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((f.path + (f.directory ? "/" : "")).c_str());
            ImGui::TableNextColumn();
            if (!f.directory && f.kind != K::Removed)
                ImGui::Text("%s%s", format::humanSize(f.size).c_str(), f.wastedBytes > 0 ? " *" : "");
        }
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

// The title row with a close button on the right; false when it was closed.
bool titleRow(View& view, const Block& b) {
    PictureState& pic = view.ui.picture;
    const std::string title = b.step > 0 ? "[" + std::to_string(b.step) + "] " + b.instruction
                                         : (b.baseName.empty() ? b.instruction : b.baseName);
    const char* close = view.tr("ui.inspect.close");
    const float closeW = ImGui::CalcTextSize(close).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PushFont(view.fonts.mono());
    const std::string shown = stack::ellipsize(view.fonts.mono(), drawSize(view.fonts.mono()), title,
                                               ImGui::GetContentRegionAvail().x - closeW - 12.0f);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowWidth() - closeW - ImGui::GetStyle().WindowPadding.x);
    if (ImGui::SmallButton(close)) {
        pic.selected = Selection{};
        pic.editorLine = 0;
        return false;
    }
    return true;
}

// Facts: line, state, digest (old -> new), size, time.
std::string factsLine(View& view, const Block& b) {
    const PictureState& pic = view.ui.picture;
    std::string facts;
    if (b.sourceLine > 0) facts = view.strings.format("ui.layers.tip_line", {std::to_string(b.sourceLine)}) + " · ";
    facts += stack::stateLabel(view, b.state);
    if (!b.digest.empty()) {
        facts += " · " + format::shortId(b.digest);
        const stack::Column& other = pic.selected.column == 0 ? pic.scene.after : pic.scene.before;
        if (b.twin >= 0 && b.twin < static_cast<int>(other.blocks.size())) {
            const auto& twin = other.blocks[static_cast<size_t>(b.twin)];
            if (!twin.digest.empty() && twin.digest != b.digest)
                facts += pic.selected.column == 1
                             ? " (" + view.strings.format("ui.inspect.was", {format::shortId(twin.digest)}) + ")"
                             : " (" + view.strings.format("ui.inspect.now_is", {format::shortId(twin.digest)}) + ")";
        }
    }
    facts += " · " + format::humanSize(b.size);
    if (b.durationMs > 0) {
        char text[32];
        std::snprintf(text, sizeof text, " · %.1f s", static_cast<double>(b.durationMs) / 1000.0);
        facts += text;
    }
    return facts;
}

// The verdict, in plain words (without a builder's record).
std::string sceneVerdict(View& view, const Block& b) {
    if (view.ui.picture.selected.column == 0)
        return view.tr(b.state == BlockState::Kept   ? "ui.inspect.verdict_kept"
                       : b.state == BlockState::Same ? "ui.inspect.verdict_same"
                                                     : "ui.inspect.verdict_replaced");
    if (b.kind == stack::BlockKind::Config) return view.tr("ui.layers.tip_config");
    if (b.state == BlockState::Cached) return view.tr("ui.inspect.verdict_cached");
    if (b.state == BlockState::Failed) return view.tr("ui.stack.failed_detail");
    if (b.cascade) return view.strings.format("ui.inspect.verdict_cascade", {std::to_string(b.cascadeFrom)});
    return view.strings.format("ui.inspect.verdict_own", {view.pick(b.reason, b.reasonKo)});
}

// The builder's record of the step: its cache-key inputs and its files, side
// by side when wide, in tabs when narrow.
void recordSections(View& view, const Block& b, const engine::BuildRecord& record, size_t index) {
    PictureState& pic = view.ui.picture;
    const bool inputs = pic.selected.column == 1 && b.kind != stack::BlockKind::Base;
    const bool layerFiles = b.kind == stack::BlockKind::Layer;
    const float width = ImGui::GetContentRegionAvail().x;
    if (inputs && layerFiles && width >= 760.0f) {
        // Wide: the cache key and the files side by side, each with the full height.
        const float height = std::max(ImGui::GetTextLineHeight() * 6, ImGui::GetContentRegionAvail().y);
        ImGui::BeginChild("##why", ImVec2(std::floor(width * 0.56f), height));
        recordInputs(view, record, index);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##files", ImVec2(0, height));
        recordFiles(view, record, index, b.size);
        ImGui::EndChild();
    } else if (inputs && layerFiles) {
        // Narrow: one tab each, so the files are never below the fold.
        ImGui::Spacing();
        if (ImGui::BeginTabBar("##inspect_tabs")) {
            const ImGuiTabItemFlags showFiles = pic.showFiles ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(view.tr("ui.inspect.tab_inputs"))) {
                recordInputs(view, record, index, false);
                ImGui::EndTabItem();
            }
            const std::string filesLabel =
                view.strings.format("ui.inspect.tab_files", {format::humanSize(b.size)}) + "###files";
            if (ImGui::BeginTabItem(filesLabel.c_str(), nullptr, showFiles)) {
                recordFiles(view, record, index, b.size, false);
                ImGui::EndTabItem();
            }
            pic.showFiles = false;
            ImGui::EndTabBar();
        }
    } else {
        if (inputs) recordInputs(view, record, index);
        if (layerFiles) recordFiles(view, record, index, b.size);
    }
}

// The base image's own layers, one line each.
void baseLayers(View& view, const Block& b) {
    section(view.tr("ui.inspect.base_layers"));
    ImGui::PushFont(view.fonts.mono());
    for (auto it = b.baseLayers.rbegin(); it != b.baseLayers.rend(); ++it) {
        auto layer = view.state().layers.find(*it);
        ImGui::Text("%s  %s", format::shortId(*it).c_str(),
                    layer == view.state().layers.end() ? "" : format::humanSize(layer->second.size).c_str());
    }
    ImGui::PopFont();
}

}   // namespace

void draw(View& view) {
    PictureState& pic = view.ui.picture;
    const stack::Column& column = pic.selected.column == 0 ? pic.scene.before : pic.scene.after;
    if (pic.selected.index >= static_cast<int>(column.blocks.size())) {
        pic.selected = Selection{};
        return;
    }
    const Block& b = column.blocks[static_cast<size_t>(pic.selected.index)];
    if (!titleRow(view, b)) return;

    const std::string facts = factsLine(view, b);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", facts.c_str());
    std::string verdict = sceneVerdict(view, b);
    // The builder's record says it in the same words as `why STEP` in the shell.
    const stack::BuildInput& build = pic.selected.column == 0 ? pic.before : pic.now;
    const engine::BuildRecord* record = stack::recordOf(view.state(), build);
    const bool hasRecord = record && b.recordIndex >= 0 && b.recordIndex < static_cast<int>(record->steps.size());
    if (hasRecord && pic.selected.column == 1 && b.kind != stack::BlockKind::Config)
        verdict = engine::stepVerdict(record->steps[static_cast<size_t>(b.recordIndex)], view.korean());
    view.fonts.addText(verdict);   // the builder's words may hold glyphs no table has (built on the next frame)
    ImGui::TextUnformatted(verdict.c_str());
    ImGui::PopTextWrapPos();

    if (hasRecord) {
        recordSections(view, b, *record, static_cast<size_t>(b.recordIndex));
    } else {
        if (b.step > 0 && b.kind != stack::BlockKind::Base) cacheInputs(view, b);
        if (b.kind == stack::BlockKind::Layer) files(view, b, column.imageId);
    }
    if (b.kind == stack::BlockKind::Base) baseLayers(view, b);
}

}   // namespace layerlab::render::panels::inspect
