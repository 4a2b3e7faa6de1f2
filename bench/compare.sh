#!/usr/bin/env bash
# Compares the engine with the two baselines on one generated graph, in one sitting:
# pipesim_throughput, pipesim_scalar_baseline (plain C++) and numpy_baseline.py (NumPy).
# They run interleaved, round by round, so that a shared machine's noise falls on all of
# them alike; the ratios are what to read. Prints a Markdown table for bench/README.md.
#
# Usage: bench/compare.sh [BUILD_DIR]          (default: build/release)
# Settings from the environment, with their defaults:
#   ACTIVITIES=10000 DEGREE=2 SEED=1 ROUNDS=3
#   ITERATIONS="10000 100000"   THREADS="1 2"
#   NUMPY_ITERATIONS="10000 100000"   (the iteration counts NumPy runs at; "" for none)
#   LOG=BUILD_DIR/compare.log   (every program's full output, checksums included)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
ACTIVITIES=${ACTIVITIES:-10000} DEGREE=${DEGREE:-2} SEED=${SEED:-1} ROUNDS=${ROUNDS:-3}
ITERATIONS=${ITERATIONS:-10000 100000} THREADS=${THREADS:-1 2}
NUMPY_ITERATIONS=${NUMPY_ITERATIONS-10000 100000} LOG=${LOG:-$build/compare.log}
python=/usr/bin/python3  # Debian's python3-numpy is installed for this one
if [[ -n $NUMPY_ITERATIONS ]] && ! "$python" -c 'import numpy' 2>/dev/null; then
    echo "no NumPy for $python: apt-get install python3-numpy, or set NUMPY_ITERATIONS=\"\"" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
graph=$work/graph.csv
"$build/bench/pipesim_throughput" --activities "$ACTIVITIES" --degree "$DEGREE" --seed "$SEED" \
    --write-graph "$graph"
: >"$LOG"

# run NAME ITERATIONS THREADS COMMAND...: one run; its median line, memory and checksum go
# to the results, its whole output to the log.
run() {
    local name=$1 iterations=$2 threads=$3
    shift 3
    local out
    out=$("$@")
    printf '$ %s\n%s\n\n' "$*" "$out" >>"$LOG"
    sed -n "s/^median: \([0-9.]*\) million node-iterations\/s; peak memory \([0-9]*\) MiB/\1 \2/p
            s/^checksum: .* mean \([0-9.]*\) sd [0-9.]* (standard error \([0-9.]*\))/\1 \2/p" \
        <<<"$out" | paste -sd' ' | sed "s/^/$iterations $threads $name /" >>"$work/results"
    echo "$name, $iterations iterations, $threads thread(s): $(grep '^median' <<<"$out")" >&2
}

for iterations in $ITERATIONS; do
    for round in $(seq "$ROUNDS"); do
        echo "-- $iterations iterations, round $round of $ROUNDS" >&2
        for threads in $THREADS; do
            run pipesim "$iterations" "$threads" "$build/bench/pipesim_throughput" \
                --activities "$ACTIVITIES" --degree "$DEGREE" --seed "$SEED" \
                --iterations "$iterations" --threads "$threads" --repeat 1
            run scalar "$iterations" "$threads" "$build/bench/pipesim_scalar_baseline" "$graph" \
                --iterations "$iterations" --threads "$threads" --repeat 1
        done
        if [[ " $NUMPY_ITERATIONS " == *" $iterations "* ]]; then
            run numpy "$iterations" 1 "$python" "$here/numpy_baseline.py" "$graph" \
                --iterations "$iterations" --repeat 1
        fi
    done
done

echo
echo "$(date -u +%F), $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$ACTIVITIES activities, d = $DEGREE, seed $SEED; medians of $ROUNDS interleaved rounds"
echo
echo "| iterations | threads | implementation | median | runs (M node-it/s) | pipesim ÷ this | peak memory | checksum: last milestone's mean day ± s.e. |"
echo "|---|---|---|---|---|---|---|---|"
# NumPy runs on one thread: its figure stands in every thread count's rows, against that
# count's pipesim.
awk '
    function median(list,   values, n, i, j, t) {
        n = split(list, values, " ")
        for (i = 2; i <= n; ++i)
            for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; --j) {
                t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
            }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    {
        key = $1 " " $2 " " $3
        if (!(key in rates)) { order[++keys] = key; checksum[key] = $6 " ± " $7 }
        rates[key] = rates[key] " " $4
        if ($5 > memory[key]) memory[key] = $5
    }
    END {
        split("pipesim scalar numpy", names, " ")
        label["pipesim"] = "pipesim"; label["scalar"] = "scalar C++ (mt19937_64, one iteration at a time)"
        label["numpy"] = "NumPy, node-major (one thread)"
        for (k = 1; k <= keys; ++k) {
            split(order[k], part, " ")
            if (part[3] != "pipesim") continue
            iterations = part[1]; threads = part[2]
            reference = median(rates[order[k]])
            for (m = 1; m <= 3; ++m) {
                key = iterations " " (names[m] == "numpy" ? 1 : threads) " " names[m]
                if (!(key in rates)) continue
                value = median(rates[key])
                runs = rates[key]; sub(/^ /, "", runs); gsub(/ /, ", ", runs)
                printf "| %s | %s | %s | %.1f M node-it/s | %s | %s | %d MiB | %s |\n",
                    iterations, threads, label[names[m]], value, runs,
                    names[m] == "pipesim" ? "1×" : sprintf("%.1f×", reference / value),
                    memory[key], checksum[key]
            }
        }
    }' "$work/results"
echo
echo "Full output of every run: $LOG" >&2
