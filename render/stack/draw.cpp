#include "render/stack/draw.hpp"

#include <imgui_internal.h>   // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>

#include "render/stack/geometry.hpp"
#include "render/stack/painter.hpp"
#include "render/stack/predict_marks.hpp"
#include "render/widgets.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::render::stack {
namespace {

namespace format = engine::format;

std::string containerStatus(View& view, const engine::Container& c) {
    using S = engine::Container::Status;
    switch (c.status) {
        case S::Running:
            return view.tr("ui.stack.running_container");
        case S::Paused:
            return view.tr("ui.stack.paused");
        case S::Restarting:
            return view.tr("ui.stack.restarting");
        case S::Exited:
            return view.strings.format("ui.stack.exited", {std::to_string(c.exitCode)});
        case S::Dead:
            return view.tr("ui.stack.dead");
        case S::Created:
            break;
    }
    return view.tr("ui.stack.created");
}

std::string containerPorts(const engine::Container& c) {
    const auto& ports = c.activePorts.empty() ? c.ports : c.activePorts;
    std::string text;
    for (const auto& p : ports) {
        if (p.hostPort == 0) continue;
        text += (text.empty() ? "" : "  ") + std::to_string(p.hostPort) + "→" + std::to_string(p.containerPort);
    }
    return text;
}

// The columns as drawn: the expanded base image one text line taller per
// base layer, and each block as many extra lines as its "why" needs when it
// wraps in a column this wide (the first miss's reason must never be cut).
Column withTextRows(const Painter& painter, const Column& column, bool beforeColumn, bool expanded, float width) {
    Column copy = column;
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();
    for (auto& b : copy.blocks) {
        if (b.kind == BlockKind::Config) continue;
        if (b.kind == BlockKind::Base && expanded) {
            b.extraRows = static_cast<int>(b.baseLayers.size()) + 1;
            continue;
        }
        if (beforeColumn) continue;   // the build before says one short line; "…" if it must
        const std::string why = painter.detail(b, beforeColumn);
        const float badgeW = ImGui::CalcTextSize(stateLabel(painter.view, b.state)).x + 10.0f;
        const float wrapW = std::max(40.0f, width - 6.0f - 6.0f * 3 - badgeW);
        const float lines = font->CalcTextSizeA(fontSize, FLT_MAX, wrapW, why.c_str()).y / painter.line;
        // geometry gives one line for the why (two for the first miss, more for FAILED).
        const int given = b.state == BlockState::Failed ? 4 : b.firstMiss ? 2 : 1;
        b.extraRows = std::clamp(static_cast<int>(std::ceil(lines - 0.01f)) - given, 0, 4);
    }
    return copy;
}

// Everything about the picture's arrangement that does not depend on where
// it is drawn: column widths, the containers on top, the columns with their
// text rows. Shared by the drawing and the measuring (pictureMinHeight).
struct Arrangement {
    bool two = false;
    float gapW = 0, colW = 0;
    std::vector<const engine::Container*> onBefore, onAfter;
    float containerH = 0;
    size_t perRow = 1;
    float containersTop = 0;
    float titleH = 0;
    Metrics metrics;
    Column before, after;
};
constexpr size_t kMaxContainerRows = 3;

Arrangement arrange(View& view, const Painter& painter, float width) {
    const Scene& scene = view.ui.picture.scene;
    Arrangement a;
    const float line = painter.line;
    a.two = scene.before.present;
    a.gapW = a.two ? std::max(26.0f, width * 0.045f) : 0.0f;
    a.colW = a.two ? std::floor((width - a.gapW) * 0.5f) : std::min(width, std::max(360.0f, width * 0.6f));
    // Containers stand on their image: count them first to leave room on top.
    for (const auto& c : view.state().containers) {
        if (!scene.after.imageId.empty() && c.imageId == scene.after.imageId) a.onAfter.push_back(&c);
        else if (a.two && !scene.before.imageId.empty() && c.imageId == scene.before.imageId) a.onBefore.push_back(&c);
    }
    // Two containers side by side when the column is wide enough, at most
    // three rows (a "+N more" note says what is left out).
    a.containerH = line * 1.5f;
    a.perRow = a.colW >= 380.0f ? 2 : 1;
    auto rowsFor = [&](size_t n) {
        return static_cast<float>(std::min(kMaxContainerRows, (n + a.perRow - 1) / a.perRow));
    };
    // Containers `docker rm` just removed keep their place while they leave.
    size_t leavingBefore = 0, leavingAfter = 0;
    const PictureState& pic = view.ui.picture;
    if (anim::departure(pic.timeline, pic.playback.time()) < 1.0)
        for (const auto& d : pic.departures) {
            if (!scene.after.imageId.empty() && d.imageId == scene.after.imageId) ++leavingAfter;
            else if (a.two && d.imageId == scene.before.imageId) ++leavingBefore;
        }
    a.containersTop = std::max(rowsFor(a.onBefore.size() + leavingBefore), rowsFor(a.onAfter.size() + leavingAfter)) *
                      (a.containerH + 4.0f);
    a.metrics.line = line;
    a.metrics.gap = 5.0f;
    // An image's many layers go compact (the inspector has digests), and so
    // does a projector's stage in its large type: the steps, their states and why.
    a.metrics.digestRows = !scene.imageOnly && !view.ui.presenter;
    a.titleH = line + 6.0f;
    a.before = withTextRows(painter, scene.before, true, view.ui.picture.baseExpanded, a.colW);
    a.after = withTextRows(painter, scene.after, false, view.ui.picture.baseExpanded, a.colW);
    return a;
}

void recordBlock(View& view, const char* column, const Block& b, const char* state, Box box, const char* mark = "") {
    view.ui.picture.drawn.push_back(DrawnBlock{column, b.step, state, b.instruction, box.x, box.y, box.w, box.h, mark});
}

}   // namespace

