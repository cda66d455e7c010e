/* Every status message with its time, the last few hundred, for the log overlay. */
#ifndef LICPORTAL_TUI_MESSAGE_LOG_H
#define LICPORTAL_TUI_MESSAGE_LOG_H

#include <stdbool.h>

#include "licportal/timestamp.h"

#define TUI_LOG_CAPACITY 300

typedef struct tui_logged_message {
    lp_time at;
    bool error;
    char text[640]; /* whole: an error's message is never cut here */
} tui_logged_message;

typedef struct tui_message_log {
    tui_logged_message *entries; /* a ring of TUI_LOG_CAPACITY, allocated on first use */
    int first;                   /* the oldest kept */
    int count;
} tui_message_log;

/* Keeps already-sanitised `text`; the oldest goes when the log is full. */
void tui_message_log_add(tui_message_log *log, lp_time at, bool error, const char *text);
/* The `index`th kept message, oldest first, or NULL. */
const tui_logged_message *tui_message_log_at(const tui_message_log *log, int index);
void tui_message_log_free(tui_message_log *log);

#endif
