#include "render/stack/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace layerlab::render::stack {
namespace {

float minimumHeight(const Block& block, const Metrics& m) {
    if (block.kind == BlockKind::Config) return m.line * 1.25f;
    // Title + why, with padding; the first miss gets a line more for its reason.
    // A failed step has room for Docker's error.
    const float callout = block.state == BlockState::Failed ? 3.0f : block.firstMiss ? 1.0f : 0.0f;
    // A layer shows its digest on a last row, so old and new digests stand level.
    const float digestRow = m.digestRows && block.kind == BlockKind::Layer && !block.digest.empty() ? 1.1f : 0.0f;
    return m.line * (2.4f + static_cast<float>(block.extraRows) + callout + digestRow);
}

// Extra lines for size: log10 of the size in kB, 0.3 line per decade.
float sizeExtra(const Block& block, const Metrics& m) {
    if (block.kind == BlockKind::Config || block.size < 1000) return 0.0f;
    const float decades = static_cast<float>(std::log10(static_cast<double>(block.size) / 1000.0));
    return std::clamp(decades, 0.0f, 8.0f) * 0.3f * m.line;
}

}   // namespace

float blockHeight(const Block& block, const Metrics& m) { return minimumHeight(block, m) + sizeExtra(block, m); }

float columnHeight(const Column& column, const Metrics& m) {
    float total = 0.0f;
    for (const Block& block : column.blocks) total += blockHeight(block, m) + m.gap;
    return total;
}

std::vector<Box> layoutColumn(const Column& column, float x, float w, float bottom, float maxHeight, const Metrics& m) {
    float fixed = 0.0f, extra = 0.0f;
    for (const Block& block : column.blocks) {
        fixed += minimumHeight(block, m) + m.gap;
        extra += sizeExtra(block, m);
    }
    float scale = 1.0f;
    if (maxHeight > 0.0f && fixed + extra > maxHeight && extra > 0.0f)
        scale = std::clamp((maxHeight - fixed) / extra, 0.0f, 1.0f);

    std::vector<Box> boxes;
    boxes.reserve(column.blocks.size());
    float y = bottom;
    for (const Block& block : column.blocks) {
        const float h = minimumHeight(block, m) + sizeExtra(block, m) * scale;
        y -= h;
        boxes.push_back(Box{x, y, w, h});
        y -= m.gap;
    }
    return boxes;
}

PairLayout layoutPair(const Column& before, const Column& after, float xBefore, float xAfter, float w, float bottom,
                      float maxHeight, const Metrics& m) {
    // Rows: walk both columns bottom-up; equal step numbers share a row.
    // Config bands without a step number (BuildKit's EXPOSE/CMD) sort last.
    struct Row {
        int b = -1, a = -1;
        float fixed = 0, extra = 0;
    };
    auto order = [](const Block& block) { return block.step == 0 ? 1 << 30 : block.step; };
    std::vector<Row> rows;
    size_t i = 0, j = 0;
    const auto& bb = before.blocks;
    const auto& ab = after.blocks;
    while (i < bb.size() || j < ab.size()) {
        Row row;
        if (i < bb.size() && j < ab.size() && order(bb[i]) == order(ab[j])) {
            row.b = static_cast<int>(i++);
            row.a = static_cast<int>(j++);
        } else if (j >= ab.size() || (i < bb.size() && order(bb[i]) < order(ab[j]))) {
            row.b = static_cast<int>(i++);
        } else {
            row.a = static_cast<int>(j++);
        }
        if (row.b >= 0) {
            row.fixed = std::max(row.fixed, minimumHeight(bb[static_cast<size_t>(row.b)], m));
            row.extra = std::max(row.extra, sizeExtra(bb[static_cast<size_t>(row.b)], m));
        }
        if (row.a >= 0) {
            row.fixed = std::max(row.fixed, minimumHeight(ab[static_cast<size_t>(row.a)], m));
            row.extra = std::max(row.extra, sizeExtra(ab[static_cast<size_t>(row.a)], m));
        }
        rows.push_back(row);
    }
    float fixed = 0.0f, extra = 0.0f;
    for (const Row& row : rows) {
        fixed += row.fixed + m.gap;
        extra += row.extra;
    }
    // Too tall: the size-dependent part shrinks first. Room to spare: it
    // grows (up to 5x), so sizes read better and long reasons can wrap.
    float scale = 1.0f;
    if (maxHeight > 0.0f && extra > 0.0f) scale = std::clamp((maxHeight - fixed) / extra, 0.0f, 5.0f);

    PairLayout out;
    out.before.resize(bb.size());
    out.after.resize(ab.size());
    float y = bottom;
    for (const Row& row : rows) {
        const float h = row.fixed + row.extra * scale;
        y -= h;
        if (row.b >= 0) out.before[static_cast<size_t>(row.b)] = Box{xBefore, y, w, h};
        if (row.a >= 0) out.after[static_cast<size_t>(row.a)] = Box{xAfter, y, w, h};
        y -= m.gap;
    }
    out.height = bottom - y - m.gap;
    return out;
}

}   // namespace layerlab::render::stack
