#!/usr/bin/env bash
# Build the .deb with CPack from a preset's build, and with --check install it with apt on this
# machine (root or sudo), run the installed program, validate its desktop files, and remove it.
# Usage: scripts/package.sh [preset] [--check]   (release by default: the package users get)
# CI packages its dev build (already built by scripts/test.sh): the same install rules and
# dependencies, no second compile.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=release; check=0
for a in "$@"; do case $a in --check) check=1 ;; *) preset=$a ;; esac; done
./scripts/setup.sh
./scripts/build.sh "$preset"
out=build/$preset/deb
rm -rf "$out"
(cd "build/$preset" && cpack -G DEB -B "$PWD/deb" > deb.log) || { cat "build/$preset/deb.log"; exit 1; }
deb=$(ls "$out"/reclaimscope_*.deb)
echo "package: $deb ($(du -k "$deb" | cut -f1) kB)"
dpkg-deb -f "$deb" Depends
((check)) || exit 0

SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
id=io.github.reclaimscope.ReclaimScope
export DEBIAN_FRONTEND=noninteractive
# The lock timeout: another apt on the machine waits instead of failing the check.
$SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=120 "./$deb" > "$out/apt.log" || { cat "$out/apt.log"; exit 1; }
trap '$SUDO apt-get remove -y -qq -o DPkg::Lock::Timeout=120 reclaimscope > /dev/null' EXIT
fail() { echo "package check FAILED: $*" >&2; exit 1; }
[[ $(command -v reclaimscope) == /usr/bin/reclaimscope ]] || fail "reclaimscope is not /usr/bin/reclaimscope"
/usr/bin/reclaimscope --version | grep -Eq '^reclaimscope [0-9.]+ \(commit ([0-9a-f]+(-dirty)?|unknown)\)$' || fail "--version"
/usr/bin/reclaimscope --headless --scenario watermark-basics --duration 2s --print-vmstat | grep -q '^pgscan_kswapd ' || fail "built-in scenario"
/usr/bin/reclaimscope --headless --scenario /usr/share/reclaimscope/scenarios/direct-reclaim-oom.json --duration 2s \
    --print-vmstat | grep -q '^allocstall' || fail "installed scenario file"
appstreamcli validate --no-net /usr/share/metainfo/$id.metainfo.xml > /dev/null || fail "appstreamcli validate"
desktop-file-validate /usr/share/applications/$id.desktop || fail "desktop-file-validate"
[[ -f /usr/share/icons/hicolor/16x16/apps/$id.png && -f /usr/share/icons/hicolor/scalable/apps/$id.svg ]] || fail "icon"
man -w reclaimscope > /dev/null || fail "man page"
echo "package check: installed, ran, validated; removing"
