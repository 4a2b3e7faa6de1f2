#!/usr/bin/env bash
# Builds the libFuzzer targets (in the sanitize preset, clang) and runs each for SECONDS (default
# 60), starting from the seed corpora under tests/data and scenarios/, with libFuzzer's
# random seed SEED (default: a fresh one each run; CI gives 1, so a run tries the same
# inputs in the same order and a find can be replayed). Inputs the fuzzer finds interesting
# collect under build/fuzzing/corpus/. Targets run side by side, one per core. A crash, hang,
# leak or sanitizer report stops the target, leaves the input under build/fuzzing/artifacts/
# and fails the script. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=(-max_total_time="${1:-60}")
if [ -n "${2:-}" ]; then budget+=(-seed="$2"); fi
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$(nproc)" --target fuzz_scenario fuzz_sweep_spec fuzz_xer \
    fuzz_mspdi

# The seed folders of a target; the regression folder only once it holds an input.
seeds_of() {
    case $1 in
    scenario) echo scenarios tests/data/invalid ;;
    sweep_spec) echo tests/data/sweep-specs ;;
    xer | mspdi) echo tests/data/import ;;
    esac
    if [ -d tests/data/fuzz-regressions/"$1" ]; then echo tests/data/fuzz-regressions/"$1"; fi
}

# One target's run; its log goes to build/fuzzing/TARGET.log, its summary to standard output.
fuzz_target() {
    local target=$1 corpus=build/fuzzing/corpus/$1
    mkdir -p "$corpus"
    echo "== fuzz_$target: ${budget[*]} =="
    # -timeout: an input taking 10 s is a hang; -rss_limit_mb: one using 2 GB a blow-up.
    # shellcheck disable=SC2046
    if build/sanitize/fuzz/fuzz_"$target" "${budget[@]}" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix=build/fuzzing/artifacts/"$target"- \
        "$corpus" $(seeds_of "$target") 2>build/fuzzing/"$target".log; then
        grep -E '^(Done|stat::number_of_executed_units)' build/fuzzing/"$target".log || true
    else
        tail -40 build/fuzzing/"$target".log
        return 1
    fi
}

# As many targets at once as there are cores, each on a core of its own for its whole
# time; summaries are printed in the targets' order.
mkdir -p build/fuzzing/artifacts
targets=(scenario sweep_spec xer mspdi)
at_once=$(nproc)
failed=()
for ((first = 0; first < ${#targets[@]}; first += at_once)); do
    running=("${targets[@]:first:at_once}")
    pids=()
    for target in "${running[@]}"; do
        fuzz_target "$target" >build/fuzzing/"$target".summary &
        pids+=($!)
    done
    for k in "${!running[@]}"; do
        wait "${pids[k]}" || failed+=("${running[k]}")
        cat build/fuzzing/"${running[k]}".summary
    done
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs under build/fuzzing/artifacts/)"
    exit 1
fi
