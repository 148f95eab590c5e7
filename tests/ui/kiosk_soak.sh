#!/usr/bin/env bash
# Soak: SESSIONS scripted citizen sessions through the real kiosk under Xvfb, with the reference backend
# and the virtual printer on loopback. Usage: kiosk_soak.sh SESSIONS [SAMPLE_EVERY]
#
# A session: a receipt is read (by the scanner path, or every tenth session by the camera from files),
# the result comes, the slip is printed and the citizen rates; the session ends with Done or with the
# idle reset. Mixed in: backend faults (a 500, a 503, malformed JSON, wrong types, HTML, a reset
# connection, a 404: the Problem or NotFound screen, then back), and every 200th session the backend is
# stopped for a session (offline) and started again (sessions 40, 240, 440...) on the same address.
#
# Every SAMPLE_EVERY sessions (default SESSIONS/10) the kiosk's resident memory, open file descriptors
# and threads are read from /proc and printed as one line ("sample SESSION rss_kib FDS THREADS"), also
# to $KIOSK_SOAK_REPORT when set. After warm-up (the first sample after 20 % of the run) they must stay
# flat: threads and descriptors within 2 of the warm-up value, memory within 8 MiB. The long run is
# `tests/ui/kiosk_soak.sh 1000` (docs/reliability.md, "Soak"); ctest runs a short one (label soak).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=kiosk_ui_lib.sh
source "$here/kiosk_ui_lib.sh"

SESSIONS="${1:?sessions}"
EVERY="${2:-$(((SESSIONS + 9) / 10))}"
need_tool KIOSK_REFBACKEND
need_tool KIOSK_VPRINTER
need_tool KIOSK_RECEIPTGEN

start_display 1280x720

# The backend, with faults allowed (magic codes), its database in a file so a restart keeps the dossiers.
token="soak-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$token" >"$WORK/device.token"
chmod 600 "$WORK/device.token"
start_backend() {  # start_backend LISTEN: sets ADDR (its warning about faults goes to backend.err)
  "$KIOSK_REFBACKEND" --listen "$1" --db "$WORK/backend.db" --seed --token "$token" --allow-faults \
    >"$WORK/backend.log" 2>>"$WORK/backend.err" &
  SERVER_PIDS+=($!)
  for _ in $(seq 1500); do grep -q '^ready' "$WORK/backend.log" 2>/dev/null && break; sleep 0.02; done
  grep -q '^ready' "$WORK/backend.log" || fail "kiosk-refbackend did not start in 30 s: $(cat "$WORK/backend.err")"
  ADDR=$(head -n1 "$WORK/backend.log" | sed 's/^listening on //')
}
start_backend 127.0.0.1:0
BACKEND_ADDR="$ADDR"
BACKEND_PID="${SERVER_PIDS[-1]}"
printf '[backend]\nurl = "http://%s"\ntoken_file = "%s"\n' "$BACKEND_ADDR" "$WORK/device.token" >>"$CONFIG"
mapfile -t CODES < <(awk '$1 == "dossier" { print $2 }' "$WORK/backend.log")
[ "${#CODES[@]}" -ge 5 ] || fail "the backend seeded ${#CODES[@]} dossiers"
FAULTS=(0500 0503 0001 0002 0004 0005 0404)

start_vprinter ok
printf '[printer]\nuri = "%s"\n' "$PRINTER_URI" >>"$CONFIG"

# The camera shows a blank page; a receipt is put in front of it for a camera session and taken away.
mkdir -p "$WORK/camera" "$WORK/receipts"
python3 -c 'import sys; sys.stdout.buffer.write(b"P5 320 240 255\n" + bytes([235]) * (320 * 240))' >"$WORK/camera/0-blank.pgm"
printf '[camera]\nsource = "files"\nfiles_path = "%s"\nfiles_fps = 5\nfiles_seconds_per_image = 1\n' "$WORK/camera" >>"$CONFIG"
for i in 0 1 2 3 4; do
  "$KIOSK_RECEIPTGEN" --out "$WORK/receipts/$i" --code "${CODES[$i]}" >/dev/null
