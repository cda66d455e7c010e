#!/usr/bin/env bash
# Builds licportal and runs it against a throwaway demo backend: a CA made
# for this run, a demo database, licportald on loopback, and the terminal UI
# logged in as demo1@example.com. Everything is removed when the UI exits.
# Usage: scripts/demo.sh [--licenses N]   (licences per demo user, default 60)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
licenses=60
[ "${1:-}" = "--licenses" ] && licenses=${2:?--licenses needs a number}

bash scripts/deps.sh build
if [ ! -d build-demo ]; then
  meson setup build-demo -Dbuildtype=release >/dev/null
fi
ninja -C build-demo >/dev/null

run=$(mktemp -d "${TMPDIR:-/tmp}/licportal-demo.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$run"
}
trap cleanup EXIT INT TERM

bash scripts/mkcert.sh "$run/tls"
licportald=build-demo/src/server/licportald
licportal=build-demo/src/cli/licportal
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

echo "licportald is serving $url (users demo1@example.com and demo2@example.com, password: demo)"
echo "The same API with curl:"
echo "  curl --cacert $run/tls/ca.pem -X POST -H 'Content-Type: application/json' \\"
echo "       -d '{\"email\":\"demo1@example.com\",\"password\":\"demo\"}' $url/api/v1/auth/login"
if [ -t 0 ] && [ -t 1 ]; then
  "$licportal" || true
else
  "$licportal" dashboard
fi
