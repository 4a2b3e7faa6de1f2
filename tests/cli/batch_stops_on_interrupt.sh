#!/usr/bin/env bash
# `pipesim batch` interrupted by SIGINT and by SIGTERM: it stops at once with exit
# code 130 or 143, keeps every scenario it finished (its folder whole, with finished.json),
# leaves no temporary file and no batch tables of the unfinished batch, and says to go on
# with --resume.
set -eu
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/interrupting.sh"

with_iterations() { sed "s/^  iterations: 20000\$/  iterations: $1/" "$scenario"; }
with_iterations 1000 >"$work/small.yaml"
# Far more iterations than the test would wait for.
with_iterations 1000000000 >"$work/huge.yaml"
grep -q "^  iterations: 1000000000$" "$work/huge.yaml"
printf 'pipesim: 1\nbatch: [small.yaml, huge.yaml, small.yaml]\n' >"$work/manifest.yaml"
batch=("$pipesim" batch "$work/manifest.yaml" --out "$work/out")

stopped_cleanly() {
    grep -q "interrupted: 1 of 3 scenarios finished .*run the same command again with --resume" \
        "$work/log" || { cat "$work/log"; return 1; }
    test -s "$work/out/runs/1-small/results.json"
    test -s "$work/out/runs/1-small/finished.json"
    test ! -e "$work/out/runs/2-huge/finished.json"
    test ! -e "$work/out/runs/3-small"
    for table in batch.sqlite batch-milestones.csv batch-targets.csv; do
        test ! -e "$work/out/$table"
    done
    no_partial_files "$work/out"
}

interrupt INT "$work/log" --after "1 of 3: .*small.yaml done" "${batch[@]}"
stopped_cleanly
cp -r "$work/out/runs/1-small" "$work/kept"

# Resumed, the finished scenario is kept as it was; stopped again, it is still whole.
interrupt TERM "$work/log" --after "1 of 3: .*small.yaml finished before" "${batch[@]}" --resume
stopped_cleanly
diff -r "$work/kept" "$work/out/runs/1-small"
echo "an interrupted batch keeps what it finished and nothing half-written"