ImVec4 stateColour(const Palette& palette, BlockState state) {
    switch (state) {
        case BlockState::Cached:
        case BlockState::Kept:
            return palette.cached;
        case BlockState::Rebuilt:
        case BlockState::New:
            return palette.rebuilt;
        case BlockState::Failed:
            return palette.failed;
        case BlockState::Replaced:
            return palette.base;
        case BlockState::Same:
            return palette.rebuilt;
        case BlockState::Pulled:
            return palette.rebuilt;
        case BlockState::Exists:
            return palette.cached;
        case BlockState::Stored:
            return palette.base;
    }
    return palette.base;
}

const char* stateLabel(View& view, BlockState state) {
    switch (state) {
        case BlockState::Cached:
            return view.tr("ui.layers.cached");
        case BlockState::Rebuilt:
            return view.tr("ui.layers.rebuilt");
        case BlockState::New:
            return view.tr("ui.stack.new");
        case BlockState::Failed:
            return view.tr("ui.layers.failed");
        case BlockState::Kept:
            return view.tr("ui.stack.kept_word");
        case BlockState::Replaced:
            return view.tr("ui.stack.replaced");
        case BlockState::Same:
            return view.tr("ui.stack.same_word");
        case BlockState::Pulled:
            return view.tr("ui.stack.pulled");
        case BlockState::Exists:
            return view.tr("ui.stack.exists");
        case BlockState::Stored:
            return view.tr("ui.stack.stored");
    }
    return "";
}

std::string ellipsize(ImFont* font, float fontSize, const std::string& text, float width) {
    if (font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, text.c_str()).x <= width) return text;
    const char* ellipsis = "…";
    const float ellipsisW = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, ellipsis).x;
    // Walk UTF-8 characters until the next one would not fit.
    const char* s = text.c_str();
    const char* end = s + text.size();
    const char* cut = s;
    float used = 0.0f;
    while (cut < end) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, cut, end);
        if (len <= 0) break;
        const float w = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, cut, cut + len).x;
        if (used + w + ellipsisW > width) break;
        used += w;
        cut += len;
    }
    return std::string(s, cut) + ellipsis;
}

