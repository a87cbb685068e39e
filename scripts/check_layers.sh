#!/usr/bin/env bash
# The layers of ReclaimScope and the one direction between them, checked on every #include.
# Usage: scripts/check_layers.sh [ROOT]       (ROOT: the source tree, the repository by default)
#        scripts/check_layers.sh --print      (the table, as docs/architecture.md draws it)
#        scripts/check_layers.sh --graph      (the include graph between folders, with counts)
# Exit 0 when every include points down the table, 1 with one line per wrong include
# ("FILE:LINE: LAYER includes "X/Y.h": LAYER may include only ...").
#
# The table below is the one source of truth for the layers: a core folder (core/NAME) may
# include its own headers and those of the folders listed after it, nothing else; the core
# includes no Qt. ui/ may include the whole core, never app/; app/ may include everything.
set -euo pipefail

layers=(util model config mm procfs record replay sim scenario host)
declare -A may=(
  [util]=""
  [model]="util"
  [config]="util model"
  [mm]="util model config"
  [procfs]="util model config mm"
  [record]="util model config mm procfs"
  [replay]="util model config mm"
  [sim]="util model config mm procfs record replay"
  [scenario]="util model config mm procfs record replay sim"
  [host]="util model config mm procfs scenario"
)

if [[ ${1:-} == --print ]]; then
  for l in "${layers[@]}"; do printf '%-9s may include: %s\n' "$l" "${may[$l]:-(nothing)}"; done
  echo "ui        may include: the whole core"
  echo "app       may include: the core and ui"
  exit 0
fi

graph=0
if [[ ${1:-} == --graph ]]; then graph=1; shift; fi
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
declare -A edges=()
edge() { [[ $1 == "$2" ]] || edges["$1 -> $2"]=$((${edges["$1 -> $2"]:-0} + 1)); }
bad=0
files=0
includes=0
complain() { echo "$1"; bad=$((bad + 1)); }

is_layer() { [[ -n ${may[$1]+x} ]]; }

# FILE's quoted and angle includes as "LINE<TAB>TARGET<TAB>KIND" (KIND: q or a).
includes_of() {
  grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$1" |
    sed -E 's/^([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1\t\2\tq/;
            s/^([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*<([^>]*)>.*/\1\t\2\ta/'
}

# The core: one folder per layer, each including only down the table, and no Qt.
for dir in core/*/; do
  layer=$(basename "$dir")
  if ! is_layer "$layer"; then
    complain "core/$layer: a folder the layer table does not know (add it to scripts/check_layers.sh)"
    continue
  fi
  while IFS= read -r -d '' f; do
    files=$((files + 1))
    while IFS=$'\t' read -r line target kind; do
      [[ -n $line ]] || continue
      includes=$((includes + 1))
      if [[ $kind == a ]]; then
        [[ $target =~ ^(Q[A-Za-z]*(/|$)|qcustomplot) ]] &&
          complain "$f:$line: includes <$target>: the core is Qt-free"
        continue
      fi
      [[ $target == */* ]] || continue # a header beside the file
      to=${target%%/*}
      edge "$layer" "$to"
      [[ $to == "$layer" ]] && continue
      if ! is_layer "$to"; then
        complain "$f:$line: $layer includes \"$target\": $to is not a core layer"
      elif [[ " ${may[$layer]} " != *" $to "* ]]; then
        complain "$f:$line: $layer includes \"$target\": $layer may include only ${may[$layer]:-its own headers}"
      fi
    done < <(includes_of "$f")
  done < <(find "$dir" -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)
done

# ui/ never reaches up into app/ (by path, or by the name of a header only app/ has).
if [[ -d ui ]]; then
  while IFS= read -r -d '' f; do
    files=$((files + 1))
    while IFS=$'\t' read -r line target kind; do
      [[ -n $line && $kind == q ]] || continue
      includes=$((includes + 1))
      if [[ $target == */* ]]; then edge ui "${target%%/*}"; fi
      if [[ $target == app/* ]] || { [[ $target != */* && -f app/$target && ! -f ui/$target ]]; }; then
        complain "$f:$line: ui includes \"$target\" from app/: ui may include only the core"
      fi
    done < <(includes_of "$f")
  done < <(find ui -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)
fi

if ((graph)); then
  # app/ counted too, for the picture: its includes of ui/ go by header name.
  if [[ -d app ]]; then
    while IFS= read -r -d '' f; do
      while IFS=$'\t' read -r line target kind; do
        [[ -n $line && $kind == q ]] || continue
        if [[ $target == */* ]]; then edge app "${target%%/*}"
        elif [[ -f ui/$target ]]; then edge app ui; fi
      done < <(includes_of "$f")
    done < <(find app -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)
  fi
  for e in "${!edges[@]}"; do printf '%s: %d\n' "$e" "${edges[$e]}"; done | sort
  exit 0
fi

if ((bad > 0)); then
  echo "check_layers: $bad wrong include(s) in $files files (the table: scripts/check_layers.sh --print)"
  exit 1
fi
echo "check_layers: $files files, $includes includes, every one down the layers"
