// Small custom widgets shared by the panels. They live in namespace ui, not
// inside ImGui::, so what is LayerLab's and what is Dear ImGui's stays clear.
#pragma once
#include <imgui.h>

#include <string>

namespace layerlab::render::ui {

// A panel's heading in the heading font, with a thin rule under it.
void heading(ImFont* font, const char* text);

// A rounded label ("CACHED", "REBUILT") in COLOR with white text, on the current line.
void badge(const char* text, const ImVec4& color);

// Measures a badge, for right-aligning it.
ImVec2 badgeSize(const char* text);

// Text in the dim colour, wrapped at the window edge.
void dimWrapped(const char* text);

// A "(?)" that shows TEXT as a tooltip when hovered.
void helpMarker(const char* text);

// A tooltip wrapped at a readable width.
void tooltip(const char* text);

// Mixes A toward B by T in [0, 1].
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t);

// Centres the next text of WIDTH horizontally in the current window.
void centerNext(float width);

// After an item: the next one, WIDTH wide, goes on the same line when it
// fits in the window, else on the next (a row of controls wraps, never runs
// off the panel's edge).
void flowNext(float width);

// The width of a checkbox or radio button with LABEL (the box and its text).
float toggleWidth(const char* label);

}   // namespace layerlab::render::ui
