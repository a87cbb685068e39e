#!/usr/bin/env bash
# scripts/check_layers.sh catches each kind of wrong include, names file and line, and exits 1;
# a tree that keeps the layers passes. (Guards the check itself: a check that cannot fail
# would let the layers rot unseen.)
set -euo pipefail
check=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$t/core/mm" "$t/core/util" "$t/core/sim" "$t/ui" "$t/app"
printf '#include "mm/a.h"\n#include "util/units.h"\n#include "b.h"\n#include <vector>\n' > "$t/core/mm/a.cpp"
printf '#include "mm/a.h"\n' > "$t/core/sim/engine.cpp"
printf '#include "sim/engine.h"\n#include "Other.h"\n' > "$t/ui/W.cpp"
touch "$t/app/main.h" "$t/ui/Other.h"
out=$(bash "$check" "$t") || fail "a layered tree was refused: $out"
[[ $out == "check_layers: 4 files, 7 includes, every one down the layers" ]] || fail "summary: $out"

# One wrong include of each kind.
printf '\n#include "sim/engine.h"\n' >> "$t/core/mm/a.cpp"
printf '#include <QtCore/QString>\n' > "$t/core/util/q.h"
mkdir "$t/core/gadgets"
printf '#include "main.h"\n' > "$t/ui/V.cpp"
set +e
out=$(bash "$check" "$t"); rc=$?
set -e
[[ $rc == 1 ]] || fail "exit $rc for a tree with wrong includes"
expect='core/gadgets: a folder the layer table does not know (add it to scripts/check_layers.sh)
core/mm/a.cpp:6: mm includes "sim/engine.h": mm may include only util model config
core/util/q.h:1: includes <QtCore/QString>: the core is Qt-free
ui/V.cpp:1: ui includes "main.h" from app/: ui may include only the core
check_layers: 4 wrong include(s) in 6 files (the table: scripts/check_layers.sh --print)'
[[ $out == "$expect" ]] || fail "messages:
$out
expected:
$expect"
echo "ok"
