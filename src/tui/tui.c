/* tui_run: sets the terminal up, runs the loop, and gives the terminal back as it was. */
#include "tui/tui.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "licportal/client.h"
#include "licportal/credstore.h"
#include "tui/colors.h"
#include "tui/download_dir.h"
#include "tui/loop.h"
#include "tui/snapshot.h"
#include "tui/terminal_caps.h"
#include "tui/widgets.h"

static void apply_key_bindings(tui_state *state, const lp_config *config)
{
    for (size_t i = 0; i < config->key_binding_count; i++) {
        const lp_key_binding *b = &config->key_bindings[i];
        char why[160];
        if (!tui_keymap_bind(&state->keymap, b->action, b->keys, why, sizeof why)) {
            snprintf(state->message, sizeof state->message, "[keys] %s: %s", b->action, why);
            state->message_is_error = true;
        }
    }
}

/* An unknown action, an unknown key or one key for two actions in [keys]
 * stops the program before the screen is taken: 2, with FILE:LINE. */
static int check_key_bindings(const lp_config *config)
{
    lp_key_action actions[TUI_ACTION_COUNT];
    for (int i = 0; i < TUI_ACTION_COUNT; i++) {
        const tui_action_info *info = tui_action_info_of((tui_action)i);
        actions[i] = (lp_key_action){info->name, info->default_keys, (int)info->scope};
    }
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_check_key_bindings(config, actions, TUI_ACTION_COUNT, tui_key_parse, &err) ==
        LP_OK)
        return 0;
    fprintf(stderr, "licportal: %s\n", err.message);
    return 2;
}

/* Home/End as tmux, screen and rxvt send them, whatever TERM claims: a
 * mismatch would otherwise read as Esc followed by letters and digits. */
static void define_extra_keys(void)
{
    static const struct {
        const char *sequence;
        int key;
    } extra[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
        {"\033[H", KEY_HOME},  {"\033[F", KEY_END},  {"\033OH", KEY_HOME},  {"\033OF", KEY_END},
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (key_defined(extra[i].sequence) == 0)
            define_key(extra[i].sequence, extra[i].key);
}

static void refuse_terminal(void)
{
    fprintf(stderr,
            "licportal: this terminal (TERM=%s) cannot move the cursor, which the "
            "interface needs; the sub-commands work anywhere (licportal --help)\n",
            getenv("TERM") ? getenv("TERM") : "");
}

static bool want_no_color(const lp_config *config)
{
    const char *env = getenv("NO_COLOR");
    return config->no_color || (env && env[0]);
}

int tui_run(const lp_config *config)
{
    if (!config || !config->server) {
        fprintf(stderr, "licportal: no server configured: use --server URL or LICPORTAL_SERVER, "
                        "or set server= in the profile\n");
        return 2;
    }
    if (check_key_bindings(config) != 0)
        return 2;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "licportal: the terminal UI needs a terminal; scripts use the "
                        "sub-commands (licportal --help)\n");
        return 2;
    }
    if (tui_terminal_is_dumb()) {
        refuse_terminal();
        return 2;
    }
    /* Without UTF-8 every glyph is drawn as an ASCII stand-in. */
    const char *codeset = nl_langinfo(CODESET);
    tui_widgets_use_ascii(!codeset || strcmp(codeset, "UTF-8") != 0);

    static tui_loop loop;
    memset(&loop, 0, sizeof loop);
    loop.config = config;
    lp_error err;
    lp_error_clear(&err);
    const char *note = NULL;
    loop.store = lp_credstore_open(config->credential_store, config->server, config->email, &note,
                                   &err);
    if (!loop.store) {
        fprintf(stderr, "licportal: %s\n", err.message);
        return 1;
    }
    lp_client_options options = {config->server, config->cacert, loop.store};
    loop.client = lp_client_new(&options, &err);
    if (!loop.client) {
        fprintf(stderr, "licportal: %s\n", err.message);
        lp_credstore_free(loop.store);
        return err.status == LP_ERR_NETWORK || err.status == LP_ERR_TLS ? 5 : 1;
    }

    bool has_session = lp_client_has_session(loop.client);
    const lp_session_info *session = has_session ? lp_client_session_info(loop.client) : NULL;
    const char *email = config->email;
    if (session && session->email)
        email = session->email;
    tui_state_init(&loop.state, email, config->server, has_session, note != NULL);
    if (note)
        snprintf(loop.state.login.store_note, sizeof loop.state.login.store_note, "%s", note);
    if (session)
        tui_state_set_user(&loop.state, session->user_name, session->email);
    apply_key_bindings(&loop.state, config);
    loop.state.read_only = config->read_only;
    loop.state.mouse_on = !config->no_mouse;
    tui_download_dir(config->download_dir, loop.state.download_dir, sizeof loop.state.download_dir);

    char *cache = lp_xdg_dir("cache");
    if (cache)
        loop.snapshot_path = tui_snapshot_path(cache, config->server, email);
    free(cache);
    const char *first_paint = getenv("LICPORTAL_EXIT_AFTER_FIRST_PAINT");
    loop.exit_after_first_paint = first_paint && strcmp(first_paint, "1") == 0;

    tui_loop_begin(&loop);
    SCREEN *screen = newterm(NULL, stdout, stdin);
    /* Asked of the terminfo newterm loaded: nothing is drawn yet. */
    bool set_up = screen != NULL;
    if (set_up)
        set_term(screen);
    if (!set_up || !tui_terminal_can_address_cursor()) {
        if (set_up) {
            endwin();
            delscreen(screen);
            refuse_terminal();
        } else {
            fprintf(stderr, "licportal: cannot set up the terminal (TERM=%s)\n",
                    getenv("TERM") ? getenv("TERM") : "");
        }
        tui_state_free(&loop.state);
        lp_client_free(loop.client);
        lp_credstore_free(loop.store);
        free(loop.snapshot_path);
        free(loop.snapshot_body);
        return set_up ? 2 : 5;
    }
    set_term(screen);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    define_extra_keys();
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    /* Without this, ncurses flushes and polls the keyboard every few lines
     * of an update: a frame would reach the terminal in dozens of writes. */
    typeahead(-1);
    curs_set(0);
    tui_loop_set_mouse(loop.state.mouse_on);
    tui_colors_init(want_no_color(config));
    /* Until the screen has once been left and resumed, ncurses (6.4) flushes
     * its output at every cursor move, so a frame reached the terminal in
     * some sixty writes; after one round trip it goes out whole (in 2 KiB
     * pieces). Nothing has been drawn yet, so nothing is seen of it. */
    endwin();
    refresh();

    tui_loop_run(&loop);

    endwin();
    delscreen(screen);
    lp_download_job_free(loop.job);
    tui_state_free(&loop.state);
    lp_client_free(loop.client);
    lp_credstore_free(loop.store);
    free(loop.snapshot_path);
    free(loop.snapshot_body);
    int sig = tui_loop_stop_signal();
    if (sig != 0) {
        /* The terminal is restored: end as the signal asked, for the parent to see. */
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return 0;
}
