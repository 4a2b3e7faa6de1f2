#!/usr/bin/env bash
# `pipesim sweep … --report` and `pipesim report sweep.json` end to end: the page is the
# same bytes for any thread count and from either command, a grid of two numbers gets a
# heat map per promise, and bad sweep files exit 2 naming the problem, leaving an earlier
# page untouched.
set -eu
pipesim=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/plan.yaml" <<'YAML'
pipesim: 1
plan:
  name: Flood & "dry" <test>
  start: 2024-01-01
  horizon: 2030-12-31
  iterations: 400
  seed: 5
projects:
  - id: p
    category: rail
    activities:
      - {id: a, duration: 100}
      - {id: b, duration: {dist: uniform, min: 0, max: 10}, after: [a]}
    milestones:
      - {id: done, after: [b], target: 2024-05-04}
      - {id: opened, name: 开通, after: [done], target: 2024-06-01}
risks:
  - id: flood
    probability: 0.3
    hits: [p.a]
    delay: 20
YAML

# The page names the sweep file, so both sweeps write to the same relative folder.
for threads in 1 2; do
    mkdir "$work/threads$threads"
    (cd "$work/threads$threads" && "$pipesim" sweep "$work/plan.yaml" --threads "$threads" \
        --vary risks.flood.probability=0:0.8:5 --out one --quiet --report 2> /dev/null)
    test -s "$work/threads$threads/one/sweep.html"
done
cmp "$work/threads1/one/sweep.html" "$work/threads2/one/sweep.html"
page=$work/threads1/one/sweep.html
grep -q "<title>Chance of each promise against risks.flood.probability</title>" "$page"
grep -q "<h1>Flood &amp; &quot;dry&quot; &lt;test&gt;</h1>" "$page"
# Each promise by its name (the milestone's id when it has none), with its id.
for named in "done:p.done" "开通:p.opened"; do
    grep -q "<tr class=\"promise\"><th colspan=\"8\">${named%%:*} <span class=\"muted\">(milestone ${named#*:})" "$page"
done
grep -q '"name": "开通"' "$work/threads1/one/sweep.json"
grep -q '^0,base,,p.opened,开通,milestone,' "$work/threads1/one/sweep.csv"
if grep -Eo 'https?://[^"<> ]*' "$page"; then
    echo "the sweep page refers to the network" >&2
    exit 1
fi

# From sweep.json alone, run where the sweep ran: the same page, beside it or where -o says.
cd "$work/threads1"
"$pipesim" report one/sweep.json -o again.html 2> /dev/null
cmp one/sweep.html again.html
rm one/sweep.html
"$pipesim" report one/sweep.json 2> /dev/null
cmp one/sweep.html again.html

# A grid of two numbers: a heat map per promise, a printed number per cell.
"$pipesim" sweep "$work/plan.yaml" --vary risks.flood.probability=0.1,0.5 \
    --vary durations.scale=0.9,1,1.1 --out grid --quiet --report 2> /dev/null
test "$(grep -o '<title>Chance of [^<]* by risks.flood.probability and durations.scale</title>' \
    grid/sweep.html | wc -l)" -eq 2
test "$(grep -o 'class="cell[^"]*"' grid/sweep.html | wc -l)" -eq 12

expect_bad_input() {  # pattern, file
    set +e
    "$pipesim" report "$2" -o again.html 2> err.txt
    local status=$?
    set -e
    test "$status" -eq 2 || { echo "exit $status for $2" >&2; exit 1; }
    grep -q -- "$1" err.txt || { cat err.txt >&2; exit 1; }
    cmp one/sweep.html again.html
}
printf '{\n  "varied": [],\n  "points": [,]\n}\n' > bad.json
expect_bad_input "bad.json:3:14: not valid JSON" bad.json
printf '{"varied": [], "points": [{"label": "base", "values": {}}]}\n' > partial.json
expect_bad_input "partial.json: settings: 'scenario' is missing" partial.json
expect_bad_input "partial.json: points\[0\]: 'promises' is missing" partial.json
test -z "$(find "$work" -name '*.tmp.*')"
echo "sweep --report and report sweep.json write complete, identical pages"
