#!/usr/bin/env bash
# Under mpirun, sweeps and batches split their points and scenarios over the processes and
# write exactly the bytes one process writes.
set -euo pipefail
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mpi=(mpirun --allow-run-as-root --oversubscribe -np 2)
vary=(--vary durations.scale=0.9,1.1 --vary risks.rainy-season.probability=0.2,0.6)
"$pipesim" sweep "$scenario" -q "${vary[@]}" -n 1000 --out "$work/one" 2> /dev/null
"${mpi[@]}" "$pipesim" sweep "$scenario" -q "${vary[@]}" -n 1000 --out "$work/two" 2> /dev/null
diff -r "$work/one" "$work/two"
cp "$scenario" "$work/a.yaml"
printf 'pipesim: 1\nextends: a.yaml\nset:\n  risks.rainy-season.probability: 0.7\n' > "$work/b.yaml"
printf 'pipesim: 1\nplan: {name: broken\n' > "$work/broken.yaml"
inputs=("$work/a.yaml" "$work/b.yaml" "$work/broken.yaml")
status=0
"$pipesim" batch "${inputs[@]}" -n 500 --out "$work/batch-one" 2> /dev/null || status=$?
[ "$status" -eq 1 ] || { echo "one process: expected exit 1, got $status"; exit 1; }
status=0
"${mpi[@]}" "$pipesim" batch "${inputs[@]}" -n 500 --out "$work/batch-two" > /dev/null 2>&1 || status=$?
[ "$status" -ne 0 ] || { echo "two processes: the failure was not reported in the exit code"; exit 1; }
diff -r "$work/batch-one" "$work/batch-two"
echo "identical"
