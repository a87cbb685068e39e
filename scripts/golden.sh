#!/usr/bin/env bash
# Golden outputs: every built-in scenario, run headless for the time tests/data/golden/scenarios.txt
# gives it, prints /proc/zoneinfo, /proc/meminfo, /proc/swaps, the event log and /proc/vmstat
# (NAME.txt) and writes its CSV (NAME.csv). A change of either is a change of a result.
#
#   scripts/golden.sh check BIN [NAME...]   compare with tests/data/golden (the test does this);
#                                           prints the first lines of the diff and exits 1 on a change
#   scripts/golden.sh update [BIN]          rewrite the golden files and print the diff; the commit
#                                           that changes a golden file must say why
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/tests/data/golden"
mode=${1:-}
bin=${2:-$root/build/dev/app/reclaimscope}
[[ $mode == check || $mode == update ]] || { echo "usage: $0 check|update [BIN] [NAME...]" >&2; exit 2; }
[[ -x $bin ]] || { echo "golden: no binary at $bin (build the dev preset first)" >&2; exit 2; }
shift $(($# >= 2 ? 2 : $#))
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# run NAME DURATION -> $tmp/NAME.txt and $tmp/NAME.csv (NAME: a built-in scenario, or
# tests/data/golden/NAME.json for the paths no built-in takes)
run() {
  local scenario=$1
  [[ -f $dir/$1.json ]] && scenario=$dir/$1.json
  "$bin" --headless --scenario "$scenario" --duration "$2" --csv "$tmp/$1.csv" \
    --print-zoneinfo --print-meminfo --print-swaps --print-events --print-vmstat > "$tmp/$1.txt"
}

status=0
while read -r name duration _why; do
  [[ -z $name || $name == \#* ]] && continue
  if (($# > 0)); then
    want=0; for n in "$@"; do [[ $n == "$name" ]] && want=1; done
    ((want)) || continue
  fi
  run "$name" "$duration" || { echo "golden: $name: the run failed (exit $?)" >&2; status=1; continue; }
  for ext in txt csv; do
    if [[ $mode == update ]]; then
      if [[ -f $dir/$name.$ext ]]; then
        diff -u "$dir/$name.$ext" "$tmp/$name.$ext" | head -40 || true
      else
        echo "golden: new $name.$ext"
      fi
      cp "$tmp/$name.$ext" "$dir/$name.$ext"
    elif ! cmp -s "$dir/$name.$ext" "$tmp/$name.$ext"; then
      echo "golden: $name.$ext differs from tests/data/golden/$name.$ext (first lines of the diff):" >&2
      diff -u "$dir/$name.$ext" "$tmp/$name.$ext" | head -30 >&2 || true
      status=1
    fi
  done
done < "$dir/scenarios.txt"
exit $status
