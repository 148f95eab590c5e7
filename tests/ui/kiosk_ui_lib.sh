#!/usr/bin/env bash
# Helpers for the UI tests: start the real kiosk under Xvfb with its test control FIFO and drive it.
# Sourced by tests/ui/kiosk_ui_test.sh and tests/bench/ui_idle.sh.
set -euo pipefail

KIOSK_BIN="${KIOSK_BIN:?set KIOSK_BIN to the kiosk executable}"
WORK="$(mktemp -d /tmp/kiosk-ui.XXXXXX)"
CTL="$WORK/ctl"
KIOSK_LOG="$WORK/kiosk.log"
XVFB_PID=""
KIOSK_PID=""
SERVER_PIDS=()
# Each test's own configuration (tests append sections before start_kiosk), so a machine's
# /etc/kiosk/kiosk.toml never changes what a test sees. The outbox, the log file and the metrics file
# live in the test's folder, never in the machine's /var/lib/kiosk or /var/log/kiosk; a test changes
# another [operations] key with set_operation.
CONFIG="$WORK/kiosk.toml"
# Without a backend a kiosk starts on its setup screen (provisioning.setup_screen); the citizen-screen
# tests run without one, so they turn it off (tests/ui/staff_ui_test.sh covers setup).
printf '[operations]\ndata_dir = "%s"\nlog_dir = "%s"\nmetrics_file = "%s"\n\n[provisioning]\nsetup_screen = false\n\n' \
  "$WORK/data" "$WORK/log" "$WORK/data/metrics/kiosk.prom" >"$CONFIG"

# set_operation KEY VALUE: sets operations.KEY (VALUE as TOML: "text" or a number) in $CONFIG.
set_operation() {
  sed -i "/^\[operations\]/a $1 = $2" "$CONFIG"
}

