#!/usr/bin/env bash
# Runs shellcheck over the shell scripts of scripts/, bench/, tests/ and .ci/: one TAP case per
# script, every severity, sourced files followed. Usage: tests/lint/shellcheck.sh [ROOT]
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1

# Every *.sh below the three folders, and the scripts without the suffix.
mapfile -t scripts < <({ find scripts bench tests -name '*.sh' -type f; printf '%s\n' .ci/run bench/run; } \
  | LC_ALL=C sort)
if ! command -v shellcheck >/dev/null; then
  echo "1..1"
  echo "not ok 1 - shellcheck is installed (scripts/deps.sh test)"
  exit 1
fi

n=0
failed=0
for script in "${scripts[@]}"; do
  n=$((n + 1))
  if output=$(shellcheck --external-sources --format=gcc "$script" 2>&1); then
    echo "ok $n - shellcheck $script"
  else
    echo "not ok $n - shellcheck $script"
    printf '%s\n' "$output" | sed 's/^/# /'
    failed=$((failed + 1))
  fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
