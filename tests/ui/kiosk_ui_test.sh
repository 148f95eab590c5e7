#!/usr/bin/env bash
# UI tests: the real kiosk binary under Xvfb, driven through its test control FIFO (test builds).
# Usage: kiosk_ui_test.sh CASE   with KIOSK_BIN set (ctest does both).
#   entry_backend_down   attract -> manual entry -> typed code -> lookup -> Problem (backend down)
#   keypad_validation    a month of 13 keeps "Look up" disabled; clear and back return to Attract
#   idle_reset           idle warning after the idle time, then Attract with the session wiped
#   still_here           "Continue" on the warning keeps the session
#   language_switch      EN switch, high contrast and large text; reset to Vietnamese at session end
#   frame_failures       a failing frame returns to Attract; repeated failures exit non-zero
#   sample_results       (test lookup) result for four statuses, rating, done wipes the dossier
#   not_found            (test lookup) unknown code -> not found -> type again
#   idle_result_gone     (test lookup) idle on a result: warning, then Attract without the dossier
#   slow_lookup_cancel   (test lookup, 5 s) the spinner keeps drawing; cancel drops the late answer
#   bad_config           an invalid config file: every error as FILE:LINE: KEY, exit 2, no window
#   backend_results      (kiosk-refbackend) several statuses -> Result, rating sent, unknown code -> NotFound
#   print_slip           (refbackend, kiosk-vprinter) Print on a result -> a slip PNG; paper runs out ->
#                        the screen says so, Print is hidden afterwards, the kiosk keeps running
#   camera_files         (refbackend, kiosk-receiptgen) camera.source = files with two receipts -> both
#                        results, one after the other
#   wedge_scan           (refbackend, xdotool) a fast typed burst + Enter is a scan (code, then a token
#                        link); slow typing is not
#   guidance_walk        (kiosk-vprinter) guide -> search "ly lich" on the keyboard -> detail -> print: the
#                        slip's QR is the entry's service URL; back to Attract; idle reset from a guidance page
#   fake_platform        (kiosk-fake: the app layer on platform_fake alone) typed code -> Result from the
#                        built-in sample backend -> print on the in-memory printer; unknown code -> NotFound
#   first_view SIZE      (refbackend) every seeded status, on time, overdue and with a long history, in
#                        normal and large text: the status banner, the key date and the next step lie inside
#                        the result's visible area without scrolling; the follow-up QR keeps its minimum size
#                        (checked on the layout the kiosk reports, not on pixels)
#   scroll_reset         (refbackend, xdotool) a result scrolled to the bottom, then Done, and then an idle
#                        reset: the next citizen's result opens at the top with the status in view
#   slip_readback        (refbackend, kiosk-vprinter) the shipped example config: the printed slip's QR and the
#                        on-screen QR are the same URL, and the kiosk reads it back to the same dossier
#   idle_end_now         "Kết thúc" on the idle warning ends and wipes the session at once
#   listen               (refbackend, audio.enabled) the "Nghe" button on a result and a problem screen reads
#                        the status on the speech worker; Done stops it
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=kiosk_ui_lib.sh
source "$here/kiosk_ui_lib.sh"

case="${1:?case}"
# The screen size: the second argument (first_view runs at 1920x1080, 1080x1920 and 1366x768).
size="${2:-1920x1080}"
start_display "$size"

case "$case" in
fake_platform)
  # No reference backend, no printer, no network: the fake platform's sample backend answers.
  need_tool KIOSK_FAKE_BIN
  KIOSK_BIN="$KIOSK_FAKE_BIN"
  printf '[backend]\nurl = "https://sample.invalid"\n[printer]\nuri = "usb:/dev/usb/lp0"\n' >>"$CONFIG"
  start_kiosk
  lookup_code 000.00.06.H56-231027-0364
  wait_state '^state Result .*dossier=1 .*printer=ok' 10
  tap print
  wait_state 'print=printed' 10
  tap done
  lookup_code 000.00.06.H56-231027-9999
  wait_state '^state NotFound' 10
  no_errors
  ;;
