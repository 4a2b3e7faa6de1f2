#!/usr/bin/env bash
# `pipesim validate` on every invalid fixture, an empty file, a binary file and a 50 MB
# file: each must end promptly with exit code 2 and an "error:" line naming the file.
set -u
pipesim=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: > "$work/empty.yaml"
printf 'pipesim: 1\n\000\001\002\377binary' > "$work/binary.yaml"
yes '      - {id: a, duration: 1}' | head -c 52428800 > "$work/huge.yaml"

failures=0
for file in "$data"/invalid/*.yaml "$work"/*.yaml; do
    output=$(timeout 60 "$pipesim" validate "$file" 2>&1)
    status=$?
    if [ "$status" -ne 2 ] || ! grep -qF "error: $file" <<<"$output"; then
        echo "FAIL $file: exit $status"
        echo "$output" | head -5
        failures=$((failures + 1))
    fi
done
if [ "$failures" -ne 0 ]; then
    echo "$failures file(s) not rejected cleanly"
    exit 1
fi
echo "all bad files rejected with exit code 2"
