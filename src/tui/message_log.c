/* Every status message with its time, the last few hundred, for the log overlay. */
#include "tui/message_log.h"

#include <stdio.h>
#include <stdlib.h>

void tui_message_log_add(tui_message_log *log, lp_time at, bool error, const char *text)
{
    if (!log->entries) {
        log->entries = calloc(TUI_LOG_CAPACITY, sizeof *log->entries);
        if (!log->entries)
            return;
    }
    int slot = (log->first + log->count) % TUI_LOG_CAPACITY;
    if (log->count == TUI_LOG_CAPACITY)
        log->first = (log->first + 1) % TUI_LOG_CAPACITY;
    else
        log->count++;
    tui_logged_message *m = &log->entries[slot];
    m->at = at;
    m->error = error;
    snprintf(m->text, sizeof m->text, "%s", text ? text : "");
}

const tui_logged_message *tui_message_log_at(const tui_message_log *log, int index)
{
    if (!log->entries || index < 0 || index >= log->count)
        return NULL;
    return &log->entries[(log->first + index) % TUI_LOG_CAPACITY];
}

void tui_message_log_free(tui_message_log *log)
{
    free(log->entries);
    log->entries = NULL;
    log->first = 0;
    log->count = 0;
}
