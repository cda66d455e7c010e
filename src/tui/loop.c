/* Waits on keyboard, network, resizes and timers together; feeds events to update; runs effects. */
#include "tui/loop.h"

#include <curses.h>
#include <signal.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "licportal/download.h"
#include "tui/offline_files.h"
#include "tui/snapshot.h"
#include "tui/update.h"
#include "tui/views.h"

#define TICK_MS 120
#define IDLE_WAIT_MS 250
/* How long the first frame waits for the first view's answer before the
 * loading frame is drawn: below what reads as a delay, above what a nearby
 * server needs, so that a quick answer is painted once and complete. */
#define FIRST_FRAME_GRACE_MS 100

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static tui_event make_event(tui_event_kind kind)
{
    tui_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.now = (lp_time)time(NULL);
    return ev;
}

/* Keeps an event for after the batch of effects being run; `err` and
 * `snapshot` (moved out) travel with it. */
static void enqueue(tui_loop *loop, const tui_event *ev, const lp_error *err,
                    lp_dashboard *snapshot)
{
    if (loop->queued_count >= TUI_LOOP_QUEUE) {
        if (snapshot)
            lp_dashboard_clear(snapshot);
        return;
    }
    tui_queued_event *q = &loop->queued[loop->queued_count++];
    memset(q, 0, sizeof *q);
    q->event = *ev;
    if (err)
        q->error = *err;
    if (snapshot) {
        q->snapshot = *snapshot;
        memset(snapshot, 0, sizeof *snapshot);
        q->has_snapshot = true;
    }
}

static void track_call(tui_loop *loop, lp_call *call, int seq)
{
    lp_call_set_user(call, (void *)(intptr_t)seq);
    if (loop->call_count < (int)(sizeof loop->calls / sizeof loop->calls[0]))
        loop->calls[loop->call_count++] = call;
}

static void untrack_call(tui_loop *loop, lp_call *call)
{
    for (int i = 0; i < loop->call_count; i++) {
        if (loop->calls[i] == call) {
            loop->calls[i] = loop->calls[--loop->call_count];
            return;
        }
    }
}

/* A call that could not even start finishes at once, as a failed result. */
static void start_failed(tui_loop *loop, int seq, lp_call_kind kind, const lp_error *err)
{
    tui_event ev = make_event(TUI_EV_RESULT);
    ev.seq = seq;
    ev.call_kind = kind;
    ev.status = err->status != LP_OK ? err->status : LP_ERR_USAGE;
    enqueue(loop, &ev, err, NULL);
}

static const char *or_null(const char *text)
{
    return text && text[0] ? text : NULL;
}

/* Keeps the session in the 0600 file from now on: a new client over that store. */
static void switch_to_file_store(tui_loop *loop, const char *email)
{
    if (lp_credstore_kind(loop->store) == LP_STORE_FILE)
        return;
    lp_error err;
    lp_error_clear(&err);
    const char *note = NULL;
    lp_credstore *store = lp_credstore_open(LP_STORE_FILE, loop->config->server, email, &note,
                                            &err);
    if (!store)
        return;
    lp_client_options options = {loop->config->server, loop->config->cacert, store};
    lp_client *client = lp_client_new(&options, &err);
    if (!client) {
        lp_credstore_free(store);
        return;
    }
    lp_download_job_free(loop->job);
    loop->job = NULL;
    lp_client_free(loop->client);
    loop->call_count = 0;
    lp_credstore_free(loop->store);
    loop->client = client;
    loop->store = store;
}

/* OSC 52 sets the clipboard of the terminal itself, over SSH too. */
static void copy_to_clipboard(const char *text)
{
    size_t len = strlen(text);
    size_t b64_len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = malloc(b64_len);
    if (!b64)
        return;
    sodium_bin2base64(b64, b64_len, (const unsigned char *)text, len,
                      sodium_base64_VARIANT_ORIGINAL);
    fprintf(stdout, "\033]52;c;%s\a", b64);
    fflush(stdout);
    free(b64);
}

