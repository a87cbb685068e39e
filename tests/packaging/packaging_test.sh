#!/usr/bin/env bash
# What the install and the .deb rest on: the man page and the completion know every option of
# --help, the metainfo and the desktop entry validate, `cmake --install` puts every file where a
# desktop looks for it, and --version names the build.
# Usage: packaging_test.sh CASE BIN BUILD_DIR SOURCE_DIR VERSION
set -u
case_name=$1; bin=$(realpath "$2"); build=$3; src=$4; version=$5
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
id=io.github.reclaimscope.ReclaimScope
# The long options --help lists (-h, -v are the short forms of --help, --version).
help_options() { "$bin" --help | grep -oE '^  (-[a-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | sort -u; }

case $case_name in
man_page)
  man=$build/packaging/reclaimscope.1
  help_options > "$tmp/help"
  (( $(wc -l < "$tmp/help") > 20 )) || fail "--help lists only $(wc -l < "$tmp/help") options"
  # The man page's option entries: the first line after each .TP, as .B/.BR/.BI "\-\-name".
  awk 'prev == ".TP" { print } { prev = $1 }' "$man" | grep -oE -- '\\-\\-[a-z][a-z\\-]*' |
    sed 's/\\//g' | sort -u > "$tmp/man"
  missing=$(comm -23 "$tmp/help" "$tmp/man"); extra=$(comm -13 "$tmp/help" "$tmp/man")
  [[ -z $missing ]] || fail "options in --help that the man page does not describe:" $missing
  [[ -z $extra ]] || fail "options in the man page that --help does not list:" $extra
  grep -q '^\.SH EXIT STATUS' "$man" || fail "no EXIT STATUS section"
  for code in 0 1 2; do
    awk '/^\.SH EXIT STATUS/ { on = 1; next } /^\.SH/ { on = 0 } on' "$man" | grep -qx "\.B $code" || fail "exit code $code not described"
  done
  # man renders it without warnings (a broken macro shows here).
  warnings=$(LC_ALL=C MANWIDTH=80 man --warnings -l "$man" 2>&1 >/dev/null)
  [[ -z $warnings ]] || fail "man: $warnings"
  ;;
bash_completion)
  comp=$src/packaging/reclaimscope.bash-completion
  help_options > "$tmp/help"
  bash -c "source '$comp'; declare -f _reclaimscope" | grep -oE -- '--[a-z][a-z-]*' | sort -u > "$tmp/all"
  missing=$(comm -23 "$tmp/help" "$tmp/all")
  [[ -z $missing ]] || fail "options in --help that the completion does not offer:" $missing
  # Complete as bash does: COMP_WORDS/COMP_CWORD, then read COMPREPLY.
  complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _reclaimscope; printf "%s\n" "${COMPREPLY[@]}"' _ "$comp" "$@"
  }
  [[ $(complete_words "$bin" --scen) == --scenario ]] || fail "--scen does not complete to --scenario"
  [[ $(complete_words "$bin" --print-s) == --print-swaps ]] || fail "--print-s"
  got=$(cd "$tmp" && complete_words "$bin" --scenario chapter)
  [[ $got == chapter-min-free-kbytes ]] || fail "--scenario chapter: '$got'"
  # Every built-in scenario is offered.
  n=$("$bin" --list-scenarios | wc -l); got=$(cd "$tmp" && complete_words "$bin" --scenario "" | wc -l)
  (( got == n )) || fail "--scenario offers $got names, --list-scenarios lists $n"
  [[ $(complete_words "$bin" --view c | tr '\n' ' ') == "callgraph counters " ]] || fail "--view c"
  ;;
