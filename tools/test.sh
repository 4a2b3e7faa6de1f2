#!/usr/bin/env bash
# Builds and runs every test: the Release build, then the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer; then runs each fuzz target for 60 s from
# libFuzzer seed 1 (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-dependencies.sh
jobs=$(nproc)
for preset in release sanitize; do
  echo "== $preset =="
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "== fuzz =="
bash tools/fuzz.sh 60 1
