#!/usr/bin/env bash
# Checks that C files are laid out as .clang-format says; changes nothing.
# Usage: scripts/check-format.sh [--count] [FILE...]
#   FILE...   the files to check (default: every .c and .h under src, include, tests, bench)
#   --count   also print, per file, how many of its lines clang-format would change,
#             and the totals
# Exit status: 0 when every file is formatted, 1 when one is not, 2 on a usage error.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1

usage() { sed -n '3,7p' "$0" | sed 's/^# \{0,1\}//'; }
count=no
files=()
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    --count) count=yes ;;
    -*) echo "check-format.sh: unknown option: $arg" >&2; usage >&2; exit 2 ;;
    *) files+=("$arg") ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(find src include tests bench -name '*.[ch]' -type f | LC_ALL=C sort)
fi

# The layout differs between clang-format versions: use the one the style was tuned with.
formatter=$(command -v clang-format-14 || command -v clang-format) || {
  echo "check-format.sh: clang-format is not installed (scripts/deps.sh test installs it)" >&2
  exit 2
}

unformatted=0
changed_total=0
for file in "${files[@]}"; do
  if [ ! -f "$file" ]; then
    echo "check-format.sh: no such file: $file" >&2
    exit 2
  fi
  # Lines of the file that the formatted version does not keep.
  changed=$("$formatter" --style=file "$file" | diff -U0 "$file" - | tail -n +3 | grep -c '^-')
  if [ "$changed" -gt 0 ]; then
    unformatted=$((unformatted + 1))
    changed_total=$((changed_total + changed))
    if [ "$count" = yes ]; then
      echo "$changed $file"
    else
      echo "not formatted: $file ($changed lines; see: $formatter --style=file $file | diff $file -)"
    fi
  fi
done
echo "$unformatted of ${#files[@]} files not formatted; clang-format would change $changed_total lines"
[ "$unformatted" -eq 0 ]
