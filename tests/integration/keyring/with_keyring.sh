#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (Secret Service),
# its keyring files in a throwaway home so that no real keyring is touched.
set -eu
scratch=$(mktemp -d "${TMPDIR:-/tmp}/licportal-keyring-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -m 700 "$scratch/runtime" "$scratch/home"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache"
dbus-run-session -- sh -c '
  printf %s "licportal-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"' sh "$@"
