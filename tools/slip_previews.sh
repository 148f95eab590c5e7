#!/usr/bin/env bash
# Regenerates the slip previews in docs/slips/ with the real command line, exactly as the kiosk prints:
# `kiosk slip status` against the seeded kiosk-refbackend (statuses 4, 5, 6, 9 on 58 mm paper, status 5
# on 80 mm) and `kiosk slip guidance` for the judicial record certificate. The office name and help
# line come from a small config file, as on a real kiosk. (test-page-58mm.png is written by
# GoldenSlipTest with KIOSK_UPDATE_GOLDEN=1.)
# Usage: tools/slip_previews.sh [build-dir]   (default build/dev; configures it when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/dev}"
out="$root/docs/slips"
cd "$root"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja >/dev/null
fi
cmake --build "$build" --target kiosk kiosk-refbackend -j 2 >/dev/null
kiosk="$build/kiosk/app/kiosk"
refbackend="$build/tools/refbackend/kiosk-refbackend"

work="$(mktemp -d)"
backend_pid=""
cleanup() {
  if [ -n "$backend_pid" ]; then kill "$backend_pid" 2>/dev/null || true; wait "$backend_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/kiosk.toml" <<'EOF'
[office]
name = "Trung tâm Phục vụ hành chính công tỉnh Ninh Bình"
help_line = "0229 3871 234"
EOF

# The backend prints "listening on HOST:PORT", one "dossier CODE status N ..." line per seeded
# dossier, then "ready".
mkfifo "$work/backend.out"
# --open: no device token, on loopback only (the slips come from seeded demo dossiers).
"$refbackend" --listen 127.0.0.1:0 --seed --open >"$work/backend.out" 2>/dev/null &
backend_pid=$!
exec 3<"$work/backend.out"
port=""
declare -A code_of
while read -r -u 3 kind a b c _; do
  case "$kind" in
    listening) port="${b##*:}" ;;
    dossier) [ -n "${code_of[$c]:-}" ] || code_of[$c]="$a" ;;
    ready) break ;;
  esac
done
[ -n "$port" ] || { echo "kiosk-refbackend did not start" >&2; exit 1; }

slip() { "$kiosk" --config "$work/kiosk.toml" --backend "http://127.0.0.1:$port" slip "$@" >/dev/null; }
for status in 4 5 6 9; do
  slip status "${code_of[$status]}" --lang vi --width 384 --out "$out/status-$status-58mm.png"
done
slip status "${code_of[5]}" --lang vi --width 576 --out "$out/status-5-80mm.png"
slip guidance phieu-ly-lich-tu-phap --lang vi --width 384 --out "$out/guidance-58mm.png"
echo "slip previews: written to $out"
