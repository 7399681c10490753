// painter: see painter.hpp.
#include "render/stack/painter.hpp"

#include <algorithm>
#include <cmath>

#include "render/stack/draw.hpp"
#include "render/stack/predict_marks.hpp"
#include "render/widgets.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::render::stack {

namespace format = engine::format;

// What every row of one block is drawn with: where, how visible, in which colour.
struct BlockLook {
    const Block& b;
    Box box;
    ImVec2 a, z;   // the block's corners
    bool beforeColumn;
    float alpha;
    float grow;
    bool building;   // growing while its step runs, or a pulled layer moving
    const char* phase;
    float phaseProgress;
    ImVec4 colour;
};

namespace {

constexpr float kPad = 6.0f;

std::string seconds(int64_t ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
    return text;
}

// "server.js changed (sha256:7eab… → sha256:0188…)" -> "server.js changed": the
// builder's reason without its trailing checksum pair, short enough for a block.
std::string withoutChecksums(const std::string& reason) {
    const auto open = reason.rfind(" (sha256:");
    if (open == std::string::npos || reason.back() != ')') return reason;
    return reason.substr(0, open);
}

}   // namespace

ImU32 u32(ImVec4 c, float alpha) {
    c.w *= alpha;
    return ImGui::GetColorU32(c);
}

float easeOut(double t) {
    const float u = 1.0f - static_cast<float>(std::clamp(t, 0.0, 1.0));
    return 1.0f - u * u * u;
}

void dashedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float dash) {
    auto line = [&](ImVec2 p, ImVec2 q) {
        const float len = std::hypot(q.x - p.x, q.y - p.y);
        for (float s = 0; s < len; s += dash * 2) {
            const float e = std::min(len, s + dash);
            dl->AddLine(ImVec2(p.x + (q.x - p.x) * s / len, p.y + (q.y - p.y) * s / len),
                        ImVec2(p.x + (q.x - p.x) * e / len, p.y + (q.y - p.y) * e / len), colour, 1.0f);
        }
    };
    line(a, ImVec2(b.x, a.y));
    line(ImVec2(b.x, a.y), b);
    line(b, ImVec2(a.x, b.y));
    line(ImVec2(a.x, b.y), a);
}

void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float spacing) {
    dl->PushClipRect(a, b, true);
    for (float x = a.x - (b.y - a.y); x < b.x; x += spacing)
        dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), colour, 2.0f);
    dl->PopClipRect();
}

float badgeAt(ImDrawList* dl, ImVec2 p, const char* text, ImVec4 colour, float alpha, const Palette& palette) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float padX = 5.0f, padY = 1.0f;
    dl->AddRectFilled(p, ImVec2(p.x + size.x + padX * 2, p.y + size.y + padY * 2), u32(colour, alpha), 4.0f);
    dl->AddText(ImVec2(p.x + padX, p.y + padY), u32(palette.boxText, alpha), text);
    return size.x + padX * 2;
}

std::string Painter::detail(const Block& b, bool beforeColumn) const {
    if (b.kind == BlockKind::Config) return {};
    if (beforeColumn) {
        const char* key = b.state == BlockState::Kept       ? "ui.stack.kept"
                          : b.state == BlockState::Same     ? "ui.stack.same_before"
                          : b.state == BlockState::Replaced ? "ui.stack.replaced_by"
                                                            : "ui.stack.stored_detail";
        return view.tr(key);
    }
    // The base image comes from the local image store (or a download), not the build cache.
    if (b.kind == BlockKind::Base && b.state != BlockState::Failed)
        return view.tr(b.basePulled ? "ui.stack.base_pulled" : "ui.stack.base_here");
    switch (b.state) {
        case BlockState::Cached:
            return view.tr("ui.stack.cached_detail");
        case BlockState::Failed: {
            // Docker's own error, under the step that failed.
            const std::string& error = view.ui.picture.scene.after.error;
            return error.empty() ? view.tr("ui.stack.failed_detail") : error;
        }
        case BlockState::Pulled:
            return view.tr("ui.stack.pulled_detail");
        case BlockState::Exists:
            return view.tr("ui.stack.exists_detail");
        case BlockState::Stored:
            return view.tr("ui.stack.stored_detail");
        default:
            break;
    }
    // The block says what changed; the checksums it changed between are the inspector's.
    const std::string reason = withoutChecksums(view.pick(b.reason, b.reasonKo));
    const std::string same = b.sameResult ? std::string(" · ") + view.tr("ui.stack.same_result") : "";
    if (b.firstMiss)
        return view.strings.format("ui.stack.first_miss", {reason.empty() ? view.tr("ui.stack.ran") : reason}) + same;
    if (b.cascade) return view.strings.format("ui.stack.cascade", {std::to_string(b.cascadeFrom)}) + same;
    return (reason.empty() ? view.tr("ui.stack.ran") : reason) + same;
}

