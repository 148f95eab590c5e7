#!/usr/bin/env bash
# README command 1: install what is missing, build, start the reference backend with demo data, the
# virtual printer and the kiosk against them. With a display the kiosk opens in a window; without one
# it runs under Xvfb, walks a scripted citizen session and writes screenshots into a folder it names.
# Usage: tools/demo.sh [--headless] [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

headless=0
out="$root/demo-output"
while [ $# -gt 0 ]; do
  case "$1" in
    --headless) headless=1 ;;
    --out) out="$2"; shift ;;
    *) echo "usage: tools/demo.sh [--headless] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "${DISPLAY:-}" ] || headless=1

bash packaging/install-deps.sh
cmake --preset debug >/dev/null
cmake --build build/debug -j "$(nproc)"
bin="$root/build/debug"

work="$(mktemp -d /tmp/kiosk-demo.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Start a server that prints "listening on HOST:PORT" first; echo HOST:PORT.
start_server() {
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    if head -n1 "$log" 2>/dev/null | grep -q '^listening on '; then
      head -n1 "$log" | sed 's/^listening on //'; return 0
    fi
    sleep 0.1
  done
  echo "demo: $* did not start; its output:" >&2; cat "$log" >&2; return 1
}

# 1. The reference backend with seeded demo dossiers, behind a device token.
token="demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$token" >"$work/device.token"; chmod 600 "$work/device.token"
backend_addr=$(start_server "$work/backend.log" "$bin/tools/refbackend/kiosk-refbackend" \
  --listen 127.0.0.1:0 --db "$work/demo.db" --seed --token "$token")
echo "demo: reference backend on http://$backend_addr (seeded codes: $work/backend.log)"
grep -E '^[0-9]{3}\.' "$work/backend.log" | head -n 12 || true

# 2. The virtual ESC/POS printer: each slip it receives becomes a PNG in $out/slips.
mkdir -p "$out/slips"
printer_addr=$(start_server "$work/printer.log" "$bin/tools/vprinter/kiosk-vprinter" \
  --listen 127.0.0.1:0 --out "$out/slips" --paper ok)
echo "demo: virtual printer on tcp://$printer_addr (slips: $out/slips)"

# 3. The kiosk.
sed -e "s|@BACKEND@|http://$backend_addr|" -e "s|@TOKEN_FILE@|$work/device.token|" \
    -e "s|@PRINTER@|tcp://$printer_addr|" -e "s|@ASSETS@|$root/assets|" -e "s|@DATA@|$work|" \
    config/demo.toml >"$work/kiosk.toml"
if [ "$headless" = 0 ]; then
  echo "demo: opening the kiosk (staff PIN for the demo: 1234; close it from staff mode or Ctrl+C here)"
  "$bin/kiosk/app/kiosk" --config "$work/kiosk.toml" --windowed
else
  mkdir -p "$out/screens"
  echo "demo: no display: running a scripted session under Xvfb; screenshots go to $out/screens"
  KIOSK_BIN="$bin/kiosk/app/kiosk" KIOSK_CONFIG="$work/kiosk.toml" OUT="$out/screens" \
    xvfb-run -a -s "-screen 0 1920x1080x24" bash tools/demo-session.sh
  echo "demo: screenshots written to $out/screens:"; ls "$out/screens"
fi