float pictureMinHeight(View& view, float width) {
    const float line = ImGui::GetTextLineHeight();
    const Painter painter{view, ImGui::GetWindowDrawList(), view.palette, line, view.ui.picture.playback.time()};
    const Arrangement a = arrange(view, painter, width);
    // A tiny limit: the size-dependent part of every block shrinks to nothing.
    const PairLayout layout = layoutPair(a.before, a.after, 0.0f, 0.0f, a.colW, 0.0f, 1.0f, a.metrics);
    return a.titleH + a.containersTop + layout.height + 6.0f;
}

namespace {

// One frame of the picture: where the columns and their blocks stand, and the
// clock, shared by the steps that draw it (titles, links, the two columns,
// the containers on top).
struct PictureFrame {
    View& view;
    PictureState& pic;
    const Scene& scene;
    const anim::Timeline& tl;
    double t;
    ImDrawList* dl;
    const Palette& p;
    float line;
    Painter& painter;
    const Arrangement& arrangement;
    float xBefore, xAfter;
    PairLayout layout;
    float top;
    float gone;   // how far an image `docker rmi` removed has faded (0..1)
    ImVec2 mouse;
    bool canClick;

    // An image `docker rmi` removed fades to a dashed ghost of itself.
    float removedAlpha(const Column& column) const { return column.removed ? 1.0f - 0.6f * gone : 1.0f; }

    void title(float x, const Column& column, const char* key) {
        std::string text = view.tr(key);
        if (!column.tag.empty() && &column != &scene.before && !column.failed) text += " · " + column.tag;
        if (!column.imageId.empty()) text += " · " + format::shortId(column.imageId);
        if (column.failed) text += " · " + std::string(view.tr("ui.layers.failed"));
        if (column.removed) text += " · " + std::string(view.tr("ui.stack.removed"));
        text = ellipsize(ImGui::GetFont(), ImGui::GetFontSize(), text, arrangement.colW);
        dl->AddText(ImVec2(x, titleY()), u32(p.textDim), text.c_str());
        pic.titles.push_back(DrawnBlock{&column == &scene.before ? "before" : "after", 0, "TITLE", text, x, titleY(),
                                        ImGui::CalcTextSize(text.c_str()).x, line, ""});
    }

    // Where the titles go: above the containers; in a picture taller than its
    // panel, scrolled to the first miss, they stay at the panel's visible top
    // (as a table's header does) so the two columns keep their names and no
    // line is cut in half at the edge.
    float titleY() const { return std::max(naturalTitleY(), dl->GetClipRectMin().y); }
    float naturalTitleY() const { return top - arrangement.containersTop - arrangement.titleH; }

    // A pinned title line covers the blocks scrolling under it.
    void titleBand() {
        const float y = titleY();
        if (y <= naturalTitleY()) return;
        const float x1 = xAfter + arrangement.colW;
        dl->AddRectFilled(ImVec2(xBefore, y), ImVec2(x1, y + arrangement.titleH), u32(p.panel));
    }

