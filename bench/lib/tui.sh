# Drives the terminal UI in a private tmux server at 80x24: start, type, wait for the screen.
# Sourced by bench/run; uses bench_client_env from env.sh.
# shellcheck shell=bash disable=SC2154 # $work is bench/run's

bench_tmux()
{
    tmux -L "licportal-bench-$$" -f /dev/null "$@"
}

# Starts COMMAND... in a fresh 80x24 session with NAME's client profile.
bench_tui_start()
{
    local name=$1
    shift
    local home="$work/client-$name"
    bench_tmux kill-server 2>/dev/null || true
    bench_tmux new-session -d -x 80 -y 24 -e TERM=xterm-256color \
        -e XDG_CONFIG_HOME="$home/config" -e XDG_STATE_HOME="$home/state" \
        -e XDG_CACHE_HOME="$home/cache" "$*"
    bench_tmux set-option -g remain-on-exit on >/dev/null
}

bench_tui_screen()
{
    bench_tmux capture-pane -p 2>/dev/null || true
}

bench_tui_pane_pid()
{
    bench_tmux display-message -p '#{pane_pid}'
}

bench_tui_pane_dead()
{
    [ "$(bench_tmux display-message -p '#{pane_dead}' 2>/dev/null)" = 1 ]
}

# Waits up to SECONDS until the screen matches the extended regex PATTERN.
bench_tui_wait_for()
{
    local pattern=$1 seconds=$2
    local deadline=$((SECONDS + seconds))
    while [ "$SECONDS" -le "$deadline" ]; do
        bench_tui_screen | grep -Eq -- "$pattern" && return 0
        sleep 0.05
    done
    echo "bench: the screen never showed /$pattern/ within ${seconds}s; it shows:" >&2
    bench_tui_screen >&2
    return 1
}

# The license list's position indicator ("N/TOTAL" at the end of its title line).
bench_tui_position()
{
    bench_tui_screen | sed -n 2p | grep -Eo '[0-9]+/[0-9]+ *$' | tr -d ' '
}

# Waits until no page is loading (no "loading..." row and no spinner hint).
bench_tui_wait_idle()
{
    local seconds=$1
    local deadline=$((SECONDS + seconds))
    while [ "$SECONDS" -le "$deadline" ]; do
        if ! bench_tui_screen | grep -Eq 'loading\.\.\.|Loading'; then
            return 0
        fi
        sleep 0.05
    done
    echo "bench: still loading after ${seconds}s" >&2
    return 1
}

# Sends KEY and waits until the position indicator differs from before and nothing loads.
bench_tui_key_moves()
{
    local key=$1 seconds=$2
    local before
    before=$(bench_tui_position)
    bench_tmux send-keys "$key"
    local deadline=$((SECONDS + seconds))
    while [ "$SECONDS" -le "$deadline" ]; do
        if [ "$(bench_tui_position)" != "$before" ]; then
            bench_tui_wait_idle "$seconds"
            return
        fi
        sleep 0.02
    done
    echo "bench: $key did not move the list from $before" >&2
    return 1
}

# Waits until the program in the pane has exited.
bench_tui_wait_exit()
{
    local seconds=$1
    local deadline=$((SECONDS + seconds))
    while [ "$SECONDS" -le "$deadline" ]; do
        bench_tui_pane_dead && return 0
        sleep 0.05
    done
    echo "bench: the program did not exit within ${seconds}s" >&2
    return 1
}

bench_tui_stop()
{
    bench_tmux kill-server 2>/dev/null || true
}
