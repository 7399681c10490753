// Geometry: where each block of a column goes. Pure arithmetic (no ImGui),
// so the rules "height follows size on a log scale, with a minimum" and
// "config-only steps are thin bands" are tested without a window.
#pragma once
#include <cstdint>
#include <vector>

#include "render/stack/scene.hpp"

namespace layerlab::render::stack {

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

struct Metrics {
    float line = 17.0f;   // text line height in pixels
    float gap = 4.0f;   // space between blocks
    bool digestRows = true;   // a layer's digest on a row of its own (a build; an image's layers go without)
};

// Height of one block: two text lines at least (instruction + why), a row
// for the digest of a layer that has one, more
// for bigger layers on a log10 scale (1 kB -> +0, 1 MB -> +0.9 lines,
// 1 GB -> +1.8 lines), a single line for config-only bands.
float blockHeight(const Block& block, const Metrics& m);

// Lays out COLUMN bottom to top inside [x, x+w] with its bottom edge at
// BOTTOM. Returns one box per block (same order). When the stack is taller
// than MAXHEIGHT (> 0), the size-dependent part of each height shrinks first.
std::vector<Box> layoutColumn(const Column& column, float x, float w, float bottom, float maxHeight, const Metrics& m);

// Total height layoutColumn would use without a limit.
float columnHeight(const Column& column, const Metrics& m);

// Both columns at once, aligned step by step: a step present in both gets
// one row (the taller of the two heights), so a reused layer sits level with
// its twin. BEFORE's boxes start at XBEFORE, AFTER's at XAFTER.
struct PairLayout {
    std::vector<Box> before, after;
    float height = 0.0f;   // from BOTTOM up to the top of the highest block
};
PairLayout layoutPair(const Column& before, const Column& after, float xBefore, float xAfter, float w, float bottom,
                      float maxHeight, const Metrics& m);

}   // namespace layerlab::render::stack