void Painter::block(const Block& b, Box box, bool beforeColumn, float alpha, float grow, bool selected, bool hovered,
                    const char* phase, float phaseProgress) {
    // Scrolled out of sight (a tall stack): draw nothing. ImGui culls text by
    // the clip rectangle but not shapes, and each shape still costs Mesa's
    // software rasteriser its setup (bench_frame's 40-step scene).
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    constexpr float kOutline = 3.0f;   // the selection outline around the box
    if (box.y - kOutline > clipMax.y || box.y + box.h + kOutline < clipMin.y || box.x - kOutline > clipMax.x ||
        box.x + box.w + kOutline < clipMin.x)
        return;
    if (b.kind == BlockKind::Config) {
        configBlock(b, box, alpha, selected);
        return;
    }
    const BlockLook look{b,
                         box,
                         ImVec2(box.x, box.y),
                         ImVec2(box.x + box.w, box.y + box.h),
                         beforeColumn,
                         alpha,
                         grow,
                         grow < 1.0f || phase != nullptr,
                         phase,
                         phaseProgress,
                         stateColour(p, b.state)};
    frame(look, hovered);
    if (selected)
        dl->AddRect(ImVec2(look.a.x - 2, look.a.y - 2), ImVec2(look.z.x + 2, look.z.y + 2), u32(p.text), 5.0f, 0, 2.0f);

    const float y1 = look.a.y + 3.0f;
    titleRow(look, y1);
    const float y2 = y1 + line + 3.0f;
    if (y2 + line > look.z.y + 2.0f) return;
    const float whyBottom = whyRow(look, look.a.x + 6.0f + kPad, y2);
    if (b.kind != BlockKind::Base || look.building) return;
    if (view.ui.picture.baseExpanded) baseLayerRows(b, box, whyBottom + 3.0f, alpha);
    else if (!look.beforeColumn) baseLayerBands(b, box, whyBottom + 4.0f, alpha, look.colour);
}

// A step that changed only the image's configuration: a dashed outline, one line.
void Painter::configBlock(const Block& b, Box box, float alpha, bool selected) {
    const ImVec2 a(box.x, box.y), z(box.x + box.w, box.y + box.h);
    dashedRect(dl, a, z, u32(p.textDim, alpha * 0.8f));
    std::string text = std::string(view.tr("ui.stack.config_only")) + ": ";
    text += b.step > 0 ? "[" + std::to_string(b.step) + "] " + b.instruction : b.instruction;
    const float ty = box.y + (box.h - ImGui::GetFontSize()) * 0.5f;
    const std::string shown = ellipsize(ImGui::GetFont(), ImGui::GetFontSize(), text, box.w - kPad * 2);
    dl->AddText(ImVec2(box.x + kPad, ty), u32(p.textDim, alpha), shown.c_str());
    if (selected) dl->AddRect(a, z, u32(p.text, alpha), 3.0f, 0, 2.0f);
}

// The block's fill and outline: growing from the bottom while it builds.
void Painter::frame(const BlockLook& look, bool hovered) {
    const Block& b = look.b;
    const ImVec2 a = look.a, z = look.z;
    const float alpha = look.alpha;
    const ImVec4 colour = look.colour;
    const float fillAmount = (look.beforeColumn ? 0.22f : 0.34f) + (hovered ? 0.08f : 0.0f);
    if (look.building) {
        // Growing from the bottom while the step runs.
        dashedRect(dl, a, z, u32(colour, alpha));
        dl->AddRectFilled(ImVec2(a.x, z.y - look.box.h * look.grow), z,
                          u32(ui::mix(p.panel, colour, fillAmount), alpha), 4.0f);
        // Extracting: a bar along the bottom edge (the download already filled the block).
        if (look.phase && look.grow >= 1.0f && look.phaseProgress > 0.0f)
            dl->AddRectFilled(ImVec2(a.x, z.y - 4.0f), ImVec2(a.x + look.box.w * look.phaseProgress, z.y),
                              u32(colour, alpha));
    } else {
        dl->AddRectFilled(a, z, u32(ui::mix(p.panel, colour, fillAmount), alpha), 4.0f);
        if (b.state == BlockState::Failed) hatch(dl, a, z, u32(colour, 0.25f * alpha));
        dl->AddRectFilled(a, ImVec2(a.x + 6.0f, z.y), u32(colour, alpha), 4.0f, ImDrawFlags_RoundCornersLeft);
        if (look.beforeColumn && b.state == BlockState::Replaced) dashedRect(dl, a, z, u32(p.textDim, alpha));
        else dl->AddRect(a, z, u32(colour, alpha), 4.0f, 0, b.firstMiss ? 3.0f : 1.0f);
    }
}

