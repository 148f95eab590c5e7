#!/usr/bin/env bash
# Operations tests of the real kiosk under Xvfb (docs/operations.md): what systemd, the backend and the
# fleet see of it. Usage: kiosk_ops_test.sh CASE   with KIOSK_BIN etc. set (ctest does both).
#   watchdog           READY=1 after the first frame, WATCHDOG=1 from the frame loop; a hung UI thread
#                      (test hook `hang`) stops the pings; STOPPING=1 on a clean stop
#   sigterm_queued     SIGTERM right after Print, and right after a rating: exit 0, the slip printed, the
#                      rating kept and delivered (issue 15, defect 8; before the fix: exit 143, both lost)
#   rating_backend_down  a rating given while the backend is down is thanked, survives kill -9 of the
#                      kiosk, and reaches the backend exactly once when it returns
#   outbox_kill9       600 queued ratings, the kiosk killed with SIGKILL 50 times at random points while
#                      it delivers them: the backend stores each exactly once, none is lost
#   outbox_broken      a corrupted outbox, then one locked by another process: moved aside with a log
#                      line, and ratings still reach the backend
#   fleet_health       the heartbeat reaches the backend's fleet page with the printer's paper state;
#                      the metrics file passes `promtool check metrics` and counts what happened
#   logs_no_personal_data  the demo's citizen sessions (tools/demo-session.sh) at log level trace: no
#                      seeded name, citizen ID or scanned receipt text in any log line
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=kiosk_ui_lib.sh
source "$here/kiosk_ui_lib.sh"

case="${1:?case}"

# sql DB QUERY: the first column of the first row (python3's sqlite3; the databases run WAL).
sql() {
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1], timeout=5); r=c.execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$1" "$2"
}
backend_ratings() { sql "$WORK/backend.db" "SELECT COUNT(*) FROM ratings"; }
outbox_depth() { sql "$WORK/data/outbox.db" "SELECT COUNT(*) FROM messages WHERE kind = 'rating'"; }
# metric NAME{LABELS}: its value in the kiosk's metrics file ("" when absent).
metric() { awk -v n="$1" '$1 == n { print $2 }' "$WORK/data/metrics/kiosk.prom" 2>/dev/null; }
# wait_for SECONDS 'CONDITION': until the shell condition (evaluated each time) holds.
wait_for() {
  local end=$((SECONDS + $1))
  while [ $SECONDS -le $end ]; do eval "$2" && return 0; sleep 0.2; done
  return 1
}
# restart_refbackend: the reference backend again on the same address and database (after a kill).
restart_refbackend() {
  start_server "$WORK/backend2.log" "$KIOSK_REFBACKEND" --listen "$BACKEND_ADDR" --db "$WORK/backend.db" \
    --token "$(cat "$WORK/device.token")"
  [ "$ADDR" = "$BACKEND_ADDR" ] || fail "the backend came back on $ADDR, not $BACKEND_ADDR"
}
rate_a_result() {  # looks a seeded dossier up and gives it a rating
  lookup_code "$(seeded_code 9)"
  wait_state '^state Result .*dossier=1' 15
  tap rate-0
}

case "$case" in
watchdog)
  start_display 1280x720
  # A stand-in for systemd's notification socket: every datagram with its monotonic time.
  python3 - "$WORK/notify" "$WORK/notify.log" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "w", buffering=1) as log:
    while True:
        data = s.recv(4096).decode()
        for line in data.splitlines():
            log.write(f"{time.monotonic():.3f} {line}\n")
