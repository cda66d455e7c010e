#!/usr/bin/env bash
# Builds the two programs the demo runs (licportal and licportald, no tests) and
# runs the terminal UI against a throwaway demo backend: a CA made for this run,
# a demo database, licportald on loopback, and the UI logged in as
# demo1@example.com. Everything is removed when the UI exits.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/demo.sh [--licenses N] [--build-dir DIR]
Builds licportal and licportald, starts licportald on 127.0.0.1 with a
throwaway CA and demo database, logs in as demo1@example.com (password: demo)
and opens the terminal UI. Quitting the UI stops the server and removes
everything the demo made. Without a terminal it prints the dashboard as JSON instead.

  --licenses N      licenses per demo user (default 60)
  --build-dir DIR   where to build (default: build-demo in the source tree)
  --help            show this help and exit
EOF
}

usage_error() {
  echo "demo.sh: $1" >&2
  echo "Try 'scripts/demo.sh --help'." >&2
  exit 2
}

root=$(cd "$(dirname "$0")/.." && pwd)
licenses=60
build=$root/build-demo
while [ $# -gt 0 ]; do
  case $1 in
    --help | -h) usage; exit 0 ;;
    --licenses) [ $# -ge 2 ] || usage_error "--licenses needs a number"; licenses=$2; shift 2 ;;
    --licenses=*) licenses=${1#--licenses=}; shift ;;
    --build-dir) [ $# -ge 2 ] || usage_error "--build-dir needs a folder"; build=$2; shift 2 ;;
    --build-dir=*) build=${1#--build-dir=}; shift ;;
    *) usage_error "unknown option: $1" ;;
  esac
done
case $licenses in
  '' | *[!0-9]*) usage_error "--licenses must be a number, not '$licenses'" ;;
esac
[ -n "$build" ] || usage_error "--build-dir needs a folder"
case $build in /*) ;; *) build=$PWD/$build ;; esac
cd "$root" || exit 1

bash scripts/deps.sh build
if [ ! -f "$build/build.ninja" ]; then
  echo "== Configuring $build"
  if ! setup_output=$(meson setup "$build" -Dbuildtype=release -Dserver=enabled -Dtui=enabled \
      -Dtests=disabled 2>&1); then
    printf '%s\n' "$setup_output" >&2
    echo "demo.sh: meson setup failed" >&2
    exit 1
  fi
fi
echo "== Building licportal and licportald in $build"
ninja -C "$build" src/cli/licportal src/server/licportald

run=$(mktemp -d "${TMPDIR:-/tmp}/licportal-demo.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== Starting a demo licportald with $licenses licenses per user"
bash scripts/mkcert.sh "$run/tls"
licportald=$build/src/server/licportald
licportal=$build/src/cli/licportal
"$licportald" demo --db "$run/portal.db" --files "$run/files" --users 2 \
  --licenses-per-user "$licenses" --seed 1 </dev/null >/dev/null

"$licportald" serve --db "$run/portal.db" --files "$run/files" --listen 127.0.0.1:0 \
  --cert "$run/tls/server.pem" --key "$run/tls/server.key" >"$run/server.out" 2>"$run/server.log" &
server_pid=$!
first_line=
for _ in $(seq 100); do
  first_line=$(head -n 1 "$run/server.out")
  case "$first_line" in "listening on "*) break ;; esac
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
case "$first_line" in
  "listening on "*) url=${first_line#listening on } ;;
  *) echo "licportald did not start: $(tail -n 3 "$run/server.log")" >&2; exit 1 ;;
esac

# The demo's own configuration, state and cache: nothing of the user's is touched.
export XDG_CONFIG_HOME="$run/config" XDG_STATE_HOME="$run/state" XDG_CACHE_HOME="$run/cache"
export LICPORTAL_SERVER="$url"
mkdir -p "$XDG_CONFIG_HOME/licportal"
printf '[profile default]\nserver = %s\nemail = demo1@example.com\ncacert = %s\ncredential_store = file\n' \
  "$url" "$run/tls/ca.pem" >"$XDG_CONFIG_HOME/licportal/config"

printf 'demo\n' | "$licportal" login --email demo1@example.com --password-stdin >/dev/null

echo
echo "licportald is serving $url (users demo1@example.com and demo2@example.com, password: demo)"
echo "The same API with curl, while the demo runs:"
echo "  curl --cacert $run/tls/ca.pem -X POST -H 'Content-Type: application/json' \\"
echo "       -d '{\"email\":\"demo1@example.com\",\"password\":\"demo\"}' $url/api/v1/auth/login"
if [ -t 0 ] && [ -t 1 ]; then
  echo
  read -r -p "Press Enter to open the terminal UI (q quits it and stops the server) " _
  "$licportal" || true
  echo "Stopping licportald at $url and removing the demo's files."
else
  echo
  "$licportal" dashboard --json
fi
