#!/usr/bin/env bash
# Configures build-asan once: clang, AddressSanitizer + UBSan over everything
# (-DLAYERLAB_SANITIZE=ON), with libFuzzer's coverage hooks in the model
# (-DLAYERLAB_FUZZ=ON), so the same objects serve the sanitizer test run
# (scripts/test_asan.sh) and the fuzz targets (fuzz/run.sh). -O1 keeps the
# build and the run short; the window and the benches are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
# clang's sanitizer and libFuzzer runtimes are only a Recommends of clang on Debian 12.
scripts/install_packages.sh clang libclang-rt-14-dev
BUILD_DIR=${1:-build-asan}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  LAUNCHER=""
  command -v ccache > /dev/null && LAUNCHER="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DLAYERLAB_SANITIZE=ON -DLAYERLAB_FUZZ=ON \
    -DLAYERLAB_GUI=OFF -DLAYERLAB_BENCH=OFF -DLAYERLAB_WERROR=ON $LAUNCHER > /dev/null
fi
