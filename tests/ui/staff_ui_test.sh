#!/usr/bin/env bash
# Staff mode and setup: the real kiosk under Xvfb, driven through its test control FIFO by touch only
# (taps on buttons, and `tap-at` for the hidden corner gesture). Usage: staff_ui_test.sh CASE
#   staff_lockout       gesture -> wrong PIN x5 -> the pad shows the lockout with its time; it survives a
#                       restart of the kiosk; it ends after staff.lockout_s
#   staff_device_settings (kiosk-refbackend, kiosk-vprinter) right PIN -> device page: backend reachable
#                       ("test now"), printer ready, test page printed; idle time changed to 90 s with the
#                       digit pad, saved (local.toml, audit log); after leaving, the citizen flow uses 90 s
#   staff_idle_exit     staff mode closes itself after staff.idle_timeout_s, back to a pristine Attract
#   staff_gesture       four taps in the corner, taps broken by one elsewhere, or too slow: nothing; five:
#                       the pad. Without a PIN file five taps do nothing and the log says why
#   staff_power         restart from the power page (the program starts again), shut down and reboot run
#                       their configured commands after a confirmation
#   staff_provision     (kiosk-refbackend, kiosk provision-qr) a fresh kiosk starts on setup, reads the
#                       provisioning QR from its camera (files source), enrols, asks for a PIN, ends on
#                       Attract and looks a dossier up with the new token; the same QR on another fresh
#                       kiosk is refused as used, an expired code as expired
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=kiosk_ui_lib.sh
source "$here/kiosk_ui_lib.sh"

KIOSK_CLI="${KIOSK_CLI:?set KIOSK_CLI to the kiosk executable (for set-pin and provision-qr)}"
PIN=2580
DATA="$WORK/data"  # operations.data_dir of kiosk_ui_lib.sh's configuration: local.toml, PIN, lockout, audit log

case="${1:?case}"
start_display 1920x1080


# set_pin PIN: `kiosk set-pin` for this configuration.
set_pin() { echo "$1" | "$KIOSK_CLI" set-pin --config "$CONFIG" >/dev/null || fail "set-pin refused $1"; }

# gesture: five taps in the top-left corner (staff.gesture_* defaults).
gesture() { for _ in 1 2 3 4 5; do ctl "tap-at 20 20" >/dev/null; done; }

