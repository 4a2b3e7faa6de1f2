#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset, clang) and runs each, starting from the
# seed corpora under tests/data and scenarios/:
#   tools/fuzz.sh [SECONDS]   for SECONDS each (default 60), from a fresh random seed: to explore
#   tools/fuzz.sh --runs N    N inputs each from seed 1: the same inputs every time (CI)
# Inputs the fuzzer finds interesting collect under build/fuzz/corpus/; a crash, hang, leak
# or sanitizer report stops the target, leaves the input under build/fuzz/artifacts/ and
# fails the script. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --runs ]; then
    budget=(-runs="$2" -seed=1)
    corpus_root=build/fuzz/ci-corpus
    # A fixed seed gives the same inputs only from the same starting corpus.
    rm -rf "$corpus_root"
else
    budget=(-max_total_time="${1:-60}")
    corpus_root=build/fuzz/corpus
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target fuzz_scenario fuzz_xer fuzz_mspdi

# The seed folders of a target; the regression folder only once it holds an input.
seeds_of() {
    case $1 in
    scenario) echo scenarios tests/data/invalid ;;
    xer | mspdi) echo tests/data/import ;;
    esac
    if [ -d tests/data/fuzz-regressions/"$1" ]; then echo tests/data/fuzz-regressions/"$1"; fi
}

mkdir -p build/fuzz/artifacts
failed=()
for target in scenario xer mspdi; do
    corpus=$corpus_root/$target
    mkdir -p "$corpus"
    echo "== fuzz_$target: ${budget[*]} =="
    # -timeout: an input taking 10 s is a hang; -rss_limit_mb: one using 2 GB a blow-up.
    # shellcheck disable=SC2046
    if build/fuzz/fuzz/fuzz_"$target" "${budget[@]}" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix=build/fuzz/artifacts/"$target"- \
        "$corpus" $(seeds_of "$target") 2>build/fuzz/"$target".log; then
        grep -E '^(Done|stat::number_of_executed_units)' build/fuzz/"$target".log || true
    else
        tail -40 build/fuzz/"$target".log
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs under build/fuzz/artifacts/)"
    exit 1
fi
