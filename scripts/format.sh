#!/usr/bin/env bash
# Formats every C++ file with the committed .clang-format (Debian's
# clang-format 14). `--check` changes nothing and fails when a file differs:
# scripts/test.sh runs it. Generated tables are left as generated.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' | grep -v -e 'unicode_tables\.cpp$' -e 'schema_text\.cpp$')
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror "${files[@]}"
  echo "layerlab format: ${#files[@]} files follow .clang-format"
else
  clang-format -i "${files[@]}"
fi
