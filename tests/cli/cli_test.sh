#!/usr/bin/env bash
# Command-line tests: run the real binary and compare what it prints with the kernel's numbers.
set -u
case_name=$1; bin=$2; data=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
# zone_field FILE ZONE FIELD -> the value of FIELD in ZONE's block of zoneinfo text
zone_field() {
  awk -v zone="$2" -v field="$3" '
    /^Node/ { inzone = ($4 == zone) }
    inzone && $1 == field { print $2; exit }
    inzone && field == "free" && $1 == "pages" && $2 == "free" { print $3; exit }' "$1"
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The messages these tests read are the English source texts: a Chinese desktop's locale or a
# remembered View > Language must not change them (the language case sets its own).
export LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$tmp/config"
unset LANGUAGE

case $case_name in
seed_experiment)
  # The seed chapter: echo 3000000 > /proc/sys/vm/min_free_kbytes on its 4 GiB machine (a 5.x
  # kernel). Every zone's min/low/high must be the chapter's.
  "$bin" --headless --machine-from-zoneinfo "$data/seed-4g-min_free_kbytes-8000.txt" --kernel 5.15 \
      --set vm.min_free_kbytes=3000000 --print-zoneinfo > "$tmp/out" || fail "exit code $?"
  for zone in DMA DMA32 Normal Movable; do
    for f in min low high managed free; do
      want=$(zone_field "$data/seed-4g-min_free_kbytes-3000000.txt" "$zone" "$f")
      [[ $f == free ]] && want=$(zone_field "$data/seed-4g-min_free_kbytes-8000.txt" "$zone" "$f")
      got=$(zone_field "$tmp/out" "$zone" "$f")
      [[ "$got" == "$want" ]] || fail "$zone $f: got '$got', the chapter shows '$want'"
    done
  done
  # The same on a current kernel: only the empty Movable zone differs (min 32 since v6.5).
  "$bin" --headless --machine-from-zoneinfo "$data/seed-4g-min_free_kbytes-8000.txt" \
      --set vm.min_free_kbytes=3000000 --print-zoneinfo > "$tmp/out2" || fail "exit code $?"
  [[ $(zone_field "$tmp/out2" Normal min) == 181602 ]] || fail "6.16 Normal min"
  [[ $(zone_field "$tmp/out2" Movable min) == 32 ]] || fail "6.16 Movable min"
  ;;
errors)
  out=$("$bin" --headless --ram 4G --set vm.watermark_scale_factor=5000 --print-zoneinfo 2>&1); rc=$?
  [[ $rc == 2 ]] || fail "out-of-range sysctl: exit $rc"
  [[ "$out" == *"vm.watermark_scale_factor: value 5000 is out of range (the kernel accepts 1..3000)"* ]] || fail "message: $out"
  out=$("$bin" --headless --ram lots --print-zoneinfo 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"--ram: 'lots' is not a size"* ]] || fail "bad size: $rc $out"
  out=$("$bin" --headless --machine-from-zoneinfo /nonexistent/zoneinfo --print-zoneinfo 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"cannot read '/nonexistent/zoneinfo'"* ]] || fail "missing file: $rc $out"
  printf 'Node 0, zone   Normal\n  pages free     12x\n' > "$tmp/bad.txt"
  out=$("$bin" --headless --machine-from-zoneinfo "$tmp/bad.txt" --print-zoneinfo 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"bad.txt:2: expected a number after 'pages free'"* ]] || fail "malformed: $rc $out"
  out=$("$bin" --headless --set vm.bogus=1 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"unknown sysctl 'vm.bogus'"* ]] || fail "unknown sysctl: $rc $out"
  out=$("$bin" --headless --thp sometimes 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"--thp: 'sometimes'"* ]] || fail "thp: $rc $out"
  out=$("$bin" --headless --nonsense 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"nonsense"* ]] || fail "unknown option: $rc $out"
  out=$("$bin" --headless --duration 2000000s 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"--duration: '2000000s' is outside 0 .. 1000000 s"* ]] || fail "long duration: $rc $out"
  out=$("$bin" --headless --swap 1G,ratio=3 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"ratio= is for kind=zram only"* ]] || fail "ratio on ssd: $rc $out"
  out=$("$bin" --headless --swap 1G,prio=3,prio=4 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"'prio=' is given twice"* ]] || fail "repeated swap key: $rc $out"
  out=$("$bin" --headless --at 5s:swapon=0 --duration 6s 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"size 0 is less than 2 pages (8192 bytes)"* ]] || fail "swapon=0: $rc $out"
  out=$("$bin" --headless --ram 1.5G 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"no decimals"* ]] || fail "decimal ram: $rc $out"
  out=$("$bin" --headless --ram 16M 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"outside the supported range"* ]] || fail "tiny ram: $rc $out"
  ;;
language)
  # The system locale chooses 简体中文: --help (Qt's own words and ours), errors, the scenario
  # list (each built-in's own zh_CN title); every option name stays as typed.
  LC_ALL=zh_CN.UTF-8 "$bin" --help > "$tmp/help" || fail "--help exit $?"
  grep -q "用法" "$tmp/help" || fail "Qt's Usage line is not Chinese (qt6-translations-l10n)"
  grep -q -- "--headless .*不打开窗口" "$tmp/help" || fail "--headless is not described in Chinese"
  "$bin" --help | grep -oE -- '--[a-z-]+' | sort -u > "$tmp/en-options"
  grep -oE -- '--[a-z-]+' "$tmp/help" | sort -u > "$tmp/zh-options"
  cmp -s "$tmp/en-options" "$tmp/zh-options" || fail "the options differ: $(diff "$tmp/en-options" "$tmp/zh-options")"
  out=$(LC_ALL=zh_CN.UTF-8 "$bin" --headless --view nope 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"'nope' 不是视图"* ]] || fail "Chinese error: $rc $out"
  zh_title=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["title"]["zh_CN"])' \
             "$data/../../resources/scenarios/watermark-dance.json")
  LC_ALL=zh_CN.UTF-8 "$bin" --list-scenarios | grep -qF "watermark-dance          $zh_title" || fail "zh title"
  "$bin" --list-scenarios | grep -q "^watermark-dance  .*[A-Za-z]" || fail "English title"
  # A remembered View > Language wins over the locale.
  mkdir -p "$tmp/config/ReclaimScope"
  printf '[view]\nlanguage=zh_CN\n' > "$tmp/config/ReclaimScope/reclaimscope.conf"
  "$bin" --help | grep -q "用法" || fail "the remembered language is not used"
  ;;
