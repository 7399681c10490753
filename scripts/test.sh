#!/usr/bin/env bash
# Set up (install, build) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
LAYERLAB_WERROR=ON scripts/setup.sh
scripts/format.sh --check
ctest --test-dir "${LAYERLAB_BUILD_DIR:-build}" --output-on-failure
# The browser build and its headless-Chromium test (scripts/web.sh --test):
# on by default, as in CI; LAYERLAB_WEB=0 leaves it out.
if [ "${LAYERLAB_WEB:-1}" != 0 ]; then
  LAYERLAB_WERROR=ON scripts/web.sh --test
fi
# The suite again under AddressSanitizer + UBSan (clang, build-asan): on by
# default, as in CI; LAYERLAB_ASAN=0 skips it on a slow machine.
if [ "${LAYERLAB_ASAN:-1}" = 1 ]; then
  scripts/test_asan.sh
fi
