#!/bin/sh
# Runs a program under valgrind's memcheck for the 'valgrind' test suite, one log per process.
# Usage: memcheck.sh LOG_DIR PROGRAM [ARGS...]
# The logs (LOG_DIR/vg.PID) are what the tests read: a program run in a terminal has no
# exit status its test can see, so --error-exitcode alone would let a leak pass.
# "possibly lost" and "still reachable" stay out: libraries keep one-time state to exit.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
log_dir=$1
shift
exec valgrind --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --track-fds=no --num-callers=30 --suppressions="$here/memcheck.supp" \
  --log-file="$log_dir/vg.%p" -- "$@"
