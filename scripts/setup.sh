#!/usr/bin/env bash
# Installs what is missing (Debian's apt), configures and builds LayerLab.
# Safe to run again: it installs nothing already present and rebuilds only
# what changed. Used by scripts/start.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(build-essential cmake ninja-build pkg-config
  libimgui-dev libglfw3-dev libgl-dev libegl-dev libfreetype-dev python3-glad
  nlohmann-json3-dev doctest-dev libstb-dev libssl-dev libedit-dev
  clang-format xvfb xauth libgl1-mesa-dri mesa-utils fonts-nanum tmux)

scripts/install_packages.sh "${PACKAGES[@]}"

# LAYERLAB_WERROR=ON (scripts/test.sh, CI) makes warnings errors; a plain
# build keeps them warnings, so another compiler never breaks a release.
BUILD_DIR=${LAYERLAB_BUILD_DIR:-build}
WERROR=${LAYERLAB_WERROR:-OFF}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  LAUNCHER=""   # a developer's ccache, when installed, speeds up rebuilds
  command -v ccache > /dev/null && LAUNCHER="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAYERLAB_WERROR="$WERROR" $LAUNCHER
else
  cmake -S . -B "$BUILD_DIR" -DLAYERLAB_WERROR="$WERROR" > /dev/null
fi
cmake --build "$BUILD_DIR" -j "$(nproc)"