// Row 1: "[3] COPY . /app" (or the base image's name), size and time on the right.
void Painter::titleRow(const BlockLook& look, float y1) {
    const Block& b = look.b;
    const float x0 = look.a.x + 6.0f + kPad;
    std::string right;
    if (b.kind == BlockKind::Base && !b.baseLayers.empty())
        right = view.strings.format("ui.stack.base_layers", {std::to_string(b.baseLayers.size())}) + " · ";
    // A step of a failed build that ran left no layer: no size to show.
    if (!(b.kind == BlockKind::Layer && b.digest.empty() && b.size == 0)) right += format::humanSize(b.size);
    if (!look.beforeColumn && b.durationMs > 0 && b.state != BlockState::Cached)
        right += (right.empty() ? "" : " · ") + seconds(b.durationMs);
    if (look.building)
        right = std::to_string(static_cast<int>((look.phase ? look.phaseProgress : look.grow) * 100)) + "%";
    // A guess's label stands where the size is (render/stack/predict_marks): the title keeps clear of it.
    const std::string guess = look.beforeColumn ? std::string() : predictLabel(view, b);
    if (!guess.empty()) right.clear();
    const float rightW =
        guess.empty() ? ImGui::CalcTextSize(right.c_str()).x : ImGui::CalcTextSize(guess.c_str()).x + 14.0f;
    const float titleW = look.z.x - kPad - rightW - kPad - x0;
    std::string title;
    ImFont* titleFont = view.fonts.mono();
    if (b.kind == BlockKind::Base) {
        title = b.baseName.empty() ? b.instruction : b.baseName;
        titleFont = view.fonts.heading();
    } else {
        title = "[" + std::to_string(b.step) + "] " + b.instruction;
    }
    const float titleSize = b.kind == BlockKind::Base ? ImGui::GetFontSize() * 1.05f : drawSize(titleFont);
    const std::string shown = ellipsize(titleFont, titleSize, title, std::max(10.0f, titleW));
    dl->AddText(titleFont, titleSize, ImVec2(x0, y1), u32(p.text, look.alpha), shown.c_str());
    if (titleW > 40.0f) dl->AddText(ImVec2(look.z.x - kPad - rightW, y1), u32(p.textDim, look.alpha), right.c_str());
}

