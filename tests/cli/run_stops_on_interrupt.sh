#!/usr/bin/env bash
# `pipesim run` interrupted by SIGINT (Ctrl-C) and by SIGTERM: it stops with exit code 130
# or 143 and a message saying how to get the forecast, leaves no temporary file, and the
# results of an earlier run in the same folder stay as they were.
set -eu
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/interrupting.sh"

"$pipesim" run "$scenario" --iterations 1000 --seed 3 --out "$work/out" --quiet
cp -r "$work/out" "$work/before"

for signal in INT TERM; do
    # Far more iterations than the test would wait for.
    interrupt "$signal" "$work/err.txt" \
        "$pipesim" run "$scenario" --iterations 1000000000 --out "$work/out" --quiet
    grep -q "interrupted: .*run the same command again" "$work/err.txt"
    no_partial_files "$work/out"
    diff -r "$work/before" "$work/out"
done
echo "an interrupted run stops cleanly and leaves earlier results untouched"
