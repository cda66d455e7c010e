/* Activations across licences: devices and domains, deactivated after a confirmation. */
#include <stdio.h>

#include "licportal/format.h"
#include "tui/list_view.h"
#include "tui/views.h"

static const tui_column activation_columns[] = {
    {"License", 19, 0}, {"Product", 10, 2}, {"Kind", 6, 0},
    {"Name", 10, 3},    {"Platform", 8, 1}, {"Last seen", 10, 0},
};

static void activation_row(const void *item, const char **cells, tui_role *roles,
                           char scratch[][64])
{
    const lp_activation *a = item;
    lp_format_date(a->last_seen_at, scratch[5], 64);
    cells[0] = a->license_key_masked;
    cells[1] = a->product.name;
    cells[2] = lp_activation_kind_name(a->kind);
    cells[3] = a->name;
    cells[4] = a->platform ? a->platform : "-";
    cells[5] = a->last_seen_at == LP_TIME_NONE ? "never" : scratch[5];
    (void)roles;
}

void view_activations_draw(const tui_state *state, tui_rect main)
{
    char banner[160];
    if (state->activations.total >= 0)
        snprintf(banner, sizeof banner, "Activations (%ld)%s", state->activations.total,
                 state->activations_license[0] ? " of one license" : "");
    else
        snprintf(banner, sizeof banner, "Activations");
    list_view_draw(state, main, banner, &state->activations, activation_columns,
                   (int)(sizeof activation_columns / sizeof activation_columns[0]),
                   activation_row);
}