/* The body outlives the event it came with: a copy waits for the paint. */
static void keep_snapshot(tui_loop *loop, const char *body, size_t len)
{
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return;
    memcpy(copy, body, len);
    free(loop->snapshot_body);
    loop->snapshot_body = copy;
    loop->snapshot_len = len;
}

/* Best effort: without a snapshot the UI only has nothing to show offline. */
static void save_kept_snapshot(tui_loop *loop)
{
    if (!loop->snapshot_body)
        return;
    lp_error err;
    lp_error_clear(&err);
    tui_snapshot_save(loop->snapshot_path, loop->snapshot_body, loop->snapshot_len, &err);
    free(loop->snapshot_body);
    loop->snapshot_body = NULL;
    loop->snapshot_len = 0;
}

static void run_effect(tui_loop *loop, tui_effect *fx)
{
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = NULL;
    lp_call_kind kind = LP_CALL_ME;
    const tui_list_query *list = &fx->as.list;
    switch (fx->kind) {
    case TUI_FX_LOGIN:
        if (fx->as.login.remember_in_file)
            switch_to_file_store(loop, fx->as.login.email);
        kind = LP_CALL_LOGIN;
        call = lp_client_login(loop->client, fx->as.login.email, fx->as.login.password,
                               or_null(fx->as.login.otp), &err);
        break;
    case TUI_FX_FETCH_DASHBOARD:
        kind = LP_CALL_DASHBOARD;
        call = lp_client_get_dashboard(loop->client, &err);
        break;
    case TUI_FX_FETCH_LICENSES: {
        kind = LP_CALL_LICENSES;
        lp_license_query q = {
            or_null(list->status),      NULL,          or_null(list->q),     or_null(list->sort),
            list->expiring_within_days, TUI_PAGE_SIZE, or_null(list->cursor)};
        call = lp_client_list_licenses(loop->client, &q, &err);
        break;
    }
    case TUI_FX_FETCH_LICENSE:
        kind = LP_CALL_LICENSE;
        call = lp_client_get_license(loop->client, fx->as.id, &err);
        break;
    case TUI_FX_REVEAL_KEY:
        kind = LP_CALL_REVEAL_KEY;
        call = lp_client_reveal_key(loop->client, fx->as.id, &err);
        break;
    case TUI_FX_FETCH_ACTIVATIONS: {
        kind = LP_CALL_ACTIVATIONS;
        lp_activation_query q = {.license_id = or_null(list->license_id),
                                 .q = or_null(list->q),
                                 .limit = TUI_PAGE_SIZE,
                                 .cursor = or_null(list->cursor),
                                 .sort = or_null(list->sort)};
        call = lp_client_list_activations(loop->client, &q, &err);
        break;
    }
    case TUI_FX_DEACTIVATE:
        kind = LP_CALL_DEACTIVATE;
        call = lp_client_deactivate(loop->client, fx->as.id, &err);
        break;
    case TUI_FX_FETCH_DOWNLOADS: {
        kind = LP_CALL_DOWNLOADS;
        lp_download_query q = {.channel = or_null(list->channel),
                               .platform = or_null(list->platform),
                               .limit = TUI_PAGE_SIZE,
                               .cursor = or_null(list->cursor),
                               .q = or_null(list->q),
                               .sort = or_null(list->sort)};
        call = lp_client_list_downloads(loop->client, &q, &err);
        break;
    }
    case TUI_FX_ACTIVATE_OFFLINE: {
        kind = LP_CALL_OFFLINE_ACTIVATION;
        char *request = NULL;
        size_t len = 0;
        if (tui_offline_read_request(fx->as.offline.request_path, fx->as.offline.license_path,
                                     &request, &len, &err) != LP_OK)
            break;
        snprintf(loop->offline_license_path, sizeof loop->offline_license_path, "%s",
                 fx->as.offline.license_path);
        call = lp_client_activate_offline(loop->client, fx->as.offline.license_id, request, len,
                                          &err);
        free(request);
        break;
    }
    case TUI_FX_FETCH_DOWNLOAD:
        kind = LP_CALL_DOWNLOAD;
        call = lp_client_get_download(loop->client, fx->as.id, &err);
        break;
    case TUI_FX_START_DOWNLOAD: {
        lp_download_job_free(loop->job);
        loop->job = lp_download_job_start(loop->client, &fx->as.download.meta,
                                          or_null(fx->as.download.path), false, &err);
        if (!loop->job) {
            tui_event ev = make_event(TUI_EV_DOWNLOAD_DONE);
            ev.status = err.status;
            enqueue(loop, &ev, &err, NULL);
        }
        return;
    }
    case TUI_FX_CANCEL_REQUESTS:
        for (int i = 0; i < loop->call_count; i++)
            lp_client_cancel(loop->client, loop->calls[i]);
        return;
    case TUI_FX_CANCEL_DOWNLOAD:
        lp_download_job_free(loop->job);
        loop->job = NULL;
        return;
    case TUI_FX_SAVE_SNAPSHOT:
        if (loop->snapshot_path && fx->as.body.data)
            keep_snapshot(loop, fx->as.body.data, fx->as.body.len);
        return;
    case TUI_FX_LOAD_SNAPSHOT: {
        lp_dashboard snapshot;
        memset(&snapshot, 0, sizeof snapshot);
        tui_event ev = make_event(TUI_EV_SNAPSHOT);
        bool found = loop->snapshot_path &&
                     tui_snapshot_load(loop->snapshot_path, &snapshot, &err) == LP_OK;
        enqueue(loop, &ev, NULL, found ? &snapshot : NULL);
        lp_dashboard_clear(&snapshot);
        return;
    }
    case TUI_FX_COPY:
        copy_to_clipboard(fx->as.text);
        return;
    case TUI_FX_MOUSE:
        tui_loop_set_mouse(fx->as.on);
        return;
    case TUI_FX_REMEMBER_IN_FILE:
        lp_config_save_value(loop->config->profile ? loop->config->profile : "default",
                             "credential_store", "file", &err);
        return;
    case TUI_FX_LEARN_LOGIN:
        /* Best effort: a profile that cannot be written changes nothing now. */
        lp_config_learn_login(loop->config, fx->as.login.email, &err);
        return;
    }
    if (call)
        track_call(loop, call, fx->seq);
    else
        start_failed(loop, fx->seq, kind, &err);
}

