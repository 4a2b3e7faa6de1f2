#!/usr/bin/env bash
# `pipesim run` interrupted by SIGINT (Ctrl-C) and by SIGTERM: it stops with exit code 130
# or 143 and a message saying how to get the forecast, leaves no temporary file, and the
# results of an earlier run in the same folder stay as they were.
set -eu
pipesim=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$pipesim" run "$scenario" --iterations 1000 --seed 3 --out "$work/out" --quiet
cp -r "$work/out" "$work/before"

for signal in INT TERM; do
    # Far more iterations than the test would wait for.
    "$pipesim" run "$scenario" --iterations 1000000000 --out "$work/out" --quiet \
        2>"$work/err.txt" &
    pid=$!
    sleep 2  # lets it load the scenario and start simulating
    kill -s "$signal" "$pid"
    # A hang guard, not a timing check: a run that ignores the signal fails here.
    for _ in $(seq 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -s KILL "$pid"
        echo "FAIL: still running 60 s after SIG$signal"
        exit 1
    fi
    set +e
    wait "$pid"
    status=$?
    set -e
    expected=$([ "$signal" = INT ] && echo 130 || echo 143)
    if [ "$status" -ne "$expected" ]; then
        echo "FAIL: exit $status after SIG$signal, expected $expected"
        cat "$work/err.txt"
        exit 1
    fi
    grep -q "interrupted: .*run the same command again" "$work/err.txt"
    diff -r "$work/before" "$work/out"
done
echo "an interrupted run stops cleanly and leaves earlier results untouched"
