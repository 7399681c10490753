#!/usr/bin/env bash
# The layer-stack picture under Xvfb, checked by its pixels:
#  1. after an edit of server.js and a rebuild, the first rebuilt step (3, COPY)
#     shows the rebuilt colour and the reused step below it (2, WORKDIR) the
#     cached colour, in the "now" column;
#  2. the animation exists: --time 0.2 and --time 10 give different pictures;
#  3. docker rm: the removed container is drawn leaving its image (a REMOVED
#     badge in the failed colour at --time 0), and is gone at the end;
#  4. a pull: layers download several at once (2-3 "DOWNLOADING" at --time 1),
#     the four layers python shares with node say "Already exists" (EXISTS)
#     and stand still.
#  5. a picture taller than its panel (presenter at 1280x657 in Korean, the
#     prediction's answer shown): the columns' titles stay in sight, and so do
#     the first miss and the steps it rebuilt above it (the base may be cut).
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
removal=(--lang en --run "docker build -t app ." --run "docker run -d --name web app" --run "docker run -d --name api app"
  --run "docker rm -f web")
pull=(--lang ko --run "docker pull node" --run "docker pull python:3.12")
shoot() {   # shoot FILE.png ARGS...: one screenshot at 1280x800
  local file=$1; shift
  rm -f "$file" "$file.json"
  xvfb-run -a -s "-screen 0 1280x800x24" "$layerlab" --size 1280x800 --screenshot "$file" "$@" ||
    { echo "FAIL: layerlab could not render $file"; exit 1; }
}
shoot "$out/rm-0.png" --time 0 "${removal[@]}"
shoot "$out/rm-10.png" --time 10 "${removal[@]}"
shoot "$out/pull-1.png" --time 1 "${pull[@]}"
reveal=(--lang ko --presenter --lesson 7 --steps 5 --run "predict 3 4" --run "docker build -t myapp .")
rm -f "$out/reveal.png" "$out/reveal.png.json"
xvfb-run -a -s "-screen 0 1280x800x24" "$layerlab" --size 1280x657 --screenshot "$out/reveal.png" --time 10 \
  "${reveal[@]}" || { echo "FAIL: layerlab could not render $out/reveal.png"; exit 1; }
fail=0
# The default palette (render/theme.cpp): rebuilt orange 222,143,20; cached blue 38,110,178.
"$check" block "$out/rebuild-end.png" after 3 REBUILT 222,143,20 || fail=1
"$check" block "$out/rebuild-end.png" after 2 CACHED 38,110,178 || fail=1
"$check" differ "$out/rebuild-0.2.png" "$out/rebuild-10.png" || fail=1
# The failed colour 213,94,0 (render/theme.cpp) on the REMOVED badge; api stays, web is gone at the end.
"$check" ghost "$out/rm-0.png" web 213,94,0 || fail=1
"$check" count "$out/rm-0.png" container api 1 1 || fail=1
# web was created first: it leaves from its own place (left of api), not from the slot after it.
"$check" earlier "$out/rm-0.png" removed web container api || fail=1
"$check" count "$out/rm-10.png" removed web 0 0 || fail=1
"$check" count "$out/pull-1.png" after DOWNLOADING 2 3 || fail=1
"$check" count "$out/pull-1.png" after EXISTS 4 4 || fail=1
for what in title 3 4; do
  "$check" shown "$out/reveal.png" after "$what" || fail=1
done
"$check" shown "$out/reveal.png" before title || fail=1
exit $fail
