#!/usr/bin/env bash
# `pipesim report` and `pipesim run --report` end to end: where the page goes, that it is
# the same bytes for any thread count, and exit codes and messages for bad input, which
# leave an earlier page untouched.
set -eu
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The page names the results file, so both runs write to the same relative folder.
mkdir "$work/threads1" "$work/threads4"
(cd "$work/threads1" && "$pipesim" run "$scenario" --iterations 2000 --seed 3 --threads 1 \
    --out one --quiet --report)
(cd "$work/threads4" && "$pipesim" run "$scenario" --iterations 2000 --seed 3 --threads 4 \
    --out one --quiet --report)
cmp "$work/threads1/one/report.html" "$work/threads4/one/report.html"
mv "$work/threads1/one" "$work/one"
test -s "$work/one/report.html"
grep -q "<td>$scenario</td>" "$work/one/report.html"

# From the results file alone: beside it by default, or where -o says.
"$pipesim" report "$work/one/results.json" --green 0.9 --amber 0.6 2> /dev/null
grep -q "green at least 90.0%, amber at least 60.0%" "$work/one/report.html"
grep -q "not recorded in the results file" "$work/one/report.html"
"$pipesim" report "$work/one/results.json" -o "$work/again.html" --green 0.9 --amber 0.6 2> /dev/null
cmp "$work/one/report.html" "$work/again.html"

expect_bad_input() {  # pattern, then the report command's arguments
    local pattern=$1
    shift
    set +e
    "$pipesim" report "$@" -o "$work/again.html" 2> "$work/err.txt"
    local status=$?
    set -e
    test "$status" -eq 2 || { echo "exit $status for $*" >&2; exit 1; }
    grep -q -- "$pattern" "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
    cmp "$work/one/report.html" "$work/again.html"
}
printf '{\n  "scenario": "x",\n  "iterations": ,\n}\n' > "$work/bad.json"
expect_bad_input "bad.json:3:17: not valid JSON" "$work/bad.json"
printf '{"scenario": "x"}\n' > "$work/partial.json"
expect_bad_input "partial.json: settings: 'iterations' is missing" "$work/partial.json"
expect_bad_input "no such file" "$work/missing.json"
expect_bad_input "the amber threshold 0.9 is above the green one 0.8" "$work/one/results.json" --amber 0.9
test -z "$(find "$work" -name '*.tmp.*')"
echo "report writes complete, identical pages and rejects bad input"