/* Runs a batch of effects; the password may have passed through, and a
 * plain memset of a dying local may be optimised away. */
static void run_effects(tui_loop *loop, tui_effects *fx)
{
    for (int i = 0; i < fx->count; i++)
        run_effect(loop, &fx->items[i]);
    sodium_memzero(fx->items, (size_t)fx->count * sizeof fx->items[0]);
}

static void apply(tui_loop *loop, const tui_event *ev)
{
    /* Effects are cleared as they are pushed: zeroing all of them for
     * every key and tick cost more than handling the event. */
    tui_effects fx;
    fx.count = 0;
    loop->reaction |= tui_update(&loop->state, ev, &fx);
    run_effects(loop, &fx);
}

/* The events that effects produced, in order (theirs too). */
static void drain_queue(tui_loop *loop)
{
    while (loop->queued_count > 0) {
        tui_queued_event q = loop->queued[0];
        loop->queued_count--;
        memmove(loop->queued, loop->queued + 1, (size_t)loop->queued_count * sizeof q);
        q.event.error = &q.error;
        q.event.snapshot = q.has_snapshot ? &q.snapshot : NULL;
        apply(loop, &q.event);
        if (q.has_snapshot)
            lp_dashboard_clear(&q.snapshot);
    }
}

/* Handles `ev`, then the events its effects produced. */
static void dispatch(tui_loop *loop, const tui_event *ev)
{
    apply(loop, ev);
    drain_queue(loop);
}

