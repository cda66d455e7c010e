/* The event loop: the only place that reads the keyboard and talks to the client. */
#ifndef LICPORTAL_TUI_LOOP_H
#define LICPORTAL_TUI_LOOP_H

#include <stdbool.h>

#include "licportal/client.h"
#include "licportal/config.h"
#include "licportal/credstore.h"
#include "tui/app_state.h"

typedef struct tui_loop {
    tui_state state;
    const lp_config *config;
    lp_client *client;
    lp_credstore *store;
    char *snapshot_path;
    lp_download_job *job;
    bool exit_after_first_paint;
    /* calls started and not yet returned, so that Esc can cancel them */
    lp_call *calls[32];
    int call_count;
    /* the body of the result being handled, for the snapshot */
    const char *current_body;
    size_t current_body_len;
} tui_loop;

/* Starts the requests of the first view and gives them a first turn; needs
 * no terminal, so that the network overlaps the terminal's set-up. */
void tui_loop_begin(tui_loop *loop);

/* Runs until the state asks to quit; curses must be set up. */
void tui_loop_run(tui_loop *loop);

#endif
