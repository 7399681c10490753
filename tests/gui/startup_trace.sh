#!/usr/bin/env bash
# `layerlab --trace-startup` (render/startup_trace.hpp): one JSON line once the
# first frame is on the screen, with the phases of both start-up threads.
# Checks the line is there and says what start-up did: the preparing thread
# built the font atlas after the workspace, the main thread waited for it
# before the ImGui backends, and the first frame came last.
# Usage: startup_trace.sh LAYERLAB. Exits 77 (skipped) without xvfb-run.
set -u
layerlab=$1
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed"
  exit 77
fi
export ASAN_OPTIONS=detect_leaks=0   # Mesa leaks a little under Xvfb
out=$(xvfb-run -a -s "-screen 0 1280x800x24" "$layerlab" --frames 1 --trace-startup --lang ko \
      --run "docker build -t app ." 2>&1) || { echo "FAIL: layerlab exited with $?: $out"; exit 1; }
line=$(printf '%s\n' "$out" | grep '^layerlab: startup ' | head -1)
if [ -z "$line" ]; then
  echo "FAIL: no 'layerlab: startup' line in: $out"
  exit 1
fi
python3 - "${line#layerlab: startup }" <<'PY'
import json, sys
t = json.loads(sys.argv[1])
main, prep = t["main"], t["prepare"]
def order(names, phases):
    at = [phases[n] for n in names]
    assert at == sorted(at), f"out of order: {list(zip(names, at))}"
order(["options", "window_gl_context", "joined", "imgui_backends", "gl_objects", "draw_lists", "gl_render", "first_frame"], main)
order(["strings", "lessons", "glyphs", "progress", "lesson_started", "run_commands", "picture", "font_atlas"], prep)
assert prep["font_atlas"] <= main["joined"], "the atlas must be ready when the main thread joins"
assert t["first_frame_ms"] == main["first_frame"]
print("ok: first frame at %.1f ms (window %.1f, atlas %.1f)" % (t["first_frame_ms"], main["window_gl_context"], prep["font_atlas"]))
PY
