#!/usr/bin/env bash
# Builds and runs every test: the Release build (GCC); the same suite under AddressSanitizer
# and UndefinedBehaviorSanitizer (clang), then each fuzz target for 60 s from libFuzzer
# seed 1; then the suite under ThreadSanitizer, against a oneTBB built with it
# (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-dependencies.sh
jobs=$(nproc)
build_and_test() {
  echo "== $1 =="
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$jobs"
  echo "== $1: built at ${SECONDS} s =="
  ctest --preset "$1" -j "$jobs"
  echo "== $1: tested at ${SECONDS} s =="
}
build_and_test release
build_and_test sanitize
echo "== fuzz =="
bash tools/fuzz.sh 60 1
echo "== fuzz: done at ${SECONDS} s =="
bash tools/tsan-tbb.sh
build_and_test tsan
