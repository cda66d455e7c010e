#!/usr/bin/env bash
# Configures, builds and runs the unit suites of the build without some of its
# parts: client only, no terminal UI, no keyring, no liboath (the server left out
# by `auto`), no PostgreSQL store, no tests. Prints one TAP line per configuration.
# Usage: scripts/configure-matrix.sh [DIR]   (build folders under DIR, default build-matrix)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
top=${1:-build-matrix}
mkdir -p "$top"

# NAME|what the summary must say|meson setup options
configurations=(
  "client-only|licportald (server): NO|-Dserver=disabled -Dtui=disabled -Dkeyring=disabled"
  "no-tui|terminal UI (tui): NO|-Dtui=disabled"
  "no-keyring|Secret Service store (keyring): NO|-Dkeyring=disabled"
  "no-liboath|licportald (server): NO|-Dserver=auto"
  "no-postgresql|PostgreSQL store (postgresql): NO|-Dpostgresql=disabled"
  "no-tests|tests: NO|-Dtests=disabled"
)

# A pkg-config folder that has every .pc file of the system but liboath's.
without_liboath() {
  local dir=$top/pkgconfig-without-liboath pc folder
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  IFS=: read -ra folders <<<"$(pkg-config --variable pc_path pkg-config)"
  for folder in "${folders[@]}"; do
    for pc in "$folder"/*.pc; do
      [ -e "$pc" ] || continue
      case ${pc##*/} in liboath.pc) continue ;; esac
      [ -e "$dir/${pc##*/}" ] || ln -s "$pc" "$dir/${pc##*/}"
    done
  done
  echo "$dir"
}

# NAME EXPECTED OPTIONS...: prints the failure's output and returns 1 when a step fails.
check_configuration() {
  local name=$1 expected=$2 dir=$top/$1 out
  shift 2
  local env=()
  if [ "$name" = no-liboath ]; then
    local pcdir
    pcdir=$(without_liboath) || return 1
    env=(env PKG_CONFIG_LIBDIR="$pcdir" CMAKE_PREFIX_PATH=/nonexistent)
  fi
  rm -rf "$dir"
  if ! out=$("${env[@]}" meson setup "$dir" -Dwerror=true -Dbuildtype=plain "$@" 2>&1); then
    printf '%s\n' "$out" | tail -n 20
    return 1
  fi
  # The summary says the part is left out, in the words of the top meson.build (the
  # summary pads the names to one width).
  if ! printf '%s\n' "$out" | sed 's/^ *//; s/ *: /: /' | grep -qxF "$expected"; then
    echo "the summary does not say '$expected':"
    printf '%s\n' "$out" | sed -n '/Parts/,/User defined/p'
    return 1
  fi
  if ! out=$(ninja -C "$dir" 2>&1); then
    printf '%s\n' "$out" | grep -v '^\[' | tail -n 30
    return 1
  fi
  if [ "$name" != no-tests ]; then
    if ! out=$(meson test -C "$dir" --suite unit --num-processes 2 --print-errorlogs 2>&1); then
      printf '%s\n' "$out" | tail -n 40
      return 1
    fi
  fi
}

n=0
failed=0
for configuration in "${configurations[@]}"; do
  IFS='|' read -r name expected options <<<"$configuration"
  n=$((n + 1))
  started=$SECONDS
  # shellcheck disable=SC2086 # options are words
  if output=$(check_configuration "$name" "$expected" $options 2>&1); then
    echo "ok $n - configure matrix: $name ($options) configures, builds and passes its unit suites ($((SECONDS - started)) s)"
  else
    echo "not ok $n - configure matrix: $name ($options)"
    printf '%s\n' "$output" | sed 's/^/# /'
    failed=$((failed + 1))
  fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