    // Links first (under the blocks): a reused layer joined to its twin.
    void links() {
        const Column& after = arrangement.after;
        for (size_t j = 0; j < after.blocks.size(); ++j) {
            const Block& b = after.blocks[j];
            if (b.twin < 0 || t < tl.after[j].appear) continue;
            const Box& nb = layout.after[j];
            const Box& ob = layout.before[static_cast<size_t>(b.twin)];
            const bool reused = b.state == BlockState::Cached;
            const ImVec2 from(ob.x + ob.w, ob.y + ob.h * 0.5f), to(nb.x, nb.y + nb.h * 0.5f);
            if (reused) {
                dl->AddLine(from, to, u32(p.cached), 2.5f);
            } else if (b.sameResult) {
                // Ran again, same layer: a solid link in the colour of a step that ran, "=" on it.
                dl->AddLine(from, to, u32(p.rebuilt), 2.5f);
                const ImVec2 mid((from.x + to.x) * 0.5f, (from.y + to.y) * 0.5f);
                const ImVec2 eq = ImGui::CalcTextSize("=");
                dl->AddRectFilled(ImVec2(mid.x - eq.x, mid.y - eq.y * 0.5f), ImVec2(mid.x + eq.x, mid.y + eq.y * 0.5f),
                                  u32(p.panel), 3.0f);
                dl->AddText(ImVec2(mid.x - eq.x * 0.5f, mid.y - eq.y * 0.5f), u32(p.rebuilt), "=");
            } else if (b.kind != BlockKind::Config) {
                // Same step, a new layer: a dashed link and "≠" between the digests.
                for (float s = 0; s < 1.0f; s += 0.2f)
                    dl->AddLine(ImVec2(from.x + (to.x - from.x) * s, from.y),
                                ImVec2(from.x + (to.x - from.x) * (s + 0.1f), from.y), u32(p.rebuilt), 2.0f);
            }
        }
    }

    // Before: kept layers stay, replaced ones fade from the first miss on.
    void beforeColumn() {
        const Column& before = arrangement.before;
        const double fade =
            tl.fadeEnd > tl.fadeStart ? std::clamp((t - tl.fadeStart) / (tl.fadeEnd - tl.fadeStart), 0.0, 1.0) : 1.0;
        for (size_t i = 0; i < before.blocks.size(); ++i) {
            Block b = before.blocks[i];
            const Box box = layout.before[i];
            const bool replaced = b.state == BlockState::Replaced;
            const bool ranAgain = replaced || b.state == BlockState::Same;
            const float alpha =
                (replaced ? 1.0f - 0.55f * static_cast<float>(fade) : 0.85f) * removedAlpha(scene.before);
            // Until the build now has run this step again, the old layer is just a layer.
            const bool twinDone = b.twin >= 0 && static_cast<size_t>(b.twin) < tl.after.size() &&
                                  t >= tl.after[static_cast<size_t>(b.twin)].done;
            if (ranAgain && (fade < 1.0 || !twinDone)) b.state = BlockState::Stored;
            const bool hovered = canClick && box.contains(mouse.x, mouse.y);
            const bool selected = pic.selected.column == 0 && pic.selected.index == static_cast<int>(i);
            Box shown = box;
            if (replaced) shown.x -= 10.0f * static_cast<float>(fade);
            painter.block(b, shown, true, alpha, 1.0f, selected, hovered);
            recordBlock(view, "before", b, stateWord(before.blocks[i].state), box);
            if (hovered && ImGui::IsMouseClicked(0)) pic.selected = Selection{0, static_cast<int>(i)};
        }
    }

    // Now: cached blocks drop in, the others are built one by one.
    void afterColumn() {
        const Column& after = arrangement.after;
        for (size_t j = 0; j < after.blocks.size(); ++j) {
            const Block& b = after.blocks[j];
            if (b.state == BlockState::Pulled && tl.after[j].downloaded >= 0.0) pulledBlock(j);
            else afterBlock(j);
        }
    }

