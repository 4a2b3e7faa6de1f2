#!/usr/bin/env bash
# A batch with a broken scenario reports it, still runs the others, and says so in its
# exit code; its database lists every run.
set -euo pipefail
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$scenario" "$work/good.yaml"
printf 'pipesim: 1\nplan: {name: broken\n' > "$work/broken.yaml"
printf 'pipesim: 1\nbatch:\n  - good.yaml\n  - broken.yaml\n  - good.yaml\n' > "$work/manifest.yaml"
status=0
"$pipesim" batch "$work/manifest.yaml" -n 500 --no-drivers --out "$work/out" 2> "$work/log" || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; cat "$work/log"; exit 1; }
grep -q "2 of 3: .*broken.yaml failed" "$work/log" || { echo "no failure reported"; cat "$work/log"; exit 1; }
for run in 1-good 3-good; do
  [ -s "$work/out/runs/$run/results.json" ] || { echo "missing $run"; exit 1; }
done
[ -s "$work/out/batch.sqlite" ] && [ -s "$work/out/batch-milestones.csv" ]
# Two good runs of the same scenario and seed: the same rows but for the run number.
diff <(grep '^1,' "$work/out/batch-milestones.csv" | cut -d, -f4-) \
     <(grep '^3,' "$work/out/batch-milestones.csv" | cut -d, -f4-)
echo "batch ok"