# type_pin DIGITS [PREFIX]: taps the digits and OK on a pad (pin or newpin).
type_pin() {
  local digits="$1" prefix="${2:-pin}" i
  for ((i = 0; i < ${#digits}; i++)); do tap "$prefix-${digits:i:1}"; done
  tap "$prefix-ok"
}

# enter_staff: gesture, the right PIN, the device page.
enter_staff() {
  wait_state '^state Attract'
  gesture
  wait_state '^state StaffPin' 5
  type_pin "$PIN"
  wait_state '^state StaffMenu .*staff=device' 10
}

# restart_kiosk: quit and start again with the same configuration (a power cut, as far as files go).
restart_kiosk() {
  ctl quit >/dev/null
  for _ in $(seq 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
  start_kiosk "$@"
}

case "$case" in
staff_lockout)
  set_pin "$PIN"
  start_kiosk
  gesture
  wait_state '^state StaffPin' 5
  for n in 1 2 3 4 5; do
    type_pin 1111
    wait_state "failures=$n " 10
  done
  wait_state '^state StaffPin .*locked=(29[0-9]|300) ' 5
  ctl "screenshot $WORK/locked.png" >/dev/null
  r=$(ctl tap pin-1)
  [[ "$r" == "error no button pin-1" ]] || fail "the pad takes keys while locked: $r"
  grep -q '"action":"pin_lockout"' "$DATA/staff-audit.log" || fail "lockout not audited"
  [ "$(grep -c '"action":"pin_failed"' "$DATA/staff-audit.log")" = 5 ] || fail "wrong PINs not audited"
  grep -q '"failures":5' "$DATA/staff-lockout.json" || fail "lockout not recorded: $(cat "$DATA/staff-lockout.json")"
  # A restart keeps the lockout and its time.
  restart_kiosk
  gesture
  wait_state '^state StaffPin .*failures=5 locked=(2[0-9][0-9]|300) ' 5
  r=$(ctl tap pin-1)
  [[ "$r" == "error no button pin-1" ]] || fail "the lockout did not survive the restart: $r"
  # Five minutes later the lock is over (and the untouched pad has closed itself).
  ctl "advance-time 301" >/dev/null
  wait_state '^state Attract .*query=0 speaking=0$' 5
  gesture
  wait_state '^state StaffPin .*failures=0 locked=0 ' 5
  type_pin "$PIN"
  wait_state '^state StaffMenu' 10
  ;;
staff_device_settings)
  start_refbackend
  start_vprinter
  printf '[printer]\nuri = "%s"\n' "$PRINTER_URI" >>"$CONFIG"
  set_pin "$PIN"
  start_kiosk
  enter_staff
  tap device-test-backend
  wait_state 'backend_test=done .*backend_ok=1' 10
  wait_state 'printer_ready=1' 10
  ctl "screenshot $WORK/device.png" >/dev/null
  before=$(ls "$WORK/slips" | wc -l)
  tap device-test-page
  wait_state '^state StaffMenu .*print=printed' 15
  for _ in $(seq 100); do [ "$(ls "$WORK/slips" | wc -l)" -gt "$before" ] && break; sleep 0.05; done
  [ "$(ls "$WORK/slips" | wc -l)" -gt "$before" ] || fail "no test page reached the printer"
  # Settings: the idle time, with the digit pad, saved.
  tap tab-settings
  for _ in $(seq 100); do r=$(ctl tap group-screen); [[ "$r" == ok* ]] && break; sleep 0.1; done
  [[ "$r" == ok* ]] || fail "the settings page never showed its groups: $r"
  tap set-ui.idle_timeout_s
  wait_state 'editing=ui.idle_timeout_s' 5
  tap num-clear
  tap num-9
  tap num-0
  tap edit-keep
  wait_state 'draft=1 editing=- ' 5
  ctl "screenshot $WORK/settings.png" >/dev/null
  tap settings-save
  wait_state 'save=done' 10
  grep -q '^idle_timeout_s = 90' "$DATA/local.toml" || fail "local.toml: $(cat "$DATA/local.toml")"
  grep -q '"key":"ui.idle_timeout_s","from":"60 (default)","to":"90"' "$DATA/staff-audit.log" ||
    fail "change not audited: $(cat "$DATA/staff-audit.log")"
  grep -q '"action":"test_page_printed","detail":"printed"' "$DATA/staff-audit.log" || fail "test page not audited"
  tap staff-exit
  wait_state '^state Attract' 5
  # The citizen flow now waits 90 s before the idle warning, not 60.
  tap manual-entry
  type_code 123
  wait_state 'typed=3' 10
  ctl "advance-time 70" >/dev/null
  sleep 0.5
  state=$(ctl state)
  [[ "$state" != *idle-warning* ]] || fail "the old idle time is still used: $state"
  ctl "advance-time 25" >/dev/null
  wait_state '^state ManualEntry idle-warning' 5
  no_errors
  ;;
staff_idle_exit)
  set_pin "$PIN"
  start_kiosk
  enter_staff
  tap tab-settings
  ctl "advance-time 100" >/dev/null
  sleep 0.5
  wait_state '^state StaffMenu' 2
  ctl "advance-time 25" >/dev/null
  wait_state '^state Attract lang=vi large=0 contrast=0 typed=0 dossier=0 .*query=0 speaking=0$' 5
  grep -q '"action":"staff_left","detail":"idle"' "$DATA/staff-audit.log" || fail "idle exit not audited"
  no_errors
  ;;
staff_gesture)
  start_kiosk
  gesture
  sleep 0.5
  wait_state '^state Attract' 2
  grep -q "staff mode cannot be entered from the screen" "$KIOSK_LOG" || fail "no log line about the missing PIN"
  [ "$(grep -c "staff mode cannot be entered" "$KIOSK_LOG")" = 1 ] || fail "said more than once"
  set_pin "$PIN"
  restart_kiosk
  for _ in 1 2 3 4; do ctl "tap-at 20 20" >/dev/null; done
  sleep 0.5
  wait_state '^state Attract' 2
  ctl "screenshot $WORK/four-taps.png" >/dev/null
  # Four more in the corner, but one elsewhere first: the count started again, so still nothing.
  ctl "tap-at 960 540" >/dev/null
  for _ in 1 2 3 4; do ctl "tap-at 20 20" >/dev/null; done
  sleep 0.5
  wait_state '^state Attract' 2
  # Five slow taps (one a second): never five within three seconds.
  ctl "tap-at 960 540" >/dev/null
  for _ in 1 2 3 4 5; do ctl "tap-at 20 20" >/dev/null; ctl "advance-time 1" >/dev/null; done
  sleep 0.5
  wait_state '^state Attract' 2
  gesture
  wait_state '^state StaffPin' 5
  no_errors
  ;;
staff_power)
  printf '[staff]\npoweroff_command = "touch %s/poweroff-ran"\nreboot_command = "exit 3"\n' "$WORK" >>"$CONFIG"
  set_pin "$PIN"
  start_kiosk
  enter_staff
  tap tab-power
  tap power-shutdown
  ctl "screenshot $WORK/confirm.png" >/dev/null
  tap confirm-no
  sleep 0.3
  [ ! -e "$WORK/poweroff-ran" ] || fail "shut down without confirmation"
  tap power-shutdown
  tap confirm-yes
  wait_state 'power=done' 10
  [ -e "$WORK/poweroff-ran" ] || fail "the power-off command did not run"
  tap power-reboot
  tap confirm-yes
  wait_state 'power=failed' 10
  grep -q '"action":"reboot","detail":"failed: exit 3"' "$DATA/staff-audit.log" || fail "failed reboot not audited"
  tap power-restart
  tap confirm-yes
  # The program starts again in place (same arguments); its second first frame is in the same log.
  for _ in $(seq 200); do [ "$(grep -c "first frame drawn" "$KIOSK_LOG")" -ge 2 ] && break; sleep 0.05; done
  [ "$(grep -c "first frame drawn" "$KIOSK_LOG")" -ge 2 ] || fail "the kiosk did not start again"
  kill -0 "$KIOSK_PID" 2>/dev/null || fail "the restarted kiosk is not running"
  for _ in $(seq 100); do [ -p "$CTL" ] && break; sleep 0.05; done
  wait_state '^state Attract' 10
  grep -q '"action":"restart"' "$DATA/staff-audit.log" || fail "restart not audited"
  ;;
