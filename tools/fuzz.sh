#!/usr/bin/env bash
# Runs one coverage-guided fuzzer (libFuzzer, with AddressSanitizer and UBSan) for a long time.
# Usage: tools/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   TARGET: receipt | backend_json | config | guidance | image | printer_status | escpos
#   e.g.    tools/fuzz.sh config 3600
# Builds the target in build/fuzz (the fuzz preset: the asan preset's sanitizers, optimised with -O1
# for speed) if needed. New inputs are kept in build/fuzz/tests/fuzz/work/TARGET/corpus (the committed
# seeds in tests/fuzz/seeds are only read);
# a crash, leak or timeout leaves its input in .../work/TARGET/artifacts and makes the exit code non-zero.
# The last lines printed ("stat::number_of_executed_units: N") are the figures docs/reliability.md records.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

targets="receipt backend_json config guidance image printer_status escpos"
if [ $# -lt 2 ] || ! [[ " $targets " == *" $1 "* ]] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: tools/fuzz.sh TARGET SECONDS [libFuzzer options...]  (TARGET: ${targets// /, })" >&2
  exit 2
fi
target="$1"
seconds="$2"
shift 2

build="build/fuzz"
if [ ! -f "$build/build.ninja" ]; then cmake --preset fuzz >/dev/null; fi
cmake --build "$build" --target "fuzz_$target"

work="$build/tests/fuzz/work/$target"
mkdir -p "$work/corpus" "$work/artifacts"
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer
echo "fuzz.sh: fuzz_$target for $seconds s; corpus $work/corpus; artifacts $work/artifacts"
exec "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -dict="tests/fuzz/dict/$target.dict" -artifact_prefix="$work/artifacts/" \
  "$@" "$work/corpus" "tests/fuzz/seeds/$target"