reclaim_latency)
  # drsnoop's table from the tracepoints: each process's stall count and total are its delay
  # accounting's RECLAIM (getdelays), printed by --print-proc from the task's own counters.
  "$bin" --headless --scenario direct-reclaim-oom --duration 20s --print-reclaim-latency \
      --print-proc reader0 --print-proc leaky > "$tmp/out" || fail "exit $?"
  head -1 "$tmp/out" | grep -q '^COMM  *PID  *KIND  *COUNT  *TOTAL(ms)  *P50(us)  *P99(us)  *MAX(us)  *PAGES$' || fail "header"
  for comm in reader0 leaky; do
    row=$(awk -v c=$comm '$1 == c && $3 == "direct" && NF == 9' "$tmp/out")
    [[ -n $row ]] || fail "no row for $comm"
    read -r _ _ _ count total _ <<< "$row"
    delay=$(awk -v c=$comm '/^Name:/ { name = $2 } /^delayacct:/ && name == c { print $3, $4 }' "$tmp/out")
    read -r dcount dms <<< "$delay"
    [[ $count == "$dcount" ]] || fail "$comm: $count stalls, delay accounting $dcount"
    awk -v a="$total" -v b="${dms%ms}" 'BEGIN { exit !(a - b < 0.001 && b - a < 0.001) }' || fail "$comm: $total ms vs ${dms}"
  done
  ;;
trace_in)
  # A real capture (tests/data/ftrace/README.md): its memcg stalls, paired per pid by awk here
  # from the raw lines, are the table's row.
  cap="$data/ftrace/6.18/memcg-capture.trace"
  "$bin" --headless --trace-in "$cap" --print-reclaim-latency > "$tmp/table" 2> "$tmp/summary" || fail "exit $?"
  grep -q "2012 lines, 2000 events, .* 0 malformed" "$tmp/summary" || fail "summary: $(cat "$tmp/summary")"
  want=$(awk '$5 ~ /mm_vmscan_memcg_reclaim_begin:/ { split($1, a, "-"); pid = a[length(a)]; t = $4; sub(":", "", t); open[pid] = t }
              $5 ~ /mm_vmscan_memcg_reclaim_end:/ { split($1, a, "-"); pid = a[length(a)]; t = $4; sub(":", "", t)
                if (pid in open) { n[pid]++; tot[pid] += t - open[pid]; split($6, f, "="); pages[pid] += f[2]; delete open[pid] } }
              END { for (p in n) printf "%s %d %.3f %d\n", p, n[p], tot[p] * 1000, pages[p] }' "$cap")
  got=$(awk '$3 == "memcg" { printf "%s %d %.3f %d\n", $2, $4, $5, $9 }' "$tmp/table")
  [[ "$got" == "$want" ]] || fail "memcg row: got '$got', the raw lines give '$want'"
  # Round trip: a simulated run's --ftrace, read back, gives the run's own table (counts and
  # pages exactly; totals within the trace's microsecond timestamps).
  "$bin" --headless --scenario direct-reclaim-oom --duration 8s --ftrace "$tmp/run.trace" \
      --print-reclaim-latency > "$tmp/direct" || fail "run exit $?"
  "$bin" --headless --trace-in "$tmp/run.trace" --print-reclaim-latency > "$tmp/back" 2>/dev/null || fail "read back"
  [[ $(wc -l < "$tmp/direct") -gt 1 ]] || fail "no direct reclaim in the run"
  paste <(tail -n +2 "$tmp/direct" | sort) <(tail -n +2 "$tmp/back" | sort) | awk '
    { if ($1 != $10 || $2 != $11 || $4 != $13 || $9 != $18) { print "row differs: " $0; bad = 1 }
      d = $5 - $14; if (d < 0) d = -d; if (d > $4 * 0.001 + 0.001) { print "total differs: " $0; bad = 1 } }
    END { exit bad }' || fail "round trip"
  # Refusals: not headless, with a scenario, a binary file.
  QT_QPA_PLATFORM=offscreen "$bin" --trace-in "$cap" > /dev/null 2>&1; [[ $? == 2 ]] || fail "--trace-in without --headless"
  "$bin" --headless --trace-in "$cap" --scenario swap-full-oom > /dev/null 2>&1; [[ $? == 2 ]] || fail "with --scenario"
  printf '\x17\x08\x44tracing6\0\0\0' > "$tmp/trace.dat"
  out=$("$bin" --headless --trace-in "$tmp/trace.dat" 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"a binary file, not a text trace"* ]] || fail "binary: $rc $out"
  ;;
help_version)
  "$bin" --help | grep -q -- "--machine-from-zoneinfo" || fail "--help"
  "$bin" --version | grep -Eq '^reclaimscope [0-9]+\.[0-9]+' || fail "--version"
  ;;
idle_machine)
  # A 4 GiB x86-64 machine with THP: khugepaged's 3 zones * 11 * 512 pages = 67584 kB,
  # pages_min 16896, and each zone's min its share of the lowmem managed pages.
  "$bin" --headless --ram 4G --thp always --print-zoneinfo > "$tmp/out" || fail "exit $?"
  dma32=$(zone_field "$tmp/out" DMA32 managed); normal=$(zone_field "$tmp/out" Normal managed); dma=$(zone_field "$tmp/out" DMA managed)
  lowmem=$((dma + dma32 + normal))
  [[ $(zone_field "$tmp/out" DMA32 min) == $((16896 * dma32 / lowmem)) ]] || fail "DMA32 min"
  [[ $(zone_field "$tmp/out" Normal min) == $((16896 * normal / lowmem)) ]] || fail "Normal min"
  # THP never: int_sqrt(lowmem kB * 16) spread the same way.
  "$bin" --headless --ram 4G --thp never --print-zoneinfo > "$tmp/out" || fail "exit $?"
  kb=$((lowmem * 4 * 16)); r=$(awk -v x=$kb 'BEGIN { r = int(sqrt(x)); while (r*r > x) r--; while ((r+1)*(r+1) <= x) r++; print r }')
  pages_min=$((r / 4))
  [[ $(zone_field "$tmp/out" DMA32 min) == $((pages_min * dma32 / lowmem)) ]] || fail "THP never DMA32 min"
  ;;