    // A pulled layer: Docker's words for each phase, several at once.
    void pulledBlock(size_t j) {
        const Block& b = arrangement.after.blocks[j];
        const anim::BlockTiming& timing = tl.after[j];
        const anim::PullPhase phase = anim::pullPhase(timing, t);
        const float progress = static_cast<float>(anim::pullProgress(timing, t));
        const char* word = nullptr;
        const char* name = stateWord(b.state);   // for the sidecar, in any language
        float grow = 1.0f;
        switch (phase) {
            case anim::PullPhase::Waiting:
                word = view.tr("ui.stack.waiting");
                name = "WAITING";
                grow = 0.0f;
                break;
            case anim::PullPhase::Downloading:
                word = view.tr("ui.stack.downloading");
                name = "DOWNLOADING";
                grow = progress;
                break;
            case anim::PullPhase::DownloadComplete:
                word = view.tr("ui.stack.download_complete");
                name = "DOWNLOAD COMPLETE";
                break;
            case anim::PullPhase::Extracting:
                word = view.tr("ui.stack.extracting");
                name = "EXTRACTING";
                break;
            case anim::PullPhase::PullComplete:
                break;
        }
        const Box box = layout.after[j];
        const bool hovered = canClick && box.contains(mouse.x, mouse.y);
        const bool selected = pic.selected.column == 1 && pic.selected.index == static_cast<int>(j);
        painter.block(b, box, false, removedAlpha(scene.after), grow, selected, hovered, word, progress);
        recordBlock(view, "after", b, name, box);
        if (hovered && ImGui::IsMouseClicked(0)) pic.selected = Selection{1, static_cast<int>(j)};
    }

    // A step of the build now: a cached block drops in, one that runs grows;
    // a failed one shakes. Clicking selects it (and opens the base image).
    void afterBlock(size_t j) {
        const Block& b = arrangement.after.blocks[j];
        const anim::BlockTiming& timing = tl.after[j];
        const double e = anim::entrance(timing, t);
        if (e <= 0.0) {
            if (timing.built)
                dashedRect(dl, ImVec2(layout.after[j].x, layout.after[j].y),
                           ImVec2(layout.after[j].x + arrangement.colW, layout.after[j].bottom()),
                           u32(p.textDim, 0.25f));
            return;
        }
        Box box = layout.after[j];
        float alpha = 1.0f, grow = 1.0f;
        if (timing.built && b.state != BlockState::Failed) {
            grow = static_cast<float>(e);
        } else {
            box.y -= (1.0f - easeOut(e)) * line * 2.0f;   // drops into place
            alpha = static_cast<float>(std::min(1.0, e * 1.5));
        }
        alpha *= removedAlpha(scene.after);
        if (b.state == BlockState::Failed && tl.failAt >= 0.0 && t >= tl.failAt) {
            const double s = (t - tl.failAt) / anim::kShakeSeconds;
            if (s < 1.0) box.x += static_cast<float>(std::sin(s * 40.0) * 7.0 * (1.0 - s));
        }
        const bool hovered = canClick && box.contains(mouse.x, mouse.y);
        const bool selected = pic.selected.column == 1 && pic.selected.index == static_cast<int>(j);
        painter.block(b, box, false, alpha, grow, selected, hovered);
        const char* mark = predictMark(view, dl, b, box, alpha, grow >= 1.0f && e >= 1.0);
        if (grow >= 1.0f) recordBlock(view, "after", b, stateWord(b.state), layout.after[j], mark);
        // While a question is open a click is a guess (the same toggle as the
        // panel's checkboxes); otherwise it opens the inspector.
        const bool guess = predictable(view, b);
        if (hovered && ImGui::IsMouseClicked(0)) {
            if (guess) {
                view.ui.predict.toggle(b.step);
            } else {
                pic.selected = Selection{1, static_cast<int>(j)};
                if (b.kind == BlockKind::Base) pic.baseExpanded = !pic.baseExpanded;
                pic.editorLine = b.sourceLine;
            }
        }
        if (hovered) {
            std::string tip = b.step > 0 ? "[" + std::to_string(b.step) + "] " + b.instruction : b.instruction;
            ui::tooltip((tip + "\n" + view.tr(guess ? "ui.predict.click_block" : "ui.stack.click_to_inspect")).c_str());
        }
    }