// Row 2: the state in words (a badge), then why; the digest below when there is room.
float Painter::whyRow(const BlockLook& look, float x0, float y2) {
    const Block& b = look.b;
    const ImVec2 z = look.z;
    const float alpha = look.alpha;
    // The base image is not a build-cache hit: its layers "Already exist" on the
    // machine (Docker's pull word), or this build pulled them.
    const char* baseWord = b.kind == BlockKind::Base && b.state != BlockState::Failed
                               ? view.tr(b.basePulled ? "ui.stack.pulled" : "ui.stack.exists")
                               : nullptr;
    const char* word = look.phase      ? look.phase
                       : look.building ? view.tr("ui.stack.building")
                       : baseWord      ? baseWord
                                       : stateLabel(view, b.state);
    const float x2 = x0 + badgeAt(dl, ImVec2(x0, y2 - 1.0f), word, look.colour, alpha, p) + kPad;
    const std::string why = look.building ? std::string() : detail(b, look.beforeColumn);
    const ImVec4 whyColour = b.firstMiss && !look.beforeColumn ? p.text : p.textDim;
    // The layer's digest on the last row when there is room (old and new
    // digests stand level in the two columns); the why wraps above it.
    const float wrapW = z.x - kPad - x2;
    ImFont* font = ImGui::GetFont();
    const float wrappedH = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrapW, why.c_str()).y;
    // The digest row when the block has room for it (geometry gives a layer one); the
    // why wraps above it as far as it can, else it is cut with "…".
    const bool digestRow = b.kind == BlockKind::Layer && !b.digest.empty() && !look.building && !view.ui.presenter &&
                           y2 + line * 2.0f + 4.0f <= z.y;   // (a projector's blocks go without, as geometry does)
    const float whyBottom = digestRow ? z.y - line - 4.0f : z.y - 2.0f;
    float bottom = y2 + line;
    if (y2 + wrappedH <= whyBottom + 1.0f) {
        dl->AddText(font, ImGui::GetFontSize(), ImVec2(x2, y2), u32(whyColour, alpha), why.c_str(), nullptr, wrapW);
        bottom = std::max(bottom, y2 + wrappedH);
    } else if (b.state == BlockState::Failed) {
        // Docker's error: as much as the block holds, wrapped.
        dl->PushClipRect(ImVec2(x2, y2), ImVec2(z.x - kPad, z.y - 2.0f), true);
        dl->AddText(font, ImGui::GetFontSize(), ImVec2(x2, y2), u32(p.text, alpha), why.c_str(), nullptr, wrapW);
        dl->PopClipRect();
    } else {
        const std::string whyShown = ellipsize(font, ImGui::GetFontSize(), why, wrapW);
        dl->AddText(ImVec2(x2, y2), u32(whyColour, alpha), whyShown.c_str());
    }
    // The digest short, as `docker history` shows IDs: twelve hex digits are
    // enough to tell two layers apart, and stay readable in a narrow column.
    if (digestRow && b.kind == BlockKind::Layer)
        dl->AddText(view.fonts.mono(), drawSize(view.fonts.mono()), ImVec2(x0, z.y - line - 3.0f),
                    u32(p.textDim, alpha),
                    ellipsize(view.fonts.mono(), drawSize(view.fonts.mono()), "sha256:" + format::shortId(b.digest),
                              z.x - kPad - x0)
                        .c_str());
    return bottom;
}

// The base image expanded: its own layers, one line each, from TOP down.
void Painter::baseLayerRows(const Block& b, Box box, float top, float alpha) {
    float y = top;
    for (auto it = b.baseLayers.rbegin(); it != b.baseLayers.rend() && y + line <= box.y + box.h; ++it) {
        auto layer = view.state().layers.find(*it);
        const std::string size = layer == view.state().layers.end() ? "" : format::humanSize(layer->second.size);
        dl->AddText(view.fonts.mono(), drawSize(view.fonts.mono()), ImVec2(box.x + 6.0f + kPad * 3, y),
                    u32(p.textDim, alpha), (format::shortId(*it) + "  " + size).c_str());
        y += line;
    }
}

// The base image closed (in the build now, not the one before): its layers
// as thin bands in the room its size gives it, base at the bottom as in the stack, and a line saying a click
// lists them. A big block shows what it is made of instead of empty space:
// the base image is itself a stack of layers.
void Painter::baseLayerBands(const Block& b, Box box, float top, float alpha, ImVec4 colour) {
    const size_t n = b.baseLayers.size();
    const float bottom = box.y + box.h - 5.0f;
    const float captionH = ImGui::GetFontSize() + 4.0f;
    constexpr float kGap = 2.0f;
    constexpr float kMinBand = 4.0f;   // thinner reads as a hatch, not as layers
    if (n == 0 || bottom - top < captionH + static_cast<float>(n) * (kMinBand + kGap)) return;
    const std::string caption = view.strings.format("ui.stack.base_bands", {std::to_string(n)});
    const float x0 = box.x + 6.0f + kPad, x1 = box.x + box.w - kPad;
    dl->AddText(ImVec2(x0, top), u32(p.textDim, alpha),
                ellipsize(ImGui::GetFont(), ImGui::GetFontSize(), caption, x1 - x0).c_str());
    const float bandsTop = top + captionH;
    const float bandH = std::min(line * 0.8f, (bottom - bandsTop) / static_cast<float>(n) - kGap);
    for (size_t i = 0; i < n; ++i) {
        const float y1 = bottom - static_cast<float>(i + 1) * (bandH + kGap) + kGap;
        dl->AddRectFilled(ImVec2(x0, y1), ImVec2(x1, y1 + bandH), u32(colour, 0.16f * alpha), 2.0f);
        dl->AddRect(ImVec2(x0, y1), ImVec2(x1, y1 + bandH), u32(colour, 0.4f * alpha), 2.0f);
    }
}

}   // namespace layerlab::render::stack
