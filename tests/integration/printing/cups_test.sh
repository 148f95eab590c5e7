#!/usr/bin/env bash
# The cups: printer transport against a real cupsd (Debian's cups), started here on a private port,
# socket and spool folder, with a raw queue that forwards to kiosk-vprinter (CUPS's socket backend), as
# offices install a USB thermal printer behind a vendor's CUPS queue (docs/printing.md, "CUPS"):
#   1. `kiosk print-test --printer cups:QUEUE` prints: the slip reaches kiosk-vprinter as ESC/POS;
#   2. a stopped queue (cupsdisable) is reported offline and nothing is sent;
#   3. a job the printer never finishes (it takes the bytes and never closes) does not hang the kiosk:
#      the print returns within its timeout, and once the job has been processing for four timeouts
#      the queue is reported offline;
#   4. the queue enabled again prints again.
# Usage: cups_test.sh   with KIOSK_BIN and KIOSK_VPRINTER set (ctest does it)
set -euo pipefail
KIOSK_BIN="${KIOSK_BIN:?}"
KIOSK_VPRINTER="${KIOSK_VPRINTER:?}"
for tool in cupsd lpadmin cupsdisable cupsenable lpstat; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (Debian's cups: packaging/install-deps.sh)"; exit 1; }
done
[ -x /usr/lib/cups/backend/socket ] || { echo "FAIL: CUPS's socket backend is missing (package cups)"; exit 1; }

work="$(mktemp -d /tmp/kiosk-cups.XXXXXX)"
chmod 755 "$work"  # cupsd runs its backends as user lp
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- cupsd error_log" >&2; cat "$work/log/error_log" >&2 2>/dev/null || true; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# kiosk-vprinter: the "USB printer" behind the queue.
mkdir -p "$work/slips"
"$KIOSK_VPRINTER" --listen 127.0.0.1:0 --out "$work/slips" --paper ok >"$work/vprinter.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do head -n1 "$work/vprinter.log" 2>/dev/null | grep -q '^listening on ' && break; sleep 0.05; done
vprinter=$(head -n1 "$work/vprinter.log" | sed 's/^listening on //')
[ -n "$vprinter" ] || fail "kiosk-vprinter did not start"

# A printer that takes the bytes and never finishes: accepts, reads, never closes.
blackhole_port=$(free_port)
python3 - "$blackhole_port" >"$work/blackhole.log" 2>&1 <<'PY' &
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(4)
held = []
while True:
    c, _ = s.accept(); held.append(c)
    c.setblocking(False)
PY
pids+=($!)

# cupsd on its own port, socket, configuration, spool and logs.
port=$(free_port)
sock="$work/cups.sock"
mkdir -p "$work/conf" "$work/spool" "$work/tmp" "$work/cache" "$work/state" "$work/log"
cat >"$work/conf/cupsd.conf" <<CONF
Listen 127.0.0.1:$port
Listen $sock
LogLevel info
Browsing No
DefaultEncryption Never
<Location />
  Order allow,deny
  Allow from 127.0.0.1
  Allow from @LOCAL
</Location>
CONF
cat >"$work/conf/cups-files.conf" <<CONF
ServerRoot $work/conf
RequestRoot $work/spool
TempDir $work/tmp
CacheDir $work/cache
StateDir $work/state
AccessLog $work/log/access_log
ErrorLog $work/log/error_log
PageLog $work/log/page_log
Printcap
FileDevice No
CONF
cupsd -f -c "$work/conf/cupsd.conf" -s "$work/conf/cups-files.conf" &
pids+=($!)
for _ in $(seq 100); do lpstat -h "$sock" -r 2>/dev/null | grep -q 'is running' && break; sleep 0.1; done
lpstat -h "$sock" -r | grep -q 'is running' || fail "cupsd did not start"

# Raw queues (no driver: the kiosk's ESC/POS goes to the printer as it is).
lpadmin -h "$sock" -p kioskraw -E -v "socket://$vprinter" 2>"$work/lpadmin.err" || fail "lpadmin: $(cat "$work/lpadmin.err")"
lpadmin -h "$sock" -p kioskstuck -E -v "socket://127.0.0.1:$blackhole_port" 2>>"$work/lpadmin.err" || fail "lpadmin stuck queue"

export CUPS_SERVER="127.0.0.1:$port"
: >"$work/empty.toml"
print_test() {  # QUEUE TIMEOUT_MS -> sets out, rc, took_ms
  local started
  started=$(date +%s%N)
  set +e
  out=$("$KIOSK_BIN" --config "$work/empty.toml" print-test --printer "cups:$1" --timeout-ms "$2" 2>"$work/print.err")
  rc=$?
  set -e
  took_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}
slips() { find "$work/slips" -name '*.png' | wc -l; }

# 1. A slip through the queue.
print_test kioskraw 5000
[ "$rc" = 0 ] || fail "print-test on kioskraw: exit $rc: $out $(cat "$work/print.err")"
[[ "$out" == *'"printed":true'* && "$out" == *'"online":true'* ]] || fail "print-test: $out"
for _ in $(seq 200); do [ "$(slips)" -ge 1 ] && break; sleep 0.1; done
[ "$(slips)" = 1 ] || fail "the slip never reached the printer behind the queue"
echo "printed through CUPS: $(cat "$work/vprinter.log" | grep '^slip' | head -1)"

# 2. A stopped queue: offline, nothing sent.
cupsdisable -h "$sock" kioskraw
print_test kioskraw 5000
[ "$rc" = 1 ] || fail "a stopped queue printed: $out"
[[ "$out" == *'"kind":"offline"'* && "$out" == *'"printed":false'* ]] || fail "stopped queue: $out"
sleep 1
[ "$(slips)" = 1 ] || fail "a job reached the printer through a stopped queue"

# 3. A job the printer never finishes: each call returns within its timeout; once the job has been
#    processing for four timeouts (4 s here), the queue is reported offline.
print_test kioskstuck 1000
[ "$rc" = 0 ] || fail "CUPS did not take the job for the stuck printer: $out"
[ "$took_ms" -lt 3000 ] || fail "print-test took $took_ms ms with a 1000 ms timeout"
for _ in $(seq 50); do lpstat -h "$sock" -o kioskstuck | grep -q kioskstuck && break; sleep 0.1; done
lpstat -h "$sock" -o kioskstuck | grep -q kioskstuck || fail "the stuck job is not in the queue"
sleep 5
print_test kioskstuck 1000
[ "$took_ms" -lt 3000 ] || fail "the status call took $took_ms ms with a 1000 ms timeout"
[ "$rc" = 1 ] && [[ "$out" == *'"kind":"offline"'* ]] || fail "a queue whose job never finishes is not reported offline: $out"

# 4. Enabled again: prints again.
cupsenable -h "$sock" kioskraw
print_test kioskraw 5000
[ "$rc" = 0 ] || fail "print-test after cupsenable: $out"
for _ in $(seq 200); do [ "$(slips)" -ge 2 ] && break; sleep 0.1; done
[ "$(slips)" = 2 ] || fail "no second slip after the queue was enabled"
echo "cups: all cases passed"
