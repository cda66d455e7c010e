/* The download progress line, built as text so it is testable without a terminal. */
#include "cli/progress.h"

#include <stdio.h>
#include <string.h>

#include "licportal/format.h"

void cli_progress_format(const lp_download_progress *progress, size_t columns, char *out,
                         size_t size)
{
    char speed[32] = "";
    char eta[48] = "";
    char got[32];
    int percent = 0;
    if (progress->total > 0) {
        int64_t received = progress->received > progress->total ? progress->total
                                                                : progress->received;
        percent = (int)(received * 100 / progress->total);
    }
    lp_format_size(progress->received, got, sizeof got);
    if (progress->bytes_per_second > 0) {
        lp_format_size((int64_t)progress->bytes_per_second, speed, sizeof speed - 4);
        strcat(speed, "/s");
    }
    if (progress->eta_seconds >= 0) {
        char duration[32];
        lp_format_duration(progress->eta_seconds, duration, sizeof duration);
        snprintf(eta, sizeof eta, "ETA %s", duration);
    }
    char tail[160];
    snprintf(tail, sizeof tail, " %3d%%  %s  %s  %s", percent, got, speed, eta);
    size_t tail_len = strlen(tail);
    while (tail_len > 0 && tail[tail_len - 1] == ' ') {
        tail[--tail_len] = '\0';
    }
    size_t bar = columns > tail_len + 12 ? columns - tail_len - 3 : 0;
    if (bar > 40) {
        bar = 40;
    }
    size_t pos = 0;
    if (bar > 0 && size > bar + 3) {
        out[pos++] = '[';
        size_t filled = bar * (size_t)percent / 100;
        for (size_t i = 0; i < bar; i++) {
            out[pos++] = i < filled ? '#' : ' ';
        }
        out[pos++] = ']';
    }
    snprintf(out + pos, size - pos, "%s", tail);
}