entry_backend_down)
  # Nothing listens on this loopback port: the lookup fails as Offline.
  start_kiosk --backend http://127.0.0.1:9
  wait_state '^state Attract'
  tap manual-entry
  wait_state '^state ManualEntry'
  type_code 000.00.06.H56-231027-0361
  wait_state 'typed=20' 15
  ctl "screenshot $WORK/entry.png" >/dev/null
  tap submit
  wait_state '^state Problem' 10
  ctl "screenshot $WORK/problem.png" | grep -q '^ok' || fail "screenshot"
  [ -s "$WORK/problem.png" ] || fail "no screenshot written"
  tap done
  wait_state '^state Attract .*typed=0 dossier=0'
  ;;
keypad_validation)
  start_kiosk
  tap manual-entry
  type_code 0000006H562313
  wait_state 'typed=14' 10
  # Month 13: the code can never complete, so "Look up" stays disabled even when all digits are in.
  type_code 270361
  wait_state 'typed=20' 10
  r=$(ctl tap submit)
  [[ "$r" == "error no button submit" ]] || fail "submit was enabled for month 13: $r"
  tap key-clear
  wait_state 'typed=0'
  tap back
  wait_state '^state Attract'
  ;;
idle_reset)
  start_kiosk
  tap manual-entry
  type_code 000.00.06
  wait_state '^state ManualEntry .*typed=7' 10
  ctl "advance-time 61" >/dev/null
  wait_state '^state ManualEntry idle-warning' 5
  ctl "screenshot $WORK/idle.png" >/dev/null
  ctl "advance-time 25" >/dev/null
  wait_state '^state Attract lang=vi .*typed=0 dossier=0' 5
  no_errors
  ;;
still_here)
  start_kiosk
  tap manual-entry
  type_code 123
  wait_state 'typed=3' 10
  ctl "advance-time 65" >/dev/null
  wait_state 'idle-warning' 5
  tap still-here
  wait_state '^state ManualEntry lang' 5
  ctl "advance-time 30" >/dev/null
  sleep 0.5
  wait_state '^state ManualEntry lang=vi .*typed=3' 5
  ;;
language_switch)
  start_kiosk
  tap lang-en
  wait_state 'lang=en'
  tap high-contrast
  wait_state 'contrast=1'
  tap large-text
  wait_state 'large=1'
  ctl "screenshot $WORK/en.png" >/dev/null
  tap manual-entry
  wait_state '^state ManualEntry lang=en large=1 contrast=1'
  tap back
  wait_state '^state Attract'
  # Ending a session (idle or Done) puts the next citizen back on Vietnamese, normal text.
  tap manual-entry
  ctl "advance-time 90" >/dev/null
  wait_state '^state Attract lang=vi large=0 contrast=0' 5
  no_errors
  ;;
frame_failures)
  # One failing frame: logged, back to Attract with the session wiped, the kiosk keeps running.
  start_kiosk
  tap manual-entry
  type_code 123
  wait_state 'typed=3' 10
  ctl "fail-frames 1" >/dev/null
  # A screenshot asks for a frame: that frame fails, the next one (on Attract) is saved.
  ctl "screenshot $WORK/after-failure.png" | grep -q '^ok' || fail "no frame after the failure"
  wait_state '^state Attract .*typed=0' 5
  grep -q "frame failed" "$KIOSK_LOG" || fail "the failure was not logged"
  kill -0 "$KIOSK_PID" || fail "the kiosk exited after one failure"
  # Failures in a row: the kiosk exits non-zero so its supervisor restarts it.
  ctl "fail-frames 10" >/dev/null
  timeout 5 bash -c 'echo "screenshot /dev/null" >"$1"' _ "$CTL" || true
  for _ in $(seq 50); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.1; done
  set +e; wait "$KIOSK_PID"; code=$?; set -e
  KIOSK_PID=""
  [ "$code" -ne 0 ] || fail "the kiosk exited 0 after repeated frame failures"
  grep -q "frames failed in a row" "$KIOSK_LOG" || fail "no critical log line"
  ;;
