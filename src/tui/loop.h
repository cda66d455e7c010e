/* The event loop: the only place that reads the keyboard and talks to the client. */
#ifndef LICPORTAL_TUI_LOOP_H
#define LICPORTAL_TUI_LOOP_H

#include <stdbool.h>

#include "licportal/client.h"
#include "licportal/config.h"
#include "licportal/credstore.h"
#include "tui/app_state.h"
#include "tui/event.h"
#include "tui/reaction.h"

/* An event that waits its turn, with the data it points at. */
typedef struct tui_queued_event {
    tui_event event;
    lp_error error;
    bool has_snapshot;
    lp_dashboard snapshot;
} tui_queued_event;

#define TUI_LOOP_QUEUE 8

typedef struct tui_loop {
    tui_state state;
    const lp_config *config;
    lp_client *client;
    lp_credstore *store;
    char *snapshot_path;
    /* the dashboard body to keep as the snapshot, written after the next
     * paint so that the disk never delays a frame */
    char *snapshot_body;
    size_t snapshot_len;
    lp_download_job *job;
    /* where the license file of the offline activation in flight goes */
    char offline_license_path[520];
    bool exit_after_first_paint;
    /* calls started and not yet returned, so that Esc can cancel them */
    lp_call *calls[32];
    int call_count;
    /* what changed on screen since the last paint */
    tui_reaction reaction;
    /* events that effects produced (a call that could not start, the
     * snapshot read): handled after the batch, never from inside it */
    tui_queued_event queued[TUI_LOOP_QUEUE];
    int queued_count;
} tui_loop;

/* Starts the requests of the first view and gives them a first turn; needs
 * no terminal, so that the network overlaps the terminal's set-up. */
void tui_loop_begin(tui_loop *loop);

/* Runs until the state asks to quit or SIGTERM or SIGHUP arrives; curses
 * must be set up. */
void tui_loop_run(tui_loop *loop);
/* Mouse reporting on (clicks reach the UI) or off (the terminal selects text). */
void tui_loop_set_mouse(bool on);
/* The signal that ended the loop, or 0. */
int tui_loop_stop_signal(void);

#endif
