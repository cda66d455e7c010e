/* What happens to the UI: keys, clicks, size changes, ticks and finished calls. */
#ifndef LICPORTAL_TUI_EVENT_H
#define LICPORTAL_TUI_EVENT_H

#include <stdbool.h>

#include "licportal/client.h"
#include "licportal/download.h"
#include "licportal/error.h"
#include "licportal/timestamp.h"

typedef enum tui_event_kind {
    TUI_EV_KEY,
    TUI_EV_CLICK,
    TUI_EV_RESIZE,
    TUI_EV_TICK,
    TUI_EV_RESULT,   /* an API call finished */
    TUI_EV_SNAPSHOT, /* the offline snapshot was read (or not found) */
    TUI_EV_DOWNLOAD_PROGRESS,
    TUI_EV_DOWNLOAD_DONE,
} tui_event_kind;

typedef struct tui_event {
    tui_event_kind kind;
    lp_time now;
    int key;         /* KEY: TUI_KEY_* or a code point */
    int y, x;        /* CLICK */
    int cols, lines; /* RESIZE */
    /* RESULT */
    int seq;
    lp_call_kind call_kind;
    lp_status status;
    const lp_error *error;
    lp_result *result; /* update may move values out of it */
    /* SNAPSHOT: NULL when none; update may move it out */
    lp_dashboard *snapshot;
    /* DOWNLOAD_PROGRESS / DOWNLOAD_DONE */
    lp_download_progress progress;
    const char *target;
} tui_event;

#endif
