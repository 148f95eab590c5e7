#!/usr/bin/env bash
# The camera path's whole cost in the kiosk (figures, never pass/fail on time): the kiosk on Attract with
# the camera at 15 fps and the live preview on, under Xvfb (llvmpipe: software GL), CPU share of the whole
# process from /proc/PID/stat, frames drawn.
#   still lobby:   one 1280x720 picture without a code, repeated at 15 fps (nothing moves)
#   people moving: four pictures without a code, a new one every second
# Usage: KIOSK_BIN=build/debug/tests/support/kiosk_test/kiosk-test tests/bench/camera_cpu.sh [seconds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../ui/kiosk_ui_lib.sh
source "$here/../ui/kiosk_ui_lib.sh"
seconds="${1:-20}"
hz=$(getconf CLK_TCK)
data="$here/../data/scan"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure NAME FOLDER SECONDS_PER_IMAGE: one kiosk run, one table row.
measure() {
  local name="$1" folder="$2" per="$3"
  : >"$CONFIG"
  printf '[camera]\nsource = "files"\nfiles_path = "%s"\nfiles_fps = 15\nfiles_seconds_per_image = %s\nfiles_loop = true\n' \
    "$folder" "$per" >>"$CONFIG"
  start_kiosk
  sleep 3  # start-up frames, the first preview
  ctl "frame-stats reset" >/dev/null
  local t0 t1 frames
  t0=$(cpu_ticks "$KIOSK_PID")
  sleep "$seconds"
  t1=$(cpu_ticks "$KIOSK_PID")
  frames=$(ctl frame-stats | awk '{ print $2 }')
  printf '| %s | %s %% | %s |\n' "$name" "$(awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.1f", 100 * d / hz / s }')" \
    "$frames"
  ctl quit >/dev/null || true
  wait "$KIOSK_PID" 2>/dev/null || true
  KIOSK_PID=""
  rm -f "$CTL" "$CTL.out"
}

start_display 1920x1080
still="$WORK/still"
moving="$WORK/moving"
mkdir -p "$still" "$moving"
cp "$data/nocode-busy-desk-720p.jpg" "$still/"
for f in nocode-busy-desk-720p.jpg nocode-receipt.png nocode-busy-desk-inverted.* nocode-receipt-crowded.png; do
  [ -f "$data/$f" ] && cp "$data/$f" "$moving/"
done
[ "$(ls "$moving" | wc -l)" -ge 2 ] || fail "not enough pictures without a code in $data"

echo "| Camera at 15 fps, preview on, Attract, ${seconds} s (Xvfb 1920x1080, llvmpipe) | CPU of the kiosk process | Frames drawn |"
echo "|---|---|---|"
measure "still lobby (one picture, nothing moves)" "$still" 3600
measure "people moving (a new picture every second)" "$moving" 1
