#!/usr/bin/env bash
# `pipesim sweep` and `pipesim compare` interrupted by SIGINT and by SIGTERM: each stops
# at once with exit code 130 or 143 and says how to get the results, leaves no
# temporary file, and an earlier sweep.json and sweep.csv in the folder stay as they were.
set -eu
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/interrupting.sh"

cp "$scenario" "$work/a.yaml"
cp "$scenario" "$work/b.yaml"
sweep=(sweep "$work/a.yaml" --vary durations.scale=0.9,1.1 --quiet)
compare=(compare "$work/a.yaml" "$work/b.yaml" --quiet)
for command in sweep compare; do
    declare -n arguments=$command
    out=$work/$command
    "$pipesim" "${arguments[@]}" --iterations 500 --out "$out" 2>/dev/null
    cp -r "$out" "$work/before"
    for signal in INT TERM; do
        # Far more iterations than the test would wait for, yet not so many that keeping
        # each iteration's outcome (a bit per promise) takes long to allocate.
        interrupt "$signal" "$work/err.txt" \
            "$pipesim" "${arguments[@]}" --iterations 5000000 --out "$out"
        what=$([ "$command" = sweep ] && echo sweep || echo comparison)
        grep -q "interrupted: the $what stopped .*run the same command again" "$work/err.txt" ||
            { cat "$work/err.txt"; exit 1; }
        no_partial_files "$out"
        diff -r "$work/before" "$out"
    done
    rm -r "$work/before"
    unset -n arguments
done
echo "interrupted sweeps and comparisons stop cleanly and leave earlier results untouched"
