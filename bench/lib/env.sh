# Benchmark environment: servers over demo databases, logged-in client profiles, and the small functions the cases share.
# Sourced by bench/run; expects $root (the tree), $build (release build dir) and $work (scratch dir).
# shellcheck shell=bash disable=SC2154 # $root, $build and $work are bench/run's

licportald=
licportal=

# Starts licportald over DB/FILES (more serve options after them) and sets <name>_url and
# <name>_pid. Access tokens live for two hours so that no measured run pays for a refresh.
bench_start_server()
{
    local name=$1 db=$2 files=$3
    shift 3
    local out="$work/$name.server.out" log="$work/$name.server.log"
    "$licportald" serve --db "$db" --files "$files" --listen 127.0.0.1:0 \
        --cert "$work/tls/server.pem" --key "$work/tls/server.key" --access-ttl 7200 "$@" \
        >"$out" 2>"$log" &
    local pid=$!
    local first_line=
    for _ in $(seq 200); do
        first_line=$(head -n 1 "$out" 2>/dev/null || true)
        case "$first_line" in "listening on "*) break ;; esac
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    case "$first_line" in
        "listening on "*) ;;
        *) echo "bench: licportald ($name) did not start: $(tail -n 3 "$log")" >&2; return 1 ;;
    esac
    printf -v "${name}_url" '%s' "${first_line#listening on }"
    printf -v "${name}_pid" '%s' "$pid"
    bench_server_pids+=("$pid")
}

bench_stop_servers()
{
    local pid
    for pid in "${bench_server_pids[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    bench_server_pids=()
}

# A client profile of its own for NAME (config, state, cache under $work/NAME),
# logged in to URL as demo1 with the session in the 0600 file store.
bench_login()
{
    local name=$1 url=$2
    local home="$work/client-$name"
    mkdir -p "$home/config/licportal" "$home/state" "$home/cache"
    printf '[profile default]\nserver = %s\nemail = demo1@example.com\ncacert = %s\ncredential_store = file\n' \
        "$url" "$work/tls/ca.pem" >"$home/config/licportal/config"
    printf 'demo\n' | bench_client_env "$name" "$licportal" login --email demo1@example.com \
        --password-stdin >/dev/null
}

# Runs a command with NAME's client profile in the environment.
bench_client_env()
{
    local home="$work/client-$1"
    shift
    env XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache" \
        LICPORTAL_SERVER= "$@"
}

# Prints an access token for demo1 at URL (a login of its own, as a script would do).
bench_access_token()
{
    local url=$1
    curl -sS --fail --cacert "$work/tls/ca.pem" -X POST -H 'Content-Type: application/json' \
        -d '{"email":"demo1@example.com","password":"demo"}' "$url/api/v1/auth/login" |
        jq -r .access_token
}

# Median wall time in seconds of hyperfine command number N (0-based) in an export.
bench_hf_median()
{
    jq -r ".results[$2].median" "$1"
}

# Appends one row to the results: case, measure, value, baseline, unit, ratio target ("" for
# an absolute limit), absolute limit ("" for none). Ratio and verdict are worked out on print.
bench_result()
{
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$work/results.tsv"
}