metainfo)
  command -v appstreamcli >/dev/null || fail "appstreamcli missing (scripts/setup.sh installs appstream)"
  out=$(appstreamcli validate --no-net "$build/packaging/$id.metainfo.xml" 2>&1) || fail "appstreamcli: $out"
  grep -q "<release version=\"$version\"" "$build/packaging/$id.metainfo.xml" || fail "no release $version"
  grep -q 'xml:lang="zh_CN"' "$build/packaging/$id.metainfo.xml" || fail "no zh_CN description"
  # Each screenshot the metainfo names (English and zh_CN) is in the tree, at the path its URL serves.
  shots=$(grep -oE '/docs/screenshots/[a-zA-Z_-]+\.png' "$build/packaging/$id.metainfo.xml")
  [[ $(wc -w <<< "$shots") -ge 4 ]] || fail "expected English and zh_CN screenshots, got: $shots"
  for shot in $shots; do [[ -f $src$shot ]] || fail "screenshot $shot is not in the tree"; done
  ;;
desktop_entry)
  command -v desktop-file-validate >/dev/null || fail "desktop-file-validate missing (scripts/setup.sh installs desktop-file-utils)"
  out=$(desktop-file-validate "$build/packaging/$id.desktop" 2>&1)
  [[ $? == 0 && -z $out ]] || fail "desktop-file-validate: $out"
  ;;
install_tree)
  DESTDIR="$tmp/root" cmake --install "$build" --prefix /usr > "$tmp/log" || fail "cmake --install: $(cat "$tmp/log")"
  r=$tmp/root/usr
  for f in bin/reclaimscope share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
           share/icons/hicolor/scalable/apps/$id.svg share/man/man1/reclaimscope.1.gz \
           share/bash-completion/completions/reclaimscope share/reclaimscope/scenario.schema.json \
           share/doc/reclaimscope/README.md share/doc/reclaimscope/docs/screenshots/main-window.png; do
    [[ -f $r/$f ]] || fail "not installed: $f"
  done
  for size in 16 22 24 32 48 64 128 256; do
    png=$r/share/icons/hicolor/${size}x${size}/apps/$id.png
    [[ $(file -b "$png") == "PNG image data, $size x $size,"* ]] || fail "icon $size: $(file -b "$png")"
  done
  # Every built-in scenario as a file, and each runs from its installed copy.
  for name in $("$bin" --list-scenarios | awk '{ print $1 }'); do
    [[ -f $r/share/reclaimscope/scenarios/$name.json ]] || fail "scenario $name not installed"
  done
  "$r/bin/reclaimscope" --headless --scenario "$r/share/reclaimscope/scenarios/watermark-basics.json" \
      --duration 1s --print-vmstat | grep -q '^nr_free_pages ' || fail "installed scenario file does not run"
  ;;
version_commit)
  out=$("$bin" --version)
  commit=unknown
  if [[ $(git -C "$src" rev-parse --show-toplevel 2>/dev/null) -ef $src ]]; then commit=$(git -C "$src" rev-parse --short=12 HEAD); fi
  [[ $out =~ ^reclaimscope\ $version\ \(commit\ $commit(-dirty)?\)$ ]] || fail "--version: '$out' (want $version and commit $commit)"
  ;;
commit_without_git)
  # A release tarball: no .git anywhere above the sources. The commit is "unknown".
  mkdir "$tmp/tarball"
  cmake -DSRC="$tmp/tarball" -DOUT="$tmp/build_info.cpp" -DVERSION="$version" -DLICENSE=X -DHOMEPAGE=Y \
        -P "$src/cmake/build_info.cmake" || fail "build_info.cmake failed"
  grep -q 'build_commit() { return "unknown"; }' "$tmp/build_info.cpp" || fail "$(cat "$tmp/build_info.cpp")"
  # A tarball unpacked inside another repository: not that repository's commit either.
  git -C "$tmp" init -q outer && mkdir "$tmp/outer/tarball"
  cmake -DSRC="$tmp/outer/tarball" -DOUT="$tmp/build_info2.cpp" -DVERSION="$version" -DLICENSE=X -DHOMEPAGE=Y \
        -P "$src/cmake/build_info.cmake" || fail "build_info.cmake failed"
  grep -q 'build_commit() { return "unknown"; }' "$tmp/build_info2.cpp" || fail "inside another repository: $(cat "$tmp/build_info2.cpp")"
  ;;
*) fail "unknown case $case_name" ;;
esac
