/* Activations across licenses: devices and domains, deactivated after a confirmation. */
#include <stdio.h>

#include "licportal/format.h"
#include "tui/list_view.h"
#include "tui/views.h"

static const tui_column activation_columns[] = {
    {"License", 19, 0}, {"Product", 10, 2}, {"Kind", 6, 0},
    {"Name", 10, 3},    {"Platform", 8, 1}, {"Last seen", 10, 0},
};

void view_activations_draw(const tui_state *state, tui_rect main)
{
    char banner[160];
    if (state->activations.total >= 0)
        snprintf(banner, sizeof banner, "Activations (%ld)%s", state->activations.total,
                 state->activations_license[0] ? " of one license" : "");
    else
        snprintf(banner, sizeof banner, "Activations");
    list_view_draw(state, main, banner, &state->activations, activation_columns,
                   (int)(sizeof activation_columns / sizeof activation_columns[0]));
}