sample_results)
  # Test lookup (sample dossiers): attract -> manual entry -> result, for several statuses.
  start_kiosk --test-lookup 200
  first=1
  for code in 000.00.06.H56-261120-0361 000.17.22.H56-261105-0012 000.00.04.H40-261118-0002 000.00.06.H56-261001-0107; do
    wait_state '^state Attract .*dossier=0'
    tap manual-entry
    type_code "$code"
    wait_state 'typed=20' 15
    tap submit
    wait_state '^state Result .*dossier=1' 10
    ctl "screenshot $WORK/result-$code.png" | grep -q '^ok' || fail "screenshot"
    if [ $first = 1 ]; then
      # Not finished and nothing printed: the rating is not asked yet.
      expect_no_button rate-0
      first=0
    fi
    tap done
  done
  wait_state '^state Attract .*dossier=0 rating=-'
  no_errors
  ;;
not_found)
  start_kiosk --test-lookup 100
  tap manual-entry
  type_code 000.00.06.H56-231027-9999
  wait_state 'typed=20' 15
  tap submit
  wait_state '^state NotFound' 10
  tap retry
  wait_state '^state ManualEntry .*typed=20'
  tap back
  wait_state '^state Attract'
  ;;
idle_result_gone)
  start_kiosk --test-lookup 0
  tap manual-entry
  type_code 000.00.06.H56-261120-0361
  wait_state 'typed=20' 15
  tap submit
  wait_state '^state Result .*dossier=1' 10
  ctl "advance-time 61" >/dev/null
  wait_state '^state Result idle-warning' 5
  ctl "advance-time 25" >/dev/null
  wait_state '^state Attract lang=vi .*typed=0 dossier=0' 5
  ;;
slow_lookup_cancel)
  # The backend takes 5 s: the screen keeps drawing (spinner), cancel works, the late answer is dropped.
  start_kiosk --test-lookup 5000
  tap manual-entry
  type_code 000.00.06.H56-261120-0361
  wait_state 'typed=20' 15
  ctl "frame-stats reset" >/dev/null
  tap submit
  wait_state '^state LookingUp' 5
  sleep 2
  frames=$(ctl frame-stats | awk '{ print $2 }')
  [ "$frames" -ge 20 ] || fail "only $frames frames in 2 s of lookup: the screen stalled"
  tap cancel
  wait_state '^state ManualEntry' 5
  sleep 4
  wait_state '^state ManualEntry .*dossier=0' 2
  ;;
bad_config)
  printf '[ui]\nidle_timeout_s = "soon"\n\n[printer]\nwidth_dots = 500\n' >"$CONFIG"
  set +e; "$KIOSK_BIN" --config "$CONFIG" >"$KIOSK_LOG" 2>"$WORK/stderr"; code=$?; set -e
  [ "$code" = 2 ] || fail "exit code $code, expected 2"
  grep -q "kiosk.toml:2: ui.idle_timeout_s" "$WORK/stderr" || fail "no idle_timeout_s error: $(cat "$WORK/stderr")"
  grep -q "kiosk.toml:5: printer.width_dots" "$WORK/stderr" || fail "no width_dots error: $(cat "$WORK/stderr")"
  ;;
