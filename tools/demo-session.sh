#!/usr/bin/env bash
# The scripted citizen session of the headless demo (tools/demo.sh runs it when there is no display).
# It drives the real kiosk under its own Xvfb through the test control FIFO (kiosk-test) and saves a
# screenshot of every step into $OUT:
#   1. typed codes, camera off: attract, keypad, results (on time, overdue with missing documents),
#      Print to the virtual printer, English, not found, the online-services guide;
#   2. the camera: receipt images in camera.files_path are scanned and looked up one after another.
# Usage: KIOSK_BIN=... OUT=DIR BACKEND_LOG=FILE DEMO_CONFIG=FILE tools/demo-session.sh [kiosk flags...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=../tests/ui/kiosk_ui_lib.sh
source "$root/tests/ui/kiosk_ui_lib.sh"
OUT="${OUT:?set OUT to the screenshot folder}"
BACKEND_LOG="${BACKEND_LOG:?set BACKEND_LOG to the reference backend output}"
DEMO_CONFIG="${DEMO_CONFIG:?set DEMO_CONFIG to the kiosk configuration}"
mkdir -p "$OUT"

# code_for STATUS [on_time|overdue]: a seeded dossier code with that status.
code_for() {
  awk -v s="$1" -v d="${2:-}" '$1 == "dossier" && $4 == s && (d == "" || $5 == d) { print $2; exit }' "$BACKEND_LOG"
}
step=0
shot() {
  step=$((step + 1))
  local file
  file="$OUT/$(printf '%02d' "$step")-$1.png"
  sleep 0.3  # let a transition or a spinner settle so the picture shows the screen at rest
  ctl "screenshot $file" | grep -q '^ok' || fail "screenshot $file"
  echo "  $file"
}
# try_tap ID: taps when the button exists (optional parts of the demo); 1 when it does not.
try_tap() { [[ "$(ctl tap "$1")" == ok* ]]; }
look_up() {
  tap manual-entry
  wait_state '^state ManualEntry'
  type_code "$1"
  tap submit
  wait_state '^state (Result|NotFound|Problem|InvalidCode)' 20
}

start_display 1920x1080

# -- 1. Typed codes, camera off.
# (start_kiosk passes --config "$CONFIG")
# Fullscreen on the virtual screen, so the pictures are what a lobby screen shows.
sed 's/^fullscreen = false/fullscreen = true/' "$DEMO_CONFIG" >"$WORK/camera.toml"
CONFIG="$WORK/typed.toml"
sed 's/^source = "files"/source = "none"/' "$WORK/camera.toml" >"$CONFIG"
start_kiosk "$@"
wait_state '^state Attract'
shot attract
tap manual-entry
wait_state '^state ManualEntry'
type_code "$(code_for 4 on_time)"
shot typing
tap submit
wait_state '^state Result' 20
shot result-processing
if try_tap print; then
  sleep 2
  shot result-printed
fi
tap done
wait_state '^state Attract'

look_up "$(code_for 5 overdue)"
shot result-missing-documents-overdue
tap done
wait_state '^state Attract'

tap lang-en
wait_state 'lang=en'
look_up "$(code_for 6)"
shot result-fee-english
tap done
wait_state '^state Attract'

look_up 000.00.06.H56-991231-9999
shot not-found
try_tap done || tap back
wait_state '^state Attract'

if try_tap guide; then
  wait_state '^state Guidance' 5
  shot guide
  if try_tap guide-search; then
    for k in l y space l i c h; do try_tap "gkey-$k" >/dev/null || true; done
    shot guide-search-ly-lich
    if try_tap guide-entry-phieu-ly-lich-tu-phap; then
      shot guide-detail
      if try_tap guide-print; then
        sleep 2
        shot guide-printed
      fi
    fi
  fi
fi
ctl quit >/dev/null || true
wait "$KIOSK_PID" 2>/dev/null || true

# -- 2. The camera: the receipt images are read and looked up one after another.
CONFIG="$WORK/camera.toml"
start_kiosk "$@"
for i in 1 2 3; do
  wait_state '^state Result' 30
  shot "camera-result-$i"
  sleep 6
done
ctl quit >/dev/null || true
no_errors
