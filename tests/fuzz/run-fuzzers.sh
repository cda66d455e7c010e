#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer, ASan and UBSan and runs each for SECONDS, keeping new corpus entries.
# Usage: tests/fuzz/run-fuzzers.sh SECONDS [TARGET...]
#   Targets: json_map license_page_pull config credentials sanitize download_target license_file
#   (default: all, two at a time).
#   Build dir: $FUZZ_BUILD (default build-fuzz/ in the source root). Logs: $FUZZ_BUILD/logs/.
#   New inputs go into tests/fuzz/corpus/TARGET/ (merged, minimised); a crash is
#   copied to tests/fuzz/crashes/TARGET/ and makes the script exit 1.
set -euo pipefail
usage() { sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//'; }
case ${1:-} in
  -h | --help) usage; exit 0 ;;
  '' | *[!0-9]*) echo "run-fuzzers.sh: SECONDS must be a number" >&2; usage >&2; exit 2 ;;
esac
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
jobs=${FUZZ_JOBS:-2}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json_map license_page_pull config credentials sanitize download_target license_file)

# The library, compiled for coverage feedback and the sanitizers. Only the
# parts the targets need: no terminal UI, no server, no keyring.
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" --buildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined' \
    -Dtui=disabled -Dserver=disabled -Dkeyring=disabled -Dtests=disabled >/dev/null
fi
ninja -C "$build" src/lib/liblicportal.a src/common/liblp_common.a >/dev/null

libs=$(pkg-config --libs libcjson libsodium libcurl libcrypto)
mkdir -p "$build/fuzzers" "$build/logs"
for t in "${targets[@]}"; do
  # shellcheck disable=SC2086
  clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -I"$root/include" -I"$root/src" \
    "$here/fuzz_$t.c" "$here/fuzz_check.c" \
    "$build/src/lib/liblicportal.a" "$build/src/common/liblp_common.a" $libs \
    -o "$build/fuzzers/fuzz_$t"
done

run_one() {
  local t=$1
  local work="$build/work/$t" status=0 started=$SECONDS
  rm -rf "$work"
  mkdir -p "$work/new" "$work/artifacts"
  cp "$here/corpus/$t/"* "$work/new/" 2>/dev/null || true
  # Each target runs in its own folder: the credentials target writes files.
  (cd "$work" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    "$build/fuzzers/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      "$work/new" "$here/corpus/$t") >"$build/logs/$t.log" 2>&1 || status=$?
  # Keep only inputs that add coverage to the committed corpus.
  "$build/fuzzers/fuzz_$t" -merge=1 "$here/corpus/$t" "$work/new" \
    >"$build/logs/$t.merge.log" 2>&1 || true
  local crashes=("$work/artifacts/"*)
  if [ -e "${crashes[0]}" ]; then
    mkdir -p "$here/crashes/$t"
    cp "${crashes[@]}" "$here/crashes/$t/"
    status=1
  fi
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  echo "$t: $((SECONDS - started))s, $execs executions, exit $status$([ $status -ne 0 ] && echo ' (see '"$build/logs/$t.log"')')"
  return $status
}

failed=0
pids=()
names=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  run_one "$t" &
  pids+=($!)
  names+=("$t")
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed=1
done
exit $failed
