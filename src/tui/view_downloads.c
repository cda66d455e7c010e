/* Downloads: the entitled files newest first, their details and a progress bar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/text.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"
#include "tui/list_rows.h"
#include "tui/list_view.h"
#include "tui/detail_lines.h"
#include "tui/text_wrap.h"
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

static int field(int scroll, tui_rect main, int y, const char *label, const char *value)
{
    int row = y - scroll;
    if (row < main.y + 1 || row >= main.y + main.h)
        return y + 1;
    tui_put(row, main.x + 1, 14, label, TUI_ROLE_KPI_LABEL, true);
    tui_put_server(row, main.x + 16, main.w - 17, value, TUI_ROLE_NORMAL, false);
    return y + 1;
}

/* The digest whole, so that it can be compared by eye: on two lines, in halves,
 * where one line would cut it. */
static int digest_field(int scroll, tui_rect main, int y, const char *hex)
{
    size_t len = strlen(hex);
    int width = main.w - 17;
    if (width <= 0 || (size_t)width >= len)
        return field(scroll, main, y, "SHA-256", hex);
    char half[80];
    int first = (int)((len + 1) / 2);
    snprintf(half, sizeof half, "%.*s", first, hex);
    y = field(scroll, main, y, "SHA-256", half);
    return field(scroll, main, y, "", hex + first);
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
    int lines = tui_download_detail_lines(state);
    int scroll = tui_detail_scroll_shown(state, lines);
    view_detail_banner(state, banner, title, lines, scroll);
    char size[32], released[16];
    lp_format_size(d->size_bytes, size, sizeof size);
    lp_format_date(d->released_at, released, sizeof released);
    int y = main.y + 2;
    y = field(scroll, main, y, "File", d->filename);
    y = field(scroll, main, y, "Channel", d->channel);
    y = field(scroll, main, y, "Platform", d->platform);
    y = field(scroll, main, y, "Arch", d->arch);
    y = field(scroll, main, y, "Size", size);
    y = field(scroll, main, y, "Released", released);
    y = digest_field(scroll, main, y, d->sha256);
    y++;
    int bar_row = y - scroll;
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
    int row = y - scroll;
    if (row > main.y && row < main.y + main.h)
        tui_put(row, main.x + 1, main.w - 2, "Release notes", TUI_ROLE_SECTION, false);
    y++;
    char *notes = lp_sanitize_str(d->release_notes ? d->release_notes : "(none)");
    /* Sanitising turned line breaks into spaces: wrap by width. */
    int width = main.w - 3;
    size_t len = notes ? strlen(notes) : 0;
    size_t at = 0, from, line_len;
    while (tui_wrap_next(notes, len, &at, width, &from, &line_len)) {
        char line[1024];
        size_t n = line_len < sizeof line - 1 ? line_len : sizeof line - 1;
        memcpy(line, notes + from, n);
        line[n] = '\0';
        row = y - scroll;
        if (row > main.y && row < main.y + main.h)
            tui_put(row, main.x + 2, width, line, TUI_ROLE_NORMAL, false);
        y++;
    }
    free(notes);
}
