#!/usr/bin/env bash
# Installs exactly the Debian 12 packages the kiosk needs to build, test and run its demo, and the npm
# packages of tools/contract (the OpenAPI validator of the contract tests) from its package-lock.json.
# Idempotent: packages already present are skipped; `apt-get update` runs only when something is missing.
# Usage: packaging/install-deps.sh [--dry-run]
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # libraries
  libimgui-dev libglfw3-dev libcurl4-openssl-dev libzxing-dev libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libspdlog-dev libstb-dev libutf8proc-dev
  libsqlite3-dev libcpp-httplib-dev libssl-dev libsodium-dev libsystemd-dev libv4l-dev libcups2-dev
  libturbojpeg0-dev
  # the office time zone from the system tz database (Howard Hinnant's date/tz.h)
  libhowardhinnant-date-dev
  # spoken status: espeak-ng (with its Vietnamese voice data) and the pcaudiolib it plays through
  libespeak-ng-dev espeak-ng-data libpcaudio-dev
  # fonts (Noto Sans with the full Vietnamese set)
  fonts-noto-core
  # headless display, GL and input for the demo and UI tests
  xvfb xauth libgl1-mesa-dri x11-utils x11-apps xdotool imagemagick tzdata
  # test helpers: coverage, certificates for the TLS test, sox to measure the spoken-status WAV files
  gcovr openssl sox
  # the backend contract (docs/api/openapi.yaml): python3-yaml embeds it in the kiosk for
  # `kiosk check-backend`; python3-jsonschema and node (with tools/contract's npm package, below)
  # validate it and every answer of the reference backend in the contract tests
  python3-yaml python3-jsonschema nodejs
  # second barcode decoder: the scan benchmark's comparison (tests/bench/ScanBench.cpp)
  libzbar-dev
  # sanitizers, coverage-guided fuzzing (libFuzzer) and clang-tidy: Debian 12's clang 19 (clang 14, the
  # default, cannot compile libstdc++ 12's <expected>); llvm-19 for the symbolizer of sanitizer reports.
  # Used by tools/test.sh, tools/fuzz.sh, tools/clang_tidy.py
  clang-19 libclang-rt-19-dev clang-tidy-19 llvm-19 python3
  # operations (docs/operations.md): the .deb is built with CPack (dpkg-dev's dpkg-shlibdeps fills in
  # Depends, fakeroot) and checked with lintian; its units with systemd-analyze (systemd) against the
  # session it starts (cage, xwayland); the alert rules and the metrics file with promtool (Debian ships
  # it in prometheus); the cups: printer transport against a real cupsd (cups: the daemon, its lp tools
  # and the socket backend a raw queue forwards with)
  dpkg-dev fakeroot lintian systemd cage xwayland prometheus cups
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

# npm: Debian ships it as its own package; a nodejs package that bundles npm provides it already.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

# The npm packages of tools/contract, exactly as its committed package-lock.json pins them.
root="$(cd "$(dirname "$0")/.." && pwd)"
contract_tools="$root/tools/contract"
npm_stamp="$contract_tools/node_modules/.package-lock.json"
npm_needed=false
if [ ! -f "$npm_stamp" ] || [ "$contract_tools/package-lock.json" -nt "$npm_stamp" ]; then npm_needed=true; fi

if [ ${#missing[@]} -eq 0 ] && [ "$npm_needed" = false ]; then
  echo "install-deps: all ${#packages[@]} packages present, tools/contract's npm packages installed"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] || echo "install-deps: missing: ${missing[*]}"
[ "$npm_needed" = false ] || echo "install-deps: tools/contract needs npm ci"
[ "${1:-}" = "--dry-run" ] && exit 0

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  # Update the lists only when a missing package is not known to apt yet (fresh machine, empty lists).
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    $SUDO apt-get update -q
  fi
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  echo "install-deps: installed ${#missing[@]} packages"
fi
if [ "$npm_needed" = true ]; then
  (cd "$contract_tools" && npm ci --no-audit --no-fund --loglevel=error)
  echo "install-deps: installed tools/contract's npm packages (package-lock.json)"
fi
