#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite through ctest; then the
# same unit, integration and fuzz tests built with AddressSanitizer + UndefinedBehaviorSanitizer (the
# asan preset, clang-19), each libFuzzer target for a short run, and clang-tidy on the project's sources.
# Usage: tools/test.sh [extra ctest args]   (CI=true makes warnings errors)
#   KIOSK_FUZZ_RUNS=N  inputs per libFuzzer target, from a fixed seed (default 20000); tools/fuzz.sh runs
#   one for long
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash packaging/install-deps.sh

preset=debug
if [ "${CI:-}" = "true" ]; then preset=ci; fi
build="build/$preset"
cmake --preset "$preset" >/dev/null
cmake --build "$build" -j "$(nproc)"
(cd "$build" && ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@")

# Sanitizers: any memory error, leak or undefined behaviour fails the test that met it.
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer  # reports name functions and lines
asan="build/asan"
cmake --preset asan -DKIOSK_FUZZ_RUNS="${KIOSK_FUZZ_RUNS:-20000}" >/dev/null
cmake --build "$asan" -j "$(nproc)"
(cd "$asan" && ctest --output-on-failure -j "$(nproc)" --timeout 600 -L 'unit|integration|fuzz' "$@")

# clang-tidy (.clang-tidy): any finding fails; units unchanged since a clean run are skipped.
python3 tools/clang_tidy.py "$asan"
