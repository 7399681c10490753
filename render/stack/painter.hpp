// The layer-stack picture's drawing primitives: one block (a layer, the base
// image, a config-only step) with its state badge, title, why and digest
// rows, and the small shapes the picture and its containers share (dashed
// frames, hatching, badges). Used by render/stack/draw.cpp, which decides
// where and when each block stands.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>

#include "render/stack/geometry.hpp"
#include "render/view.hpp"

namespace layerlab::render::stack {

ImU32 u32(ImVec4 c, float alpha = 1.0f);
float easeOut(double t);
void dashedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float dash = 6.0f);
// Diagonal stripes: the writable layer of a container, and a failed step
// (a cue that does not rely on colour).
void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float spacing = 8.0f);
// A badge drawn at P; returns its width.
float badgeAt(ImDrawList* dl, ImVec2 p, const char* text, ImVec4 colour, float alpha, const Palette& palette);

struct BlockLook;

struct Painter {
    View& view;
    ImDrawList* dl;
    const Palette& p;
    float line;
    double t;

    // The second line of a block: why it is what it is.
    std::string detail(const Block& b, bool beforeColumn) const;

    // PHASE: a pulled layer's word while it moves ("DOWNLOADING", "EXTRACTING", ...)
    // and how far it is (0..1); null for everything else.
    void block(const Block& b, Box box, bool beforeColumn, float alpha, float grow, bool selected, bool hovered,
               const char* phase = nullptr, float phaseProgress = 0.0f);

private:
    void configBlock(const Block& b, Box box, float alpha, bool selected);
    void frame(const BlockLook& look, bool hovered);
    void titleRow(const BlockLook& look, float y1);
    float whyRow(const BlockLook& look, float x0, float y2);   // returns the y under what it wrote
    void baseLayerRows(const Block& b, Box box, float top, float alpha);
    void baseLayerBands(const Block& b, Box box, float top, float alpha, ImVec4 colour);
};

}   // namespace layerlab::render::stack
