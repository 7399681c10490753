#!/usr/bin/env bash
# The build matrix of issue 11: Release, RelWithDebInfo and Debug, each with
# GCC and clang, warnings as errors (-DLAYERLAB_WERROR=ON), the window, tests
# and benches included; then each build's test suite (ctest). One JSON line
# per build, and exit 1 if any build or its tests failed.
#   scripts/build_matrix.sh [TYPE...]      e.g. scripts/build_matrix.sh Release
# Builds go to build-matrix/TYPE-COMPILER (kept, so a second run only
# rebuilds what changed). Not part of CI: six full builds take about an hour
# of one core each; CI builds RelWithDebInfo with GCC (scripts/test.sh) and
# with clang (scripts/test_asan.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install_packages.sh clang > /dev/null
types=("$@")
[ ${#types[@]} -eq 0 ] && types=(Release RelWithDebInfo Debug)
LAUNCHER=""
command -v ccache > /dev/null && LAUNCHER="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
failed=0
for type in "${types[@]}"; do
  for compiler in gcc clang; do
    if [ $compiler = gcc ]; then cc=gcc; cxx=g++; else cc=clang; cxx=clang++; fi
    dir=build-matrix/$type-$compiler
    log=$dir.log
    mkdir -p build-matrix
    start=$(date +%s)
    status=ok
    if ! CC=$cc CXX=$cxx cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DLAYERLAB_WERROR=ON \
         $LAUNCHER > "$log" 2>&1; then
      status=configure_failed
    elif ! cmake --build "$dir" -j "$(nproc)" >> "$log" 2>&1; then
      status=build_failed
    fi
    built=$(date +%s)
    tests=skipped
    if [ $status = ok ]; then
      if ctest --test-dir "$dir" --output-on-failure >> "$log" 2>&1; then tests=passed; else tests=failed; status=tests_failed; fi
    fi
    warnings=$(grep -c "warning:" "$log")
    version=$($cxx --version | head -1)
    echo "{\"build\":\"$type\",\"compiler\":\"$version\",\"status\":\"$status\",\"warnings\":$warnings,\"tests\":\"$tests\",\"build_seconds\":$((built - start)),\"test_seconds\":$(($(date +%s) - built)),\"log\":\"$log\"}"
    [ $status = ok ] || failed=1
  done
done
exit $failed
