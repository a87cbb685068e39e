#!/usr/bin/env bash
# Builds the libFuzzer target and fuzzes the scenario loader for SECONDS (default 60), starting
# from the built-in scenarios and the test corpus. A crash leaves its input in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
./scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=build/fuzz/corpus
mkdir -p "$corpus"
cp resources/scenarios/*.json tests/data/scenarios/good/*.json tests/data/scenarios/bad/*.json "$corpus"/
cd build/fuzz
ASAN_OPTIONS=detect_leaks=1 ./fuzz/fuzz_scenario_loader -max_total_time="$seconds" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 corpus
