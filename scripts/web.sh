#!/usr/bin/env bash
# LayerLab in the browser: installs what is missing (Debian's emscripten, the
# imgui source package, fonttools; chromium only for --test), builds
# build-web/ (index.html, layerlab.js, layerlab.wasm, layerlab.data) and
#   --serve   serves it on 127.0.0.1 and prints the URL (Ctrl-C stops)
#   --test    runs the headless-Chromium test (tests/web/browser_test.sh)
# build-web/ is a static folder: copy it to any web server (wasm is not
# loaded from file:// URLs, so a local copy needs `python3 -m http.server`).
# Nothing is downloaded from outside Debian's apt.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=build
PORT=${LAYERLAB_WEB_PORT:-8765}
for arg in "$@"; do
  case "$arg" in
    --serve) MODE=serve ;;
    --test) MODE=test ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/web.sh: unknown option $arg (try --serve or --test)" >&2; exit 2 ;;
  esac
done

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "layerlab web: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

PACKAGES=(emscripten python3-fonttools fonts-nanum cmake ninja-build nlohmann-json3-dev xz-utils dpkg-dev)
[ "$MODE" = test ] && PACKAGES+=(chromium)
install_missing "${PACKAGES[@]}"

BUILD_DIR=${LAYERLAB_WEB_BUILD_DIR:-build-web}
mkdir -p "$BUILD_DIR"

# Dear ImGui's sources: Debian's source package (libimgui-dev has no .cpp).
# apt needs a deb-src line, the same archive as the deb one.
IMGUI_DIR="$PWD/$BUILD_DIR/imgui-src/imgui-1.86"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  if ! apt-get source --download-only --print-uris imgui > /dev/null 2>&1; then
    echo "layerlab web: adding a deb-src entry for Debian's archive (for apt-get source imgui)"
    $SUDO tee /etc/apt/sources.list.d/layerlab-deb-src.sources > /dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    $SUDO apt-get update -qq
  fi
  mkdir -p "$BUILD_DIR/imgui-src"
  (cd "$BUILD_DIR/imgui-src" && apt-get source --download-only imgui 2>&1 | grep -v "^W: Download is performed unsandboxed" || true)
  tar -C "$BUILD_DIR/imgui-src" -xf "$BUILD_DIR"/imgui-src/imgui_1.86*.orig.tar.xz
fi

# Debian's emscripten: its JS tools need Debian's node modules (acorn) and
# its own python (the python3 first on PATH may not be Debian's).
export NODE_PATH=/usr/share/nodejs
export EMSDK_PYTHON=/usr/bin/python3
JOBS=${LAYERLAB_WEB_JOBS:-2}
start=$(date +%s)
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  LAUNCHER=""
  command -v ccache > /dev/null && LAUNCHER="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  emcmake cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DLAYERLAB_IMGUI_DIR="$IMGUI_DIR" -DPython3_EXECUTABLE=/usr/bin/python3 \
    -DLAYERLAB_WERROR="${LAYERLAB_WERROR:-OFF}" $LAUNCHER > /dev/null
fi
cmake --build "$BUILD_DIR" -j "$JOBS"
echo "layerlab web: built $BUILD_DIR in $(( $(date +%s) - start )) s"
gz=0
for f in "$BUILD_DIR"/index.html "$BUILD_DIR"/layerlab-page.js "$BUILD_DIR"/layerlab.js "$BUILD_DIR"/layerlab.wasm "$BUILD_DIR"/layerlab.data; do
  gz=$(( gz + $(gzip -9 -c "$f" | wc -c) ))
done
echo "layerlab web: download size $(( gz / 1024 )) KiB gzipped (index.html, layerlab-page.js, layerlab.js, layerlab.wasm, layerlab.data)"

case "$MODE" in
  serve)
    echo "layerlab web: serving $BUILD_DIR at http://127.0.0.1:$PORT/  (lesson links: http://127.0.0.1:$PORT/#lesson=7)"
    cd "$BUILD_DIR" && exec /usr/bin/python3 -m http.server "$PORT" --bind 127.0.0.1 ;;
  test)
    # Both languages, Korean on a HiDPI screen (devicePixelRatio 2); with the
    # desktop build present, its image ID must match the browser's.
    NATIVE=()
    [ -x "${LAYERLAB_BUILD_DIR:-build}/layerlab" ] && NATIVE=(--native "${LAYERLAB_BUILD_DIR:-build}/layerlab")
    mkdir -p "$BUILD_DIR/test"
    for run in en:1 ko:2; do
      lang=${run%:*}
      /usr/bin/python3 tests/web/browser_test.py "$BUILD_DIR" --lang "$lang" --scale "${run#*:}" "${NATIVE[@]}" \
        --screenshot "$BUILD_DIR/test/lesson7-$lang.png" --report "$BUILD_DIR/test/report-$lang.json"
    done
    # Bad input in a fresh page, each answered in its own words while the page
    # keeps drawing: 8,000 nested ONBUILDs (once a RangeError: the AST's
    # recursion overflowed the browser's stack), shell syntax errors (the one
    # exception the browser build catches), a broken package.json and a broken
    # scenario file (once a throw nothing in the browser could catch).
    /usr/bin/python3 tests/web/browser_test.py "$BUILD_DIR" --lang en --commands-file tests/web/bad-input.txt \
      --screenshot "$BUILD_DIR/test/bad-input.png" ;;
esac
