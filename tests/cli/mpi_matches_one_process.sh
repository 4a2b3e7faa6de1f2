#!/usr/bin/env bash
# Under mpirun, sweeps and batches write exactly the bytes one process writes, on 2 and on
# 3 processes: with at least as many points or scenarios as processes they are spread out
# whole; with fewer, all the processes run each one together, each a share of its
# iterations.
set -euo pipefail
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME PROCESSES ARGS…: pipesim runs in $work/NAME-PROCESSES and writes into out there
# (the same relative folder each time, since the sweep page names it), its log beside; the
# exit code is kept in $status.
run() {
    local name=$1 processes=$2
    shift 2
    local launcher=()
    [ "$processes" -eq 1 ] || launcher=(mpirun --allow-run-as-root --oversubscribe -np "$processes")
    mkdir "$work/$name-$processes"
    status=0
    (cd "$work/$name-$processes" && "${launcher[@]}" "$pipesim" "$@" --out out > log 2>&1) ||
        status=$?
}

# matches NAME EXIT MODE ARGS…: 1, 2 and 3 processes exit with EXIT and write the same
# files; MODE is what the log of 3 processes must say about how the work was split.
matches() {
    local name=$1 expected=$2 mode=$3
    shift 3
    for processes in 1 2 3; do
        run "$name" "$processes" "$@"
        [ "$status" -eq "$expected" ] ||
            { echo "$name on $processes: exit $status, expected $expected"; cat "$work/$name-$processes/log"; exit 1; }
    done
    diff -r "$work/$name-1/out" "$work/$name-2/out"
    diff -r "$work/$name-1/out" "$work/$name-3/out"
    grep -q -- "$mode" "$work/$name-3/log" ||
        { echo "$name on 3: the log does not say '$mode'"; cat "$work/$name-3/log"; exit 1; }
}

cp "$scenario" "$work/a.yaml"
printf 'pipesim: 1\nextends: a.yaml\nset:\n  risks.rainy-season.probability: 0.7\n' > "$work/b.yaml"
printf 'pipesim: 1\nplan: {name: broken\n' > "$work/broken.yaml"
iterations=(-n 2500)  # three chunks, the last a partial one

# Sweeps: 1 point besides the base (shared by the processes) and 3 points of a variant
# (spread).
matches one-point 0 "shared by 3 processes" sweep "$work/a.yaml" -q --report "${iterations[@]}" \
    --vary durations.scale=1.1
matches variant-three-points 0 "spread over 3 processes" sweep "$work/b.yaml" -q --report \
    "${iterations[@]}" --vary durations.scale=0.9,1,1.1

# Batches: one scenario with drivers and the mitigation comparison (shared), one that fails
# beside it (shared: every process fails alike), three of which one fails (spread).
matches one-scenario 0 "shared by 3 processes" batch "$work/a.yaml" "${iterations[@]}"
matches with-a-failure 1 "shared by 3 processes" batch "$work/b.yaml" "$work/broken.yaml" \
    "${iterations[@]}"
matches three-scenarios 1 "spread over 3 processes" batch "$work/a.yaml" "$work/b.yaml" \
    "$work/broken.yaml" "${iterations[@]}"
echo "identical"
