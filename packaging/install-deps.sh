#!/usr/bin/env bash
# Installs exactly the Debian 12 packages the kiosk needs to build, test and run its demo.
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
  # fonts (Noto Sans with the full Vietnamese set)
  fonts-noto-core
  # headless display, GL and input for the demo and UI tests
  xvfb xauth libgl1-mesa-dri x11-utils x11-apps xdotool imagemagick tzdata
  # test helpers: coverage, certificates for the TLS test
  gcovr openssl
  # sanitizers, coverage-guided fuzzing (libFuzzer) and clang-tidy: Debian 12's clang 19 (clang 14, the
  # default, cannot compile libstdc++ 12's <expected>); llvm-19 for the symbolizer of sanitizer reports.
  # Used by tools/test.sh, tools/fuzz.sh, tools/clang_tidy.py
  clang-19 libclang-rt-19-dev clang-tidy-19 llvm-19 python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: missing: ${missing[*]}"
[ "${1:-}" = "--dry-run" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Update the lists only when a missing package is not known to apt yet (fresh machine, empty lists).
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
  $SUDO apt-get update -q
fi
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${#missing[@]} packages"
