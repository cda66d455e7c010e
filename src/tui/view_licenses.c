/* The license list: the whole library through the pager, with filters and sorting. */
#include <stdio.h>
#include <string.h>

#include "licportal/format.h"
#include "tui/list_rows.h"
#include "tui/list_view.h"
#include "tui/views.h"

void view_licenses_draw(const tui_state *state, tui_rect main)
{
    const tui_license_filter *f = &state->license_filter;
    char banner[400];
    int n = snprintf(banner, sizeof banner, "Licenses");
    if (state->licenses.total >= 0)
        n += snprintf(banner + n, sizeof banner - (size_t)n, " (%ld)", state->licenses.total);
    n += snprintf(banner + n, sizeof banner - (size_t)n, "  status: %s",
                  f->status[0] ? f->status : "all");
    if (f->expiring_within_days >= 0)
        n += snprintf(banner + n, sizeof banner - (size_t)n, ", expiring within %d days",
                      f->expiring_within_days);
    n += snprintf(banner + n, sizeof banner - (size_t)n, "  sort: %s",
                  tui_license_sorts[f->order.sort]);
    if (f->order.q[0])
        snprintf(banner + n, sizeof banner - (size_t)n, "  filter: \"%s\"", f->order.q);
    list_view_draw(state, main, banner, &state->licenses, tui_license_columns, TUI_LICENSE_COLUMNS);
}
