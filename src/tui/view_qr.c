/* The QR overlay: the selected renewal's checkout URL or the license file, light modules drawn as blocks. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/qr.h"
#include "tui/update.h"
#include "tui/views.h"
#include "tui/widgets.h"

/* Upper half, lower half, both: two module rows per terminal line. */
static const char *const half_blocks[4] = {" ", "\u2580", "\u2584", "\u2588"};

void view_qr_draw(const tui_state *state)
{
    const tui_layout *l = &state->layout;
    const lp_renewal_option *option = tui_selected_renewal(state);
    const char *text = state->qr_of_license_file ? state->license_file
                       : option                  ? option->checkout_url
                                                 : NULL;
    tui_rect area = {1, 0, l->lines - 2, l->cols};
    tui_fill(area, TUI_ROLE_NORMAL);
    tui_qr qr;
    if (!text || !tui_qr_encode(text, &qr)) {
        tui_put(2, 1, l->cols - 2,
                state->qr_of_license_file ? "This license file cannot be shown as a QR code here."
                                          : "This URL cannot be shown as a QR code here.",
                TUI_ROLE_ERROR, false);
        return;
    }
    bool unicode = MB_CUR_MAX > 1;
    int rows = unicode ? (qr.size + 1) / 2 : qr.size;
    int cols = unicode ? qr.size : qr.size * 2;
    if (rows + 1 > area.h || cols > area.w) {
        /* What it needs: the overlay's rows and label, the bars around it. */
        char need[160];
        snprintf(need, sizeof need,
                 "Make the terminal at least %dx%d to show the QR code (any key closes).", cols,
                 rows + 3);
        tui_put(2, 1, l->cols - 2, need, TUI_ROLE_ERROR, false);
        tui_qr_clear(&qr);
        return;
    }
    int top = area.y + (area.h - rows - 1) / 2;
    int left = (area.w - cols) / 2;
    char label[160];
    if (state->qr_of_license_file)
        snprintf(label, sizeof label, "The license file (%zu bytes), whole; any key closes",
                 strlen(text));
    else
        snprintf(label, sizeof label, "Scan to renew (%s); any key closes", option->label);
    tui_put_server(top, 1, l->cols - 2, label, TUI_ROLE_SECTION, false);
    /* Light modules are drawn, as qrencode's terminal output does: scanners
     * read it on the dark backgrounds terminals usually have. */
    attrset(tui_attr(TUI_ROLE_NORMAL));
    for (int r = 0; r < rows; r++) {
        move(top + 1 + r, left);
        for (int x = 0; x < qr.size; x++) {
            if (unicode) {
                int y0 = 2 * r, y1 = 2 * r + 1;
                int upper = !qr.dark[y0 * qr.size + x];
                int lower = y1 < qr.size ? !qr.dark[y1 * qr.size + x] : 1;
                addstr(half_blocks[upper | (lower << 1)]);
            } else {
                int light = !qr.dark[r * qr.size + x];
                attrset(light ? A_REVERSE : A_NORMAL);
                addstr("  ");
            }
        }
    }
    attrset(A_NORMAL);
    tui_qr_clear(&qr);
}
