#!/usr/bin/env bash
# Produces the screenshots of every citizen screen under docs/screenshots/:
#   <screen>-<lang>-<W>x<H>[-large][-contrast].png
# every screen in Vietnamese and English at 1920x1080 (landscape) and 1080x1920 (portrait), plus the
# large-text and high-contrast variants of the main screens. Drawn by kiosk_ui_gallery (the real
# screen code with sample dossiers) in a real OpenGL window under Xvfb.
# Usage: tools/screenshots.sh [--guidance] [build-dir]   (default build/ci, the CMake preset; configured when missing)
#   --guidance  only the guidance pages (home, search "ly lich", detail of the judicial record
#               certificate), replacing just their PNGs
# Variants such as guidance-search-no-match, guidance-detail-printed and guidance-detail-scrolled
# are drawn only on request: kiosk_ui_gallery --only NAME.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
only_guidance=0
if [ "${1:-}" = "--guidance" ]; then
  only_guidance=1
  shift
fi
build="${1:-$root/build/ci}"
out="$root/docs/screenshots"
cd "$root"
if [ ! -f "$build/build.ninja" ]; then
  cmake --preset ci >/dev/null
fi
cmake --build "$build" --target kiosk_ui_gallery -j "$(nproc)" >/dev/null
gallery="$build/tests/ui/kiosk_ui_gallery"
main="attract,manual-entry,result-processing,result-overdue,result-documents-overdue,result-payment,problem-offline,idle-warning"
guidance="guidance-home,guidance-search,guidance-detail"

mkdir -p "$out"
run() { xvfb-run -a -s "-screen 0 1920x1920x24" "$gallery" --out "$out" "$@" >/dev/null; }
if [ "$only_guidance" = 1 ]; then
  rm -f "$out"/guidance-*.png
  for lang in vi en; do
    for size in 1920x1080 1080x1920; do
      run --lang "$lang" --size "$size" --only "$guidance"
    done
  done
  run --lang vi --size 1920x1080 --large-text --only "$guidance"
  echo "screenshots: $(ls "$out"/guidance-*.png | wc -l) guidance files in $out"
  exit 0
fi
rm -f "$out"/*.png
for lang in vi en; do
  for size in 1920x1080 1080x1920; do
    run --lang "$lang" --size "$size"
    run --lang "$lang" --size "$size" --large-text --only "$main"
    run --lang "$lang" --size "$size" --high-contrast --only "$main"
  done
done
run --lang vi --size 1920x1080 --large-text --only "$guidance"
# One smaller landscape screen to show the scaling (1366x768: scale 0.71).
run --lang vi --size 1366x768 --only attract,result-processing,result-overdue,result-payment,result-done-rated,manual-entry
run --lang vi --size 1366x768 --large-text --only result-processing,result-overdue,result-documents-overdue,result-payment
run --lang vi --size 1920x1080 --only result-payment-printed
# The staff pages and the setup screen (removed above with the rest) come from the real kiosk.
bash "$root/tools/staff_screenshots.sh" "$build"
echo "screenshots: $(ls "$out"/*.png | wc -l) files in $out"