run_duration)
  # The default scenario for 20 s: the page cache fills memory, kswapd keeps DMA32 between
  # its watermarks, so free memory ends no lower than min.
  "$bin" --headless --duration 20s --print-zoneinfo --print-vmstat > "$tmp/out" || fail "exit $?"
  free=$(zone_field "$tmp/out" DMA32 free); min=$(zone_field "$tmp/out" DMA32 min); high=$(zone_field "$tmp/out" DMA32 high)
  (( free >= min )) || fail "free $free below min $min"
  (( free <= high * 3 )) || fail "free $free: memory never filled (high $high)"
  grep -q "nr_inactive_file" "$tmp/out" || fail "no LRU counters"
  # The streamed file's pages are read once and unmapped: folio_check_references() says
  # RECLAIM_CLEAN for each, so kswapd reclaims every page it scans and activates none.
  vm() { awk -v k="$1" '$1 == k { print $2; exit }' "$tmp/out"; }
  [[ $(vm pgactivate) == 0 ]] || fail "pgactivate $(vm pgactivate)"
  [[ -n $(vm pgscan_kswapd) && $(vm pgscan_kswapd) == $(vm pgsteal_kswapd) ]] || fail "pgscan_kswapd $(vm pgscan_kswapd) != pgsteal_kswapd $(vm pgsteal_kswapd)"
  (( $(vm pgsteal_kswapd) > 0 )) || fail "kswapd reclaimed nothing"
  ;;
swap)
  # /proc/swaps and the Swap lines of /proc/meminfo in the kernel's formats.
  "$bin" --headless --ram 1G --swap 1G --swap 256M,prio=10,kind=zram,ratio=3 --print-swaps --print-meminfo > "$tmp/out" || fail "exit $?"
  head -1 "$tmp/out" | grep -q $'^MemTotal: \{6\}' || fail "meminfo label padding: $(head -1 "$tmp/out")"
  grep -Eq '^SwapTotal: +1310712 kB$' "$tmp/out" || fail "SwapTotal (1 GiB + 256 MiB less two header pages): $(grep SwapTotal "$tmp/out")"
  grep -q $'^Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority$' "$tmp/out" || fail "swaps header"
  grep -Eq $'^/dev/zram0 +partition\t262140\t\t0\t\t10$' "$tmp/out" || fail "zram line: $(grep zram "$tmp/out")"
  out=$("$bin" --headless --swap 1G,kind=tape 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"kind must be hdd, ssd or zram"* ]] || fail "bad kind: $rc $out"
  # Unnamed areas are named as a scenario file names them (SwapNamer): a named area or a
  # sysctl --at takes no default name, so --swap and a later swapon get /dev/sdb1, /dev/sdc1.
  "$bin" --headless --ram 1G --swap 64M,name=/dev/vdb --swap 64M --at 1s:vm.swappiness=100 --at 2s:swapon=64M \
    --duration 3s --print-swaps > "$tmp/out" || fail "exit $?"
  [[ $(awk 'NR > 1 { print $1 }' "$tmp/out" | sort | tr '\n' ' ') == "/dev/sdb1 /dev/sdc1 /dev/vdb " ]] ||
    fail "default swap names: $(cat "$tmp/out")"
  ;;
timeline)
  # --at runs actions at their time: a sysctl write, swapoff reading pages back, and the log
  # (--print-events) shows them when they happened.
  "$bin" --headless --scenario mixed-pressure --swap 1G --at 5s:vm.swappiness=200 --at 20s:swapoff=/dev/sdb1 \
    --duration 30s --print-events --print-swaps > "$tmp/out" || fail "exit $?"
  grep -Eq '^ +5\.000000  sysctl +vm\.swappiness = 200$' "$tmp/out" || fail "sysctl event: $(grep sysctl "$tmp/out")"
  grep -Eq '^ +20\.000000  swap +swapoff /dev/sdb1: started, [0-9]+ slots in use' "$tmp/out" || fail "swapoff start: $(grep swap "$tmp/out")"
  grep -Eq '^ +2[0-9]\.[0-9]+  swap +swapoff /dev/sdb1: done, [0-9]+ pages read back' "$tmp/out" || fail "swapoff done: $(grep swap "$tmp/out")"
  ! grep -q '^/dev/sdb1' "$tmp/out" || fail "the area is still in /proc/swaps"
  out=$("$bin" --headless --at 1s:swapoff=/dev/sdq1 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"no swap area of that name"* ]] || fail "swapoff of an unknown area: $rc $out"
  out=$("$bin" --headless --at 1s 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"TIME:ACTION"* ]] || fail "malformed --at: $rc $out"
  ;;
