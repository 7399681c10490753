#!/usr/bin/env bash
# GUI smoke test: open the real window under a virtual X display (Xvfb),
# render a few frames after scripted commands, write a PNG and check it.
# Usage: smoke.sh LAYERLAB PNG_CHECK OUT.png [window options...]
# Exits 77 (ctest: skipped) only when xvfb-run is not installed.
set -u
layerlab=$1; png_check=$2; out=$3; shift 3
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt-get install xvfb xauth); the GUI smoke test needs a virtual display"
  exit 77
fi
rm -f "$out"
export ASAN_OPTIONS=detect_leaks=0   # Mesa leaks a little under Xvfb
xvfb-run -a -s "-screen 0 1280x800x24" "$layerlab" --screenshot "$out" --size 1280x800 "$@"
code=$?
if [ $code -ne 0 ]; then
  echo "FAIL: layerlab exited with $code"
  exit 1
fi
if [ ! -s "$out" ]; then
  echo "FAIL: no screenshot was written to $out"
  exit 1
fi
"$png_check" "$out" 1280 800