cleanup() {
  if [ -n "$KIOSK_PID" ] && kill -0 "$KIOSK_PID" 2>/dev/null; then kill "$KIOSK_PID" 2>/dev/null || true; fi
  for p in "${SERVER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then kill "$XVFB_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# fail MESSAGE: the message, then the kiosk's log (its last 120 lines: a soak's log is long, and what a
# CI report keeps of it is its start and its end).
fail() {
  echo "FAIL: $*" >&2
  local lines=0
  if [ -f "$KIOSK_LOG" ]; then lines=$(wc -l <"$KIOSK_LOG"); fi
  if [ "$lines" -gt 120 ]; then
    echo "--- kiosk log, last 120 of $lines lines (KEEP_WORK=1 keeps the whole log in the work folder)" >&2
    tail -n 120 "$KIOSK_LOG" >&2 || true
  else
    echo "--- kiosk log" >&2
    cat "$KIOSK_LOG" >&2 || true
  fi
  exit 1
}

# start_display WxH: an Xvfb server of its own; Xvfb picks a free display number (-displayfd), so
# tests can run in parallel.
start_display() {
  local size="$1" n=""
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do
    n=$(cat "$WORK/display" 2>/dev/null || true)
    if [ -n "$n" ]; then export DISPLAY=":$n"; return 0; fi
    sleep 0.05
  done
  fail "Xvfb did not start"
}

# start_kiosk [args...]: the kiosk, fullscreen on the Xvfb screen, driven through $CTL. A restart in the
# same folder first clears the last run's log, FIFO and answers, so the wait below cannot take the last
# run's "first frame drawn" and FIFO for this one's (the new kiosk recreates both a moment later).
start_kiosk() {
  rm -f "$CTL" "$CTL.out"
  : >"$KIOSK_LOG"
  "$KIOSK_BIN" --config "$CONFIG" --test-control "$CTL" "$@" >"$KIOSK_LOG" 2>&1 &
  KIOSK_PID=$!
  for _ in $(seq 600); do  # up to 30 s
    [ -p "$CTL" ] && grep -q "first frame drawn" "$KIOSK_LOG" && return 0
    kill -0 "$KIOSK_PID" 2>/dev/null || fail "kiosk exited at start"
    sleep 0.05
  done
  fail "kiosk did not draw its first frame"
}

# ctl COMMAND: sends one command and prints its answer line.
ctl() {
  local before after
  before=$(wc -l <"$CTL.out")
  # Opening a FIFO blocks until the kiosk reads it: never wait forever on a dead kiosk.
  timeout 5 bash -c 'echo "$1" >"$2"' _ "$*" "$CTL" || fail "kiosk does not read commands: $*"
  for _ in $(seq 1500); do  # up to 30 s: `type` answers after its last key
    after=$(wc -l <"$CTL.out")
    if [ "$after" -gt "$before" ]; then
      sed -n "$((before + 1))p" "$CTL.out"
      return 0
    fi
    sleep 0.02
  done
  fail "no answer to: $*"
}

# wait_state REGEX [SECONDS]: polls `state` until it matches.
wait_state() {
  local pattern="$1" limit="${2:-10}" state=""
  local end=$((SECONDS + limit))
  while [ $SECONDS -le $end ]; do
    state=$(ctl state)
    if [[ "$state" =~ $pattern ]]; then return 0; fi
    sleep 0.1
  done
  fail "state '$state' never matched '$pattern'"
}

# tap ID / type TEXT: the answer must be ok (the button exists and is enabled).
tap() { local r; r=$(ctl tap "$1"); [[ "$r" == ok* ]] || fail "$r"; }
type_code() { local r; r=$(ctl type "$1"); [[ "$r" == ok* ]] || fail "$r"; }

# expect_no_button ID: the screen has no (enabled) button ID; the expected error is not kept for no_errors.
expect_no_button() {
  local r; r=$(ctl tap "$1")
  [[ "$r" == "error no button $1" ]] || fail "button $1 is offered: $r"
  sed -i "/^error no button $1\$/d" "$CTL.out"
}

# no_errors: the control FIFO never answered an error (a missing button).
no_errors() { if grep -q '^error' "$CTL.out"; then fail "$(grep '^error' "$CTL.out")"; fi; }

# need_tool VAR: the helper program named by env VAR (set by ctest) must exist, else skip (77).
need_tool() {
  local path="${!1:-}"
  if [ -z "$path" ] || [ ! -x "$path" ]; then echo "SKIP: $1 not built"; exit 77; fi
}

# start_server LOG CMD...: a loopback server that prints "listening on HOST:PORT" first; sets ADDR.
start_server() {
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  SERVER_PIDS+=($!)
  for _ in $(seq 1500); do  # up to 30 s: a loaded CI machine is slow to start anything
    if head -n1 "$log" 2>/dev/null | grep -q '^listening on '; then
      ADDR=$(head -n1 "$log" | sed 's/^listening on //'); return 0
    fi
    sleep 0.02
  done
  fail "$1 did not start: $(cat "$log")"
}

# start_refbackend: kiosk-refbackend with seeded dossiers behind a device token, and the [backend]
# section of $CONFIG pointing at it. Seeded codes are in $WORK/backend.log ("dossier CODE status N").
start_refbackend() {
  need_tool KIOSK_REFBACKEND
  local token
  token="ui-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$token" >"$WORK/device.token"
  chmod 600 "$WORK/device.token"
  start_server "$WORK/backend.log" "$KIOSK_REFBACKEND" --listen 127.0.0.1:0 --db "$WORK/backend.db" --seed --token "$token"
  wait_ready "$WORK/backend.log"
  printf '[backend]\nurl = "http://%s"\ntoken_file = "%s"\n' "$ADDR" "$WORK/device.token" >>"$CONFIG"
}

# wait_ready LOG: until kiosk-refbackend's log says "ready" (its seeding done; up to 30 s: seeding commits
# row by row, slow on a busy disk), else the test fails here rather than on a missing seeded code.
wait_ready() {
  for _ in $(seq 1500); do grep -q '^ready' "$1" 2>/dev/null && return 0; sleep 0.02; done
  fail "kiosk-refbackend was not ready in 30 s: $(cat "$1")"
}

# seeded_code STATUS [N]: the Nth (default 1st) seeded dossier code with that status.
seeded_code() {
  awk -v s="$1" -v n="${2:-1}" '$1 == "dossier" && $4 == s { if (++k == n) { print $2; exit } }' "$WORK/backend.log"
}

# start_vprinter [PAPER]: kiosk-vprinter writing slip PNGs to $WORK/slips; sets PRINTER_URI.
start_vprinter() {
  need_tool KIOSK_VPRINTER
  mkdir -p "$WORK/slips"
  start_server "$WORK/printer.log" "$KIOSK_VPRINTER" --listen 127.0.0.1:0 --out "$WORK/slips" --paper "${1:-ok}"
  PRINTER_URI="tcp://$ADDR"
}

# scan_code TEXT LOOKUPS: TEXT as a scanner delivers it (test control `scan`), then waits for the
# kiosk's LOOKUPS-th lookup to end on a screen other than LookingUp.
scan_code() {
  local r; r=$(ctl scan "$1"); [[ "$r" == ok* ]] || fail "$r"
  wait_state "lookups=$2 " 10
  wait_state '^state (Result|NotFound|Problem|InvalidCode) ' 10
}

# layout_rect ID [LAYOUT]: "x0 y0 x1 y1 value" of a layout mark of the last frame (empty if absent).
layout_rect() {
  local layout="${2:-$(ctl layout)}"
  tr ' ' '\n' <<<"$layout" | awk -F'[=,]' -v id="$1" '$1 == id { print $2, $3, $4, $5, $6 }'
}

# in_view ID VIEW LAYOUT: element ID lies wholly inside the mark VIEW (one pixel of slack).
in_view() {
  local e v
  e=$(layout_rect "$1" "$3"); v=$(layout_rect "$2" "$3")
  [ -n "$e" ] || { echo "no mark $1"; return 1; }
  [ -n "$v" ] || { echo "no mark $2"; return 1; }
  awk -v e="$e" -v v="$v" 'BEGIN { split(e, a, " "); split(v, b, " ");
    ok = a[1] >= b[1] - 1 && a[2] >= b[2] - 1 && a[3] <= b[3] + 1 && a[4] <= b[4] + 1;
    if (!ok) { print "[" e "] is not inside [" v "]"; exit 1 } }'
}

# lookup_code CODE: keypad entry of CODE from Attract, then submit.
lookup_code() {
  wait_state '^state Attract'
  tap manual-entry
  type_code "$1"
  wait_state 'typed=20' 15
  tap submit
}
