#!/usr/bin/env bash
# Builds the release preset and runs every benchmark; JSON lines go to build/bench-results.jsonl,
# a readable summary to the terminal. docs/performance.md explains the figures.
#   scripts/bench.sh            full run (about 5 minutes on 2 cores, after a first LTO build of 5)
#   scripts/bench.sh --smoke    tiny sizes, seconds (what CI runs through ctest)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target engine_bench ui_bench
out=build/bench-results.jsonl
: > "$out"
args=()
[[ "${1:-}" == "--smoke" ]] && args=(--smoke)
# The memory benchmark runs in a process of its own: it reports that process's peak RSS.
for only in scenario throughput run_length replay; do
  ./build/release/bench/engine_bench "${args[@]}" --only "$only" | tee -a "$out" >/dev/null
done
./build/release/bench/engine_bench "${args[@]}" --only memory | tee -a "$out" >/dev/null
./build/release/bench/ui_bench "${args[@]}" 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2) | tee -a "$out" >/dev/null
echo "results: $out"
