#!/usr/bin/env bash
# Builds everything and runs every test suite: unit, integration over real
# HTTPS, the OpenAPI lint, the contract check through prism, the terminal UI
# tests with the client under valgrind, the server's integration tests again
# on PostgreSQL (a throwaway cluster per test process), and the whole suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and the configure matrix
# (the build without the server, the terminal UI, the keyring or the tests).
# Ends with the line "N passed, N failed"; a skipped test counts as failed.
# Usage: scripts/test.sh [--quick]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
quick=no
[ "${1:-}" = "--quick" ] && quick=yes

bash scripts/deps.sh test || { echo "could not install the Debian packages the tests need"; echo "0 passed, 1 failed"; exit 1; }
if ! npm_bin=$(bash scripts/npm-tools.sh); then
  echo "could not install the pinned OpenAPI tools"; echo "0 passed, 1 failed"; exit 1
fi
export PATH="$npm_bin:$PATH"

logs=()
status=0

run_suites() { # NAME BUILDDIR -- meson setup args... ; configures and builds there
  local name=$1 dir=$2 setup left_out; shift 3
  echo "== $name: configure and build in $dir"
  if [ ! -d "$dir" ]; then
    setup=$(meson setup "$dir" "$@" 2>&1) || { printf '%s\n' "$setup"; return 1; }
  else
    setup=$(meson setup --reconfigure "$dir" "$@" 2>&1) || { printf '%s\n' "$setup"; return 1; }
  fi
  printf '%s\n' "$setup" | sed -n '/^  Parts$/,/^  User defined options$/p'
  # A group of tests whose programs are missing would pass by not running: count it as failed.
  left_out=$(printf '%s\n' "$setup" | sed -n '/^  Test groups$/,/^$/p' | grep ': NO$' | sed 's/ *: NO$//; s/^ *//')
  if [ -n "$left_out" ]; then
    logs+=("failed:$name leaves out the tests of: $(printf '%s' "$left_out" | paste -sd, -)")
  fi
  ninja -C "$dir" || return 1
}

run_tests() { # BUILDDIR LOGNAME meson-test-args...
  local dir=$1 logname=$2; shift 2
  meson test -C "$dir" --print-errorlogs --num-processes 2 --logbase "$logname" "$@"
  local rc=$?
  logs+=("$dir/meson-logs/$logname.json")
  return $rc
}

if run_suites "release build" build-test -- -Dwerror=true -Dbuildtype=debugoptimized -Dtests=enabled; then
  run_tests build-test main --no-suite prism --no-suite valgrind --no-suite postgresql || status=1
  if [ "$quick" = no ]; then
    echo "== contract check: the server's integration tests through prism"
    run_tests build-test prism --suite prism || status=1
    echo "== the server's integration tests on PostgreSQL, and two instances on one database"
    run_tests build-test postgresql --suite postgresql || status=1
    echo "== the terminal UI tests with licportal under valgrind: no leaks, no errors"
    run_tests build-test valgrind --suite valgrind --timeout-multiplier 2 || status=1
  fi
else
  echo "build failed"; status=1; logs+=("build-failed")
fi

if [ "$quick" = no ]; then
  if CC=clang run_suites "sanitizer build" build-asan -- -Dwerror=true -Db_sanitize=address,undefined \
       -Db_lundef=false -Dbuildtype=debug -Dtests=enabled; then
    CK_FORK=no ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      run_tests build-asan asan --timeout-multiplier 3 --no-suite prism --no-suite lint --no-suite slow \
      --no-suite valgrind --no-suite postgresql || status=1
  else
    echo "sanitizer build failed"; status=1; logs+=("build-failed")
  fi
fi

if [ "$quick" = no ]; then
  echo "== configure matrix: client only, no terminal UI, no keyring, no liboath, no PostgreSQL, no tests"
  mkdir -p build-matrix
  bash scripts/configure-matrix.sh build-matrix | tee build-matrix/results.tap
  logs+=(build-matrix/results.tap)
fi

python3 scripts/count-results.py "${logs[@]}"
rc=$?
[ $rc -ne 0 ] && status=1
exit $status
