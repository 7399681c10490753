#!/usr/bin/env bash
# Set up (install, build) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
LAYERLAB_WERROR=ON scripts/setup.sh
scripts/format.sh --check
ctest --test-dir "${LAYERLAB_BUILD_DIR:-build}" --output-on-failure
# The browser build and its headless-Chromium test (LAYERLAB_SKIP_WEB=1 skips both).
if [ "${LAYERLAB_SKIP_WEB:-0}" != 1 ]; then
  LAYERLAB_WERROR=ON scripts/web.sh --test
fi
# The same suite under AddressSanitizer + UBSan, built with clang (build-asan).
scripts/test_asan.sh