done

start_kiosk
wait_state 'printer=ok' 15

# sample N: one line of figures from /proc for the kiosk process.
declare -a RSS FDS THREADS SAMPLED
sample() {
  local rss threads fds
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$KIOSK_PID/status")
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$KIOSK_PID/status")
  fds=$(find "/proc/$KIOSK_PID/fd" -mindepth 1 -maxdepth 1 | wc -l)
  RSS+=("$rss"); FDS+=("$fds"); THREADS+=("$threads"); SAMPLED+=("$1")
  local line="sample $1 rss_kib $rss fds $fds threads $threads"
  echo "$line"
  if [ -n "${KIOSK_SOAK_REPORT:-}" ]; then echo "$line" >>"$KIOSK_SOAK_REPORT"; fi
}

# end_session N: Done on odd sessions, the idle reset on even ones.
end_session() {
  if [ $(($1 % 2)) = 1 ]; then
    tap done
  else
    # Past the idle time: the warning, then (past its countdown) the reset; a long jump may do both.
    ctl "advance-time 600" >/dev/null
    wait_state 'idle-warning|^state Attract' 10
    if [[ "$(ctl state)" == *idle-warning* ]]; then ctl "advance-time 600" >/dev/null; fi
  fi
  wait_state '^state Attract .*typed=0 dossier=0 rating=- rated=none print=idle' 15
}

# read_receipt N CODE_INDEX: by the camera in sessions 5, 15, 25... (they end with Done: a receipt
# still in view after Done is not looked up again), else as a scanner delivers it.
camera_session() { [ $(($1 % 10)) = 5 ]; }
read_receipt() {
  if camera_session "$1"; then
    cp "$WORK/receipts/$2/"*.png "$WORK/camera/.receipt.tmp"
    mv "$WORK/camera/.receipt.tmp" "$WORK/camera/1-receipt.png"  # whole, never half-written
  else
    ctl "scan ${CODES[$2]}" >/dev/null
  fi
}

# take_receipt_away: the citizen takes the receipt from under the camera. The file camera stops showing
# a removed file within a frame; frames of it may still be on their way (one being decoded, one waiting,
# one published as it went), so this waits until the decoder has finished three more. Without the wait
# a late read of this receipt replaces the next citizen's result, as a receipt left in view would.
camera_frames() {  # the decoder's frame count from the state line (fails on a line without it)
  local state; state=$(ctl state)
  [[ "$state" =~ camera_frames=([0-9]+) ]] || fail "no camera_frames in: $state"
  echo "${BASH_REMATCH[1]}"
}
take_receipt_away() {
  rm -f "$WORK/camera/1-receipt.png"
  local frames now end=$((SECONDS + 15))
  frames=$(camera_frames) || exit 1
  now=$frames
  while [ $SECONDS -le $end ]; do
    now=$(camera_frames) || exit 1
    [ "$now" -ge $((frames + 3)) ] && return 0
    sleep 0.1
  done
  fail "the camera decoded $((now - frames)) frames in 15 s after the receipt was taken away"
}

# press ID PATTERN: taps ID until the state matches PATTERN (3 tries, 5 s each). A tap that did not
# take (the button moved between the synthetic press and release) is counted and reported.
RETAPS=0
press() {
  local attempt end
  for attempt in 1 2 3; do
    tap "$1"
    end=$((SECONDS + 5))
    while [ $SECONDS -le $end ]; do
      [[ "$(ctl state)" =~ $2 ]] && return 0
      sleep 0.1
    done
    RETAPS=$((RETAPS + 1))
    echo "session $n: tap $1 did not take (try $attempt): $(ctl state)"
  done
  fail "tap $1 never led to '$2': $(ctl state)"
}