backend_results)
  start_refbackend
  start_kiosk
  # Processing, missing documents, result returned: three kinds of result screen (typing a code
  # on the keypad costs a few seconds under a loaded Xvfb, so not all ten statuses).
  for status in 4 5 10; do
    code=$(seeded_code "$status")
    [ -n "$code" ] || fail "no seeded dossier with status $status"
    lookup_code "$code"
    wait_state '^state Result .*dossier=1' 10
    ctl "screenshot $WORK/result-$status.png" | grep -q '^ok' || fail "screenshot"
    if [ "$status" = 10 ]; then  # the rating is asked for finished dossiers (or after a print)
      tap rate-1
      wait_state 'rating=1 rated=sent' 10
    else
      expect_no_button rate-1  # not finished, nothing printed: the rating is not asked
    fi
    tap done
    wait_state '^state Attract .*dossier=0'
  done
  lookup_code 000.00.06.H56-241003-9999
  wait_state '^state NotFound' 10
  tap done
  wait_state '^state Attract'
  grep -q "answered in" "$KIOSK_LOG" || fail "no lookup timing logged"
  grep -E 'answered in|drawn .* after the code was read' "$KIOSK_LOG" | sed 's/^.*\] //'
  no_errors
  ;;
print_slip)
  start_refbackend
  start_vprinter ok
  start_kiosk --printer "$PRINTER_URI"
  wait_state 'printer=ok' 10
  lookup_code "$(seeded_code 5)"
  wait_state '^state Result .*dossier=1' 10
  tap print
  wait_state 'print=printed' 20
  ctl "screenshot $WORK/printed.png" | grep -q '^ok' || fail "screenshot"
  for _ in $(seq 100); do ls "$WORK"/slips/*.png >/dev/null 2>&1 && break; sleep 0.05; done
  ls "$WORK"/slips/*.png >/dev/null 2>&1 || fail "the virtual printer wrote no slip"
  # The paper runs out while the citizen reads: the printer on the same port now says so.
  port=${PRINTER_URI##*:}
  kill "${SERVER_PIDS[-1]}"; wait "${SERVER_PIDS[-1]}" 2>/dev/null || true
  start_server "$WORK/printer-out.log" "$KIOSK_VPRINTER" --listen "127.0.0.1:$port" --out "$WORK/slips-out" --paper out
  tap print
  wait_state 'print=failed:paper_out printer=out' 20
  ctl "screenshot $WORK/paper-out.png" | grep -q '^ok' || fail "screenshot"
  tap done
  lookup_code "$(seeded_code 4)"
  wait_state '^state Result .*dossier=1 .*print=idle' 10
  r=$(ctl tap print)
  [[ "$r" == "error no button print" ]] || fail "Print offered with the paper out: $r"
  kill -0 "$KIOSK_PID" || fail "the kiosk exited"
  ;;
camera_files)
  need_tool KIOSK_RECEIPTGEN
  start_refbackend
  "$KIOSK_RECEIPTGEN" --out "$WORK/camera" --code "$(seeded_code 4)" --code "$(seeded_code 9)" >/dev/null
  rm -f "$WORK"/camera/*.txt
  printf '[camera]\nsource = "files"\nfiles_path = "%s"\nfiles_fps = 5\n' "$WORK/camera" >>"$CONFIG"
  start_kiosk
  wait_state '^state Result .*dossier=1 .*lookups=1' 15
  ctl "screenshot $WORK/camera-1.png" | grep -q '^ok' || fail "screenshot"
  # The second receipt replaces the first under the camera: its result follows.
  wait_state '^state Result .*dossier=1 .*lookups=2' 15
  grep -q "scan from camera" "$KIOSK_LOG" || fail "no camera scan logged"
  no_errors
  ;;
wedge_scan)
  command -v xdotool >/dev/null || { echo "SKIP: xdotool not installed"; exit 77; }
  start_refbackend
  # xdotool types "\n" through a remapped keycode GLFW cannot name (a real scanner sends the Return
  # key), so Return is a second xdotool process: the threshold allows for its start-up gap. On a loaded
  # CI machine a gap can still stretch past it, so a missed burst is typed once more; slow typing
  # (below) is what must never count.
  printf '[scanner]\nwedge_max_interkey_ms = 100\n' >>"$CONFIG"
  start_kiosk
  wait_state '^state Attract .*lookups=0'
  xdotool search --sync --name '^Kiosk$' windowfocus --sync
  # scan TEXT LOOKUPS: types TEXT as a scanner would until the kiosk has made LOOKUPS lookups.
  scan() {
    for attempt in 1 2; do
      xdotool type --delay 5 "$1"; xdotool key Return
      for _ in $(seq 50); do
        [[ "$(ctl state)" =~ lookups=$2 ]] && return 0
        sleep 0.1
      done
      echo "wedge burst $attempt not recognised (machine under load?)"
    done
    fail "a fast burst ending in Return was never a scan"
  }
  # A scanner types fast and ends with Enter.
  scan "$(seeded_code 4)" 1
  wait_state '^state Result .*dossier=1 .*lookups=1' 10
  tap done
  wait_state '^state Attract .*dossier=0'
  # A person typing the same code slowly is not a scan.
  xdotool type --delay 250 "$(seeded_code 6)"; sleep 0.3; xdotool key Return
  sleep 0.3
  wait_state '^state Attract .*lookups=1' 2
  # A receipt's token link: resolved through the backend.
  token=$(awk '$1 == "token" { print $2; exit }' "$WORK/backend.log")
  scan "https://dichvucong.gov.vn/apiqr/qr?id=$token" 2
  wait_state '^state Result .*dossier=1 .*lookups=2' 10
  no_errors
  ;;
guidance_walk)
  start_vprinter ok
  start_kiosk --printer "$PRINTER_URI"
  # The guide button appears once the worker has loaded and indexed the bundled catalog.
  wait_state '^state Attract .*printer=ok .*guide=[1-9]' 10
  tap guide
  wait_state '^state Guidance page=home lang=vi'
  [ -n "${SHOTS:-}" ] && ctl "screenshot $SHOTS/guidance-home.png" >/dev/null
  tap guide-search
  wait_state '^state Guidance page=search'
  for k in l y space l i c h; do tap "gkey-$k"; done
  wait_state '^state Guidance page=search .*query=7'
  [ -n "${SHOTS:-}" ] && ctl "screenshot $SHOTS/guidance-search.png" >/dev/null
  tap guide-entry-phieu-ly-lich-tu-phap
  wait_state '^state Guidance page=detail entry=phieu-ly-lich-tu-phap '
  tap guide-print
  wait_state '^state Guidance page=detail .*print=printed' 20
  [ -n "${SHOTS:-}" ] && ctl "screenshot $SHOTS/guidance-detail.png" >/dev/null
  for _ in $(seq 100); do ls "$WORK"/slips/*.png >/dev/null 2>&1 && break; sleep 0.05; done
  slip=$(ls "$WORK"/slips/*.png 2>/dev/null | head -n1)
  [ -n "$slip" ] || fail "the virtual printer wrote no slip"
  # The slip's QR code opens the entry's service page.
  url=$(sed -n 's/^ *"url": *"\([^"]*\)".*/\1/p' "$here/../../assets/guidance/entries/phieu-ly-lich-tu-phap.json")
  qr=$("$KIOSK_BIN" scan-image --raw "$slip" | sed -n 's/.*"text":"\([^"]*\)".*/\1/p')
  [ -n "$url" ] && [ "$qr" = "$url" ] || fail "slip QR '$qr' is not the service URL '$url'"
  tap back
  wait_state '^state Guidance page=search .*query=7'
  tap back
  wait_state '^state Guidance page=home'
  tap back
  wait_state '^state Attract .*query=0'
  # Idle on a guidance page: the warning, then Attract with the typed query wiped.
  tap guide
  tap guide-search
  tap gkey-a
  wait_state '^state Guidance page=search .*query=1'
  ctl "advance-time 61" >/dev/null
  wait_state '^state Guidance page=search idle-warning' 5
  ctl "advance-time 25" >/dev/null
  wait_state '^state Attract lang=vi .*print=idle .*query=0' 5
  no_errors
  ;;
