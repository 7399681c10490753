#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60) and prints a
# summary: runs per target and findings (crash, leak, timeout = an input over
# 1 s, out-of-memory). Builds the targets in build-asan first (clang; the CI
# sanitizer build, scripts/configure_asan.sh).
#
#   fuzz/run.sh 600            # 10 minutes per target
#   FUZZ_TARGETS="fuzz_shell fuzz_build" fuzz/run.sh 60
#   FUZZ_TIMEOUT=10 nice fuzz/run.sh 600   # on a busy machine (see below)
#   fuzz/run.sh replay                     # every corpus input once, -timeout=1
#
# Each target starts from its seed corpus in fuzz/corpus/<name> (kept small,
# in the repo) and grows a working corpus in build-asan/corpus/<name>. A
# finding is written to build-asan/findings/<target>/; keep it as a regression
# test in the normal suite once fixed. Exit status 1 when anything was found.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
# libFuzzer's -timeout is wall time: on a shared machine a starved process
# reports a slow input that takes 0.3 s alone. FUZZ_TIMEOUT raises it for such
# a run; `replay` then runs every input of the grown corpora once at 1 s, when
# the machine is quiet, so the one-second rule still holds for all of them.
TIMEOUT=${FUZZ_TIMEOUT:-1}
REPLAY=0
if [ "$SECONDS_EACH" = replay ]; then REPLAY=1; SECONDS_EACH=0; TIMEOUT=1; fi
# The sanitizer build (scripts/configure_asan.sh) has the fuzzers' coverage hooks too.
BUILD_DIR=${LAYERLAB_FUZZ_BUILD_DIR:-build-asan}
scripts/configure_asan.sh "$BUILD_DIR" || exit 2
targets=${FUZZ_TARGETS:-$(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')}
# shellcheck disable=SC2086  # one word per target
cmake --build "$BUILD_DIR" -j "$(nproc)" --target $targets || exit 2

summary=""
found=0
for t in $targets; do
  name=${t#fuzz_}
  corpus="$BUILD_DIR/corpus/$name"
  findings="$BUILD_DIR/findings/$t"
  mkdir -p "$corpus" "$findings"
  log="$BUILD_DIR/findings/$t.log"
  seeds="fuzz/corpus/$name"
  # Findings of earlier runs stay in $findings for reference; only the ones
  # this run writes (newer than this stamp) count.
  stamp="$BUILD_DIR/findings/.$t.stamp"
  touch "$stamp"
  [ -d "$seeds" ] || seeds=""
  # -timeout=1: a single input over one second is a hang. -rss_limit_mb: the
  # simulator must stay small whatever the input. Leaks are findings too.
  if [ "$REPLAY" = 1 ]; then
    # -runs=0: read every input of the corpus (and the seeds) once, fuzz nothing.
    ASAN_OPTIONS=detect_leaks=1 "$BUILD_DIR/fuzz/$t" "$corpus" $seeds -runs=0 -timeout=1 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1
  else
    ASAN_OPTIONS=detect_leaks=1 "$BUILD_DIR/fuzz/$t" "$corpus" $seeds -max_total_time="$SECONDS_EACH" \
      -timeout="$TIMEOUT" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
      > "$log" 2>&1
  fi
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  n=$(find "$findings" -type f -newer "$stamp" | wc -l)
  [ "$status" -ne 0 ] && [ "$n" -eq 0 ] && n=1
  [ "$n" -gt 0 ] && found=1
  line=$(printf '%-20s %10s runs  %3s findings  corpus %s' "$t" "${runs:-?}" "$n" "$(ls "$corpus" | wc -l)")
  summary+="$line"$'\n'
  echo "$line"
done
echo
[ "$REPLAY" = 1 ] && echo "fuzz/run.sh replay: summary" || echo "fuzz/run.sh $SECONDS_EACH (timeout $TIMEOUT s): summary"
printf '%s' "$summary"
exit $found
