#!/usr/bin/env bash
# `pipesim batch --resume` after an interrupted batch skips the scenarios it finished and
# writes batch tables byte-identical to a batch run without a break. Finished scenarios are
# recognised by content and options, not by name: a renamed file is skipped, a changed
# file or a changed seed runs again. Without drivers, which do not bear on resuming and
# would triple the time.
set -eu
pipesim=$(realpath "$1")
scenario=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/interrupting.sh"
cd "$work"

with() { sed -e "s/^  iterations: 20000\$/  iterations: $1/" -e "s/^  seed: 7\$/  seed: $2/" "$scenario"; }
with 1000 1 >a.yaml
with 1000 2 >b.yaml
with 1000 3 >c.yaml
printf 'pipesim: 1\nbatch: [a.yaml, b.yaml, c.yaml]\n' >manifest.yaml
"$pipesim" batch --no-drivers manifest.yaml --out reference 2>/dev/null

# The same batch stopped in its last scenario (far more iterations than the test would
# wait for), then that scenario made as in the reference and the batch resumed.
with 1000000000 3 >c.yaml
interrupt INT log --after "2 of 3: b.yaml done" "$pipesim" batch --no-drivers manifest.yaml --out out
with 1000 3 >c.yaml
before=$(stat -c %y out/runs/1-a/results.json out/runs/2-b/results.json)
"$pipesim" batch --no-drivers manifest.yaml --out out --resume 2>log
cat log
grep -q "1 of 3: a.yaml finished before (in out/runs/1-a), skipped" log
grep -q "2 of 3: b.yaml finished before (in out/runs/2-b), skipped" log
grep -q "3 of 3: c.yaml done" log
[ "$before" = "$(stat -c %y out/runs/1-a/results.json out/runs/2-b/results.json)" ]
for table in batch-milestones.csv batch-targets.csv batch.sqlite; do
    cmp reference/$table out/$table
done
diff -r reference/runs out/runs

# Renamed, the same content is recognised and its run kept under the new name.
mv a.yaml renamed.yaml
printf 'pipesim: 1\nbatch: [renamed.yaml, b.yaml, c.yaml]\n' >manifest.yaml
"$pipesim" batch --no-drivers manifest.yaml --out out --resume 2>log
grep -q "1 of 3: renamed.yaml finished before (in out/runs/1-a), skipped" log
[ "$(grep -c 'finished before' log)" -eq 3 ]
diff -r out/runs/1-a out/runs/1-renamed
sed 's/renamed\.yaml/a.yaml/' out/batch-milestones.csv | cmp - reference/batch-milestones.csv

# A changed file runs again, the others do not.
echo "# edited" >>b.yaml
"$pipesim" batch --no-drivers manifest.yaml --out out --resume 2>log
grep -q "2 of 3: b.yaml done" log
[ "$(grep -c 'finished before' log)" -eq 2 ]

# So does every scenario under another seed.
"$pipesim" batch --no-drivers manifest.yaml --out out --resume --seed 11 2>log
[ "$(grep -c 'finished before' log)" -eq 0 ]
[ "$(grep -c ' done$' log)" -eq 3 ]
echo "resumed batches skip what they finished, and only that"