first_view)
  start_refbackend
  backend_config=$(cat "$CONFIG")
  for large in false true; do
    printf '%s\n[ui]\nlarge_text = %s\n' "$backend_config" "$large" >"$CONFIG"
    start_kiosk
    wait_state '^state Attract'
    n=0
    # Variants of the seed: 1st on time, 3rd overdue, 5th with a long history (tools/refbackend/seed.cpp).
    for status in 1 2 3 4 5 6 7 8 9 10; do
      for variant in 1 3 5; do
        code=$(seeded_code "$status" "$variant")
        [ -n "$code" ] || fail "no seeded dossier $variant with status $status"
        n=$((n + 1))
        scan_code "$code" "$n"
        wait_state '^state Result .*dossier=1' 5
        layout=$(ctl layout)
        for id in result.status-banner result.key-date result.next-step; do
          why=$(in_view "$id" result-scroll "$layout") ||
            fail "$size large=$large status $status variant $variant: $id out of the first view: $why"
        done
        scroll=$(layout_rect result-scroll "$layout" | awk '{ print $5 }')
        [ "$scroll" = "0.0" ] || fail "status $status opened scrolled by $scroll"
        # The follow-up QR keeps at least 180 px at 1080p with modules of 4 px (scaled), in any variant.
        qr=$(layout_rect result.follow-qr "$layout")
        if [ -n "$qr" ]; then
          awk -v q="$qr" -v s="$size" 'BEGIN { split(q, a, " "); split(s, d, "x");
            scale = (d[1] < d[2] ? d[1] : d[2]) / 1080; side = a[3] - a[1];
            minModule = int(4 * scale); if (minModule < 2) minModule = 2;
            if (side < 180 * scale - 1 || a[5] < minModule) { print "QR " side " px, modules " a[5]; exit 1 } }' ||
            fail "$size large=$large status $status: follow-up QR too small"
        fi
        if [ "$variant" = 3 ] && [ "$large" = false ]; then
          ctl "screenshot $WORK/status-$status-overdue.png" >/dev/null
        fi
        tap done
        wait_state '^state Attract .*dossier=0'
      done
    done
    ctl quit >/dev/null
    for _ in $(seq 100); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
    KIOSK_PID=""
    : >"$CTL.out"
  done
  no_errors
  ;;