    // Containers: a thin writable layer on the image they run from. One that
    // `docker rm` just removed fades and lifts off from its own place, so the
    // others do not shuffle while it leaves.
    void containers(const std::vector<const engine::Container*>& list, float x, const engine::Digest& imageId) {
        if (t < tl.containersAt) return;
        std::vector<const Departure*> leaving;
        if (gone < 1.0f)
            for (const auto& d : pic.departures)
                if (d.imageId == imageId) leaving.push_back(&d);
        const size_t perRow = arrangement.perRow;
        const float containerH = arrangement.containerH;
        const size_t count = list.size() + leaving.size();
        const float w = count > 1 && perRow == 2 ? (arrangement.colW - 4.0f) * 0.5f : arrangement.colW;
        const size_t shownCount = std::min(count, perRow * kMaxContainerRows);
        size_t live = 0;   // the next of LIST to draw
        for (size_t k = 0; k < shownCount; ++k) {
            const float cx = x + static_cast<float>(k % perRow) * (w + 4.0f);
            float cy = top - 4.0f - containerH - static_cast<float>(k / perRow) * (containerH + 4.0f);
            ImVec2 a(cx, cy), z(cx + w, cy + containerH);
            if (k + 1 == shownCount && shownCount < count) {
                const std::string more = view.strings.format("ui.stack.more_containers", {std::to_string(count - k)});
                dashedRect(dl, a, z, u32(p.textDim));
                dl->AddText(ImVec2(a.x + 5.0f, a.y + (containerH - ImGui::GetFontSize()) * 0.5f), u32(p.textDim),
                            more.c_str());
                break;
            }
            const Departure* departing = departingAt(leaving, k);
            if (departing) departingContainer(*departing, a, z, w);
            else if (live < list.size()) container(*list[live++], a, z, w);
        }
    }

    // The container `docker rm` removed from place K (when one was there).
    static const Departure* departingAt(const std::vector<const Departure*>& leaving, size_t k) {
        for (const Departure* d : leaving)
            if (d->slot == k) return d;
        return nullptr;
    }

    // Removed: its writable layer goes with it; the image below stays. It
    // slides aside as it fades (lifting would cover the container above it).
    void departingContainer(const Departure& d, ImVec2 a, ImVec2 z, float w) {
        const float slide = easeOut(gone) * w * 0.25f;
        a.x += slide;
        z.x += slide;
        const float alpha = 1.0f - gone;
        dashedRect(dl, a, z, u32(p.failed, alpha));
        const float bw = badgeAt(dl, ImVec2(a.x + 4.0f, a.y + 2.0f), view.tr("ui.stack.removed"), p.failed, alpha, p);
        const std::string text = ellipsize(ImGui::GetFont(), ImGui::GetFontSize(), d.name, w - bw - 16.0f);
        dl->AddText(ImVec2(a.x + bw + 10.0f, a.y + 2.0f), u32(p.textDim, alpha), text.c_str());
        view.ui.picture.drawn.push_back(DrawnBlock{"removed", 0, d.name, "", a.x, a.y, w, arrangement.containerH, ""});
    }

    void container(const engine::Container& c, ImVec2 a, ImVec2 z, float w) {
        const float containerH = arrangement.containerH;
        const bool up = c.status == engine::Container::Status::Running;
        const ImVec4 colour = up ? p.ok : p.textDim;
        dl->AddRectFilled(a, z, u32(ui::mix(p.panel, colour, 0.18f)), 3.0f);
        // The hatched band is the writable layer: it thickens (log scale) as
        // the container writes, what `docker ps -s` sizes and `docker diff` lists.
        const uint64_t written = engine::containers::writableSize(c);
        const float grownBy = std::clamp(std::log10(1.0f + static_cast<float>(written)) / 6.0f, 0.0f, 1.0f);
        const float band = 4.0f + grownBy * (containerH * 0.3f - 4.0f);
        hatch(dl, ImVec2(a.x, z.y - band), z, u32(colour, 0.6f), 6.0f);
        dl->AddRect(a, z, u32(colour), 3.0f);
        std::string text = c.name + "  " + containerStatus(view, c);
        const std::string ports = containerPorts(c);
        if (!ports.empty()) text += "  " + ports;
        if (written > 0) text += "  " + view.strings.format("ui.stack.writable_size", {format::humanSize(written)});
        text = ellipsize(ImGui::GetFont(), ImGui::GetFontSize(), text, w - 10.0f);
        dl->AddText(ImVec2(a.x + 5.0f, a.y + (containerH - band - ImGui::GetFontSize()) * 0.5f), u32(p.text),
                    text.c_str());
        view.ui.picture.drawn.push_back(DrawnBlock{"container", 0, c.name, c.imageRef, a.x, a.y, w, containerH, ""});
        if (canClick && mouse.x >= a.x && mouse.x < z.x && mouse.y >= a.y && mouse.y < z.y)
            ui::tooltip(view.tr("ui.stack.container_tip"));
    }
};

}   // namespace

