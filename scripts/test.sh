#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine, build, and run every test.
# Usage: scripts/test.sh [preset]   (dev by default; asan or tsan for the sanitizer builds)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
./scripts/setup.sh
./scripts/build.sh "$preset"
ctest --preset "$preset" --no-tests=error