scroll_reset)
  command -v xdotool >/dev/null || { echo "SKIP: xdotool not installed"; exit 77; }
  start_refbackend
  start_kiosk
  # scroll_down: mouse-wheel turns over the result's scroll region until it has moved.
  scroll_down() {
    local r cx cy
    r=$(layout_rect result-scroll)
    cx=$(awk '{ printf "%d", ($1 + $3) / 2 }' <<<"$r"); cy=$(awk '{ printf "%d", ($2 + $4) / 2 }' <<<"$r")
    xdotool mousemove "$cx" "$cy"
    for _ in 1 2 3; do
      xdotool click --repeat 25 --delay 10 5
      sleep 0.3
      ctl "screenshot /dev/null" >/dev/null  # a frame with the wheel applied
      scroll=$(layout_rect result-scroll | awk '{ print $5 }')
      awk -v s="$scroll" 'BEGIN { exit !(s > 100) }' && break
    done
    awk -v s="$scroll" 'BEGIN { exit !(s > 100) }' || fail "the result did not scroll (offset $scroll)"
    in_view result.status-banner result-scroll >/dev/null && fail "the banner is still in view after scrolling"
    true
  }
  # Long histories (the 5th seeded dossier of a status) make the page scroll.
  scan_code "$(seeded_code 4 5)" 1
  scroll_down
  tap done
  wait_state '^state Attract .*dossier=0'
  # The next citizen, after Done: the page opens at the top, the status in view.
  scan_code "$(seeded_code 9 5)" 2
  layout=$(ctl layout)
  [ "$(layout_rect result-scroll "$layout" | awk '{ print $5 }')" = "0.0" ] || fail "opened scrolled after Done"
  in_view result.status-banner result-scroll "$layout" || fail "banner not in view after Done"
  scroll_down
  # The citizen walks away: idle warning, reset. The next one again starts at the top.
  ctl "advance-time 61" >/dev/null
  wait_state 'idle-warning' 5
  ctl "advance-time 25" >/dev/null
  wait_state '^state Attract .*dossier=0' 5
  scan_code "$(seeded_code 5 5)" 3
  layout=$(ctl layout)
  [ "$(layout_rect result-scroll "$layout" | awk '{ print $5 }')" = "0.0" ] || fail "opened scrolled after the idle reset"
  in_view result.status-banner result-scroll "$layout" || fail "banner not in view after the idle reset"
  no_errors
  ;;
