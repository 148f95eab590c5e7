#!/usr/bin/env bash
# Regenerates the slip previews in docs/slips/ with the real command line, exactly as the kiosk prints:
# `kiosk slip status` against the seeded kiosk-refbackend (statuses 4, 4 overdue, 5, 6, 9 on 58 mm paper,
# status 5 on 80 mm, status 6 in English) and `kiosk slip guidance` for the judicial record certificate;
# docs/slips/README.md says which is which. The office name and help
# line come from a small config file, as on a real kiosk. (test-page-58mm.png is written by
# GoldenSlipTest with KIOSK_UPDATE_GOLDEN=1.)
# Usage: tools/slip_previews.sh [build-dir]   (default build/ci, the CMake preset; configured when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/ci}"
out="$root/docs/slips"
cd "$root"
if [ ! -f "$build/build.ninja" ]; then
  cmake --preset ci >/dev/null
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

# The office of the seeded dossiers (tools/refbackend/seed.cpp: Quảng Nam's departments and towns).
cat >"$work/kiosk.toml" <<'EOF'
[office]
name = "Trung tâm Phục vụ hành chính công tỉnh Quảng Nam"
help_line = "0235 3812 345"
EOF

# The backend prints "listening on HOST:PORT", one "dossier CODE status N ..." line per seeded
# dossier, then "ready".
mkfifo "$work/backend.out"
# --open: no device token, on loopback only (the slips come from seeded demo dossiers).
"$refbackend" --listen 127.0.0.1:0 --seed --open >"$work/backend.out" 2>/dev/null &
backend_pid=$!
exec 3<"$work/backend.out"
port=""
declare -A code_of second_of overdue_of
while read -r -u 3 kind a b c d _; do
  case "$kind" in
    listening) port="${b##*:}" ;;
    dossier)
      if [ -z "${code_of[$c]:-}" ]; then code_of[$c]="$a"; elif [ -z "${second_of[$c]:-}" ]; then second_of[$c]="$a"; fi
      if [ "$d" = overdue ] && [ -z "${overdue_of[$c]:-}" ]; then overdue_of[$c]="$a"; fi
      ;;
    ready) break ;;
  esac
done
[ -n "$port" ] || { echo "kiosk-refbackend did not start" >&2; exit 1; }

slip() { "$kiosk" --config "$work/kiosk.toml" --backend "http://127.0.0.1:$port" slip "$@" >/dev/null; }
for status in 4 5 6; do
  slip status "${code_of[$status]}" --lang vi --width 384 --out "$out/status-$status-58mm.png"
done
# Status 9: the second seeded dossier (the first has its result delivered online, no counter).
slip status "${second_of[9]}" --lang vi --width 384 --out "$out/status-9-58mm.png"
slip status "${overdue_of[4]}" --lang vi --width 384 --out "$out/status-4-overdue-58mm.png"
slip status "${code_of[5]}" --lang vi --width 576 --out "$out/status-5-80mm.png"
slip status "${code_of[6]}" --lang en --width 384 --out "$out/status-6-en-58mm.png"
slip guidance phieu-ly-lich-tu-phap --lang vi --width 384 --out "$out/guidance-58mm.png"
echo "slip previews: written to $out"
