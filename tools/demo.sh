#!/usr/bin/env bash
# README command 1: install what is missing, build, start the reference backend with demo data, the
# virtual printer and the kiosk against them. With a display the kiosk opens in a window; without one
# it runs under Xvfb, walks a scripted citizen session and writes screenshots into a folder it names.
# Usage: tools/demo.sh [--headless] [--out DIR]      (default DIR: demo-output/ in the checkout)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

headless=0
out="$root/demo-output"
while [ $# -gt 0 ]; do
  case "$1" in
    --headless) headless=1 ;;
    --out) out="$(realpath -m "$2")"; shift ;;
    *) echo "usage: tools/demo.sh [--headless] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "${DISPLAY:-}" ] || headless=1

# The kiosk's screen clock and its slips show Vietnam time, as in an office.
export TZ="${TZ:-Asia/Ho_Chi_Minh}"

bash packaging/install-deps.sh
cmake --preset debug >/dev/null
cmake --build build/debug -j "$(nproc)" --target kiosk kiosk-test kiosk-refbackend kiosk-vprinter kiosk-receiptgen
bin="$root/build/debug"
kiosk="$bin/kiosk/app/kiosk"                         # what an office runs
kiosk_test="$bin/tests/support/kiosk_test/kiosk-test"  # the same with the test hooks, for the scripted session

# Everything the demo writes at run time lives in a folder of its own, removed at the end; the demo's
# configuration is config/demo.toml with its paths pointed there.
work="$(mktemp -d /tmp/kiosk-demo.XXXXXX)"
mkdir -p "$work/receipts"
sed "s#/tmp/kiosk-demo#$work#g" config/demo.toml >"$work/demo.toml"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server LOG CMD...: starts a server that prints "listening on HOST:PORT" first and sets ADDR to
# that address. It runs in this shell (not in a $(...) subshell), so its PID is recorded and the server
# is stopped when the demo ends.
ADDR=""
start_server() {
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    if head -n1 "$log" 2>/dev/null | grep -q '^listening on '; then
      ADDR=$(head -n1 "$log" | sed 's/^listening on //')
      return 0
    fi
    sleep 0.1
  done
  echo "demo: $1 did not start; its output:" >&2
  cat "$log" >&2
  return 1
}

# 1. The reference backend with seeded demo dossiers, behind a device token (a file only root reads).
token="demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
(umask 077 && printf '%s\n' "$token" >"$work/device.token")
start_server "$work/backend.log" "$bin/tools/refbackend/kiosk-refbackend" \
  --listen 127.0.0.1:0 --db "$work/demo.sqlite" --seed --token "$token"
backend_addr="$ADDR"
for _ in $(seq 1 100); do grep -q '^ready' "$work/backend.log" && break; sleep 0.1; done
echo "demo: reference backend on http://$backend_addr; the interesting codes to type (all: $work/backend.log):"
# "dossier CODE status N on_time|overdue": the first of each kind a visitor should try.
awk '$1 == "dossier" {
  what = ""
  if ($4 == 4 && $5 == "overdue") what = "overdue: the office is late, apologises and must set a new date"
  else if ($4 == 4 && $5 == "on_time") what = "being processed, on time"
  else if ($4 == 5) what = "missing documents: what to bring and where"
  else if ($4 == 6) what = "fees to pay: total, payment QR"
  else if ($4 == 9) what = "result ready: where and from when to collect it"
  else if ($4 == 3) what = "not accepted: the reason and what to do"
  if (what != "" && !seen[what]++) printf "  %s  %s\n", $2, what
}' "$work/backend.log"

# 2. The virtual ESC/POS printer: each slip it receives becomes a PNG in $out/slips.
mkdir -p "$out/slips"
start_server "$work/printer.log" "$bin/tools/vprinter/kiosk-vprinter" \
  --listen 127.0.0.1:0 --out "$out/slips" --paper ok
printer_addr="$ADDR"
echo "demo: virtual printer on tcp://$printer_addr; printed slips appear as PNGs in $out/slips"

# 3. Receipt images for the "camera" (camera.source = files): three seeded dossiers.
mapfile -t camera_codes < <(awk '$1 == "dossier" && ($4 == 4 || $4 == 5 || $4 == 10) && !seen[$4]++ { print $2 }' "$work/backend.log")
args=()
for c in "${camera_codes[@]}"; do args+=(--code "$c"); done
"$bin/tools/receiptgen/kiosk-receiptgen" --out "$work/receipts" "${args[@]}" >/dev/null

# 4. The kiosk against them.
services=(--backend "http://$backend_addr" --printer "tcp://$printer_addr")
if [ "$headless" = 0 ]; then
  echo "demo: opening the kiosk in a window (the camera shows the receipts in $work/receipts; Ctrl+C here ends it)"
  "$kiosk" --config "$work/demo.toml" "${services[@]}" --windowed --window-size 1600x900
else
  mkdir -p "$out/screens"
  echo "demo: no display, so a scripted session runs under Xvfb; screenshots go to $out/screens"
  KIOSK_BIN="$kiosk_test" OUT="$out/screens" BACKEND_LOG="$work/backend.log" DEMO_CONFIG="$work/demo.toml" \
    bash tools/demo-session.sh "${services[@]}"
  echo "demo: done. Screenshots: $out/screens   Printed slips: $out/slips"
  ls "$out/screens" "$out/slips"
fi
