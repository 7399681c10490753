#!/usr/bin/env bash
# Every lesson's start renders in both languages without an OpenGL error
# (a scripted run exits non-zero on any glGetError). One Xvfb for all.
# Usage: lessons.sh LAYERLAB OUTDIR. Exits 77 without xvfb-run.
set -u
layerlab=$1; out=$2
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed"
  exit 77
fi
export ASAN_OPTIONS=detect_leaks=0
mkdir -p "$out"
ids=$(sed -n 's/.*"\([0-9][0-9]-[a-z0-9-]*\)".*/\1/p' lessons/index.json)
[ -n "$ids" ] || { echo "FAIL: no lessons in lessons/index.json"; exit 1; }
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  layerlab=$1; out=$2; shift 2; fail=0
  for id in "$@"; do
    for lang in en ko; do
      if ! "$layerlab" --size 1280x800 --lang "$lang" --lesson "$id" --frames 2 >"$out/$id-$lang.log" 2>&1; then
        echo "FAIL: lesson $id ($lang):"; cat "$out/$id-$lang.log"; fail=1
      fi
    done
  done
  exit $fail' _ "$layerlab" "$out" $ids
