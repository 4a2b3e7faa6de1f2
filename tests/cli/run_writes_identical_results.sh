#!/usr/bin/env bash
# `pipesim run` end to end: writes results.json and the CSV tables, byte-identical for 1
# and 4 threads; a bad scenario exits 2 and leaves earlier results untouched.
set -eu
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$pipesim" run "$scenario" --iterations 3000 --seed 3 --threads 1 --out "$work/one" --quiet
"$pipesim" run "$scenario" --iterations 3000 --seed 3 --threads 4 --out "$work/four" --quiet
for file in results.json milestones.csv activities.csv; do
    test -s "$work/one/$file"
    cmp "$work/one/$file" "$work/four/$file"
done

cp "$work/one/results.json" "$work/before.json"
printf 'pipesim: 1\nplan: {}\n' > "$work/bad.yaml"
set +e
"$pipesim" run "$work/bad.yaml" --out "$work/one" --quiet 2> "$work/err.txt"
status=$?
set -e
test "$status" -eq 2
grep -q "missing required key 'name'" "$work/err.txt"
cmp "$work/before.json" "$work/one/results.json"
test -z "$(find "$work/one" -name '*.tmp.*')"
echo "run writes complete, identical outputs"
