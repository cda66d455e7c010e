#!/usr/bin/env bash
# Renders each manual page in man/ the way lintian does and fails on any groff or man warning; TAP output.
# Usage: tests/lint/man.sh [MAN_DIR]   (default: man/ of this tree)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$root/man}

if ! command -v man >/dev/null || ! command -v groff >/dev/null; then
  echo "1..0 # SKIP man (man-db) and groff are needed"
  exit 0
fi

shopt -s nullglob
pages=("$dir"/*.[1-8])
if [ ${#pages[@]} -eq 0 ]; then
  echo "1..1"
  echo "not ok 1 - manual pages in $dir"
  echo "# none found"
  exit 1
fi

n=0
failed=0
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
for page in "${pages[@]}"; do
  n=$((n + 1))
  name=$(basename "$page")
  # --warnings turns on groff's warnings; -Z stops before the output device, so
  # only the warnings reach the terminal. MANROFFSEQ='' keeps a page's own
  # preprocessor line from hiding problems; MANWIDTH fixes the line length.
  LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
    man --warnings -E UTF-8 -l -Tutf8 -Z "$page" >/dev/null 2>"$errors"
  status=$?
  if [ "$status" -eq 0 ] && [ ! -s "$errors" ]; then
    echo "ok $n - $name renders without warnings"
  else
    echo "not ok $n - $name renders without warnings"
    [ "$status" -ne 0 ] && echo "# man exited with status $status"
    sed 's/^/# /' "$errors"
    failed=$((failed + 1))
  fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