PY
  SERVER_PIDS+=($!)
  for _ in $(seq 100); do [ -S "$WORK/notify" ] && break; sleep 0.05; done
  now() { python3 -c 'import time; print(f"{time.monotonic():.3f}")'; }
  pings_after() { awk -v t="$1" '$1 > t && $2 == "WATCHDOG=1"' "$WORK/notify.log" | wc -l; }
  # A 1.5 s watchdog: the loop must ping at least every 0.5 s even on the idle attract screen.
  NOTIFY_SOCKET="$WORK/notify" WATCHDOG_USEC=1500000 start_kiosk
  wait_for 10 'grep -q READY=1 "$WORK/notify.log"' || fail "no READY=1"
  ready_at=$(awk '$2 == "READY=1" {print $1; exit}' "$WORK/notify.log")
  sleep 3
  [ "$(pings_after "$ready_at")" -ge 4 ] || fail "only $(pings_after "$ready_at") watchdog pings in 3 s: $(cat "$WORK/notify.log")"
  r=$(ctl hang 5)
  [ "$r" = "ok hang 5" ] || fail "hang: $r"
  hung_at=$(now)
  sleep 3.5
  # Nothing while the UI thread hangs (systemd would restart the kiosk after WatchdogSec).
  [ "$(pings_after "$(python3 -c "print($hung_at + 0.3)")")" = 0 ] || fail "watchdog pings while the UI thread hung: $(cat "$WORK/notify.log")"
  # The pings come back with the frame loop.
  resumed_after=$(python3 -c "print($hung_at + 4.5)")
  wait_for 6 '[ "$(pings_after "$resumed_after")" -ge 1 ]' || fail "the pings did not come back"
  ctl quit >/dev/null
  set +e; wait "$KIOSK_PID"; code=$?; set -e
  KIOSK_PID=""
  [ "$code" = 0 ] || fail "exit $code after quit"
  grep -q 'STOPPING=1' "$WORK/notify.log" || fail "no STOPPING=1"
  echo "notifications: $(awk '{print $2}' "$WORK/notify.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
  ;;
