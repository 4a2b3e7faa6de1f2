#!/usr/bin/env bash
# The default scenario's report and a sweep's page in headless Chromium: each page draws
# (the screenshot is not blank) and logs no errors. Each check is first shown to catch a
# page that fails it, so a change in Chromium's logging cannot make the test pass by
# seeing nothing.
set -eu
pipesim=$1
scenario=$2
png_is_drawn=$(dirname "$0")/png_is_drawn.py
if ! command -v chromium > /dev/null; then
    echo "chromium is not installed: run tools/install-dependencies.sh" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() {  # page.html screenshot.png log
    timeout 180 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --disable-background-networking --user-data-dir="$work/profile" \
        --enable-logging=stderr --v=0 --window-size=1280,2400 \
        --screenshot="$2" "file://$1" > "$3" 2>&1
    test -s "$2"
}
# Console messages (script errors, failed loads, warnings) and uncaught exceptions.
page_errors() {
    grep -E ':CONSOLE[:(]|Uncaught' "$1"
}

printf '<!DOCTYPE html><title>t</title><p>x</p><script>undefined_function()</script>' \
    > "$work/broken.html"
render "$work/broken.html" "$work/broken.png" "$work/broken.log"
page_errors "$work/broken.log" > /dev/null || { echo "the error check missed a script error" >&2; exit 1; }
printf '<!DOCTYPE html><title>t</title>' > "$work/blank.html"
render "$work/blank.html" "$work/blank.png" "$work/blank.log"
if python3 "$png_is_drawn" "$work/blank.png"; then
    echo "the drawing check passed a blank page" >&2
    exit 1
fi

"$pipesim" run "$scenario" --iterations 2000 --seed 3 --out "$work/out" --quiet --report
if grep -Eo 'https?://[^"<> ]*' "$work/out/report.html"; then
    echo "the report refers to the network" >&2
    exit 1
fi
render "$work/out/report.html" "$work/report.png" "$work/report.log"
if page_errors "$work/report.log"; then
    echo "the report logged errors in Chromium" >&2
    exit 1
fi
python3 "$png_is_drawn" "$work/report.png"

# The sweep page, from a small sweep of the same scenario.
"$pipesim" sweep "$scenario" --vary durations.scale=0.9:1.1:3 --iterations 300 \
    --out "$work/sweep" --quiet --report 2> /dev/null
render "$work/sweep/sweep.html" "$work/sweep.png" "$work/sweep.log"
if page_errors "$work/sweep.log"; then
    echo "the sweep page logged errors in Chromium" >&2
    exit 1
fi
python3 "$png_is_drawn" "$work/sweep.png"
echo "the report and the sweep page render in Chromium without errors"
