# Sourced by the tests that stop a command with a signal.
#
# interrupt SIGNAL LOG [--after PATTERN] COMMAND…: starts COMMAND with its standard error
# in LOG, waits until it is under way (its handler for SIGINT and SIGTERM is installed,
# then a second more, or PATTERN shows in LOG), sends SIGNAL and waits for it to end.
# Fails unless it ends within $stop_limit seconds with exit code 128 + the signal. A
# command ends at once unless it is writing files (tools/interruption.hpp), in
# milliseconds on an idle machine; the margin is for a test run at low priority on a
# machine busy with other builds, and the sanitizer presets widen it (PIPESIM_STOP_LIMIT).

stop_limit=${PIPESIM_STOP_LIMIT:-10}

interrupt() {
    local signal=$1 log=$2 after=""
    shift 2
    if [ "$1" = --after ]; then
        after=$2
        shift 2
    fi
    "$@" 2>"$log" &
    local pid=$!
    # Before its handler is in place the signal would kill it outright: nothing to test.
    local caught=0
    for _ in $(seq 600); do
        caught=$(awk '/^SigCgt:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        (((16#${caught:-0} & 0x4002) == 0x4002)) && break
        sleep 0.1
    done
    if [ -n "$after" ]; then
        for _ in $(seq 1200); do
            grep -q -- "$after" "$log" && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        grep -q -- "$after" "$log" || { echo "FAIL: never logged '$after'"; cat "$log"; return 1; }
    fi
    sleep 1
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: it ended before SIG$signal"; cat "$log"; return 1; }
    local start
    start=$(date +%s%N)
    kill -s "$signal" "$pid"
    # A hang guard: a command that ignores the signal fails here, not by timing out.
    for _ in $(seq 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    local took=$((($(date +%s%N) - start) / 1000000))
    if kill -0 "$pid" 2>/dev/null; then
        kill -s KILL "$pid"
        echo "FAIL: still running 30 s after SIG$signal"
        return 1
    fi
    local status=0
    wait "$pid" || status=$?
    local expected=$([ "$signal" = INT ] && echo 130 || echo 143)
    if [ "$status" -ne "$expected" ]; then
        echo "FAIL: exit $status after SIG$signal, expected $expected"
        cat "$log"
        return 1
    fi
    if ((took > stop_limit * 1000)); then
        echo "FAIL: took $took ms to stop after SIG$signal (limit $stop_limit s)"
        return 1
    fi
    echo "SIG$signal: stopped in $took ms"
}

# Fails if FOLDER holds a file left half-written (atomic writes use NAME.tmp.PID, the
# database NAME.partial).
no_partial_files() {
    local left
    left=$(find "$1" -name '*.tmp.*' -o -name '*.partial')
    [ -z "$left" ] || { echo "FAIL: partial files left: $left"; return 1; }
}
