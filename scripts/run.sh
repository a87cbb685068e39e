#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine, build, and start ReclaimScope on its default scenario.
# Extra arguments go to the program (e.g. scripts/run.sh --headless --ram 4G --print-zoneinfo).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh release
exec ./build/release/app/reclaimscope "$@"
