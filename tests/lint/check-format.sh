#!/usr/bin/env bash
# scripts/check-format.sh against files laid out well and badly, under a copy of .clang-format; TAP.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
script=$root/scripts/check-format.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/.clang-format" "$work/"
printf '/* Formatted. */\nint answer(int x)\n{\n    if (x > 0)\n        return 42;\n    return 0;\n}\n' >"$work/good.c"
printf '/* Not formatted. */\nint answer(int x) {\n  if (x > 0) return 42;\n  return 0;\n}\n' >"$work/bad.c"

n=0
failed=0
check() { # NAME EXPECTED-STATUS PATTERN ARGS...
  local name=$1 want=$2 pattern=$3 out status
  shift 3
  n=$((n + 1))
  out=$(bash "$script" "$@" 2>&1)
  status=$?
  if [ "$status" -eq "$want" ] && printf '%s\n' "$out" | grep -qE -- "$pattern"; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    printf '# exit %s, output:\n' "$status"
    printf '%s\n' "$out" | sed 's/^/#   /'
    failed=$((failed + 1))
  fi
}

check "a formatted file passes" 0 "^0 of 1 files not formatted" "$work/good.c"
check "a file clang-format would change fails and is named" 1 \
  "^not formatted: $work/bad\.c \([0-9]+ lines" "$work/good.c" "$work/bad.c"
check "--count prints the lines per file and the total" 1 \
  "^1 of 2 files not formatted; clang-format would change [1-9][0-9]* lines" --count "$work/good.c" "$work/bad.c"
check "an unknown option is refused with exit 2" 2 "unknown option: --frobnicate" --frobnicate
check "a missing file is refused with exit 2" 2 "no such file" "$work/missing.c"
echo "1..$n"
[ "$failed" -eq 0 ]