staff_provision)
  need_tool KIOSK_REFBACKEND
  # The backend the QR codes name: one code to use, then the same again (used), and an expired one.
  start_server "$WORK/backend.log" "$KIOSK_REFBACKEND" --listen 127.0.0.1:0 --db "$WORK/backend.db" --seed \
    --token "not-given-to-the-kiosk-$RANDOM$RANDOM" --enrolment-code UI-ENROL-0001 --enrolment-code OLD-ENROL-0002@0
  wait_ready "$WORK/backend.log"
  make_qr() {  # make_qr CODE FOLDER: the provisioning QR code as the camera's only picture
    mkdir -p "$2"
    printf '[office]\nname = "Bộ phận Một cửa UBND phường Tân Thạnh"\n[operations]\nkiosk_id = "tamky-ui-01"\n[backend]\nurl = "http://%s"\n[provisioning]\nenrolment_code = "%s"\n' \
      "$ADDR" "$1" >"$WORK/provision.toml"
    "$KIOSK_CLI" provision-qr "$WORK/provision.toml" --out "$2/qr.png" >/dev/null || fail "provision-qr"
  }
  fresh_kiosk() {  # fresh_kiosk CAMERA_FOLDER DATA_FOLDER: no backend, the camera shows the folder
    printf '[camera]\nsource = "files"\nfiles_path = "%s"\nfiles_fps = 5\n[operations]\ndata_dir = "%s"\n' "$1" "$2" >"$CONFIG"
    start_kiosk
    wait_state '^state Setup' 5
  }
  make_qr UI-ENROL-0001 "$WORK/camera"
  fresh_kiosk "$WORK/camera" "$DATA"
  grep -q "starting on the setup screen" "$KIOSK_LOG" || fail "no log line about setup"
  wait_state '^state Setup .*provision=idle' 15
  ctl "screenshot $WORK/setup-offer.png" >/dev/null
  tap provision-apply
  wait_state '^state Setup .*provision=done' 15
  # The QR code leaves the camera (as a card is taken away), so the citizen screens do not read it.
  rm -f "$WORK/camera/qr.png"
  type_pin 740213 newpin
  wait_state 'newpin=idle:confirm' 5
  type_pin 740213 newpin
  wait_state '^state Attract' 15
  [ -s "$DATA/device.token" ] || fail "no device token written"
  [ "$(stat -c %a "$DATA/device.token")" = 600 ] || fail "token file mode $(stat -c %a "$DATA/device.token")"
  grep -q 'kiosk_id = .tamky-ui-01.' "$DATA/local.toml" || fail "local.toml: $(cat "$DATA/local.toml")"
  ! grep -q UI-ENROL "$DATA/local.toml" "$KIOSK_LOG" "$DATA/staff-audit.log" || fail "the enrolment code was written down"
  grep -q '"action":"provisioned","detail":"tamky-ui-01"' "$DATA/staff-audit.log" || fail "provisioning not audited"
  # A working lookup with the token the enrolment gave.
  code=$(awk '$1 == "dossier" && $4 == "4" { print $2; exit }' "$WORK/backend.log")
  lookup_code "$code"
  wait_state '^state Result .*dossier=1' 15
  # The same QR code on another fresh kiosk: used already.
  ctl quit >/dev/null; for _ in $(seq 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
  make_qr UI-ENROL-0001 "$WORK/camera2"
  fresh_kiosk "$WORK/camera2" "$WORK/data2"
  wait_state 'provision=idle' 15
  tap provision-apply
  wait_state 'provision=failed:enrolment_used' 15
  ctl "screenshot $WORK/setup-used.png" >/dev/null
  [ ! -e "$WORK/data2/local.toml" ] || fail "a refused enrolment wrote a configuration"
  ctl quit >/dev/null; for _ in $(seq 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
  make_qr OLD-ENROL-0002 "$WORK/camera3"
  fresh_kiosk "$WORK/camera3" "$WORK/data3"
  wait_state 'provision=idle' 15
  tap provision-apply
  wait_state 'provision=failed:enrolment_expired' 15
  no_errors
  ;;
*)
  echo "unknown case $case" >&2
  exit 2
  ;;
esac
echo "PASS $case"
