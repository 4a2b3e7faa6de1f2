#!/usr/bin/env bash
# `pipesim validate` on every invalid fixture, an empty file, a binary file and a 50 MB
# file, all in one call: it must end promptly with exit code 2, an "error:" line naming
# each file and the count of invalid files; a valid file among them is still reported valid.
set -u
pipesim=$1
data=$2
scenario=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: > "$work/empty.yaml"
printf 'pipesim: 1\n\000\001\002\377binary' > "$work/binary.yaml"
yes '      - {id: a, duration: 1}' | head -c 52428800 > "$work/huge.yaml"

files=("$data"/invalid/*.yaml "$work"/*.yaml)
timeout 600 "$pipesim" validate "${files[@]}" "$scenario" > "$work/out.txt" 2> "$work/err.txt"
status=$?
failures=0
if [ "$status" -ne 2 ]; then
    echo "FAIL: exit $status, not 2"
    failures=1
fi
for file in "${files[@]}"; do
    if ! grep -qF "error: $file" "$work/err.txt"; then
        echo "FAIL $file: no error line"
        failures=$((failures + 1))
    fi
done
if ! grep -qxF "${#files[@]} of $((${#files[@]} + 1)) files invalid" "$work/err.txt"; then
    echo "FAIL: no line '${#files[@]} of $((${#files[@]} + 1)) files invalid'"
    tail -3 "$work/err.txt"
    failures=$((failures + 1))
fi
if ! grep -qF "$scenario: valid" "$work/out.txt"; then
    echo "FAIL: the valid scenario is not reported valid"
    failures=$((failures + 1))
fi
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all ${#files[@]} bad files rejected with exit code 2"