slip_readback)
  start_refbackend
  start_vprinter ok
  # The shipped example config as it is, with this test's backend and printer given on the command line.
  cp "$here/../../config/kiosk.example.toml" "$WORK/example.toml"
  CONFIG="$WORK/example.toml"
  token_file="$WORK/device.token"
  backend_url=$(sed -n 's/^url = "\(http[^"]*\)"$/\1/p' "$WORK/kiosk.toml" | head -n1)
  start_kiosk --backend "$backend_url" --token-file "$token_file" --printer "$PRINTER_URI"
  wait_state 'printer=ok' 10
  code=$(seeded_code 9)
  scan_code "$code" 1
  wait_state '^state Result .*dossier=1' 5
  ctl "screenshot $WORK/result.png" | grep -q '^ok' || fail "screenshot"
  tap print
  wait_state 'print=printed' 20
  for _ in $(seq 100); do ls "$WORK"/slips/*.png >/dev/null 2>&1 && break; sleep 0.05; done
  slip=$(ls "$WORK"/slips/*.png 2>/dev/null | head -n1)
  [ -n "$slip" ] || fail "the virtual printer wrote no slip"
  on_slip=$("$KIOSK_BIN" scan-image --raw "$slip" | sed -n 's/.*"text":"\([^"]*\)".*/\1/p' | head -n1)
  on_screen=$("$KIOSK_BIN" scan-image --raw "$WORK/result.png" | sed -n 's/.*"text":"\([^"]*\)".*/\1/p' | head -n1)
  [ -n "$on_slip" ] || fail "no QR decoded on the slip"
  [ "$on_slip" = "$on_screen" ] || fail "slip QR '$on_slip' and screen QR '$on_screen' differ"
  [[ "$on_slip" == *"$code"* ]] || fail "the QR '$on_slip' does not carry the dossier code"
  # The kiosk, with the same config, reads its own QR: the same dossier, not "not a dossier code".
  tap done
  wait_state '^state Attract .*dossier=0'
  ctl "advance-time 6" >/dev/null  # past scanner.dedupe_seconds: the same dossier may be read again
  scan_code "$on_slip" 2
  wait_state '^state Result .*dossier=1' 5
  grep -q "scan from scanner" "$KIOSK_LOG" || fail "the QR text was not read as a scan"
  no_errors
  ;;
idle_end_now)
  start_kiosk
  tap manual-entry
  type_code 000.00.06
  wait_state '^state ManualEntry .*typed=7' 10
  ctl "advance-time 61" >/dev/null
  wait_state 'idle-warning' 5
  tap end-session
  wait_state '^state Attract lang=vi .*typed=0 dossier=0' 5
  no_errors
  ;;
listen)
  start_refbackend
  printf '[audio]\nenabled = true\n' >>"$CONFIG"
  start_kiosk
  grep -q "speech: espeak-ng ready" "$KIOSK_LOG" || fail "speech not started"
  scan_code "$(seeded_code 4 3)" 1
  tap listen
  # The speech worker synthesises (and plays where there is a sound card); the UI keeps drawing.
  for _ in $(seq 50); do grep -q "speech" "$KIOSK_LOG" && break; sleep 0.1; done
  wait_state 'speaking=0' 30
  tap done
  wait_state '^state Attract .*speaking=0' 5
  kill -0 "$KIOSK_PID" || fail "the kiosk exited"
  no_errors
  ;;
*)
  echo "unknown case $case" >&2; exit 2
  ;;
esac
echo "PASS: $case"