sigterm_queued)
  start_display 1280x720
  start_refbackend
  start_vprinter ok
  start_kiosk --printer "$PRINTER_URI"
  wait_state 'printer=ok' 10
  lookup_code "$(seeded_code 9)"
  wait_state '^state Result .*dossier=1' 15
  tap print
  started=$SECONDS
  kill -TERM "$KIOSK_PID"
  set +e; wait "$KIOSK_PID"; code=$?; set -e
  KIOSK_PID=""
  [ "$code" = 0 ] || fail "SIGTERM after Print: exit $code (143: killed without finishing)"
  [ $((SECONDS - started)) -le 10 ] || fail "the clean stop took $((SECONDS - started)) s"
  for _ in $(seq 50); do ls "$WORK"/slips/*.png >/dev/null 2>&1 && break; sleep 0.1; done
  ls "$WORK"/slips/*.png >/dev/null 2>&1 || fail "the slip queued before SIGTERM was not printed"
  grep -q 'stopped cleanly' "$KIOSK_LOG" || fail "no clean-stop line"
  # A rating given just before SIGTERM, with the backend gone meanwhile, must wait in the outbox.
  BACKEND_ADDR=$(head -n1 "$WORK/backend.log" | sed 's/^listening on //')
  cp "$KIOSK_LOG" "$WORK/first-run.log"
  start_kiosk --printer "$PRINTER_URI"
  lookup_code "$(seeded_code 10)"
  wait_state '^state Result .*dossier=1' 15
  kill "${SERVER_PIDS[0]}"; wait "${SERVER_PIDS[0]}" 2>/dev/null || true
  tap rate-0
  kill -TERM "$KIOSK_PID"
  set +e; wait "$KIOSK_PID"; code=$?; set -e
  KIOSK_PID=""
  [ "$code" = 0 ] || fail "SIGTERM after a rating: exit $code"
  [ "$(outbox_depth)" = 1 ] || fail "the rating given before SIGTERM is not in the outbox ($(outbox_depth))"
  # Delivered once the backend is back (the operator's command, the same code as the kiosk's worker).
  restart_refbackend
  "$KIOSK_BIN" --config "$CONFIG" outbox deliver >"$WORK/deliver.out" 2>&1 || fail "outbox deliver: $(cat "$WORK/deliver.out")"
  [ "$(backend_ratings)" = 1 ] || fail "the backend has $(backend_ratings) ratings"
  ;;
rating_backend_down)
  start_display 1280x720
  start_refbackend
  BACKEND_ADDR="$ADDR"
  set_operation outbox_retry_max_s 1
  set_operation metrics_interval_s 1
  start_kiosk
  lookup_code "$(seeded_code 9)"
  wait_state '^state Result .*dossier=1' 15
  # The backend goes down while the citizen reads the result; the citizen rates.
  kill "${SERVER_PIDS[0]}"; wait "${SERVER_PIDS[0]}" 2>/dev/null || true
  tap rate-0
  wait_state 'rated=sent' 10  # thanked: the rating is on disk
  wait_for 10 '[ "$(metric kiosk_outbox_depth)" -ge 1 ]' || fail "kiosk_outbox_depth is $(metric kiosk_outbox_depth)"
  # The kiosk crashes with the rating still queued, and starts again while the backend is still down.
  kill -9 "$KIOSK_PID"; wait "$KIOSK_PID" 2>/dev/null || true
  KIOSK_PID=""
  start_kiosk
  sleep 2
  [ "$(outbox_depth)" = 1 ] || fail "after kill -9 the outbox holds $(outbox_depth) messages"
  wait_for 10 '[ "$(metric kiosk_unclean_exits_total)" = 1 ]' || fail "kiosk_unclean_exits_total is $(metric kiosk_unclean_exits_total)"
  [ "$(metric kiosk_starts_total)" = 2 ] || fail "kiosk_starts_total is $(metric kiosk_starts_total)"
  # The backend comes back: the rating arrives, exactly once.
  restart_refbackend
  wait_for 20 '[ "$(backend_ratings)" = 1 ]' || fail "the rating did not arrive ($(backend_ratings))"
  wait_for 10 '[ "$(outbox_depth)" = 0 ]' || fail "the outbox still holds $(outbox_depth)"
  sleep 3
  [ "$(backend_ratings)" = 1 ] || fail "the backend has $(backend_ratings) ratings: delivered more than once"
  [ "$(grep -c 'POST /api/v1/ratings -> 201' "$WORK/backend2.log")" = 1 ] || fail "$(grep 'ratings' "$WORK/backend2.log")"
  ;;
outbox_kill9)
  start_display 1280x720
  need_tool KIOSK_REFBACKEND
  token="ui-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$token" >"$WORK/device.token"; chmod 600 "$WORK/device.token"
  # Each rating takes the backend 40 ms to answer (stored first, then the wait): a kill lands in the
  # middle of a delivery most of the time.
  # (Its warnings and request lines go to backend.log; stdout's first line is the address.)
  "$KIOSK_REFBACKEND" --listen 127.0.0.1:0 --db "$WORK/backend.db" --token "$token" --allow-faults \
    --fault "path=/api/v1/ratings:latency=40" >"$WORK/backend.out" 2>"$WORK/backend.log" &
  SERVER_PIDS+=($!)
  wait_for 10 'grep -q "^listening on " "$WORK/backend.out"' || fail "kiosk-refbackend did not start: $(cat "$WORK/backend.log")"
  ADDR=$(head -n1 "$WORK/backend.out" | sed 's/^listening on //')
  printf '[backend]\nurl = "http://%s"\ntoken_file = "%s"\n' "$ADDR" "$WORK/device.token" >>"$CONFIG"
  set_operation outbox_retry_max_s 1
  # The outbox is made by the kiosk itself, then filled with 600 ratings as if given while offline.
  start_kiosk
  ctl quit >/dev/null; wait "$KIOSK_PID" 2>/dev/null || true; KIOSK_PID=""
  python3 - "$WORK/data/outbox.db" <<'PY'
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
with db:
    db.execute("DELETE FROM messages")
    for i in range(600):
        key = f"kill9-{i:04d}"
        body = json.dumps({"dossier_code": "000.00.06.H56-231027-0361", "level": "satisfied",
                           "kiosk_id": "kill9", "idempotency_key": key})
        db.execute("INSERT INTO messages(kind, idempotency_key, body, created_at) VALUES('rating', ?, ?, ?)",
                   (key, body, int(time.time())))
PY
  mid=0
  for kill in $(seq 50); do
    before=$(backend_ratings)
    "$KIOSK_BIN" --config "$CONFIG" >>"$WORK/kill9-runs.log" 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 2))$((RANDOM % 10))"  # 0.20 .. 1.09 s
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
    after=$(backend_ratings)
    if [ "$after" -gt "$before" ] && [ "$(outbox_depth)" -gt 0 ]; then mid=$((mid + 1)); fi
  done
  echo "after 50 kills: the backend holds $(backend_ratings), the outbox $(outbox_depth); $mid kills came while ratings were being delivered"
  [ "$mid" -ge 10 ] || fail "only $mid of 50 kills landed during delivery: the test proves nothing"
  # A last run delivers the rest.
  start_kiosk
  wait_for 60 '[ "$(outbox_depth)" = 0 ]' || fail "the outbox still holds $(outbox_depth)"
  stored=$(sql "$WORK/backend.db" "SELECT COUNT(*) FROM ratings WHERE idempotency_key LIKE 'kill9-%'")
  distinct=$(sql "$WORK/backend.db" "SELECT COUNT(DISTINCT idempotency_key) FROM ratings")
  created=$(grep -c 'POST /api/v1/ratings -> 201' "$WORK/backend.log" || true)
  repeated=$(grep -c 'POST /api/v1/ratings -> 200' "$WORK/backend.log" || true)
  echo "stored $stored ratings ($distinct distinct keys); answered 201 (new) $created times, 200 (repeat) $repeated times"
  [ "$stored" = 600 ] && [ "$distinct" = 600 ] || fail "the backend stored $stored ratings, $distinct distinct: expected 600"
  [ "$created" = 600 ] || fail "the backend created $created ratings: expected 600"
  ;;
outbox_broken)
  start_display 1280x720
  start_refbackend
  set_operation outbox_retry_max_s 1
  # 1. A corrupted database.
  mkdir -p "$WORK/data"
  head -c 20000 /dev/urandom >"$WORK/data/outbox.db"
  start_kiosk
  grep -q 'outbox .* is unusable .*; moved aside to .*outbox.db.broken-' "$KIOSK_LOG" || fail "no moved-aside line"
  ls "$WORK"/data/outbox.db.broken-* >/dev/null || fail "the broken database is not kept aside"
  rate_a_result
  wait_state 'rated=sent' 10
  wait_for 15 '[ "$(backend_ratings)" = 1 ]' || fail "the rating did not arrive after the corrupt outbox"
  ctl quit >/dev/null; wait "$KIOSK_PID" 2>/dev/null || true; KIOSK_PID=""
  # 2. Another process holds the database locked (a stuck copy of the kiosk, an operator's sqlite3).
  python3 - "$WORK/data/outbox.db" "$WORK/locked" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(600)
PY
  SERVER_PIDS+=($!)
  wait_for 10 '[ -e "$WORK/locked" ]' || fail "the lock holder did not start"
  mv "$KIOSK_LOG" "$WORK/kiosk-corrupt.log"
  start_kiosk
  grep -q 'outbox .* is unusable .*; moved aside to' "$KIOSK_LOG" || fail "no moved-aside line for the locked outbox: $(grep outbox "$KIOSK_LOG")"
  rate_a_result
  wait_state 'rated=sent' 10
  wait_for 15 '[ "$(backend_ratings)" = 2 ]' || fail "the rating did not arrive after the locked outbox"
  ;;
fleet_health)
  start_display 1280x720
  start_refbackend
  start_vprinter near-end
  set_operation heartbeat_interval_s 10
  set_operation metrics_interval_s 1
  start_kiosk --printer "$PRINTER_URI"
  wait_state 'printer=ok' 10
  lookup_code "$(seeded_code 9)"
  wait_state '^state Result .*dossier=1' 15
  BACKEND_ADDR=$(head -n1 "$WORK/backend.log" | sed 's/^listening on //')
  fleet() { python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' "http://$BACKEND_ADDR$1"; }
  # The first heartbeat may leave before the lookup is done; the next one (10 s later) counts it.
  cat >"$WORK/check_fleet.py" <<'PY'
import json, sys
kiosk = json.load(open(sys.argv[1]))["kiosks"][0]["heartbeat"]
assert kiosk["states"]["paper"] == "near_end", kiosk
assert kiosk["states"]["printer"] == "ok", kiosk
assert kiosk["states"]["backend"] == "ok", kiosk
assert kiosk["counters"]["lookups_ok"] >= 1, kiosk
assert kiosk["uptime_s"] >= 0 and kiosk["version"], kiosk
PY
  wait_for 30 'fleet /fleet.json >"$WORK/fleet.json" 2>/dev/null && python3 "$WORK/check_fleet.py" "$WORK/fleet.json" 2>/dev/null' \
    || fail "the fleet page never showed the kiosk with its paper near the end and its lookup: $(cat "$WORK/fleet.json")"
  fleet /fleet >"$WORK/fleet.html"
  grep -q '<td class="warn">near_end</td>' "$WORK/fleet.html" || fail "the HTML page does not flag the paper: $(cat "$WORK/fleet.html")"
  wait_for 5 '[ "$(metric "kiosk_lookups_total{outcome=\"ok\"}")" = 1 ]' || fail "lookups_total ok is $(metric 'kiosk_lookups_total{outcome="ok"}')"
  [ "$(metric 'kiosk_paper_state{state="near_end"}')" = 1 ] || fail "paper state in the metrics"
  [ "$(metric kiosk_frame_duration_seconds_count)" -gt 0 ] || fail "no frames counted"
  command -v promtool >/dev/null || fail "promtool missing (packaging/install-deps.sh)"
  promtool check metrics <"$WORK/data/metrics/kiosk.prom" || fail "promtool check metrics"
  ;;
logs_no_personal_data)
  need_tool KIOSK_REFBACKEND; need_tool KIOSK_VPRINTER; need_tool KIOSK_RECEIPTGEN
  root="$(cd "$here/../.." && pwd)"
  # The demo's setup (tools/demo.sh): seeded backend, virtual printer, receipt images for the camera.
  token="demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  mkdir -p "$WORK/demo/receipts" "$WORK/demo-logs"
  (umask 077 && printf '%s\n' "$token" >"$WORK/demo/device.token")
  start_server "$WORK/backend.log" "$KIOSK_REFBACKEND" --listen 127.0.0.1:0 --db "$WORK/backend.db" --seed --token "$token"
  backend="$ADDR"
  wait_ready "$WORK/backend.log"
  start_server "$WORK/printer.log" "$KIOSK_VPRINTER" --listen 127.0.0.1:0 --out "$WORK/slips" --paper ok
  printer="$ADDR"
  mapfile -t codes < <(awk '$1 == "dossier" && ($4 == 4 || $4 == 5 || $4 == 10) && !seen[$4]++ { print $2 }' "$WORK/backend.log")
  args=(); for c in "${codes[@]}"; do args+=(--code "$c"); done
  "$KIOSK_RECEIPTGEN" --out "$WORK/demo/receipts" "${args[@]}" >/dev/null
  # config/demo.toml with the most verbose log, written to a folder of its own.
  sed -e "s#/tmp/kiosk-demo#$WORK/demo#g" "$root/config/demo.toml" |
    sed -e "s#^log_dir = .*#log_dir = \"$WORK/demo-logs\"#" -e "/^\[operations\]/a log_level = \"trace\"\nmetrics_file = \"$WORK/demo/kiosk.prom\"" \
    >"$WORK/demo.toml"
  KIOSK_BIN="$KIOSK_BIN" OUT="$WORK/screens" BACKEND_LOG="$WORK/backend.log" DEMO_CONFIG="$WORK/demo.toml" \
    bash "$root/tools/demo-session.sh" --backend "http://$backend" --printer "tcp://$printer" >"$WORK/session.log" 2>&1 \
    || { cat "$WORK/session.log"; fail "the demo session failed"; }
  cat "$WORK"/demo-logs/kiosk.log* >"$WORK/all-logs.txt"
  grep -q 'first frame drawn' "$WORK/all-logs.txt" || fail "the kiosk log in log_dir is empty"
  lines=$(wc -l <"$WORK/all-logs.txt")
  [ "$(grep -c '\[trace\]\|\[debug\]' "$WORK/all-logs.txt")" -gt 0 ] || fail "log_level = trace did not take effect"
  # Every personal datum the sessions handled: the applicants' names the backend served, and the
  # citizen IDs and whole scanned texts of the receipts the camera read.
  python3 - "$WORK/backend.db" "$WORK/demo/receipts" "$WORK/all-logs.txt" "$WORK/session.log" <<'PY' || fail "personal data in the logs"
import glob, json, os, re, sqlite3, sys
db, receipts, *logs = sys.argv[1:]
secrets = set()
for (body,) in sqlite3.connect(db).execute("SELECT body FROM dossiers"):
    d = json.loads(body)
    if d.get("applicant_name"):
        secrets.add(d["applicant_name"])
for txt in glob.glob(os.path.join(receipts, "*.txt")):
    scanned = open(txt, encoding="utf-8").read().strip()
    secrets.add(scanned)
    secrets.update(re.findall(r"SGT=(\d+)", scanned))
assert len(secrets) >= 20, secrets
found = []
for path in logs:
    for number, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
        for s in secrets:
            if s in line:
                found.append(f"{os.path.basename(path)}:{number}: {s!r}")
print(f"{len(secrets)} personal data items looked for in {sum(1 for p in logs for _ in open(p, errors='replace'))} log lines")
if found:
    print("\n".join(found[:20]))
    sys.exit(1)
PY
  echo "$lines lines of kiosk log at level trace, none with personal data"
  ;;
*)
  echo "unknown case $case" >&2
  exit 2
  ;;
esac
no_errors
