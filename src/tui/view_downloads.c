/* Downloads: the entitled files newest first, their details and a progress bar. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/text.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"
#include "tui/list_rows.h"
#include "tui/list_view.h"
#include "tui/views.h"

void view_downloads_draw(const tui_state *state, tui_rect main)
{
    char banner[400];
    int n = snprintf(banner, sizeof banner, "Downloads");
    if (state->downloads.total >= 0)
        n += snprintf(banner + n, sizeof banner - (size_t)n, " (%ld)", state->downloads.total);
    const tui_list_order *o = &state->downloads_order;
    n += snprintf(banner + n, sizeof banner - (size_t)n, "  channel: %s  platform: %s  sort: %s",
                  state->download_channel[0] ? state->download_channel : "all",
                  state->download_platform[0] ? state->download_platform : "all",
                  tui_download_sorts[o->sort]);
    if (o->q[0])
        snprintf(banner + n, sizeof banner - (size_t)n, "  filter: \"%s\"", o->q);
    list_view_draw(state, main, banner, &state->downloads, tui_download_columns,
                   TUI_DOWNLOAD_COLUMNS);
}

static int field(const tui_state *state, tui_rect main, int y, const char *label, const char *value)
{
    int row = y - state->detail_scroll;
    if (row < main.y + 1 || row >= main.y + main.h)
        return y + 1;
    tui_put(row, main.x + 1, 14, label, TUI_ROLE_KPI_LABEL, true);
    tui_put_server(row, main.x + 16, main.w - 17, value, TUI_ROLE_NORMAL, false);
    return y + 1;
}

/* The digest whole, so that it can be compared by eye: on two lines, in halves,
 * where one line would cut it. */
static int digest_field(const tui_state *state, tui_rect main, int y, const char *hex)
{
    size_t len = strlen(hex);
    int width = main.w - 17;
    if (width <= 0 || (size_t)width >= len)
        return field(state, main, y, "SHA-256", hex);
    char half[80];
    int first = (int)((len + 1) / 2);
    snprintf(half, sizeof half, "%.*s", first, hex);
    y = field(state, main, y, "SHA-256", half);
    return field(state, main, y, "", hex + first);
}

void view_download_detail_draw(const tui_state *state, tui_rect main)
{
    tui_rect banner = {main.y, main.x, 1, main.w - 1};
    if (!state->download_detail_loaded) {
        view_banner(state, banner, "Download");
        return;
    }
    const lp_download *d = &state->download_detail;
    char title[300];
    char name[128], version[64];
    lp_sanitize_into(d->product.name, name, sizeof name);
    lp_sanitize_into(d->version, version, sizeof version);
    snprintf(title, sizeof title, "Download: %s %s", name, version);
    view_banner(state, banner, title);
    char size[32], released[16];
    lp_format_size(d->size_bytes, size, sizeof size);
    lp_format_date(d->released_at, released, sizeof released);
    int y = main.y + 2;
    y = field(state, main, y, "File", d->filename);
    y = field(state, main, y, "Channel", d->channel);
    y = field(state, main, y, "Platform", d->platform);
    y = field(state, main, y, "Arch", d->arch);
    y = field(state, main, y, "Size", size);
    y = field(state, main, y, "Released", released);
    y = digest_field(state, main, y, d->sha256);
    y++;
    int bar_row = y - state->detail_scroll;
    if (state->download_running || state->download_progress.received > 0) {
        const lp_download_progress *p = &state->download_progress;
        if (bar_row > main.y && bar_row < main.y + main.h) {
            int width = main.w - 4;
            if (width > 50)
                width = 50;
            double share = p->total > 0 ? (double)p->received / (double)p->total : 0;
            if (share > 1)
                share = 1;
            int filled = (int)(share * width);
            tui_rect done = {bar_row, main.x + 1, 1, filled};
            tui_rect rest = {bar_row, main.x + 1 + filled, 1, width - filled};
            tui_fill(done, TUI_ROLE_PROGRESS);
            tui_fill(rest, TUI_ROLE_BUTTON);
            char got[32], speed[32], eta[32] = "?";
            lp_format_size(p->received, got, sizeof got);
            lp_format_size((int64_t)p->bytes_per_second, speed, sizeof speed);
            if (p->eta_seconds >= 0)
                lp_format_duration(p->eta_seconds, eta, sizeof eta);
            char text[160];
            snprintf(text, sizeof text, "%3d%%  %s of %s  %s/s  ETA %s", (int)(share * 100), got,
                     size, speed, eta);
            if (bar_row + 1 < main.y + main.h)
                tui_put(bar_row + 1, main.x + 1, main.w - 2, text, TUI_ROLE_NORMAL, false);
        }
        y += 3;
    } else {
        char key[16], text[700];
        view_key_of(state, TUI_ACTION_START_DOWNLOAD, key, sizeof key);
        snprintf(text, sizeof text, "%s downloads it, asking where (default: %s).", key,
                 state->download_dir[0] ? state->download_dir : "current folder");
        if (bar_row > main.y && bar_row < main.y + main.h)
            tui_put(bar_row, main.x + 1, main.w - 2, text, TUI_ROLE_DIM, false);
        y += 2;
    }
    int row = y - state->detail_scroll;
    if (row > main.y && row < main.y + main.h)
        tui_put(row, main.x + 1, main.w - 2, "Release notes", TUI_ROLE_SECTION, false);
    y++;
    char *notes = lp_sanitize_str(d->release_notes ? d->release_notes : "(none)");
    /* Sanitising turned line breaks into spaces: wrap by width. */
    int width = main.w - 3;
    size_t len = notes ? strlen(notes) : 0;
    size_t at = 0;
    while (notes && at < len && width > 0) {
        char line[1024];
        /* Whole characters up to the width; the next line goes on from there. */
        size_t cols = 0, end = at;
        while (end < len && cols < (size_t)width) {
            uint32_t cp;
            size_t step = lp_utf8_decode((const unsigned char *)notes + end, len - end, &cp);
            char one[8] = {0};
            memcpy(one, notes + end, step < 7 ? step : 7);
            size_t w = lp_text_width(one);
            if (cols + w > (size_t)width)
                break;
            cols += w;
            end += step;
        }
        if (end == at)
            break;
        /* A word the width cuts goes to the next line whole, unless it is the only one. */
        size_t next = end;
        if (end < len && notes[end] != ' ') {
            size_t space = end;
            while (space > at && notes[space - 1] != ' ')
                space--;
            if (space > at)
                end = next = space;
        }
        while (next < len && notes[next] == ' ')
            next++;
        memcpy(line, notes + at, end - at < sizeof line - 1 ? end - at : sizeof line - 1);
        line[end - at < sizeof line - 1 ? end - at : sizeof line - 1] = '\0';
        row = y - state->detail_scroll;
        if (row > main.y && row < main.y + main.h)
            tui_put(row, main.x + 2, width, line, TUI_ROLE_NORMAL, false);
        y++;
        at = next;
    }
    free(notes);
}