started=$SECONDS
sample 0
faults=0 outages=0 printed=0 rated=0
for n in $(seq 1 "$SESSIONS"); do
  wait_state '^state Attract' 15
  if [ $((n % 200)) = 40 ]; then
    # The backend is down for this session: the citizen is told, nothing hangs; then it comes back.
    kill "$BACKEND_PID"; wait "$BACKEND_PID" 2>/dev/null || true
    ctl "scan ${CODES[0]}" >/dev/null
    wait_state '^state Problem' 30
    end_session "$n"
    start_backend "$BACKEND_ADDR"
    [ "$ADDR" = "$BACKEND_ADDR" ] || fail "the backend came back on $ADDR, not $BACKEND_ADDR"
    BACKEND_PID="${SERVER_PIDS[-1]}"
    outages=$((outages + 1))
  elif [ $((n % 25)) = 13 ]; then
    # A backend fault: the matching screen, then back to Attract.
    ctl "scan 000.00.00.Z99-000000-${FAULTS[$(((n / 25) % ${#FAULTS[@]}))]}" >/dev/null
    wait_state '^state (Problem|NotFound)' 30
    end_session "$n"
    faults=$((faults + 1))
  else
    code=$((n % 5))
    read_receipt "$n" "$code"
    wait_state '^state Result .*dossier=1' 30
    if camera_session "$n"; then take_receipt_away; fi
    press print 'print=printed'
    printed=$((printed + 1))
    press "rate-$((n % 3))" 'rated=sent'
    rated=$((rated + 1))
    end_session "$n"
  fi
  if [ $((n % EVERY)) = 0 ]; then sample "$n"; fi
done
elapsed=$((SECONDS - started))
echo "soak: $SESSIONS sessions in $elapsed s ($printed printed and rated, $faults backend faults, $outages outages, $RETAPS taps repeated)"
if [ -n "${KIOSK_SOAK_REPORT:-}" ]; then
  echo "sessions $SESSIONS seconds $elapsed printed $printed faults $faults outages $outages retaps $RETAPS" >>"$KIOSK_SOAK_REPORT"
fi

# Every slip reached the printer, every rating the backend (through the outbox).
for _ in $(seq 100); do
  [ "$(find "$WORK/slips" -name '*.png' | wc -l)" -ge "$printed" ] && break
  sleep 0.1
done
slips=$(find "$WORK/slips" -name '*.png' | wc -l)
[ "$slips" -ge "$printed" ] || fail "$printed slips printed, the printer has $slips"
kill -0 "$KIOSK_PID" || fail "the kiosk exited"

# Flat after warm-up: the first sample at or after 20 % of the run is the reference.
warm=0
for i in "${!SAMPLED[@]}"; do
  if [ "${SAMPLED[$i]}" -ge $((SESSIONS / 5)) ] && [ "${SAMPLED[$i]}" -gt 0 ]; then warm=$i; break; fi
done
last=$((${#SAMPLED[@]} - 1))
[ "$last" -gt "$warm" ] || fail "too few samples after warm-up (sample every $EVERY of $SESSIONS)"
for i in $(seq "$warm" "$last"); do
  drss=$((RSS[i] - RSS[warm]))
  dfds=$((FDS[i] - FDS[warm]))
  dthreads=$((THREADS[i] - THREADS[warm]))
  [ "$drss" -le 8192 ] || fail "memory grew by $drss KiB between sessions ${SAMPLED[$warm]} and ${SAMPLED[$i]}"
  [ "${dfds#-}" -le 2 ] || fail "open descriptors went from ${FDS[$warm]} to ${FDS[$i]} (session ${SAMPLED[$i]})"
  [ "${dthreads#-}" -le 2 ] || fail "threads went from ${THREADS[$warm]} to ${THREADS[$i]} (session ${SAMPLED[$i]})"
done
echo "flat after warm-up (session ${SAMPLED[$warm]}): rss ${RSS[$warm]} -> ${RSS[$last]} KiB, fds ${FDS[$warm]} -> ${FDS[$last]}, threads ${THREADS[$warm]} -> ${THREADS[$last]}"
