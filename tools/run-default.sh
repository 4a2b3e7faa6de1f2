#!/usr/bin/env bash
# Quick start: install what is missing, build in Release, forecast the default scenario.
# Extra arguments go to `pipesim run` (e.g. --iterations 50000 --out results/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-dependencies.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pipesim
./build/release/tools/pipesim run scenarios/qianjiang-2024.yaml --out out --report "$@"