scenario_files)
  # Every malformed file: exit code 2 and its message on stderr, nothing on stdout.
  n=0
  for f in "$data"/scenarios/bad/*.json; do
    # An empty or missing .expect would match any message (grep -F ''): refuse it.
    [[ -s "${f%.json}.expect" ]] || fail "$f: no expected message (${f%.json}.expect)"
    expect=$(cat "${f%.json}.expect")
    out=$("$bin" --headless --scenario "$f" --print-vmstat 2>"$tmp/err"); rc=$?
    [[ $rc == 2 ]] || fail "$f: exit $rc"
    [[ -z "$out" ]] || fail "$f: printed to stdout"
    grep -qF -- "$expect" "$tmp/err" || fail "$f: expected '$expect', got: $(cat "$tmp/err")"
    n=$((n + 1))
  done
  (( n >= 25 )) || fail "only $n malformed files"
  # Every expectation belongs to a file that was run.
  n_expect=$(ls "$data"/scenarios/bad/*.expect | wc -l)
  (( n == n_expect )) || fail "$n malformed files but $n_expect .expect files"
  # A good file runs for its own duration and writes the CSV whole.
  "$bin" --headless --scenario "$data/scenarios/good/replay.json" --csv "$tmp/out.csv" || fail "replay exit $?"
  head -1 "$tmp/out.csv" | grep -q '^time_s,' || fail "csv header"
  [[ $(tail -1 "$tmp/out.csv" | cut -d, -f1) == "1.000" ]] || fail "csv does not end at the scenario's 1 s: $(tail -1 "$tmp/out.csv" | cut -c1-40)"
  # --list-scenarios: name and title, one line per entry of the built-in index (12 or more).
  index="$data/../../resources/scenarios/index.txt"
  n_index=$(grep -c . "$index") || fail "cannot read $index"
  (( n_index >= 12 )) || fail "only $n_index built-in scenarios"
  [[ $("$bin" --list-scenarios | wc -l) -eq $n_index ]] || fail "list-scenarios: $("$bin" --list-scenarios | wc -l) lines, $n_index in index.txt"
  # An unwritable CSV path: exit 1, the reason named.
  out=$("$bin" --headless --scenario "$data/scenarios/good/replay.json" --csv /nonexistent/dir/x.csv 2>&1); rc=$?
  [[ $rc == 1 && "$out" == *"--csv: cannot write /nonexistent/dir/x.csv: No such file or directory"* ]] || fail "csv to a bad path: $rc $out"
  ;;
export)
  # --export without a display: PNG (decodes, the right size), PDF, SVG (with the title).
  unset DISPLAY
  for ext in png pdf svg; do
    "$bin" --scenario watermark-basics --duration 3s --export "$tmp/chart.$ext" 2>"$tmp/err" || fail "$ext: exit $? $(cat "$tmp/err")"
  done
  [[ $(identify -format '%m %w' "$tmp/chart.png") == "PNG 1600" ]] || fail "png: $(identify "$tmp/chart.png" 2>&1)"
  [[ $(head -c 5 "$tmp/chart.pdf") == "%PDF-" ]] || fail "pdf header"
  grep -q '<svg' "$tmp/chart.svg" || fail "svg root"
  grep -q 'Watermark basics' "$tmp/chart.svg" || fail "svg title"
  "$bin" --scenario two-swap-devices --duration 3s --export "$tmp/swap.png" --view swap || fail "swap view exit $?"
  [[ $(identify -format '%m' "$tmp/swap.png") == "PNG" ]] || fail "swap png"
  "$bin" --scenario mixed-pressure --duration 3s --export "$tmp/lru.svg" --view lru || fail "lru view exit $?"
  grep -q 'LRU list sizes' "$tmp/lru.svg" || fail "lru svg title"
  "$bin" --scenario direct-reclaim-storm --duration 2s --export "$tmp/cg.pdf" --view callgraph || fail "callgraph exit $?"
  [[ $(head -c 5 "$tmp/cg.pdf") == "%PDF-" ]] || fail "callgraph pdf"
  out=$("$bin" --scenario watermark-basics --export "$tmp/chart.gif" 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"must end in .png, .pdf or .svg"* ]] || fail "bad extension: $rc $out"
  out=$("$bin" --scenario watermark-basics --export "$tmp/c.png" --view lrus 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"--view: 'lrus' is not a view"* ]] || fail "bad view: $rc $out"
  out=$("$bin" --scenario watermark-basics --export "$tmp/c.png" --view counters 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"the counters view is text"* ]] || fail "counters export: $rc $out"
  # Window options are checked before a window opens.
  out=$(QT_QPA_PLATFORM=offscreen "$bin" --speed 3 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"--speed: expected 1, 2, 5, 10, 50 or max, got '3'"* ]] || fail "bad speed: $rc $out"
  out=$(QT_QPA_PLATFORM=offscreen "$bin" --pause-at soon 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"--pause-at: "* ]] || fail "bad pause-at: $rc $out"
  out=$("$bin" --scenario watermark-basics --duration 1s --export /nonexistent/dir/c.png 2>&1); rc=$?
  [[ $rc == 1 && "$out" == *"Cannot write /nonexistent/dir/c.png"* ]] || fail "unwritable: $rc $out"
  ;;
outputs)
  # Outputs never destroy their target: a device stays a device, a FIFO is streamed into, a
  # read-only file is refused and kept, a full disk keeps the old file and says why.
  run=(--headless --scenario watermark-basics --duration 1s)
  "$bin" "${run[@]}" --csv /dev/null || fail "csv to /dev/null: exit $?"
  [[ -c /dev/null ]] || fail "/dev/null is no longer a character device"
  lines=$("$bin" "${run[@]}" --csv /dev/stdout | grep -c '^[0-9]') || fail "csv to /dev/stdout"
  (( lines > 10 )) || fail "csv to /dev/stdout: $lines sample lines"
  [[ $("$bin" "${run[@]}" --csv - | head -1) == time_s,* ]] || fail "csv to -"
  mkfifo "$tmp/fifo"
  (cat "$tmp/fifo" > "$tmp/from_fifo" &)
  timeout 20 "$bin" "${run[@]}" --csv "$tmp/fifo" || fail "csv to a FIFO: exit $?"
  sleep 0.2
  [[ $(head -1 "$tmp/from_fifo") == time_s,* ]] || fail "FIFO reader got: $(head -c 80 "$tmp/from_fifo")"
  echo keep > "$tmp/ro.csv"; chmod 444 "$tmp/ro.csv"
  out=$("$bin" "${run[@]}" --csv "$tmp/ro.csv" 2>&1); rc=$?
  [[ $rc == 1 && "$out" == *"the file is read-only (mode 0444)"* && $(cat "$tmp/ro.csv") == keep ]] || fail "read-only: $rc $out"
  for opt in --csv --export; do
    out=$("$bin" "${run[@]}" $opt '' 2>&1); rc=$?
    [[ $rc == 2 && "$out" == *"$opt: the file name is empty"* ]] || fail "$opt '': $rc $out"
  done
  if [[ $(id -u) == 0 ]] && mkdir "$tmp/full" && mount -t tmpfs -o size=12k tmpfs "$tmp/full" 2>/dev/null; then
    trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT
    echo old > "$tmp/full/out.csv"; echo old > "$tmp/full/out.pdf"
    out=$("$bin" --headless --scenario watermark-basics --duration 5s --csv "$tmp/full/out.csv" 2>&1); rc=$?
    [[ $rc == 1 && "$out" == *"No space left on device (the file there is unchanged)"* ]] || fail "full disk csv: $rc $out"
    out=$(QT_QPA_PLATFORM=offscreen "$bin" --scenario watermark-basics --duration 2s --export "$tmp/full/out.pdf" 2>&1); rc=$?
    [[ $rc == 1 && "$out" == *"No space left on device"* ]] || fail "full disk pdf: $rc $out"
    [[ $(cat "$tmp/full/out.csv") == old && $(cat "$tmp/full/out.pdf") == old ]] || fail "full disk: old files changed"
    [[ $(ls -A "$tmp/full" | wc -l) == 2 ]] || fail "full disk: left $(ls -A "$tmp/full")"
  else
    echo "SKIP: full file system (needs root to mount a small tmpfs)"
  fi
  ;;
inputs)
  # Inputs that are not regular files are refused at once (a FIFO would block forever).
  mkfifo "$tmp/zi"
  out=$(timeout 10 "$bin" --headless --machine-from-zoneinfo "$tmp/zi" --print-zoneinfo 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"it is a FIFO (named pipe); only regular files are read"* ]] || fail "FIFO zoneinfo: $rc $out"
  out=$(timeout 10 "$bin" --headless --machine-from-zoneinfo /dev/zero --print-zoneinfo 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"'/dev/zero': it is a character device"* ]] || fail "/dev/zero zoneinfo: $rc $out"
  out=$(timeout 10 "$bin" --headless --scenario "$tmp" 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"it is a directory"* ]] || fail "directory scenario: $rc $out"
  # A trace is streamed, not read whole, but a FIFO is refused all the same.
  mkdir "$tmp/fifo" && mkfifo "$tmp/fifo/trace-100-pages.txt"
  cp "$data/scenarios/good/replay.json" "$tmp/fifo/"
  out=$(timeout 10 "$bin" --headless --scenario "$tmp/fifo/replay.json" 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"trace-100-pages.txt': it is a FIFO (named pipe); only regular files are read"* ]] || fail "FIFO trace: $rc $out"
  # This machine's own zoneinfo (size 0 in procfs) clones.
  "$bin" --headless --machine-from-zoneinfo /proc/zoneinfo --duration 1s --print-meminfo > "$tmp/mi" || fail "/proc/zoneinfo: exit $?"
  grep -q '^MemTotal:' "$tmp/mi" || fail "/proc/zoneinfo: no MemTotal"
  # A BOM is skipped; UTF-16 is named.
  { printf '\xef\xbb\xbf'; cat "$data/scenarios/good/replay.json"; } > "$tmp/bom.json"
  cp "$data/scenarios/good/"*.txt "$tmp/" 2>/dev/null
  "$bin" --headless --scenario "$tmp/bom.json" --duration 1s > /dev/null || fail "scenario with a BOM: exit $?"
  iconv -f UTF-8 -t UTF-16 "$data/scenarios/good/replay.json" > "$tmp/u16.json"
  out=$("$bin" --headless --scenario "$tmp/u16.json" 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"the text is UTF-16"* ]] || fail "UTF-16 scenario: $rc $out"
  ;;
budget)
  # A run that would need more than a quarter of this machine's memory is refused before it
  # allocates: swapon's swap_map is a byte per slot (mm/swapfile.c), so an area of 2048 x
  # MemTotal (MemTotal / 2 slots) needs half of MemTotal for its swap_map alone.
  mem_kb=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
  [[ -n "$mem_kb" ]] || fail "no MemTotal in /proc/meminfo"
  big="$((mem_kb * 2048))K"
  out=$(timeout 20 "$bin" --headless --ram 1G --swap "$big" --duration 1s 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"this run needs about"*"for the swap slots"*"a quarter of its memory or of ulimit -v"* ]] || fail "--swap $big: $rc $out"
  cat > "$tmp/big.json" <<JSON
{ "reclaimscope_scenario": 1, "name": "big-swap", "title": "Too much swap",
  "machine": { "ram": "1G" },
  "swap": [ { "size": "$big", "kind": "ssd" } ], "tasks": [], "duration": "1s" }
JSON
  out=$(timeout 20 "$bin" --headless --scenario "$tmp/big.json" 2>&1); rc=$?
  [[ $rc == 2 && "$out" == *"big.json"*"this run needs about"* ]] || fail "scenario with swap $big: $rc $out"
  # Under ulimit -v 2000000 (about 1.9 GiB) a quarter of the limit is the budget, whatever the
  # host has: 4T of swap (a 1 GiB swap_map) and a trace naming page 2147483647 (an 8 GiB page
  # table, 4 bytes a page) are refused; 1G of swap runs. ASan's shadow memory cannot start under
  # an address-space limit, so sanitized builds skip this part (and say so).
  if [[ -n "${RS_SANITIZED:-}" ]]; then
    echo "skipped: the ulimit -v part (a sanitized build cannot run under an address-space limit)"
  else
    mkdir "$tmp/trace" && printf '0\n2147483647\n1\n' > "$tmp/trace/trace-100-pages.txt"
    cp "$data/scenarios/good/replay.json" "$tmp/trace/"
    out=$(ulimit -v 2000000; "$bin" --headless --ram 1G --swap 4T --duration 1s 2>&1); rc=$?
    [[ $rc == 2 && "$out" == *"at most 488.3 MiB (a quarter of its memory or of ulimit -v)"* ]] || fail "ulimit -v, --swap 4T: $rc $out"
    out=$(ulimit -v 2000000; "$bin" --headless --scenario "$tmp/trace/replay.json" 2>&1); rc=$?
    [[ $rc == 2 && "$out" == *"trace 'trace-100-pages.txt' names page 2147483647, a file of 8192 GiB; at most 488.3 MiB"* ]] || fail "ulimit -v, trace page 2147483647: $rc $out"
    (ulimit -v 2000000; "$bin" --headless --ram 1G --swap 1G --duration 1s > /dev/null) || fail "ulimit -v, --swap 1G: exit $?"
  fi
  # An area of 16 x MemTotal (a swap_map of MemTotal / 256) is within the budget and runs.
  "$bin" --headless --ram 1G --swap "$((mem_kb * 16))K" --duration 1s > /dev/null || fail "--swap $((mem_kb * 16))K: exit $?"
  ;;
processes)
  # Issue 15's case: 512 MiB of RAM, 256 MiB of swap, a task that maps 32 MiB at a time in sixty
  # alloc phases. The kill line names a real pid and the total-vm mapped at the kill.
  {
    printf '{"reclaimscope_scenario": 1, "title": "memhog", "machine": {"ram": "512M", "cpus": 2},\n'
    printf ' "swap": [{"name": "/dev/sdb1", "size": "256M", "kind": "ssd"}],\n'
    printf ' "tasks": [{"name": "memhog", "phases": ['
    for i in $(seq 60); do ((i > 1)) && printf ', '; printf '{"alloc": "32M", "rate": "400M/s"}'; done
    printf ']}]}\n'
  } > "$tmp/memhog.json"
  "$bin" --headless --scenario "$tmp/memhog.json" --duration 10s --print-events --print-dmesg \
      --print-proc memhog --print-proc 5 > "$tmp/out" 2> "$tmp/err" || fail "exit $?: $(cat "$tmp/err")"
  kill=$(grep -m1 'Out of memory: Killed process' "$tmp/out")
  [[ $kill == *"Killed process 5 (memhog) total-vm:"* ]] || fail "kill line: $kill"
  [[ $kill != *"total-vm:1966080kB"* ]] || fail "total-vm of the whole plan: $kill"
  vm=${kill#*total-vm:}; vm=${vm%%kB*}
  (( vm % 32768 == 0 && vm < 1966080 )) || fail "total-vm $vm is not whole phases mapped so far"
  # --print-dmesg: timestamps as dmesg prints them, the report in dump_header()'s order.
  grep -qE '^\[ +[0-9]+\.[0-9]{6}\] Adding 262140k swap on /dev/sdb1\.  Priority:-2 extents:1 across:262140k SS$' "$tmp/out" \
    || fail "swapon line: $(grep Adding "$tmp/out")"
  grep -qE '^\[ +[0-9]+\.[0-9]{6}\] memhog invoked oom-killer: gfp_mask=0x100cca\(GFP_HIGHUSER_MOVABLE\), order=0, oom_score_adj=0$' "$tmp/out" \
    || fail "invoked line"
  for l in 'Mem-Info:' 'Tasks state (memory values in pages):' 'oom-kill:constraint=CONSTRAINT_NONE'; do
    grep -q "\] $l" "$tmp/out" || fail "no '$l' in the dmesg text"
  done
  grep -qE '^\[ +[0-9.]+\] \[      5\]     0     5 +[0-9]+ .* memhog$' "$tmp/out" || fail "no task row for pid 5"
  # In the event log and the kernel log: the same kill line (the one-line summary stays).
  [[ $(grep -c "Out of memory: Killed process 5 (memhog) total-vm:${vm}kB" "$tmp/out") == 2 ]] || fail "kill line count"
  # --print-proc by name and by pid: the same status (the victim has no mm left).
  [[ $(grep -c $'^Name:\tmemhog$' "$tmp/out") == 2 ]] || fail "--print-proc name/pid"
  grep -q $'^PPid:\t1$' "$tmp/out" || fail "PPid"
  grep -q $'^delayacct:\tRECLAIM [1-9]' "$tmp/out" || fail "no direct-reclaim delay: $(grep delayacct "$tmp/out")"
  # A live process: its memory as task_mem() prints it.
  "$bin" --headless --ram 1G --scenario "$tmp/memhog.json" --duration 200ms --print-proc memhog > "$tmp/live" \
      || fail "live exit $?"
  grep -qE $'^VmSize:\t +[0-9]+ kB$' "$tmp/live" || fail "VmSize: $(cat "$tmp/live")"
  grep -qE $'^VmRSS:\t +[0-9]+ kB$' "$tmp/live" || fail "VmRSS"
  grep -qE $'^VmSwap:\t +0 kB$' "$tmp/live" || fail "VmSwap"
  out=$("$bin" --headless --scenario "$tmp/memhog.json" --duration 10ms --print-proc nobody 2>&1); rc=$?
  [[ $rc == 1 && $out == *"--print-proc nobody: no such process"* ]] || fail "unknown process: $rc $out"
  ;;
ftrace)
  # --ftrace: the run as /sys/kernel/tracing/trace text whose sums are the run's /proc/vmstat
  # (docs/ftrace.md lists the relations).
  "$bin" --headless --scenario swap-full-oom --ftrace "$tmp/run.trace" --print-vmstat > "$tmp/vmstat" \
      || fail "exit code $?"
  "$bin" --headless --scenario swap-full-oom --print-vmstat > "$tmp/vmstat.plain" || fail "plain exit $?"
  cmp -s "$tmp/vmstat" "$tmp/vmstat.plain" || fail "tracing changed the run's vmstat"
  vm() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/vmstat"; }
  [[ $(head -1 "$tmp/run.trace") == "# tracer: nop" ]] || fail "header: $(head -1 "$tmp/run.trace")"
  n=$(grep -vc '^#' "$tmp/run.trace")
  [[ $(sed -n 3p "$tmp/run.trace") == "# entries-in-buffer/entries-written: $n/$n   #P:2" ]] \
      || fail "entries line: $(sed -n 3p "$tmp/run.trace") for $n lines"
  awk '!/^#/ {
      ev = $5; sub(":$", "", ev); n[ev]++
      for (i = 6; i <= NF; i++) { split($i, kv, "="); v[ev, kv[1]] = kv[2]; s[ev, kv[1]] += kv[2] }
      if (ev == "mm_vmscan_lru_isolate") iso[v[ev, "lru"] ~ /^active/ ? "active" : "inactive"] += v[ev, "nr_scanned"]
      if ($4 + 0 < last) bad++; last = $4 + 0
    }
    END {
      printf "iso_inactive %d\niso_active %d\nreclaimed %d\nkswapd_wake %d\ndirect_begin %d\ndirect_end %d\nvictim %d\nwrite %d\nunordered %d\n",
        iso["inactive"], iso["active"], s["mm_vmscan_lru_shrink_inactive", "nr_reclaimed"], n["mm_vmscan_kswapd_wake"],
        n["mm_vmscan_direct_reclaim_begin"], n["mm_vmscan_direct_reclaim_end"], n["mark_victim"],
        n["mm_vmscan_write_folio"], bad
    }' "$tmp/run.trace" > "$tmp/sums"
  t() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/sums"; }
  [[ $(t unordered) == 0 ]] || fail "timestamps go back $(t unordered) times"
  [[ $(t iso_inactive) == $(( $(vm pgscan_kswapd) + $(vm pgscan_direct) )) ]] \
      || fail "lru_isolate nr_scanned $(t iso_inactive) != pgscan_kswapd + pgscan_direct"
  [[ $(t iso_active) == $(vm pgrefill) ]] || fail "active lru_isolate nr_scanned $(t iso_active) != pgrefill"
  [[ $(t reclaimed) == $(( $(vm pgsteal_kswapd) + $(vm pgsteal_direct) )) ]] \
      || fail "shrink_inactive nr_reclaimed $(t reclaimed) != pgsteal_kswapd + pgsteal_direct"
  [[ $(t kswapd_wake) == $(vm pageoutrun) ]] || fail "kswapd_wake $(t kswapd_wake) != pageoutrun"
  stalls=$(( $(vm allocstall_dma) + $(vm allocstall_dma32) + $(vm allocstall_normal) + $(vm allocstall_movable) ))
  [[ $(t direct_begin) -gt 0 && $(t direct_begin) == $(t direct_end) && $(t direct_begin) -le $stalls ]] \
      || fail "direct reclaim begin $(t direct_begin) end $(t direct_end) allocstall $stalls"
  [[ $(t victim) == $(vm oom_kill) && $(t victim) == 1 ]] || fail "mark_victim $(t victim) != oom_kill"
  [[ $(t write) == $(vm nr_vmscan_write) && $(t write) -gt 0 ]] || fail "write_folio $(t write) != nr_vmscan_write"
  # Task names and pids as the run gives them (kswapd0 is pid 3 after init and kthreadd).
  grep -qE '^ +kswapd0-3 +\[00[01]\] \.{5} +[0-9]+\.[0-9]{6}: mm_vmscan_kswapd_wake: nid=0 order=0$' "$tmp/run.trace" \
      || fail "no kswapd0 wake line"
  grep -qE ': mark_victim: pid=[0-9]+ comm=[^ ]+ total-vm=[0-9]+kB anon-rss=[0-9]+kB file-rss:0kB shmem-rss:0kB uid=0 pgtables=[0-9]+kB oom_score_adj=-?[0-9]+$' \
      "$tmp/run.trace" || fail "mark_victim line: $(grep mark_victim "$tmp/run.trace")"
  # 6.1's formats: lru_isolate with isolate_mode, mark_victim with the pid only.
  "$bin" --headless --scenario swap-full-oom --kernel 6.1 --ftrace "$tmp/61.trace" || fail "6.1 exit $?"
  grep -qE ': mm_vmscan_lru_isolate: isolate_mode=0 classzone=[0-9] order=0 ' "$tmp/61.trace" || fail "6.1 lru_isolate"
  grep -qE ': mark_victim: pid=[0-9]+$' "$tmp/61.trace" || fail "6.1 mark_victim: $(grep mark_victim "$tmp/61.trace")"
  # The output rules: an empty name, a directory, an unwritable place; nothing half-written.
  out=$("$bin" --headless --scenario watermark-basics --ftrace "" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--ftrace: the file name is empty"* ]] || fail "empty name: $rc $out"
  out=$("$bin" --headless --scenario watermark-basics --duration 2s --ftrace "$tmp" 2>&1); rc=$?
  [[ $rc == 1 && $out == *"--ftrace: cannot write $tmp: it is a directory"* ]] || fail "directory: $rc $out"
  out=$("$bin" --headless --scenario watermark-basics --duration 2s --ftrace "$tmp/no/such/dir/x.trace" 2>&1); rc=$?
  [[ $rc == 1 && $out == *"--ftrace: cannot write $tmp/no/such/dir/x.trace"* ]] || fail "missing directory: $rc $out"
  [[ -z $(find "$tmp" -name '*.tmp') ]] || fail "a temporary file was left"
  out=$(QT_QPA_PLATFORM=offscreen "$bin" --scenario watermark-basics --ftrace "$tmp/w.trace" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--ftrace: writes the trace of a --headless run"* ]] || fail "without --headless: $rc $out"
  ;;
host)
  # This machine, recorded: 1 s every 100 ms is readings at 0, 0.1 ... 1.0 s (the loop goes by due
  # time, so a late wake-up never drops one). The watermarks are this machine's own.
  "$bin" --headless --host --duration 1s --interval 100ms --csv "$tmp/host.csv" 2> "$tmp/err" || fail "exit $?: $(cat "$tmp/err")"
  grep -qx "# host: $(cat /proc/sys/kernel/hostname)" "$tmp/host.csv" || fail "no host line"
  grep -qx "# kernel: Linux $(cat /proc/sys/kernel/osrelease)" "$tmp/host.csv" || fail "no kernel line"
  grep -qx "# interval_ms: 100" "$tmp/host.csv" || fail "no interval line"
  rows=$(grep -vc '^#' "$tmp/host.csv")
  [[ $rows == 12 ]] || fail "expected a header and 11 readings, got $rows lines"
  awk -F, '!/^#/ { if (n == "") n = NF; else if (NF != n) { print "row " NR " has " NF " cells, the header " n; exit 1 } }' \
      "$tmp/host.csv" || fail "ragged CSV"
  want=$(zone_field /proc/zoneinfo Normal min)
  col=$(grep -v '^#' "$tmp/host.csv" | head -1 | tr ',' '\n' | grep -nx 'node0_Normal_min_pages' | cut -d: -f1)
  [[ -n $col ]] || fail "no node0_Normal_min_pages column"
  got=$(grep -v '^#' "$tmp/host.csv" | sed -n 2p | cut -d, -f"$col")
  [[ $got == "$want" ]] || fail "Normal min: CSV $got, /proc/zoneinfo $want"
  [[ -r /proc/pressure/memory ]] && { grep -v '^#' "$tmp/host.csv" | head -1 | grep -q 'psi_memory_some_us_per_s' || fail "no PSI column"; }
  # The recording read back: its source lines, its 11 rows, its zones.
  "$bin" --headless --recording "$tmp/host.csv" > "$tmp/rec" 2> "$tmp/recerr" || fail "recording exit $?: $(cat "$tmp/recerr")"
  grep -qx "# host: $(cat /proc/sys/kernel/hostname)" "$tmp/rec" || fail "recording: no host line"
  grep -qx "rows: 11" "$tmp/rec" || fail "recording: $(cat "$tmp/rec")"
  grep -q "^zones: node0/" "$tmp/rec" || fail "recording zones"
  head -c -20 "$tmp/host.csv" > "$tmp/cut.csv"
  out=$("$bin" --headless --recording "$tmp/cut.csv" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"cut.csv:18: "*"cells, the header has"* ]] || fail "cut recording: $rc $out"
  printf 'a,b\n1,2\n' > "$tmp/other.csv"
  out=$("$bin" --headless --recording "$tmp/other.csv" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"other.csv:1:1: the first column is 'a', expected time_s"* ]] || fail "other csv: $rc $out"
  out=$("$bin" --headless --recording "$tmp/host.csv" --scenario swap-full-oom 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--recording shows a file: --scenario belongs to a run"* ]] || fail "recording+scenario: $rc $out"
  # The last reading's texts are this machine's files (the same lines, values move).
  "$bin" --headless --host --print-zoneinfo > "$tmp/zi" || fail "print exit $?"
  [[ $(grep -c '^Node' "$tmp/zi") == $(grep -c '^Node' /proc/zoneinfo) ]] || fail "zoneinfo zones"
  "$bin" --headless --host --print-vmstat > "$tmp/vm" || fail "print exit $?"
  diff <(awk '{ print $1 }' "$tmp/vm") <(awk '{ print $1 }' /proc/vmstat) > /dev/null || fail "vmstat names"
  # SIGTERM ends a recording without --duration: the file is whole.
  "$bin" --headless --host --interval 50ms --csv "$tmp/sig.csv" 2> "$tmp/sigerr" & pid=$!
  sleep 1; kill -TERM $pid; wait $pid; rc=$?
  [[ $rc == 0 ]] || fail "after SIGTERM: exit $rc"
  grep -q "stopped by a signal after" "$tmp/sigerr" || fail "no stop message: $(cat "$tmp/sigerr")"
  [[ $(grep -vc '^#' "$tmp/sig.csv") -ge 5 ]] || fail "too few readings after 1 s at 50 ms"
  [[ -z $(tail -c1 "$tmp/sig.csv") ]] || fail "last line cut"
  # Bad input.
  out=$("$bin" --headless --host --scenario swap-full-oom 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--host watches this machine: --scenario belongs to a simulation"* ]] || fail "host+scenario: $rc $out"
  out=$("$bin" --headless --host --interval 5ms 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--interval: '5ms' is outside 10ms .. 60s"* ]] || fail "interval: $rc $out"
  out=$("$bin" --headless --interval 1s 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--interval: says how often --host"* ]] || fail "interval without host: $rc $out"
  out=$("$bin" --headless --host --duration 200ms --csv /nonexistent/dir/h.csv 2>&1); rc=$?
  [[ $rc == 1 && $out == *"--csv: cannot write /nonexistent/dir/h.csv"* ]] || fail "unwritable: $rc $out"
  out=$("$bin" --headless --host --print-proc 999999999 2>&1); rc=$?
  [[ $rc == 1 && $out == *"cannot read '/proc/999999999/status'"* ]] || fail "no such pid: $rc $out"
  "$bin" --headless --host --print-proc $$ | grep -qx "Pid:	$$" || fail "print-proc of this shell"
  ;;
host_scenario)
  # This machine as a scenario: it boots with this machine's watermarks, protection and managed
  # pages to the page (zoneinfo prints each mark plus its boost), and no tasks.
  [[ -r /proc/zoneinfo ]] || { echo "skip: no /proc/zoneinfo"; echo "ok $case_name"; exit 0; }
  cp /proc/zoneinfo "$tmp/host-zoneinfo"
  out=$("$bin" --host-scenario "$tmp/host.json" 2>&1) || fail "exit code $?: $out"
  [[ $out == *"Wrote $tmp/host.json"* ]] || fail "message: $out"
  python3 - "$tmp/host.json" "$data/../../resources/scenario.schema.json" <<'PY' || fail "not a scenario by the schema"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["tasks"] == [] and doc["title"]["zh_CN"] and doc["explanation"]["zh_CN"], doc
try:
    import jsonschema
except ImportError:
    sys.exit(0)
jsonschema.Draft202012Validator(json.load(open(sys.argv[2], encoding="utf-8"))).validate(doc)
PY
  "$bin" --headless --scenario "$tmp/host.json" --duration 1s --print-zoneinfo > "$tmp/out" || fail "boot: exit $?"
  compared=0
  for zone in DMA DMA32 Normal Movable; do
    managed=$(zone_field "$tmp/host-zoneinfo" "$zone" managed)
    [[ -n $managed && $managed != 0 ]] || continue
    boost=$(zone_field "$tmp/host-zoneinfo" "$zone" boost)
    for f in min low high; do
      want=$(( $(zone_field "$tmp/host-zoneinfo" "$zone" "$f") - ${boost:-0} ))
      got=$(zone_field "$tmp/out" "$zone" "$f")
      [[ "$got" == "$want" ]] || fail "$zone $f: the clone boots $got, this machine shows $want (boost ${boost:-0})"
    done
    [[ $(zone_field "$tmp/out" "$zone" managed) == "$managed" ]] || fail "$zone managed"
    want=$(awk -v z="$zone" '/^Node/ { inzone = ($4 == z) } inzone && /protection:/ { print; exit }' "$tmp/host-zoneinfo")
    got=$(awk -v z="$zone" '/^Node/ { inzone = ($4 == z) } inzone && /protection:/ { print; exit }' "$tmp/out")
    [[ "$got" == "$want" ]] || fail "$zone protection: $got, this machine: $want"
    compared=$((compared + 1))
  done
  (( compared >= 1 )) || fail "no populated zone compared"
  # Targets it cannot write: exit 2, a message naming the file, nothing left behind.
  out=$("$bin" --host-scenario "$tmp/no/such/dir/host.json" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--host-scenario: cannot write $tmp/no/such/dir/host.json"* ]] || fail "missing directory: $rc $out"
  [[ ! -e $tmp/no ]] || fail "the missing directory was made"
  echo keep > "$tmp/ro.json"; chmod 444 "$tmp/ro.json"
  out=$("$bin" --host-scenario "$tmp/ro.json" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"cannot write $tmp/ro.json"*"read-only"* && $(cat "$tmp/ro.json") == keep ]] || fail "read-only: $rc $out"
  out=$("$bin" --host-scenario "$tmp" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"cannot write $tmp: it is a directory"* ]] || fail "directory: $rc $out"
  [[ -z $(find "$tmp" -name '*.tmp') ]] || fail "a temporary file was left"
  out=$("$bin" --host-scenario "" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--host-scenario: the file name is empty"* ]] || fail "empty name: $rc $out"
  out=$("$bin" --host-scenario "$tmp/x.json" --scenario watermark-basics 2>&1); rc=$?
  [[ $rc == 2 && $out == *"give it alone (not with --scenario)"* && ! -e $tmp/x.json ]] || fail "with --scenario: $rc $out"
  ;;
compare)
  # A and B of a comparison are each the same run alone (deterministic, same seed): B is A with
  # the sysctl written after A's --set writes. The table's B - A is the two files' difference.
  run=(--headless --scenario mixed-pressure --swap 1G --duration 10s)
  "$bin" "${run[@]}" --compare vm.swappiness=200 --print-vmstat > "$tmp/cmp" || fail "compare exit $?"
  "$bin" "${run[@]}" --print-vmstat > "$tmp/a" || fail "A alone"
  "$bin" "${run[@]}" --set vm.swappiness=200 --print-vmstat > "$tmp/b" || fail "B alone"
  section() { awk -v h="$2" '/^==> / { on = index($0, h) == 5; next } on' "$1"; }
  diff <(section "$tmp/cmp" "A: ") "$tmp/a" > /dev/null || fail "A differs from the same run alone"
  diff <(section "$tmp/cmp" "B: vm.swappiness=200") "$tmp/b" > /dev/null || fail "B differs from the same run alone"
  want=$(( $(awk '$1 == "pswpout" { print $2 }' "$tmp/b") - $(awk '$1 == "pswpout" { print $2 }' "$tmp/a") ))
  [[ $want != 0 ]] || fail "swappiness 200 did not change pswpout"
  got=$(section "$tmp/cmp" "/proc/vmstat: the counters that differ" | awk '$1 == "pswpout" { print $4 }')
  [[ $got == $(printf '%+d' "$want") ]] || fail "pswpout B - A: table '$got', files $want"
  out=$("$bin" --headless --compare vm.swappiness=200 --csv "$tmp/x.csv" 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--compare: --csv is for one run"* ]] || fail "compare+csv: $rc $out"
  out=$(QT_QPA_PLATFORM=offscreen "$bin" --compare vm.swappiness=200 2>&1); rc=$?
  [[ $rc == 2 && $out == *"--compare: runs two simulations headless"* ]] || fail "compare in the window: $rc $out"
  ;;
*) fail "unknown case $case_name";;
esac
echo "ok $case_name"
