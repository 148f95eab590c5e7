#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite through ctest.
# Usage: tools/test.sh [extra ctest args]   (CI=true makes warnings errors)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash packaging/install-deps.sh

preset=debug
if [ "${CI:-}" = "true" ]; then preset=ci; fi
build="build/$preset"
cmake --preset "$preset" >/dev/null
cmake --build "$build" -j "$(nproc)"
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@"
