#!/usr/bin/env bash
# The layer-stack picture under Xvfb, checked by its pixels:
#  1. after an edit of server.js and a rebuild, the first rebuilt step (3, COPY)
#     shows the rebuilt colour and the reused step below it (2, WORKDIR) the
#     cached colour, in the "now" column;
#  2. the animation exists: --time 0.2 and --time 10 give different pictures.
# Usage: picture.sh LAYERLAB PIXEL_CHECK OUTDIR. Exits 77 without xvfb-run.
set -u
layerlab=$1; check=$2; out=$3
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed"
  exit 77
fi
export ASAN_OPTIONS=detect_leaks=0
mkdir -p "$out"
runs=(--lang en --run "docker build -t app ." --run "echo '// changed' >> server.js" --run "docker build -t app .")
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -u
  layerlab=$1; out=$2; shift 2
  for t in end 0.2 10; do
    extra=(); [ "$t" != end ] && extra=(--time "$t")
    rm -f "$out/rebuild-$t.png" "$out/rebuild-$t.png.json"
    "$layerlab" --size 1280x800 --screenshot "$out/rebuild-$t.png" "${extra[@]}" "$@" || exit 1
  done' _ "$layerlab" "$out" "${runs[@]}" || { echo "FAIL: layerlab could not render"; exit 1; }
fail=0
# The default palette (render/theme.cpp): rebuilt orange 222,143,20; cached blue 38,110,178.
"$check" block "$out/rebuild-end.png" after 3 REBUILT 222,143,20 || fail=1
"$check" block "$out/rebuild-end.png" after 2 CACHED 38,110,178 || fail=1
"$check" differ "$out/rebuild-0.2.png" "$out/rebuild-10.png" || fail=1
exit $fail
