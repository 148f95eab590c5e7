#!/usr/bin/env bash
# Line coverage of kiosk/core by the unit tests, in one command (see docs/coverage.md).
#
# Usage: tools/coverage.sh [--html DIR] [--jobs N]
#   Configures the `coverage` preset (build/coverage: Debug, kiosk_core built with --coverage -O0),
#   builds kiosk_unit_tests only, clears old counters, runs the unit tests through ctest and prints
#   gcovr's per-file summary restricted to kiosk/core/. --html DIR also writes a browsable report.
# Needs gcovr (packaging/install-deps.sh installs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/coverage"
html=""
jobs=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --html) html="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "coverage.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
command -v gcovr >/dev/null || { echo "coverage.sh: gcovr not found (run packaging/install-deps.sh)" >&2; exit 1; }

cd "$root"
cmake --preset coverage >/dev/null
cmake --build "$build" -j "$jobs" --target kiosk_unit_tests
# Counters accumulate across runs: start from zero so the figure is this run's alone.
find "$build" -name '*.gcda' -delete
# Leave out the two unit-labelled CLI tests: they need the kiosk binary (ImGui, GLFW, curl), which
# this script does not build; they run the same core code the unit tests already cover.
ctest --test-dir "$build" -L unit \
      -j "$jobs" --output-on-failure

args=(--root "$root" --object-directory "$build" --filter 'kiosk/core/' --exclude 'tests/'
      --exclude-unreachable-branches --print-summary)
gcovr "${args[@]}"
if [[ -n "$html" ]]; then
    mkdir -p "$html"
    gcovr "${args[@]}" --html-details "$html/index.html" >/dev/null
    echo "HTML report: $html/index.html"
fi
