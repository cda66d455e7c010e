#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing licportal need.
# Usage: scripts/deps.sh [build|test]   (test adds the tools the test suites use)
set -euo pipefail
what=${1:-build}

build_packages=(
  build-essential meson ninja-build pkg-config
  libcurl4-openssl-dev libssl-dev libcjson-dev libsecret-1-dev libsodium-dev
  libncurses-dev libqrencode-dev
  libmicrohttpd-dev libsqlite3-dev liboath-dev libpq-dev
  openssl tmux ca-certificates
)
test_packages=(
  check python3 python3-pyte python3-cryptography gnome-keyring dbus libsecret-tools
  sqlite3 clang libclang-rt-14-dev wrk hyperfine valgrind time
  dpkg-dev debhelper fakeroot lintian man-db groff-base zsh fish
  shellcheck clang-format postgresql
)

packages=("${build_packages[@]}")
if [ "$what" = test ]; then
  packages+=("${test_packages[@]}")
  # The OpenAPI tools need Node.js 20 and npm; a Node.js from elsewhere that
  # bundles npm is kept as it is (Debian's npm package would conflict with it).
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
else
  sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
