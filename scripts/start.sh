#!/usr/bin/env bash
# Set up (install, build) and start LayerLab. Arguments go to `layerlab`,
# e.g. `scripts/start.sh shell` for the terminal mode.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec "${LAYERLAB_BUILD_DIR:-build}/layerlab" "$@"
