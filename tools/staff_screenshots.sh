#!/usr/bin/env bash
# Screenshots of every staff page and of the setup screen, taken from the real kiosk (kiosk-test) under
# Xvfb with the reference backend, the virtual printer and a camera showing a receipt (and, for setup,
# a provisioning QR code): docs/screenshots/staff-<page>-<lang>-<W>x<H>.png and setup-*.png.
# Every page in Vietnamese and English at 1920x1080; the main ones in Vietnamese at 1080x1920.
# Usage: tools/staff_screenshots.sh [build-dir]   (default build/dev; configures it when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ "${1:-}" != "--one" ]; then
  build="${1:-$root/build/dev}"
  if [ ! -f "$build/build.ninja" ]; then cmake -S "$root" -B "$build" -G Ninja >/dev/null; fi
  cmake --build "$build" --target kiosk kiosk-test kiosk-refbackend kiosk-vprinter kiosk-receiptgen -j "$(nproc)" >/dev/null
  out="$root/docs/screenshots"
  mkdir -p "$out"
  rm -f "$out"/staff-*.png "$out"/setup-*.png
  for run in "vi 1920x1080 all" "en 1920x1080 all" "vi 1080x1920 main"; do
    # shellcheck disable=SC2086
    "$0" --one $run "$out" "$build"
  done
  echo "screenshots: $(ls "$out"/staff-*.png "$out"/setup-*.png | wc -l) staff and setup files in $out"
  exit 0
fi

# --one LANG WxH all|main OUT BUILD: one language and size, in its own Xvfb.
shift
lang="$1" size="$2" set="$3" out="$4" build="$5"
export KIOSK_BIN="$build/tests/support/kiosk_test/kiosk-test"
export KIOSK_REFBACKEND="$build/tools/refbackend/kiosk-refbackend"
export KIOSK_VPRINTER="$build/tools/vprinter/kiosk-vprinter"
cli="$build/kiosk/app/kiosk"
receiptgen="$build/tools/receiptgen/kiosk-receiptgen"
# shellcheck source=../tests/ui/kiosk_ui_lib.sh
source "$root/tests/ui/kiosk_ui_lib.sh"
start_display "$size"
suffix="$lang-$size"
shot() { ctl "screenshot $out/$1-$suffix.png" | grep -q '^ok' || fail "screenshot $1"; }
main_only() { [ "$set" = all ] || [[ " staff-pin staff-device staff-settings staff-settings-text setup-offer " == *" $1 "* ]]; }
take() { if main_only "$1"; then sleep 0.3; shot "$1"; fi; }
gesture() { for _ in 1 2 3 4 5; do ctl "tap-at 20 20" >/dev/null; done; }
pin() { local d="$1" p="${2:-pin}" i; for ((i = 0; i < ${#d}; i++)); do tap "$p-${d:i:1}"; done; tap "$p-ok"; }

# -- a provisioned kiosk in staff mode
start_refbackend
start_vprinter
mkdir -p "$WORK/camera"
"$receiptgen" --out "$WORK/camera" --code "$(seeded_code 4)" >/dev/null
rm -f "$WORK"/camera/*.txt
printf '[printer]\nuri = "%s"\n[camera]\nsource = "files"\nfiles_path = "%s"\nfiles_fps = 5\n' "$PRINTER_URI" "$WORK/camera" >>"$CONFIG"
printf '[office]\nname = "Trung tâm Phục vụ hành chính công tỉnh Quảng Nam"\n[language]\ndefault = "%s"\n' "$lang" >>"$CONFIG"
set_operation kiosk_id '"quangnam-tphcc-01"'
echo 2580 | "$cli" set-pin --config "$CONFIG" >/dev/null
start_kiosk
# The camera shows a receipt all along (citizen screens open its result); the gesture works from any
# citizen screen, and on the device page the same receipt is the camera test.
gesture
wait_state '^state StaffPin' 5
take staff-pin
pin 1111
wait_state 'failures=1' 10
take staff-pin-wrong
pin 2580
wait_state '^state StaffMenu' 10
tap device-test-backend
wait_state 'backend_test=done' 10
wait_state 'read=000' 15
tap device-test-page
wait_state 'print=printed' 15
take staff-device
tap tab-settings
for _ in $(seq 100); do r=$(ctl tap group-screen); [[ "$r" == ok* ]] && break; sleep 0.1; done
take staff-settings
tap set-ui.idle_timeout_s
tap num-clear; tap num-9; tap num-0
take staff-settings-number
tap edit-keep
tap set-ui.idle_warning_s
tap num-clear; tap num-9; tap num-5
take staff-settings-problem
tap edit-cancel
tap set-language.default
take staff-settings-choice
tap edit-cancel
tap group-office
tap set-office.name
tap tkey-clear
for k in tkey-shift tkey-b tkey-shift tkey-oo tkey-tone5 tkey-space tkey-p tkey-h tkey-aa tkey-tone5 tkey-n; do tap "$k"; done
take staff-settings-text
tap edit-keep
take staff-settings-pending
tap settings-discard
tap tab-audit
sleep 0.5
take staff-audit
tap tab-power
take staff-power
tap power-shutdown
take staff-power-confirm
tap confirm-no
tap tab-pin
pin 1234 newpin
take staff-newpin-weak
tap tab-provision
take staff-provision
tap staff-exit
wait_state '^state (Attract|Result|LookingUp)' 5
gesture
wait_state '^state StaffPin' 5
for n in 1 2 3 4 5; do pin 1111; wait_state "failures=$n " 10; done
wait_state 'locked=[1-9]' 10
take staff-pin-locked
ctl quit >/dev/null
for _ in $(seq 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done

# -- a fresh kiosk on its setup screen, reading a provisioning QR code
kill "${SERVER_PIDS[0]}" 2>/dev/null || true
start_server "$WORK/backend2.log" "$KIOSK_REFBACKEND" --listen 127.0.0.1:0 --db "$WORK/backend2.db" --seed \
  --token "screenshots-$RANDOM" --enrolment-code SHOT-ENROL-0001
mkdir -p "$WORK/qr"
printf '[office]\nname = "Bộ phận Một cửa UBND phường Tân Thạnh"\n[operations]\nkiosk_id = "tamky-tanthanh-01"\n[backend]\nurl = "http://%s"\n[provisioning]\nenrolment_code = "SHOT-ENROL-0001"\n' \
  "$ADDR" >"$WORK/provision.toml"
"$cli" provision-qr "$WORK/provision.toml" --out "$WORK/qr/qr.png" >/dev/null
printf '[camera]\nsource = "files"\nfiles_path = "%s"\nfiles_fps = 5\n[language]\ndefault = "%s"\n[operations]\ndata_dir = "%s/data2"\n' \
  "$WORK/qr" "$lang" "$WORK" >"$CONFIG"
start_kiosk
wait_state '^state Setup .*provision=idle' 15
take setup-offer
tap provision-apply
wait_state 'provision=done' 15
take setup-pin