float drawPicture(View& view, ImVec2 min, ImVec2 size) {
    PictureState& pic = view.ui.picture;
    const Scene& scene = pic.scene;
    const double t = pic.playback.time();
    const float line = ImGui::GetTextLineHeight();
    Painter painter{view, ImGui::GetWindowDrawList(), view.palette, line, t};

    const Arrangement arrangement = arrange(view, painter, size.x);
    const bool two = arrangement.two;
    const float xBefore = min.x;
    const float xAfter = two ? min.x + arrangement.colW + arrangement.gapW : min.x;
    const float titleH = arrangement.titleH;
    const float containersTop = arrangement.containersTop;
    // Top-anchored: the titles sit under the totals, the base where the stack
    // ends, so no empty band opens above a short stack.
    const float maxH = size.y - titleH - containersTop - 4.0f;
    const float natural = layoutPair(arrangement.before, arrangement.after, xBefore, xAfter, arrangement.colW, 0.0f,
                                     maxH, arrangement.metrics)
                              .height;
    const float bottom = min.y + titleH + containersTop + 2.0f + std::min(natural, std::max(0.0f, maxH));
    PictureFrame frame{view,
                       pic,
                       scene,
                       pic.timeline,
                       t,
                       painter.dl,
                       view.palette,
                       line,
                       painter,
                       arrangement,
                       xBefore,
                       xAfter,
                       layoutPair(arrangement.before, arrangement.after, xBefore, xAfter, arrangement.colW, bottom,
                                  maxH, arrangement.metrics),
                       0.0f,
                       static_cast<float>(anim::departure(pic.timeline, t)),
                       ImGui::GetIO().MousePos,
                       ImGui::IsWindowHovered()};
    const PairLayout& layout = frame.layout;
    frame.top = bottom - layout.height;
    // A block scrolled under the pinned titles is hidden there: a click on the titles is not a click on it.
    if (frame.mouse.y < frame.titleY() + titleH) frame.canClick = false;
    const float used = bottom + 2.0f - min.y;
    pic.firstMissOffset = -1.0f;
    for (size_t j = 0; j < arrangement.after.blocks.size(); ++j)
        if (arrangement.after.blocks[j].firstMiss)
            pic.firstMissOffset = layout.after[j].y + layout.after[j].h * 0.5f - min.y;

    pic.drawn.clear();
    pic.titles.clear();
    const ImVec2 clipMin = painter.dl->GetClipRectMin(), clipMax = painter.dl->GetClipRectMax();
    pic.visible =
        DrawnBlock{"visible", 0, "", "", clipMin.x, clipMin.y, clipMax.x - clipMin.x, clipMax.y - clipMin.y, ""};
    if (two) frame.links();
    if (two) frame.beforeColumn();
    frame.afterColumn();
    if (two) frame.containers(arrangement.onBefore, xBefore, scene.before.imageId);
    frame.containers(arrangement.onAfter, xAfter, scene.after.imageId);
    // The titles last: pinned at the top of a scrolled picture, they cover what scrolls under them.
    frame.titleBand();
    if (two) frame.title(xBefore, scene.before, "ui.stack.before");
    frame.title(xAfter, scene.after, two ? "ui.stack.now" : scene.imageOnly ? "ui.stack.image" : "ui.stack.this_build");
    return used;
}

}   // namespace layerlab::render::stack