static int translate_key(int status, wint_t ch, bool *is_key)
{
    *is_key = true;
    if (status == KEY_CODE_YES) {
        switch (ch) {
        case KEY_UP:
            return TUI_KEY_UP;
        case KEY_DOWN:
            return TUI_KEY_DOWN;
        case KEY_LEFT:
            return TUI_KEY_LEFT;
        case KEY_RIGHT:
            return TUI_KEY_RIGHT;
        case KEY_PPAGE:
            return TUI_KEY_PGUP;
        case KEY_NPAGE:
            return TUI_KEY_PGDN;
        case KEY_HOME:
            return TUI_KEY_HOME;
        case KEY_END:
            return TUI_KEY_END;
        case KEY_ENTER:
            return TUI_KEY_ENTER;
        case KEY_BACKSPACE:
            return TUI_KEY_BACKSPACE;
        case KEY_BTAB:
            return TUI_KEY_BTAB;
        case KEY_DC:
            return TUI_KEY_DELETE;
        case KEY_F(1):
            return TUI_KEY_F1;
        default:
            *is_key = false;
            return 0;
        }
    }
    switch (ch) {
    case '\n':
    case '\r':
        return TUI_KEY_ENTER;
    case 27:
        return TUI_KEY_ESC;
    case 127:
    case 8:
        return TUI_KEY_BACKSPACE;
    case '\t':
        return TUI_KEY_TAB;
    default:
        return (int)ch;
    }
}

static void resize_event(tui_loop *loop)
{
    int lines, cols;
    getmaxyx(stdscr, lines, cols);
    tui_event ev = make_event(TUI_EV_RESIZE);
    ev.cols = cols;
    ev.lines = lines;
    dispatch(loop, &ev);
}

static void read_keys(tui_loop *loop)
{
    wint_t ch;
    int status;
    while ((status = get_wch(&ch)) != ERR) {
        if (status == KEY_CODE_YES && ch == KEY_RESIZE) {
            resize_event(loop);
            continue;
        }
        if (status == KEY_CODE_YES && ch == KEY_MOUSE) {
            MEVENT m;
            if (getmouse(&m) == OK && (m.bstate & (BUTTON1_CLICKED | BUTTON1_RELEASED))) {
                tui_event ev = make_event(TUI_EV_CLICK);
                ev.y = m.y;
                ev.x = m.x;
                dispatch(loop, &ev);
            }
            continue;
        }
        bool is_key;
        int key = translate_key(status, ch, &is_key);
        if (!is_key)
            continue;
        tui_event ev = make_event(TUI_EV_KEY);
        ev.key = key;
        dispatch(loop, &ev);
        if (loop->state.quit)
            return;
    }
}

static void finish_download(tui_loop *loop, lp_call *call)
{
    lp_error err;
    lp_error_clear(&err);
    tui_event ev = make_event(TUI_EV_DOWNLOAD_DONE);
    char target[1024];
    snprintf(target, sizeof target, "%s", lp_download_job_target(loop->job));
    ev.status = lp_download_job_finish(loop->job, call, &err);
    ev.error = &err;
    ev.target = target;
    ev.progress = lp_download_job_progress(loop->job);
    lp_download_job_free(loop->job);
    loop->job = NULL;
    dispatch(loop, &ev);
}

static void drain_calls(tui_loop *loop)
{
    lp_call *call;
    while (loop->client && (call = lp_client_next_done(loop->client))) {
        untrack_call(loop, call);
        if (loop->job && lp_download_job_owns(loop->job, call)) {
            finish_download(loop, call);
            continue;
        }
        lp_error err;
        lp_error_clear(&err);
        tui_event ev = make_event(TUI_EV_RESULT);
        ev.seq = (int)(intptr_t)lp_call_user(call);
        ev.call_kind = lp_call_kind_of(call);
        ev.status = lp_call_status(call, &err);
        ev.error = &err;
        lp_result result;
        memset(&result, 0, sizeof result);
        bool has_result = ev.status == LP_OK && lp_call_take_result(call, &result);
        if (has_result)
            ev.result = &result;
        if (has_result && ev.call_kind == LP_CALL_OFFLINE_ACTIVATION)
            ev.target = tui_offline_write_license(loop->offline_license_path,
                                                  result.as.offline.license_file, &err) == LP_OK
                            ? loop->offline_license_path
                            : NULL;
        dispatch(loop, &ev);
        if (has_result)
            lp_result_clear(&result);
        lp_call_free(call);
    }
}

/* Ctrl-Z: the terminal goes back to the shell as it was, the process stops
 * until `fg`, then the screen is drawn afresh. */
static void suspend(void)
{
    endwin();
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
    reset_prog_mode();
}

