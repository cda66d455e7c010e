# Case 7 on PostgreSQL: the same latency rows as SQLite's, for a licportald whose store is a throwaway cluster.
# Sourced by bench/run after env.sh; expects $root, $work, $licportald, $big, $small_count and wrk_latency.
# shellcheck shell=bash disable=SC2154 # $root, $work, $licportald, $big and $small_count are bench/run's

bench_pg_cluster="$root/tests/integration/pg_cluster.py"
bench_pg_dir=

# Stops the cluster (when one runs) and removes its folder; the servers on it go first.
bench_pg_stop()
{
    [ -n "$bench_pg_dir" ] || return 0
    python3 "$bench_pg_cluster" stop "$bench_pg_dir" >&2 || true
    bench_pg_dir=
}

# Demo data of LICENSES licenses for one user in a fresh database of the cluster and a server on
# it; sets <name>_url like bench_start_server.
bench_pg_server()
{
    local name=$1 licenses=$2 uri
    uri=$(python3 "$bench_pg_cluster" database "$bench_pg_dir")
    "$licportald" demo --db "$uri" --signing-keys "$work/$name.signing-keys" --files "$work/files-$name" \
        --users 1 --licenses-per-user "$licenses" --seed 1 </dev/null >/dev/null
    # `licportald demo` ends with VACUUM (ANALYZE) on PostgreSQL itself (the visibility map and
    # statistics of the new rows), so nothing more is done here.
    bench_start_server "$name" "$uri" "$work/files-$name" --signing-keys "$work/$name.signing-keys"
}

# GET /dashboard and GET /licenses?limit=SMALL p50 (and p99) with $big vs $small_count licenses.
bench_case7_postgres()
{
    if ! python3 "$bench_pg_cluster" bindir >/dev/null 2>&1; then
        log "7. PostgreSQL: skipped, its server binaries (initdb, pg_ctl) are not installed"
        bench_result "7" "PostgreSQL rows skipped: PostgreSQL is not installed" "" "" s "" ""
        return 0
    fi
    log "7. server latency under wrk, store PostgreSQL"
    bench_pg_dir=$(mktemp -d /tmp/licportal-bench-pg.XXXXXX)
    python3 "$bench_pg_cluster" start "$bench_pg_dir" >/dev/null
    log "PostgreSQL demo data: $small_count and $big licenses"
    bench_pg_server pgsmall "$small_count"
    bench_pg_server pglarge "$big"
    local small_token large_token
    small_token=$(bench_access_token "$pgsmall_url")
    large_token=$(bench_access_token "$pglarge_url")
    local d50_small d99_small d50_big d99_big e50_small e99_small e50_big e99_big
    read -r d50_small d99_small < <(wrk_latency "$pgsmall_url" "$small_token" /api/v1/dashboard pg-dash-small)
    read -r d50_big d99_big < <(wrk_latency "$pglarge_url" "$large_token" /api/v1/dashboard pg-dash-large)
    read -r e50_small e99_small < <(wrk_latency "$pgsmall_url" "$small_token" "/api/v1/licenses?limit=$small_count" pg-eq-small)
    read -r e50_big e99_big < <(wrk_latency "$pglarge_url" "$large_token" "/api/v1/licenses?limit=$small_count" pg-eq-large)
    bench_result "7" "PostgreSQL: GET /dashboard p50, $big vs $small_count" "$d50_big" "$d50_small" s 2 ""
    bench_result "7" "PostgreSQL: GET /dashboard p99, $big vs $small_count" "$d99_big" "$d99_small" s "" ""
    bench_result "7" "PostgreSQL: GET /licenses?limit=$small_count p50, $big vs $small_count" "$e50_big" "$e50_small" s "" ""
    bench_result "7" "PostgreSQL: GET /licenses?limit=$small_count p99, $big vs $small_count" "$e99_big" "$e99_small" s "" ""
    bench_stop_servers
    bench_pg_stop
}
