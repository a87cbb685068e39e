#!/usr/bin/env bash
# Install the Debian packages ReclaimScope needs to build, test and be looked at.
# Checks first and installs only what is missing, so a second run takes a second.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  catch2 nlohmann-json3-dev libzstd-dev zstd clang
  xvfb xauth x11-apps imagemagick xdotool fonts-dejavu-core fonts-noto-cjk python3-jsonschema
  librsvg2-bin appstream desktop-file-utils man-db file
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
