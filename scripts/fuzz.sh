#!/usr/bin/env bash
# Builds the libFuzzer targets and fuzzes the scenario loader for SECONDS (default 60), starting
# from the built-in scenarios and the test corpus, then the other inputs (zoneinfo text, page
# traces in every format, plain and zstd) for SECONDS / 2, starting from this machine's
# /proc/zoneinfo, the test zoneinfo files and small traces of each format. A crash leaves its
# input in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
./scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=build/fuzz/corpus
mkdir -p "$corpus"
cp resources/scenarios/*.json tests/data/scenarios/good/*.json tests/data/scenarios/bad/*.json "$corpus"/
# The other inputs: the first byte picks the parser (fuzz/fuzz_inputs.cpp: 0 zoneinfo, 1 text
# trace, 2/3 oracleGeneral, 4/5 CSV, 6 reclaim trace text as --trace-in reads it).
inputs=build/fuzz/corpus-inputs
mkdir -p "$inputs"
seed() { { printf "\\$(printf '%03o' "$1")"; cat; } > "$inputs/$2"; }
for f in /proc/zoneinfo tests/data/zoneinfo-*.txt tests/data/seed-*.txt; do
  [[ -r $f ]] && seed 0 "zoneinfo-$(basename "$f")" < "$f"
done
printf '# pages\n17\n18\ndb 4096\ndb,4097\nreport\t9\n' | seed 1 text
# Two oracleGeneral records: clock, obj_id, obj_size, next_access_vtime (little-endian).
printf '\x01\0\0\0\x2a\0\0\0\0\0\0\0\0\x20\0\0\xff\xff\xff\xff\xff\xff\xff\xff' > "$inputs/oracle.rec"
printf '\x02\0\0\0\x07\0\0\0\0\0\0\0\x64\0\0\0\x05\0\0\0\0\0\0\0' >> "$inputs/oracle.rec"
seed 2 oracle < "$inputs/oracle.rec" && rm "$inputs/oracle.rec"
printf 'clock_time,obj_id,obj_size\n1,42,8192\n2,7,100\n' | seed 4 csv
printf '0\n1\n2\n3\n' | zstd -q -c | seed 1 text-zst
seed 6 ftrace < tests/data/ftrace/6.18/memcg-capture.trace
printf '# host: x\ntime_s,node0_Normal_free_pages,node0_Normal_min_pages,node0_nr_inactive_file,node0_kswapd_state,swap_used_pages,psi_memory_some_avg10,pgscan_kswapd_per_s\n0.000,100,10,5,sleeping,0,0.00,0.0\n0.100,90,10,6,balancing,,1.23,40.0\n' | seed 7 recording
for f in /proc/vmstat /proc/meminfo /proc/pressure/memory /proc/self/stat; do
  [[ -r $f ]] && seed 8 "proc-$(basename "$f")" < "$f"
done
cd build/fuzz
ASAN_OPTIONS=detect_leaks=1 ./fuzz/fuzz_scenario_loader -max_total_time="$seconds" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 corpus
ASAN_OPTIONS=detect_leaks=1 ./fuzz/fuzz_inputs -max_total_time="$(( (seconds + 1) / 2 ))" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 corpus-inputs