static void paint(tui_loop *loop)
{
    if (loop->reaction & TUI_REACT_SUSPEND) {
        suspend();
        loop->reaction |= TUI_REACT_REPAINT | TUI_REACT_REDRAW;
    }
    if (loop->reaction & TUI_REACT_REPAINT) {
        /* Whatever another program wrote is gone after the next refresh. */
        clearok(curscr, TRUE);
        loop->reaction |= TUI_REACT_REDRAW;
    }
    if (loop->reaction & TUI_REACT_REDRAW)
        tui_draw(&loop->state);
    else
        tui_draw_bars(&loop->state);
    refresh();
    loop->reaction = TUI_REACT_NONE;
    if (loop->state.screen == TUI_SCREEN_MAIN && loop->state.view == TUI_VIEW_DASHBOARD &&
        loop->state.dashboard_loaded) {
        loop->state.dashboard_painted = true;
        if (loop->exit_after_first_paint)
            loop->state.quit = true;
    }
}

/* One turn of the network without waiting, then whatever has finished. */
static void network_step(tui_loop *loop)
{
    lp_error err;
    lp_error_clear(&err);
    lp_client_wait(loop->client, -1, 0, NULL, &err);
    drain_calls(loop);
}

/* Holds the first frame until the first view's answers are in, a key is
 * pressed or the grace period is over. Painting the loading frame meanwhile
 * would also stall the TLS handshake, which advances only in the network's turns. */
static void await_first_answer(tui_loop *loop)
{
    int64_t deadline = now_ms() + FIRST_FRAME_GRACE_MS;
    while (loop->state.pending > 0 && !loop->state.quit && !stop_signal) {
        int64_t left = deadline - now_ms();
        if (left <= 0)
            return;
        bool key_ready = false;
        lp_error err;
        lp_error_clear(&err);
        if (lp_client_wait(loop->client, STDIN_FILENO, (int)left, &key_ready, &err) != LP_OK)
            return;
        drain_calls(loop);
        if (key_ready)
            return;
    }
}

void tui_loop_begin(tui_loop *loop)
{
    tui_effects fx;
    fx.count = 0;
    tui_start(&loop->state, &fx);
    run_effects(loop, &fx);
    drain_queue(loop);
    loop->reaction |= TUI_REACT_REDRAW;
    /* libcurl connects and sends its TLS hello only when it is given a turn:
     * this one lets the server answer while the terminal is being set up. */
    if (loop->state.pending > 0)
        network_step(loop);
}

void tui_loop_set_mouse(bool on)
{
    mousemask(on ? BUTTON1_CLICKED | BUTTON1_RELEASED : 0, NULL);
}

int tui_loop_stop_signal(void)
{
    return (int)stop_signal;
}

void tui_loop_run(tui_loop *loop)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    resize_event(loop);
    await_first_answer(loop);

    int64_t last_tick = now_ms();
    while (!loop->state.quit && !stop_signal) {
        if (loop->reaction &
            (TUI_REACT_REDRAW | TUI_REACT_REDRAW_BARS | TUI_REACT_REPAINT | TUI_REACT_SUSPEND))
            paint(loop);
        save_kept_snapshot(loop);
        if (loop->state.quit)
            break;
        bool busy = loop->state.pending > 0 || loop->job;
        bool key_ready = false;
        lp_error err;
        lp_error_clear(&err);
        if (lp_client_wait(loop->client, STDIN_FILENO, busy ? TICK_MS : IDLE_WAIT_MS, &key_ready,
                           &err) != LP_OK) {
            /* The network side failed to wait: still never spin. */
            napms(20);
        }
        read_keys(loop);
        if (loop->state.quit)
            break;
        drain_calls(loop);
        int64_t now = now_ms();
        if (now - last_tick >= TICK_MS) {
            last_tick = now;
            if (loop->job) {
                tui_event ev = make_event(TUI_EV_DOWNLOAD_PROGRESS);
                ev.progress = lp_download_job_progress(loop->job);
                dispatch(loop, &ev);
            }
            tui_event tick = make_event(TUI_EV_TICK);
            dispatch(loop, &tick);
        }
    }
    save_kept_snapshot(loop);
}
