#!/usr/bin/env bash
# With no display the window must not fail with a raw GLFW error: exactly one
# line that offers the terminal mode, and exit code 1.
set -u
layerlab=$1
expected="layerlab: no display found; use the terminal mode instead: layerlab shell"
stderr=$(env -u DISPLAY -u WAYLAND_DISPLAY "$layerlab" 2>&1 >/dev/null)
code=$?
if [ $code -ne 1 ]; then echo "FAIL: exit code $code, expected 1"; exit 1; fi
if [ "$stderr" != "$expected" ]; then
  printf 'FAIL: stderr was:\n%s\nexpected:\n%s\n' "$stderr" "$expected"
  exit 1
fi
echo "ok: $stderr"
